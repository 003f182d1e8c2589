import { useQuery } from "@tanstack/react-query";

import { api, unwrap, type paths } from "../../../lib/api";
import { planKeys } from "./keys";

export type IndicatorPlan =
  paths["/api/v1/indicators/plans"]["get"]["responses"][200]["content"]["application/json"][number];

/** The plans the indicators service knows, to link a plan to its indicators. */
export function useIndicatorPlans() {
  return useQuery({
    queryKey: planKeys.indicatorPlans(),
    queryFn: async () => unwrap(await api.GET("/api/v1/indicators/plans")),
    staleTime: 5 * 60_000,
  });
}
