import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, ApiError, downloadFile, unwrap, type paths } from "../../../lib/api";
import { etagOf } from "../../../lib/idempotency";
import type { LoadedTask } from "./detail";
import { taskKeys } from "./keys";
import type {
  CascadeInput,
  CommentInput,
  Evidence,
  ExtensionDecisionInput,
  ExtensionInput,
  ProgressInput,
  ReviewInput,
  TaskUpdateInput,
} from "./types";

/** After any write the task, its timeline and every list that shows it are read again. */
function useRefreshTask(taskId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: taskKeys.task(taskId) }),
      queryClient.invalidateQueries({ queryKey: taskKeys.lists() }),
    ]);
}

type UploadBody = NonNullable<
  paths["/api/v1/tasks/{task_id}/evidence"]["post"]["requestBody"]
>["content"]["multipart/form-data"];

const idem = (key: string) => ({ "idempotency-key": key });

export interface UploadInput {
  file: File;
  agencyId?: string | null;
  idempotencyKey: string;
}

/** Step one of a report: the file goes up alone and comes back with the id the report will name. */
export function useUploadEvidence(taskId: string) {
  return useMutation({
    mutationFn: async ({ file, agencyId, idempotencyKey }: UploadInput): Promise<Evidence> => {
      const form = new FormData();
      form.append("file", file, file.name);
      if (agencyId) form.append("agency_id", agencyId);
      return unwrap(
        await api.POST("/api/v1/tasks/{task_id}/evidence", {
          params: { path: { task_id: taskId }, header: idem(idempotencyKey) },
          // openapi-fetch passes FormData through; the browser writes the multipart boundary
          body: form as unknown as UploadBody,
        }),
      );
    },
  });
}

export function useReportProgress(taskId: string) {
  const refresh = useRefreshTask(taskId);
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: ProgressInput; idempotencyKey: string }) =>
      unwrap(
        await api.POST("/api/v1/tasks/{task_id}/progress", {
          params: { path: { task_id: taskId }, header: idem(idempotencyKey) },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useReview(taskId: string) {
  const refresh = useRefreshTask(taskId);
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: ReviewInput; idempotencyKey: string }) =>
      unwrap(
        await api.POST("/api/v1/tasks/{task_id}/review", {
          params: { path: { task_id: taskId }, header: idem(idempotencyKey) },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useRequestExtension(taskId: string) {
  const refresh = useRefreshTask(taskId);
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: ExtensionInput; idempotencyKey: string }) =>
      unwrap(
        await api.POST("/api/v1/tasks/{task_id}/extensions", {
          params: { path: { task_id: taskId }, header: idem(idempotencyKey) },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useDecideExtension(taskId: string) {
  const refresh = useRefreshTask(taskId);
  return useMutation({
    mutationFn: async (input: { extensionId: string; body: ExtensionDecisionInput; idempotencyKey: string }) =>
      unwrap(
        await api.POST("/api/v1/tasks/{task_id}/extensions/{extension_id}/decision", {
          params: {
            path: { task_id: taskId, extension_id: input.extensionId },
            header: idem(input.idempotencyKey),
          },
          body: input.body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useAddComment(taskId: string) {
  const refresh = useRefreshTask(taskId);
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: CommentInput; idempotencyKey: string }) =>
      unwrap(
        await api.POST("/api/v1/tasks/{task_id}/comments", {
          params: { path: { task_id: taskId }, header: idem(idempotencyKey) },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useCascadeTask(taskId: string) {
  const refresh = useRefreshTask(taskId);
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: CascadeInput; idempotencyKey: string }) =>
      unwrap(
        await api.POST("/api/v1/tasks/{task_id}/children", {
          params: { path: { task_id: taskId }, header: idem(idempotencyKey) },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

/** Edits need the version the user saw (If-Match): a stale one is refused with 412, not silently overwritten. */
export function useUpdateTask(taskId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshTask(taskId);
  return useMutation({
    mutationFn: async ({ body, etag }: { body: TaskUpdateInput; etag: string }): Promise<LoadedTask> => {
      const result = await api.PATCH("/api/v1/tasks/{task_id}", {
        params: { path: { task_id: taskId }, header: { "if-match": etag } },
        body,
      });
      const task = unwrap(result);
      return { task, etag: result.response.headers.get("ETag") ?? etagOf(task.version) };
    },
    onSuccess: async (loaded) => {
      queryClient.setQueryData(taskKeys.detail(taskId), loaded);
      await refresh();
    },
    // someone saved first (stale If-Match): show the latest version so the user can redo the change on it
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) void refresh();
    },
  });
}

export function useCancelTask(taskId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshTask(taskId);
  return useMutation({
    mutationFn: async ({ reason, etag }: { reason: string; etag: string }): Promise<LoadedTask> => {
      const result = await api.POST("/api/v1/tasks/{task_id}/cancel", {
        params: { path: { task_id: taskId }, header: { "if-match": etag } },
        body: { reason },
      });
      const task = unwrap(result);
      return { task, etag: result.response.headers.get("ETag") ?? etagOf(task.version) };
    },
    onSuccess: async (loaded) => {
      queryClient.setQueryData(taskKeys.detail(taskId), loaded);
      await refresh();
    },
    // someone saved first (stale If-Match): show the latest version so the user can redo the change on it
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) void refresh();
    },
  });
}

export function useDownloadEvidence(taskId: string) {
  return useMutation({
    mutationFn: ({ evidenceId, filename }: { evidenceId: string; filename: string }) =>
      downloadFile(`/api/v1/tasks/${taskId}/evidence/${evidenceId}/file`, {}, filename),
  });
}
