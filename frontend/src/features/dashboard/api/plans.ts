import { useQuery } from "@tanstack/react-query";

import { api, unwrap, type paths } from "../../../lib/api";
import { dashboardKeys } from "./keys";

export type PlanOption =
  paths["/api/v1/tasks/plans"]["get"]["responses"][200]["content"]["application/json"]["items"][number];

/** The plans the caller can see, for the "tasks by section" picker (one page of 200 is every plan in practice). */
export function usePlanOptions() {
  return useQuery({
    queryKey: dashboardKeys.plans(),
    queryFn: async () => unwrap(await api.GET("/api/v1/tasks/plans", { params: { query: { limit: 200 } } })).items,
    staleTime: 5 * 60_000,
  });
}
