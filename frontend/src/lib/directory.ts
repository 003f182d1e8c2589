import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";

import { api, unwrap, type paths } from "./api";

export type Agency =
  paths["/api/v1/agencies"]["get"]["responses"][200]["content"]["application/json"]["items"][number];

export const directoryKeys = {
  all: ["directory"] as const,
  agencies: () => [...directoryKeys.all, "agencies"] as const,
};

async function getAllAgencies(): Promise<Agency[]> {
  const out: Agency[] = [];
  let cursor: string | undefined;
  do {
    const page = unwrap(
      await api.GET("/api/v1/agencies", {
        params: { query: { limit: 200, cursor, include_inactive: true } },
      }),
    );
    out.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return out;
}

const activeOnly = (agencies: Agency[]) => agencies.filter((agency) => agency.active);

/**
 * The province's agency directory (every user may read it): fetched once with the merged and closed agencies,
 * which history and old records still name; pickers get only the active ones from the same cached list.
 */
export function useAgencies({ includeInactive = false }: { includeInactive?: boolean } = {}) {
  return useQuery({
    queryKey: directoryKeys.agencies(),
    queryFn: getAllAgencies,
    staleTime: 10 * 60_000,
    select: includeInactive ? undefined : activeOnly,
  });
}

export interface AgencyNode extends Agency {
  children: AgencyNode[];
}

/** The directory as a forest, siblings by name, for trees and cascading pickers. */
export function buildAgencyTree(agencies: readonly Agency[]): AgencyNode[] {
  const nodes = new Map<string, AgencyNode>(agencies.map((agency) => [agency.id, { ...agency, children: [] }]));
  const roots: AgencyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent_id ? nodes.get(node.parent_id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: AgencyNode[]) => {
    list.sort((a, b) => a.name.localeCompare(b.name, "vi"));
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
  return roots;
}

/** Lookup by id for tables that only carry agency ids. */
export function useAgencyNames(): Map<string, Agency> {
  const { data } = useAgencies({ includeInactive: true });
  return useMemo(() => new Map((data ?? []).map((agency) => [agency.id, agency])), [data]);
}
