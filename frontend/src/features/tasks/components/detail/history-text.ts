import { formatDate } from "../../../../lib/format";
import { TASK_STATUSES, type HistoryEntry, type TaskStatus } from "../../api/types";
import type { TaskMessages } from "../../i18n";

const ACTIONS = [
  "task.create",
  "task.update",
  "task.cascade",
  "task.cancel",
  "import.update",
  "progress.report",
  "progress.submit",
  "review.accept",
  "review.return",
  "extension.request",
  "extension.approve",
  "extension.refuse",
  "comment.create",
  "directive.create",
  "evidence.upload",
  "agency.merge",
] as const;
type Action = (typeof ACTIONS)[number];

const FIELDS = [
  "status",
  "percent",
  "agency_id",
  "reason",
  "note",
  "title",
  "result",
  "deadline_text",
  "due_on",
  "proposed_due",
  "responsible_person",
  "is_priority",
  "body",
  "filename",
  "child_task_id",
  "from_agency_id",
  "number",
  "section_id",
  "lead_text",
  "assigned_by_agency_id",
] as const;
type Field = (typeof FIELDS)[number];

export function actionLabel(action: string, t: TaskMessages): string {
  return (ACTIONS as readonly string[]).includes(action) ? t(`history.${action as Action}`) : action;
}

export interface ChangeLine {
  field: string;
  label: string;
  before: string | null;
  after: string;
}

/** "who changed what": each `changes` entry `[old, new]` in words (statuses, agencies and dates by name). */
export function changeLines(entry: HistoryEntry, t: TaskMessages, agencyName: (id: string) => string): ChangeLine[] {
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value === "boolean") return value ? t("value.yes") : t("value.no");
    if (field === "status" && (TASK_STATUSES as readonly string[]).includes(String(value))) {
      return t(`status.${value as TaskStatus}`);
    }
    if (field.endsWith("agency_id")) return agencyName(String(value));
    if (field === "due_on" || field === "proposed_due") return formatDate(String(value));
    if (field === "percent") return `${String(value)}%`;
    return typeof value === "string" ? value : JSON.stringify(value);
  };
  return Object.entries(entry.changes).map(([field, pair]) => {
    const [before, after] = Array.isArray(pair) ? pair : [null, pair];
    const label = (FIELDS as readonly string[]).includes(field) ? t(`field.${field as Field}`) : field;
    const was = before === null || before === undefined ? null : show(field, before);
    return { field, label, before: was, after: show(field, after) };
  });
}
