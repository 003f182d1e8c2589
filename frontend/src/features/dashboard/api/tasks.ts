import { useQuery } from "@tanstack/react-query";

import { api, unwrap, type paths } from "../../../lib/api";
import { dashboardKeys, type TaskListQuery } from "./keys";

export type TaskPage = paths["/api/v1/tasks"]["get"]["responses"][200]["content"]["application/json"];
export type Task = TaskPage["items"][number];

interface Options {
  /** Re-ask the server this often (ms): for lists that must show others' updates as they arrive. */
  refetchInterval?: number;
}

/** One page of tasks for a dashboard list; `null` query = the scope is not known yet. */
export function useTaskPage(query: TaskListQuery | null, { refetchInterval }: Options = {}) {
  return useQuery({
    queryKey: dashboardKeys.tasks(query ?? {}),
    queryFn: async () => unwrap(await api.GET("/api/v1/tasks", { params: { query: query ?? {} } })),
    enabled: query !== null,
    ...(refetchInterval ? { refetchInterval, refetchOnMount: "always" as const, staleTime: 0 } : {}),
  });
}
