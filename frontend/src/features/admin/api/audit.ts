import { useInfiniteQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api";
import { adminKeys } from "./keys";

export function useAudit(entityType: string | undefined) {
  return useInfiniteQuery({
    queryKey: adminKeys.audit(entityType),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET("/api/v1/audit", {
          params: { query: { entity_type: entityType || undefined, limit: 50, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}
