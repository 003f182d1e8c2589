import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api";
import { directoryKeys } from "../../../lib/directory";
import type { AgencyCreate, AgencyUpdate } from "./types";
import { etagOf } from "./types";

/** Every directory change is seen by every picker in the app: the shared directory cache is refreshed. */
function useRefreshDirectory() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: directoryKeys.all });
}

export function useCreateAgency() {
  const refresh = useRefreshDirectory();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: AgencyCreate; idempotencyKey: string }) =>
      unwrap(await api.POST("/api/v1/agencies", { params: { header: { "idempotency-key": idempotencyKey } }, body })),
    onSuccess: refresh,
  });
}

export function useUpdateAgency() {
  const refresh = useRefreshDirectory();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id: string; version: number; body: AgencyUpdate }) =>
      unwrap(
        await api.PATCH("/api/v1/agencies/{agency_id}", {
          params: { path: { agency_id: id }, header: { "if-match": etagOf(version) } },
          body,
        }),
      ),
    onSettled: refresh,
  });
}

export function useMergeAgency() {
  const refresh = useRefreshDirectory();
  return useMutation({
    mutationFn: async (input: { id: string; version: number; intoId: string; idempotencyKey: string }) =>
      unwrap(
        await api.POST("/api/v1/agencies/{agency_id}/merge", {
          params: {
            path: { agency_id: input.id },
            header: { "if-match": etagOf(input.version), "idempotency-key": input.idempotencyKey },
          },
          body: { into_id: input.intoId },
        }),
      ),
    onSettled: refresh,
  });
}
