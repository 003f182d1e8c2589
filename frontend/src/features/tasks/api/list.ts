import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";

import { api, downloadFile, unwrap } from "../../../lib/api";
import { taskKeys } from "./keys";
import type { Section, TaskFilters, TaskPage } from "./types";

export const PAGE_SIZE = 50;

async function getTaskPage(filters: TaskFilters, cursor: string | undefined): Promise<TaskPage> {
  return unwrap(await api.GET("/api/v1/tasks", { params: { query: { ...filters, limit: PAGE_SIZE, cursor } } }));
}

/** The filtered list, a page at a time ("Xem thêm" asks for the next cursor). */
export function useTaskList(filters: TaskFilters) {
  return useInfiniteQuery({
    queryKey: taskKeys.list(filters),
    queryFn: ({ pageParam }) => getTaskPage(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // a new filter keeps the old rows on screen until the new ones arrive: no jump on every keystroke
    placeholderData: keepPreviousData,
  });
}

export { usePlans } from "../../../lib/plans";

export function usePlanSections(planId: string | null | undefined) {
  return useQuery({
    queryKey: taskKeys.sections(planId ?? ""),
    queryFn: async (): Promise<Section[]> =>
      unwrap(await api.GET("/api/v1/tasks/plans/{plan_id}/sections", { params: { path: { plan_id: planId ?? "" } } })),
    enabled: !!planId,
    staleTime: 10 * 60_000,
  });
}

/** Downloads the filtered list as XLSX (the API caps it at 20 000 rows). */
export function useExportTasks() {
  return useMutation({
    mutationFn: (filters: TaskFilters) =>
      downloadFile("/api/v1/tasks/export.xlsx", { ...filters, sort: undefined }, "nhiem-vu.xlsx"),
  });
}
