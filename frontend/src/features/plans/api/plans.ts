import { useQuery } from "@tanstack/react-query";

import { api, unwrap, type paths } from "../../../lib/api";
import { planKeys } from "./keys";

export type PlanGraph = paths["/api/v1/tasks/plans/graph"]["get"]["responses"][200]["content"]["application/json"];
export type Plan = PlanGraph["plans"][number];
export type Section =
  paths["/api/v1/tasks/plans/{plan_id}/sections"]["get"]["responses"][200]["content"]["application/json"][number];

async function getAllPlans(): Promise<Plan[]> {
  const out: Plan[] = [];
  let cursor: string | undefined;
  do {
    const page = unwrap(await api.GET("/api/v1/tasks/plans", { params: { query: { limit: 200, cursor } } }));
    out.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return out;
}

/** Every plan (nghị quyết, chương trình, kế hoạch) with the number of tasks the caller can see. */
export function usePlans() {
  return useQuery({ queryKey: planKeys.list(), queryFn: getAllPlans, staleTime: 5 * 60_000 });
}

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
