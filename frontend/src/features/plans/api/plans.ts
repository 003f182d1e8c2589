import { useQuery } from "@tanstack/react-query";

import { api, unwrap, type paths } from "../../../lib/api";
import { planKeys } from "./keys";

export type PlanGraph = paths["/api/v1/tasks/plans/graph"]["get"]["responses"][200]["content"]["application/json"];
export type Plan = PlanGraph["plans"][number];
export { usePlans } from "../../../lib/plans";
export type Section =
  paths["/api/v1/tasks/plans/{plan_id}/sections"]["get"]["responses"][200]["content"]["application/json"][number];

/** Which plan implements which. */
export function usePlanGraph() {
  return useQuery({
    queryKey: planKeys.graph(),
    queryFn: async () => unwrap(await api.GET("/api/v1/tasks/plans/graph")),
    staleTime: 5 * 60_000,
  });
}

export function usePlan(planId: string) {
  return useQuery({
    queryKey: planKeys.detail(planId),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/tasks/plans/{plan_id}", { params: { path: { plan_id: planId } } })),
  });
}

/** The plan's sections, flat in document order, each with its own task count. */
export function usePlanSections(planId: string) {
  return useQuery({
    queryKey: planKeys.sections(planId),
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/tasks/plans/{plan_id}/sections", { params: { path: { plan_id: planId } } })),
  });
}
