import { Select } from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router-dom";

import { Chart } from "../../../components/Chart";
import { QueryState } from "../../../components/QueryState";
import { usePlanOptions, type PlanOption } from "../api/plans";
import type { TaskCounts } from "../api/task-counts";
import type { DashboardScope } from "../hooks/use-dashboard-scope";
import { useScopedTaskCounts } from "../hooks/use-dashboard-data";
import { useLabelWidth } from "../hooks/use-label-width";
import { useMessages } from "../i18n";
import { sectionLink } from "../utils/links";
import { planLabel } from "../utils/plan-label";
import { shareBarsOption } from "../utils/share-bars";
import { Block, FiguresDetails, ShareColorKey, useShareSeriesNames } from "./Block";

type SectionRow = TaskCounts["by_section"][number];

const BAR = 30;
const MIN_HEIGHT = 320;

/** The plan with most tasks opens first: that is where the province's work is. */
export function defaultPlan(plans: readonly PlanOption[]): PlanOption | undefined {
  return [...plans].sort((a, b) => b.task_count - a.task_count).find((plan) => plan.task_count > 0);
}

export function SectionBlock({ scope }: { scope: DashboardScope }) {
  const m = useMessages();
  const plans = usePlanOptions();
  const [picked, setPicked] = useState<string>();
  const withTasks = useMemo(() => (plans.data ?? []).filter((plan) => plan.task_count > 0), [plans.data]);
  const plan = withTasks.find((p) => p.id === picked) ?? defaultPlan(withTasks);
  return (
    <Block
      id="sections"
      title={m("section.title")}
      minHeight={MIN_HEIGHT}
      loading={plans.isPending}
      extra={
        withTasks.length > 0 && (
          <Select
            aria-label={m("section.plan")}
            className="dash-plan-select"
            value={plan?.id}
            onChange={setPicked}
            popupMatchSelectWidth={false}
            options={withTasks.map((p) => ({ value: p.id, label: planLabel(p) }))}
          />
        )
      }
    >
      <QueryState
        query={plans}
        isEmpty={() => withTasks.length === 0}
        empty={m("section.noPlans")}
        skeletonRows={9}
      >
        {() => plan && <SectionCounts scope={scope} plan={plan} />}
      </QueryState>
    </Block>
  );
}

function SectionCounts({ scope, plan }: { scope: DashboardScope; plan: PlanOption }) {
  const m = useMessages();
  const counts = useScopedTaskCounts(scope, { plan_id: plan.id });
  return (
    <QueryState
      query={counts}
      isEmpty={(data) => data.by_section.length === 0}
      empty={m("section.empty")}
      skeletonRows={9}
    >
      {(data) => <SectionChart plan={plan} rows={data.by_section} />}
    </QueryState>
  );
}

function SectionChart({ plan, rows }: { plan: PlanOption; rows: SectionRow[] }) {
  const m = useMessages();
  const labelWidth = useLabelWidth();
  const navigate = useNavigate();
  const sorted = useMemo(() => [...rows].sort((a, b) => b.tasks - a.tasks), [rows]);
  const names = useShareSeriesNames();
  const option = useMemo(
    () =>
      shareBarsOption(sorted, {
        labelWidth,
        names,
        label: (row) => row.section_title || m("section.none"),
        datum: (row) => ({ sectionId: row.section_id }),
      }),
    [labelWidth, sorted, names, m],
  );
  return (
    <>
      <ShareColorKey names={names} />
      <Chart
        option={option}
        height={Math.max(120, sorted.length * BAR + 32)}
        label={m("section.chart", { plan: planLabel(plan) })}
        testId="section-chart"
        onClick={(event) => {
          const data = event.data as { sectionId?: string | null } | null;
          if (data) void navigate(sectionLink(plan.id, data.sectionId ?? null));
        }}
      />
      <FiguresDetails summary={m("data.show")}>
        <table className="dash-table">
          <thead>
            <tr>
              <th scope="col">{m("col.section")}</th>
              <th scope="col">{m("col.tasks")}</th>
              <th scope="col">{m("series.overdue")}</th>
              <th scope="col">{m("series.completed")}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.section_id ?? "none"}>
                <th scope="row">
                  <Link to={sectionLink(plan.id, row.section_id)}>{row.section_title || m("section.none")}</Link>
                </th>
                <td>{row.tasks}</td>
                <td>{row.overdue}</td>
                <td>{row.completed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </FiguresDetails>
    </>
  );
}
