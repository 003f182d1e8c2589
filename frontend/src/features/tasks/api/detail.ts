import { useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api";
import { etagOf } from "../../../lib/idempotency";
import { taskKeys } from "./keys";
import type { Comment, DeadlineChange, Extension, HistoryEntry, ProgressUpdate, TaskDetail } from "./types";

export interface LoadedTask {
  task: TaskDetail;
  /** The version the server sent (`"<version>"`), sent back as If-Match on edits and cancellation. */
  etag: string;
}

export async function getTask(taskId: string): Promise<LoadedTask> {
  const result = await api.GET("/api/v1/tasks/{task_id}", { params: { path: { task_id: taskId } } });
  const task = unwrap(result);
  return { task, etag: result.response.headers.get("ETag") ?? etagOf(task.version) };
}

export function useTask(taskId: string, enabled = true) {
  return useQuery({ queryKey: taskKeys.detail(taskId), queryFn: () => getTask(taskId), enabled });
}

const path = (taskId: string) => ({ params: { path: { task_id: taskId } } });

export function useProgressTimeline(taskId: string, enabled = true) {
  return useQuery({
    queryKey: taskKeys.progress(taskId),
    queryFn: async (): Promise<ProgressUpdate[]> => unwrap(await api.GET("/api/v1/tasks/{task_id}/progress", path(taskId))),
    enabled,
  });
}

export function useTaskHistory(taskId: string, enabled = true) {
  return useQuery({
    queryKey: taskKeys.history(taskId),
    queryFn: async (): Promise<HistoryEntry[]> => unwrap(await api.GET("/api/v1/tasks/{task_id}/history", path(taskId))),
    enabled,
  });
}

export function useDeadlineHistory(taskId: string, enabled = true) {
  return useQuery({
    queryKey: taskKeys.deadlineHistory(taskId),
    queryFn: async (): Promise<DeadlineChange[]> =>
      unwrap(await api.GET("/api/v1/tasks/{task_id}/deadline-history", path(taskId))),
    enabled,
  });
}

export function useExtensions(taskId: string, enabled = true) {
  return useQuery({
    queryKey: taskKeys.extensions(taskId),
    queryFn: async (): Promise<Extension[]> => unwrap(await api.GET("/api/v1/tasks/{task_id}/extensions", path(taskId))),
    enabled,
  });
}

export function useComments(taskId: string, enabled = true) {
  return useQuery({
    queryKey: taskKeys.comments(taskId),
    queryFn: async (): Promise<Comment[]> => unwrap(await api.GET("/api/v1/tasks/{task_id}/comments", path(taskId))),
    enabled,
  });
}
