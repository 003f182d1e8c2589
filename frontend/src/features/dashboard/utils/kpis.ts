import type { TaskCounts } from "../api/task-counts";
import type { DashboardScope } from "../hooks/use-dashboard-scope";
import { COMPLETED_STATUSES, tasksLink } from "./links";

export type KpiKey = "total" | "inProgress" | "completed" | "overdue" | "dueSoon" | "submitted";

export interface Kpi {
  key: KpiKey;
  value: number | undefined;
  to: string;
  accent: string;
}

export const DUE_SOON_DAYS = 7;

function byStatus(counts: TaskCounts, statuses: readonly string[]): number {
  return counts.by_status.filter((row) => statuses.includes(row.status)).reduce((sum, row) => sum + row.count, 0);
}

/** The six headline figures, each with the task list that explains it. */
export function buildKpis(scope: DashboardScope, counts: TaskCounts, dueSoon: number | undefined): Kpi[] {
  return [
    { key: "total", value: counts.total, to: tasksLink(scope), accent: "#0b4f8a" },
    {
      key: "inProgress",
      value: byStatus(counts, ["in_progress"]),
      to: tasksLink(scope, { status: "in_progress" }),
      accent: "#1677ff",
    },
    {
      key: "completed",
      value: byStatus(counts, COMPLETED_STATUSES),
      to: tasksLink(scope, { status: COMPLETED_STATUSES }),
      accent: "#1e6b3a",
    },
    { key: "overdue", value: counts.overdue, to: tasksLink(scope, { overdue: true }), accent: "#b42318" },
    {
      key: "dueSoon",
      value: dueSoon,
      to: tasksLink(scope, { due_within_days: DUE_SOON_DAYS }),
      accent: "#b25e09",
    },
    {
      key: "submitted",
      value: byStatus(counts, ["submitted"]),
      to: tasksLink(scope, { status: "submitted" }),
      accent: "#6941c6",
    },
  ];
}
