import type { components, paths } from "../../../lib/api/schema";

type Schemas = components["schemas"];

export type Task = Schemas["TaskRead"];
export type TaskDetail = Schemas["TaskDetail"];
export type Share = Schemas["AssignmentRead"];
export type TaskStatus = Schemas["Status"];
export type ClarityKey = Schemas["Clarity"];
export type Deadline = Schemas["DeadlineRead"];
export type DeadlineChange = Schemas["DeadlineChangeRead"];
export type HistoryEntry = Schemas["HistoryRead"];
export type ProgressUpdate = Schemas["ProgressRead"];
export type Evidence = Schemas["EvidenceRead"];
export type EvidenceIn = Schemas["EvidenceIn"];
export type ProgressInput = Schemas["ProgressCreate"];
export type Extension = Schemas["ExtensionRead"];
export type ExtensionInput = Schemas["ExtensionCreate"];
export type ExtensionDecisionInput = Schemas["ExtensionDecision"];
export type Comment = Schemas["CommentRead"];
export type CommentInput = Schemas["CommentCreate"];
export type CascadeInput = Schemas["CascadeCreate"];
export type ReviewInput = Schemas["ReviewBody"];
export type TaskUpdateInput = Schemas["TaskUpdate"];
export type Plan = Schemas["PlanRead"];
export type Section = Schemas["SectionRead"];
export type ShareRole = Share["role"];

/** The list's filters, exactly as `GET /api/v1/tasks` names them (and the URL of the list page). */
export type TaskListQuery = NonNullable<paths["/api/v1/tasks"]["get"]["parameters"]["query"]>;
export type TaskFilters = Omit<TaskListQuery, "limit" | "cursor">;
export type TaskPage = paths["/api/v1/tasks"]["get"]["responses"][200]["content"]["application/json"];

export const TASK_STATUSES = [
  "not_started",
  "in_progress",
  "awaiting_condition",
  "submitted",
  "returned",
  "completed_on_time",
  "completed_after_extension",
  "completed_late",
  "cancelled",
] as const satisfies readonly TaskStatus[];

export const CLARITY_KEYS = [
  "nguoi",
  "viec",
  "thoi_gian",
  "trach_nhiem",
  "san_pham",
  "tham_quyen",
] as const satisfies readonly ClarityKey[];
