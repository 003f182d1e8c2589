import { useQuery } from "@tanstack/react-query";

import { api, unwrap, type paths } from "../../../lib/api";
import type { components } from "../../../lib/api/schema";
import { dashboardKeys, type CompletenessQuery, type ScorecardQuery } from "./keys";

export type Scorecard = paths["/api/v1/indicators/scorecard"]["get"]["responses"][200]["content"]["application/json"];
export type IndicatorStatus = components["schemas"]["IndicatorsStatus"];
export type Completeness =
  paths["/api/v1/indicators/completeness"]["get"]["responses"][200]["content"]["application/json"];

/** Indicators by status per sector (or agency); the service already limits an agency to what it may see. */
export function useScorecard(query: ScorecardQuery | null) {
  return useQuery({
    queryKey: dashboardKeys.scorecard(query ?? {}),
    queryFn: async () => unwrap(await api.GET("/api/v1/indicators/scorecard", { params: { query: query ?? {} } })),
    enabled: query !== null,
  });
}

/** Who has and has not reported for one period (first page: the agencies missing most come first). */
export function useCompleteness(query: CompletenessQuery | null) {
  return useQuery({
    queryKey: dashboardKeys.completeness(query ?? { period: "" }),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/indicators/completeness", { params: { query: query ?? { period: "" } } })),
    enabled: query !== null,
  });
}
