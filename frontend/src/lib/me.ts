import { useQuery } from "@tanstack/react-query";

import { api, unwrap, type paths } from "./api";

export type Me = paths["/api/v1/auth/me"]["get"]["responses"][200]["content"]["application/json"];
export type Role = Me["roles"][number];

export const meKey = ["auth", "me"] as const;

async function getMe(): Promise<Me> {
  return unwrap(await api.GET("/api/v1/auth/me"));
}

/** The signed-in user; every feature reads roles and agency from here (one request, cached). */
export function useMe({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: meKey, queryFn: getMe, enabled, staleTime: 5 * 60_000 });
}

/** Roles that see the whole province rather than their own agency's subtree. */
export const PROVINCE_WIDE_ROLES: readonly Role[] = ["admin", "coordinator", "leader"];

export function hasRole(user: Me | undefined, ...roles: Role[]): boolean {
  return !!user && user.roles.some((role) => roles.includes(role));
}

/** Every role the gateway knows, in the order screens list them. */
export const ROLES: readonly Role[] = [
  "admin",
  "coordinator",
  "leader",
  "agency_manager",
  "agency_officer",
  "viewer",
  "integration",
];
