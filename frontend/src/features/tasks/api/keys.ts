import type { TaskFilters } from "./types";

export const taskKeys = {
  all: ["tasks"] as const,
  lists: () => [...taskKeys.all, "list"] as const,
  list: (filters: TaskFilters) => [...taskKeys.lists(), filters] as const,
  sections: (planId: string) => [...taskKeys.all, "plans", planId, "sections"] as const,
  /** Everything read about one task: the task itself, its timeline, extensions, comments. */
  task: (id: string) => [...taskKeys.all, "task", id] as const,
  detail: (id: string) => [...taskKeys.task(id), "detail"] as const,
  progress: (id: string) => [...taskKeys.task(id), "progress"] as const,
  history: (id: string) => [...taskKeys.task(id), "history"] as const,
  deadlineHistory: (id: string) => [...taskKeys.task(id), "deadline-history"] as const,
  extensions: (id: string) => [...taskKeys.task(id), "extensions"] as const,
  comments: (id: string) => [...taskKeys.task(id), "comments"] as const,
};
