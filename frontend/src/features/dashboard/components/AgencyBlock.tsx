import { Button, Segmented } from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router-dom";

import { Chart } from "../../../components/Chart";
import { QueryState } from "../../../components/QueryState";
import type { TaskCounts } from "../api/task-counts";
import type { DashboardScope } from "../hooks/use-dashboard-scope";
import { useScopedTaskCounts } from "../hooks/use-dashboard-data";
import { useLabelWidth } from "../hooks/use-label-width";
import { useMessages } from "../i18n";
import { agencyLink } from "../utils/links";
import { shareBarsOption } from "../utils/share-bars";
import { Block, FiguresDetails, ShareColorKey, useShareSeriesNames } from "./Block";

type AgencyRow = TaskCounts["by_agency"][number];
type AgencyRole = "lead" | "coordinator" | "any";

const TOP = 10;
const BAR = 28;

export function AgencyBlock({ scope }: { scope: DashboardScope }) {
  const m = useMessages();
  const [role, setRole] = useState<AgencyRole>("lead");
  // "lead" is the API's default: the same request as the page's main counts, so it is asked once
  const counts = useScopedTaskCounts(scope, role === "lead" ? {} : { agency_role: role });
  return (
    <Block
      id="agencies"
      title={m("agency.title")}
      minHeight={TOP * BAR + 80}
      loading={counts.isPending}
      extra={
        <Segmented<AgencyRole>
          aria-label={m("agency.role")}
          size="small"
          value={role}
          onChange={setRole}
          options={(["lead", "coordinator", "any"] as const).map((value) => ({
            value,
            label: m(`agency.role.${value}`),
          }))}
        />
      }
    >
      <QueryState
        query={counts}
        isEmpty={(data) => data.by_agency.length === 0}
        empty={m("agency.empty")}
        skeletonRows={10}
      >
        {(data) => <AgencyChart rows={data.by_agency} role={role} />}
      </QueryState>
    </Block>
  );
}

function AgencyChart({ rows, role }: { rows: AgencyRow[]; role: AgencyRole }) {
  const m = useMessages();
  const labelWidth = useLabelWidth();
  const navigate = useNavigate();
  const [all, setAll] = useState(false);
  const sorted = useMemo(() => [...rows].sort((a, b) => b.tasks - a.tasks), [rows]);
  const shown = useMemo(() => (all ? sorted : sorted.slice(0, TOP)), [all, sorted]);
  const names = useShareSeriesNames();
  const option = useMemo(
    () =>
      shareBarsOption(shown, {
        labelWidth,
        names,
        label: (row) => row.agency_name,
        datum: (row) => ({ agencyId: row.agency_id }),
      }),
    [labelWidth, shown, names],
  );
  return (
    <>
      <ShareColorKey names={names} />
      <Chart
        option={option}
        height={shown.length * BAR + 32}
        label={m("agency.chart", { count: shown.length })}
        testId="agency-chart"
        onClick={(event) => {
          const agencyId = (event.data as { agencyId?: string } | null)?.agencyId;
          if (agencyId) void navigate(agencyLink(agencyId, role));
        }}
      />
      {sorted.length > TOP && (
        <Button type="link" className="dash-footer" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? m("agency.showTop", { count: TOP }) : m("agency.showAll", { count: sorted.length })}
        </Button>
      )}
      <FiguresDetails summary={m("data.show")}>
        <table className="dash-table">
          <thead>
            <tr>
              <th scope="col">{m("col.agency")}</th>
              <th scope="col">{m("col.tasks")}</th>
              <th scope="col">{m("series.overdue")}</th>
              <th scope="col">{m("series.completed")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.agency_id}>
                <th scope="row">
                  <Link to={agencyLink(row.agency_id, role)}>{row.agency_name}</Link>
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
