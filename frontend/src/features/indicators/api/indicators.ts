import { keepPreviousData, useInfiniteQuery, useQueries, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api";
import { indicatorKeys } from "./keys";
import type { IndicatorFilters } from "./types";

export const PAGE_SIZE = 50;

/** One page after another of the filtered list ("Xem thêm" asks for the next cursor). */
export function useIndicatorList(filters: IndicatorFilters, limit = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: indicatorKeys.list(filters),
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await api.GET("/api/v1/indicators", { params: { query: { ...filters, limit, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // the previous result stays on screen while a changed filter loads: no flash of skeleton per keystroke
    placeholderData: keepPreviousData,
  });
}

/** Counts by status for the same filters, for the summary above the list. */
export function useScorecard(filters: IndicatorFilters) {
  return useQuery({
    queryKey: indicatorKeys.scorecard(filters),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET("/api/v1/indicators/scorecard", { params: { query: { ...filters, by: "sector" } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function usePlans() {
  return useQuery({
    queryKey: indicatorKeys.plans(),
    queryFn: async ({ signal }) => unwrap(await api.GET("/api/v1/indicators/plans", { signal })),
    staleTime: 5 * 60_000,
  });
}

async function getIndicator(id: string, signal?: AbortSignal) {
  return unwrap(await api.GET("/api/v1/indicators/{indicator_id}", { params: { path: { indicator_id: id } }, signal }));
}

export function useIndicator(id: string) {
  return useQuery({ queryKey: indicatorKeys.detail(id), queryFn: ({ signal }) => getIndicator(id, signal) });
}

/** Several indicators at once (shared with the detail page's cache), by id. */
export function useIndicatorsById(ids: readonly string[]) {
  const results = useQueries({
    queries: ids.map((id) => ({ queryKey: indicatorKeys.detail(id), queryFn: ({ signal }: { signal: AbortSignal }) => getIndicator(id, signal) })),
  });
  return new Map(results.flatMap((result) => (result.data ? [[result.data.id, result.data] as const] : [])));
}

export function useIndicatorSeries(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: indicatorKeys.series(id),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET("/api/v1/indicators/{indicator_id}/series", { params: { path: { indicator_id: id } }, signal })),
    enabled,
  });
}
