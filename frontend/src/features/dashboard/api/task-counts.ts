import { useQuery } from "@tanstack/react-query";

import { api, unwrap, type paths } from "../../../lib/api";
import { dashboardKeys, type TaskCountsQuery } from "./keys";

export type TaskCounts = paths["/api/v1/tasks/counts"]["get"]["responses"][200]["content"]["application/json"];

/** Counts by status, agency and section for the dashboard; `null` query = the scope is not known yet. */
export function useTaskCounts(query: TaskCountsQuery | null) {
  return useQuery({
    queryKey: dashboardKeys.taskCounts(query ?? {}),
    queryFn: async () => unwrap(await api.GET("/api/v1/tasks/counts", { params: { query: query ?? {} } })),
    enabled: query !== null,
  });
}
