import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap, type paths } from "../../../lib/api";
import { authKeys } from "./keys";

export type ChangePasswordInput =
  paths["/api/v1/auth/change-password"]["post"]["requestBody"]["content"]["application/json"];

export async function changePassword(input: ChangePasswordInput): Promise<void> {
  unwrap(await api.POST("/api/v1/auth/change-password", { body: input }));
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // must_change_password flips on the server; read it back rather than guess
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me() }),
  });
}
