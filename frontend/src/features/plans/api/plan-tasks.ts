import { useInfiniteQuery } from "@tanstack/react-query";

import { api, unwrap, type paths } from "../../../lib/api";
import { planKeys } from "./keys";

export type TaskPage = paths["/api/v1/tasks"]["get"]["responses"][200]["content"]["application/json"];
export type Task = TaskPage["items"][number];

export const PLAN_TASKS_PAGE = 20;

/** A plan's tasks (of one section and its sub-sections, or all), in the document's order, page by page. */
export function usePlanTasks(planId: string, sectionId: string | null) {
  return useInfiniteQuery({
    queryKey: planKeys.tasks(planId, sectionId),
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET("/api/v1/tasks", {
          params: {
            query: {
              plan_id: planId,
              section_id: sectionId,
              mine: false,
              sort: "plan_order",
              limit: PLAN_TASKS_PAGE,
              cursor: pageParam,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
