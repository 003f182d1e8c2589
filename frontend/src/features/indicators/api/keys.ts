import type { IndicatorFilters } from "./types";

export const indicatorKeys = {
  all: ["indicators"] as const,
  plans: () => [...indicatorKeys.all, "plans"] as const,
  lists: () => [...indicatorKeys.all, "list"] as const,
  list: (filters: IndicatorFilters) => [...indicatorKeys.lists(), filters] as const,
  scorecards: () => [...indicatorKeys.all, "scorecard"] as const,
  scorecard: (filters: IndicatorFilters) => [...indicatorKeys.scorecards(), filters] as const,
  detail: (id: string) => [...indicatorKeys.all, "detail", id] as const,
  series: (id: string) => [...indicatorKeys.all, "series", id] as const,
  values: (id: string) => [...indicatorKeys.all, "values", id] as const,
  value: (valueId: string) => [...indicatorKeys.all, "value", valueId] as const,
  reviewQueue: () => [...indicatorKeys.all, "review-queue"] as const,
};
