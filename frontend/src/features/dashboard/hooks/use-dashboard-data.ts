import { useTaskCounts } from "../api/task-counts";
import { useTaskPage } from "../api/tasks";
import type { TaskCountsQuery, TaskListQuery } from "../api/keys";
import type { DashboardScope } from "./use-dashboard-scope";

/** Task counts within the dashboard's scope (the caller's agency subtree unless province-wide). */
export function useScopedTaskCounts(scope: DashboardScope | undefined, extra: TaskCountsQuery = {}) {
  return useTaskCounts(scope ? { ...scope.taskQuery, ...extra } : null);
}

/** A short task list within the dashboard's scope. */
export function useScopedTasks(
  scope: DashboardScope | undefined,
  extra: TaskListQuery,
  options?: { refetchInterval?: number },
) {
  return useTaskPage(scope ? { ...scope.taskQuery, ...extra } : null, options);
}

export const RECENT_REFRESH_MS = 30_000;
