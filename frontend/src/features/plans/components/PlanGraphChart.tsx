import { Grid } from "antd";
import { GraphChart } from "echarts/charts";
import { use as registerCharts } from "echarts/core";
import { useMemo } from "react";
import { useNavigate } from "react-router-dom";

import { Chart, type ChartOption } from "../../../components/Chart";
import { paths } from "../../../config/paths";
import type { PlanGraph } from "../api/plans";
import { useMessages } from "../i18n";
import { layoutPlans, planName, reducedParents, shortLabel } from "../utils/graph";

// only this screen draws a graph: its code stays out of the dashboard's charts
registerCharts([GraphChart]);

type Orientation = "horizontal" | "vertical";

const KIND_COLORS: Record<string, string> = {
  "Nghị quyết": "#b42318",
  "Chương trình hành động": "#d46b08",
  "Chương trình": "#d46b08",
  "Quyết định": "#6941c6",
  "Kế hoạch": "#0b4f8a",
};

const OTHER_KIND = "#4a5868";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const SPACING = {
  horizontal: { level: 200, slot: 64 },
  vertical: { level: 110, slot: 80 },
};

type EdgeText = (child: string, parent: string) => string;

export function graphOption(graph: PlanGraph, orientation: Orientation, edgeText: EdgeText): ChartOption {
  const laid = layoutPlans(graph);
  const index = new Map(laid.map((item, i) => [item.plan.id, i]));
  const step = SPACING[orientation];
  const horizontal = orientation === "horizontal";
  const nodes = laid.map(({ plan, level, slot }, i) => ({
    id: plan.id,
    name: shortLabel(plan),
    planId: plan.id,
    x: horizontal ? level * step.level : slot * step.slot,
    y: horizontal ? slot * step.slot : level * step.level,
    symbolSize: plan.task_count > 0 ? 18 : 12,
    itemStyle: { color: KIND_COLORS[plan.kind] ?? OTHER_KIND },
    label: {
      show: true,
      position: horizontal ? "right" : i % 2 ? "top" : "bottom",
      fontSize: 11,
      color: "#17212b",
    },
    tooltip: {
      formatter: () => `<strong>${escapeHtml(planName(plan))}</strong><br/>${escapeHtml(plan.issuer)}`,
    },
  }));
  const names = new Map(laid.map(({ plan }) => [plan.id, planName(plan)]));
  const levels = new Map(laid.map(({ plan, level }) => [plan.id, level]));
  const direct = reducedParents(graph);
  const links = graph.edges
    .filter((edge) => index.has(edge.plan_id) && index.has(edge.parent_id))
    .map((edge) => {
      // a relation also reached through another document is drawn faint; long jumps bend around the nodes
      const isDirect = direct.get(edge.plan_id)?.includes(edge.parent_id) ?? false;
      const span = (levels.get(edge.plan_id) ?? 0) - (levels.get(edge.parent_id) ?? 0);
      const text = edgeText(names.get(edge.plan_id) ?? "", names.get(edge.parent_id) ?? "");
      return {
        source: index.get(edge.parent_id),
        target: index.get(edge.plan_id),
        lineStyle: { type: isDirect ? "solid" : "dashed", opacity: isDirect ? 0.9 : 0.35, curveness: span > 1 ? -0.2 : 0 },
        tooltip: { formatter: () => escapeHtml(text) },
      };
    });
  return {
    tooltip: { confine: true },
    series: [
      {
        type: "graph",
        layout: "none",
        roam: false,
        left: horizontal ? 24 : 44,
        right: horizontal ? 110 : 44,
        top: 40,
        bottom: 40,
        edgeSymbol: ["none", "arrow"],
        edgeSymbolSize: 7,
        lineStyle: { color: "#6b7a8c", width: 1.2 },
        emphasis: { focus: "adjacency", lineStyle: { width: 2.5 } },
        data: nodes,
        links,
      },
    ],
  };
}

export function graphHeight(graph: PlanGraph, orientation: Orientation): number {
  const laid = layoutPlans(graph);
  const levels = Math.max(0, ...laid.map((item) => item.level)) + 1;
  const slots = Math.max(0, ...laid.map((item) => item.slot)) + 1;
  return orientation === "horizontal" ? Math.max(240, slots * 64 + 56) : Math.max(240, levels * 110 + 56);
}

/** The plan graph as a picture: layered left to right (top to bottom on a phone); a node opens its plan. */
export function PlanGraphChart({ graph }: { graph: PlanGraph }) {
  const m = useMessages();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const orientation: Orientation = screens.md ? "horizontal" : "vertical";
  const option = useMemo(
    () => graphOption(graph, orientation, (child, parent) => m("graph.edge", { child, parent })),
    [graph, orientation, m],
  );
  const kinds = [...new Set(graph.plans.map((plan) => plan.kind))];
  return (
    <>
      <Chart
        option={option}
        height={graphHeight(graph, orientation)}
        label={m("graph.chart", { count: graph.plans.length })}
        testId="plan-graph"
        onClick={(event) => {
          const planId = (event.data as { planId?: string } | null)?.planId;
          if (planId) void navigate(paths.plan(planId));
        }}
      />
      <ul className="plan-graph-key">
        {kinds.map((kind) => (
          <li key={kind}>
            <span
              className="plan-graph-key__dot"
              style={{ background: KIND_COLORS[kind] ?? OTHER_KIND }}
              aria-hidden="true"
            />
            {kind}
          </li>
        ))}
        <li>
          <span className="plan-graph-key__dash" aria-hidden="true" />
          {m("graph.indirect")}
        </li>
      </ul>
    </>
  );
}
