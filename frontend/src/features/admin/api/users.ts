import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api";
import { adminKeys, type UserFilters } from "./keys";
import { etagOf, type Role, type UserCreate, type UserUpdate } from "./types";

const PAGE_SIZE = 50;

/** Accounts the caller may read (the API scopes an agency leader to its own subtree), page by page. */
export function useUsers(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: adminKeys.userList(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET("/api/v1/users", {
          params: {
            query: {
              q: filters.q || undefined,
              agency_id: filters.agency_id || undefined,
              role: (filters.role || undefined) as Role | undefined,
              limit: PAGE_SIZE,
              cursor: pageParam,
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.users() });
}

export function useCreateUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: UserCreate; idempotencyKey: string }) =>
      unwrap(await api.POST("/api/v1/users", { params: { header: { "idempotency-key": idempotencyKey } }, body })),
    onSuccess: refresh,
  });
}

export function useUpdateUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id: string; version: number; body: UserUpdate }) =>
      unwrap(
        await api.PATCH("/api/v1/users/{user_id}", {
          params: { path: { user_id: id }, header: { "if-match": etagOf(version) } },
          body,
        }),
      ),
    // A 412 means someone else changed the account: reload so the next attempt starts from the truth.
    onSettled: refresh,
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: async ({ id, newPassword }: { id: string; newPassword: string }) => {
      unwrap(
        await api.POST("/api/v1/users/{user_id}/reset-password", {
          params: { path: { user_id: id } },
          body: { new_password: newPassword },
        }),
      );
    },
  });
}
