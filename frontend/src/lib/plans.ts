import { useQuery } from "@tanstack/react-query";

import { api, unwrap, type paths } from "./api";

export type Plan = paths["/api/v1/tasks/plans"]["get"]["responses"][200]["content"]["application/json"]["items"][number];

export const planCatalogKey = ["plans", "catalog"] as const;

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

/** Every plan (nghị quyết, chương trình, kế hoạch) the caller can see, with its task count; one cached list
 * for the filters, pickers and the plans screen. */
export function usePlans() {
  return useQuery({ queryKey: planCatalogKey, queryFn: getAllPlans, staleTime: 5 * 60_000 });
}
