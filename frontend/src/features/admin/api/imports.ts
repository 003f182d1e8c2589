import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api";
import { adminKeys } from "./keys";
import type { IndicatorPlanCreate, TaskPlanCreate } from "./types";

export interface ImportInput {
  file: File;
  dryRun: boolean;
  /** Only for the real run: a dry run writes nothing, and its key would clash with the real run's fingerprint. */
  idempotencyKey?: string;
}

function formWith(file: File): FormData {
  const form = new FormData();
  form.append("file", file, file.name);
  return form;
}

function idempotencyHeader(key: string | undefined) {
  return key ? { "idempotency-key": key } : {};
}

/** A real import changes plans, tasks and indicators other screens have cached: all of them are refreshed. */
function useAfterImport() {
  const queryClient = useQueryClient();
  return (_data: unknown, input: ImportInput) => {
    if (!input.dryRun) void queryClient.invalidateQueries();
  };
}

export function useTaskPlans(q: string) {
  return useQuery({
    queryKey: adminKeys.taskPlans(q),
    queryFn: async () => unwrap(await api.GET("/api/v1/tasks/plans", { params: { query: { q: q || undefined, limit: 50 } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateTaskPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: TaskPlanCreate; idempotencyKey: string }) =>
      unwrap(await api.POST("/api/v1/tasks/plans", { params: { header: { "idempotency-key": idempotencyKey } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...adminKeys.all, "task-plans"] }),
  });
}

export function useImportTasks(planId: string) {
  const onSuccess = useAfterImport();
  return useMutation({
    mutationFn: async ({ file, dryRun, idempotencyKey }: ImportInput) =>
      unwrap(
        await api.POST("/api/v1/tasks/plans/{plan_id}/imports", {
          params: {
            path: { plan_id: planId },
            query: { dry_run: dryRun },
            header: idempotencyHeader(idempotencyKey),
          },
          body: { file: file.name },
          bodySerializer: () => formWith(file),
        }),
      ),
    onSuccess,
  });
}

export function useIndicatorPlans() {
  return useQuery({
    queryKey: adminKeys.indicatorPlans(),
    queryFn: async () => unwrap(await api.GET("/api/v1/indicators/plans")),
  });
}

export function useCreateIndicatorPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: IndicatorPlanCreate; idempotencyKey: string }) => {
      unwrap(
        await api.POST("/api/v1/indicators/plans", { params: { header: { "idempotency-key": idempotencyKey } }, body }),
      );
      return body.key;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.indicatorPlans() }),
  });
}

export function useImportIndicators(planKey: string) {
  const onSuccess = useAfterImport();
  return useMutation({
    mutationFn: async ({ file, dryRun, idempotencyKey }: ImportInput) =>
      unwrap(
        await api.POST("/api/v1/indicators/plans/{plan_key}/imports", {
          params: {
            path: { plan_key: planKey },
            query: { dry_run: dryRun },
            header: idempotencyHeader(idempotencyKey),
          },
          body: { file: file.name },
          bodySerializer: () => formWith(file),
        }),
      ),
    onSuccess,
  });
}
