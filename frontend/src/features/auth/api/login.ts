import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, tokenStore, unwrap, type paths } from "../../../lib/api";

export type LoginInput =
  paths["/api/v1/auth/login"]["post"]["requestBody"]["content"]["application/json"];
export type TokenPair =
  paths["/api/v1/auth/login"]["post"]["responses"][200]["content"]["application/json"];

export async function login(input: LoginInput): Promise<TokenPair> {
  return unwrap(await api.POST("/api/v1/auth/login", { body: input }));
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (pair) => {
      queryClient.clear(); // nothing cached for a previous user may leak into this session
      tokenStore.setSession({ accessToken: pair.access_token, refreshToken: pair.refresh_token });
    },
  });
}
