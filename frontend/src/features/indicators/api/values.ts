import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api";
import { etagOf } from "../../../lib/idempotency";
import { indicatorKeys } from "./keys";
import type { ValueCreate, ValueIn, ValueRead } from "./types";

/** The ETag the API gives a value of this version; writes to it send it back as If-Match. */
export function valueEtag(value: Pick<ValueRead, "version">): string {
  return etagOf(value.version);
}

export function useIndicatorValues(indicatorId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: indicatorKeys.values(indicatorId),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET("/api/v1/indicators/{indicator_id}/values", { params: { path: { indicator_id: indicatorId } }, signal }),
      ),
    enabled,
  });
}

/** One value with its revisions (who created, corrected, sent, accepted or returned it, and why). */
export function useValue(valueId: string) {
  return useQuery({
    queryKey: indicatorKeys.value(valueId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET("/api/v1/indicators/values/{value_id}", { params: { path: { value_id: valueId } }, signal })),
  });
}

/** A value changed: its indicator's figures, status and the lists that show them are stale. */
export function invalidateIndicator(queryClient: QueryClient, indicatorId: string, valueId?: string) {
  const keys = [
    indicatorKeys.detail(indicatorId),
    indicatorKeys.series(indicatorId),
    indicatorKeys.values(indicatorId),
    indicatorKeys.lists(),
    indicatorKeys.scorecards(),
    indicatorKeys.reviewQueue(),
    ...(valueId ? [indicatorKeys.value(valueId)] : []),
  ];
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export interface ReportInput {
  indicatorId: string;
  body: ValueCreate;
  idempotencyKey: string;
}

export function useReportValue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ indicatorId, body, idempotencyKey }: ReportInput) =>
      unwrap(
        await api.POST("/api/v1/indicators/{indicator_id}/values", {
          params: { path: { indicator_id: indicatorId }, header: { "idempotency-key": idempotencyKey } },
          body,
        }),
      ) as ValueRead,
    onSuccess: (_value, { indicatorId }) => invalidateIndicator(queryClient, indicatorId),
  });
}

export interface CorrectInput {
  value: ValueRead;
  body: ValueIn;
}

export function useCorrectValue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ value, body }: CorrectInput) =>
      unwrap(
        await api.PATCH("/api/v1/indicators/values/{value_id}", {
          params: { path: { value_id: value.id }, header: { "if-match": valueEtag(value) } },
          body,
        }),
      ),
    onSuccess: (_read, { value }) => invalidateIndicator(queryClient, value.indicator_id, value.id),
  });
}

export interface SubmitInput {
  value: ValueRead;
  idempotencyKey: string;
}

export function useSubmitValue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ value, idempotencyKey }: SubmitInput) =>
      unwrap(
        await api.POST("/api/v1/indicators/values/{value_id}/submit", {
          params: {
            path: { value_id: value.id },
            header: { "if-match": valueEtag(value), "idempotency-key": idempotencyKey },
          },
        }),
      ) as ValueRead,
    onSuccess: (_read, { value }) => invalidateIndicator(queryClient, value.indicator_id, value.id),
  });
}
