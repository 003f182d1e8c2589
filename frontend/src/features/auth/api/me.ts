import { useQuery } from "@tanstack/react-query";

import { api, unwrap, type paths } from "../../../lib/api";
import { authKeys } from "./keys";

export type Me = paths["/api/v1/auth/me"]["get"]["responses"][200]["content"]["application/json"];

export async function getMe(): Promise<Me> {
  return unwrap(await api.GET("/api/v1/auth/me"));
}

export function useMe({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: authKeys.me(), queryFn: getMe, enabled, staleTime: 5 * 60_000 });
}
