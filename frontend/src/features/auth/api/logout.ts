import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, tokenStore } from "../../../lib/api";

/** Revokes the refresh token on the server; the local session ends even if that call fails. */
export async function logout(): Promise<void> {
  const refreshToken = tokenStore.getRefreshToken();
  try {
    if (refreshToken) await api.POST("/api/v1/auth/logout", { body: { refresh_token: refreshToken } });
  } catch {
    // offline: the token expires on its own; the user still expects to be signed out here
  } finally {
    tokenStore.clear();
  }
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => queryClient.clear(),
  });
}
