import { CLARITY_KEYS, TASK_STATUSES, type TaskFilters, type TaskStatus } from "../api/types";

const ROLES = ["lead", "coordinator", "any"] as const;
const SORTS = ["due", "plan_order", "-updated"] as const;
const DEADLINE_KINDS = ["date", "window", "recurring", "ongoing", "conditional", "unknown"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Parameters the page reads from its address; each is the API's own name. */
export const FILTER_PARAMS = [
  "status",
  "role",
  "plan_id",
  "section_id",
  "agency_id",
  "include_sub_agencies",
  "overdue",
  "due_within_days",
  "due_from",
  "due_to",
  "unclear",
  "missing",
  "deadline_needs_review",
  "deadline_kind",
  "priority",
  "q",
  "mine",
  "sort",
] as const;

function bool(value: string | null): boolean | undefined {
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  return undefined;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function matching(value: string | null, pattern: RegExp): string | undefined {
  return value !== null && pattern.test(value) ? value : undefined;
}

/**
 * The list's filters from the page address. "Việc của đơn vị" means mine=true unless the link says
 * mine=false; anything the API would refuse (a malformed id or date) is dropped rather than sent.
 */
export function filtersFromParams(params: URLSearchParams): TaskFilters {
  const statuses = params.getAll("status").filter((s): s is TaskStatus => (TASK_STATUSES as readonly string[]).includes(s));
  const days = params.get("due_within_days");
  const filters: TaskFilters = {
    mine: bool(params.get("mine")) ?? true,
    role: oneOf(params.get("role"), ROLES),
    status: statuses.length > 0 ? statuses : undefined,
    plan_id: matching(params.get("plan_id"), UUID),
    section_id: matching(params.get("section_id"), UUID),
    agency_id: matching(params.get("agency_id"), UUID),
    include_sub_agencies: bool(params.get("include_sub_agencies")),
    overdue: bool(params.get("overdue")),
    due_within_days: days !== null && /^\d{1,4}$/.test(days) ? Number(days) : undefined,
    due_from: matching(params.get("due_from"), DAY),
    due_to: matching(params.get("due_to"), DAY),
    unclear: bool(params.get("unclear")),
    missing: oneOf(params.get("missing"), CLARITY_KEYS),
    deadline_needs_review: bool(params.get("deadline_needs_review")),
    deadline_kind: oneOf(params.get("deadline_kind"), DEADLINE_KINDS),
    priority: bool(params.get("priority")),
    q: params.get("q")?.trim() || undefined,
    sort: oneOf(params.get("sort"), SORTS),
  };
  if (filters.role === "any") filters.role = undefined;
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as TaskFilters;
}

/** The address for a set of filters; defaults stay out of it so links remain short. */
export function paramsFromFilters(filters: TaskFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_PARAMS) {
    const value = filters[name];
    if (value === undefined || value === null || value === "") continue;
    if (name === "mine" && value === true) continue;
    if (name === "role" && value === "any") continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  }
  return params;
}

/** True when the list is narrowed by anything beyond "my agency's tasks" and the sort order. */
export function hasActiveFilters(filters: TaskFilters): boolean {
  return Object.keys(filters).some((key) => key !== "mine" && key !== "sort") || filters.mine === false;
}
