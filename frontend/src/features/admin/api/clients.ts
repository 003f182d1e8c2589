import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api";
import { adminKeys } from "./keys";
import { etagOf, type ClientCreate, type ClientUpdate } from "./types";

export function useClients() {
  return useQuery({
    queryKey: adminKeys.clients(),
    queryFn: async () => unwrap(await api.GET("/api/v1/clients")),
  });
}

function useRefreshClients() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.clients() });
}

export function useCreateClient() {
  const refresh = useRefreshClients();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: ClientCreate; idempotencyKey: string }) =>
      unwrap(await api.POST("/api/v1/clients", { params: { header: { "idempotency-key": idempotencyKey } }, body })),
    onSuccess: refresh,
  });
}

export function useUpdateClient() {
  const refresh = useRefreshClients();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id: string; version: number; body: ClientUpdate }) =>
      unwrap(
        await api.PATCH("/api/v1/clients/{client_uuid}", {
          params: { path: { client_uuid: id }, header: { "if-match": etagOf(version) } },
          body,
        }),
      ),
    onSettled: refresh,
  });
}

export function useRotateSecret() {
  const refresh = useRefreshClients();
  return useMutation({
    mutationFn: async ({ id, idempotencyKey }: { id: string; idempotencyKey: string }) =>
      unwrap(
        await api.POST("/api/v1/clients/{client_uuid}/rotate-secret", {
          params: { path: { client_uuid: id }, header: { "idempotency-key": idempotencyKey } },
        }),
      ),
    onSuccess: refresh,
  });
}
