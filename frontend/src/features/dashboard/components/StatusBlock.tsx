import { useMemo } from "react";
import { Link, useNavigate } from "react-router-dom";

import { Chart, type ChartClick, type ChartOption } from "../../../components/Chart";
import { QueryState } from "../../../components/QueryState";
import type { TaskCounts } from "../api/task-counts";
import type { DashboardScope } from "../hooks/use-dashboard-scope";
import { useLabelWidth } from "../hooks/use-label-width";
import { useMessages } from "../i18n";
import { TASK_STATUS_COLORS } from "../utils/colors";
import { statusLink } from "../utils/links";
import { Block } from "./Block";

type StatusRow = TaskCounts["by_status"][number];

interface StatusBlockProps {
  scope: DashboardScope;
  counts: { data: TaskCounts | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
}

const HEIGHT = 280;

/** Which status a click on the chart landed on (the bar's data item carries it). */
export function statusOfClick(event: ChartClick): string | undefined {
  const data = event.data as { status?: string } | null;
  return data?.status;
}

function statusOption(labelWidth: number, rows: StatusRow[]): ChartOption {
  return {
    tooltip: { trigger: "item" },
    grid: { left: 8, right: 40, top: 8, bottom: 8 },
    xAxis: { type: "value", minInterval: 1, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map((row) => row.label),
      axisLabel: { width: labelWidth, overflow: "truncate" },
    },
    series: [
      {
        type: "bar",
        barMaxWidth: 22,
        label: { show: true, position: "right" },
        data: rows.map((row) => ({
          value: row.count,
          status: row.status,
          itemStyle: { color: TASK_STATUS_COLORS[row.status] },
        })),
      },
    ],
  };
}

export function StatusBlock({ scope, counts }: StatusBlockProps) {
  const m = useMessages();
  return (
    <Block id="status" title={m("status.title")} minHeight={HEIGHT} loading={counts.isPending}>
      <QueryState
        query={counts}
        isEmpty={(data) => data.total === 0}
        empty={m("status.empty")}
        skeletonRows={8}
      >
        {(data) => <StatusChart scope={scope} rows={data.by_status} />}
      </QueryState>
    </Block>
  );
}

function StatusChart({ scope, rows }: { scope: DashboardScope; rows: StatusRow[] }) {
  const m = useMessages();
  const labelWidth = useLabelWidth();
  const navigate = useNavigate();
  const option = useMemo(() => statusOption(labelWidth, rows), [labelWidth, rows]);
  const summary = rows.map((row) => `${row.label}: ${row.count}`).join("; ");
  return (
    <>
      <Chart
        option={option}
        height={Math.max(160, rows.length * 30 + 24)}
        label={m("status.chart", { summary })}
        testId="status-chart"
        onClick={(event) => {
          const status = statusOfClick(event);
          if (status) void navigate(statusLink(scope, status));
        }}
      />
      <ul className="dash-legend" aria-label={m("status.list")}>
        {rows.map((row) => (
          <li key={row.status}>
            <Link to={statusLink(scope, row.status)} aria-label={`${row.label}: ${row.count}`}>
              <span className="dash-legend__name">
                <span
                  className="dash-legend__swatch"
                  style={{ background: TASK_STATUS_COLORS[row.status] }}
                  aria-hidden="true"
                />
                {row.label}
              </span>
              <span className="dash-legend__count">{row.count}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
