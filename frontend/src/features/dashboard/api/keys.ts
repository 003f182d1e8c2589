import type { paths } from "../../../lib/api";

export type TaskCountsQuery = NonNullable<paths["/api/v1/tasks/counts"]["get"]["parameters"]["query"]>;
export type TaskListQuery = NonNullable<paths["/api/v1/tasks"]["get"]["parameters"]["query"]>;
export type ScorecardQuery = NonNullable<paths["/api/v1/indicators/scorecard"]["get"]["parameters"]["query"]>;
export type CompletenessQuery = paths["/api/v1/indicators/completeness"]["get"]["parameters"]["query"];

export const dashboardKeys = {
  all: ["dashboard"] as const,
  taskCounts: (query: TaskCountsQuery) => [...dashboardKeys.all, "task-counts", query] as const,
  tasks: (query: TaskListQuery) => [...dashboardKeys.all, "tasks", query] as const,
  scorecard: (query: ScorecardQuery) => [...dashboardKeys.all, "scorecard", query] as const,
  completeness: (query: CompletenessQuery) => [...dashboardKeys.all, "completeness", query] as const,
};
