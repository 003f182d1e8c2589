import type { Agency } from "../../../lib/directory";
import type { Me } from "../../../lib/me";
import type { Share, TaskDetail, TaskStatus } from "../api/types";

// What the screen offers; the API still decides each request and its refusal is shown as it comes.
const WRITERS = ["admin", "coordinator", "agency_manager", "agency_officer"] as const;
const REPORTABLE: readonly TaskStatus[] = ["not_started", "in_progress", "awaiting_condition", "returned"];
const FINISHED: readonly TaskStatus[] = ["completed_on_time", "completed_after_extension", "completed_late", "cancelled"];
const RETURNABLE: readonly TaskStatus[] = ["submitted", "in_progress"];

export interface TaskPermissions {
  /** Shares the caller may report on now (own agency first). */
  reportable: Share[];
  /** Lead shares whose agency may ask for more time. */
  extensionShares: Share[];
  /** The assigning level: standing agency, admins, or the managers of the agency that cascaded the task. */
  canAssign: boolean;
  canDecideExtension: boolean;
  canComment: boolean;
  canDirect: boolean;
  /** The lead agencies the caller may cascade from (their sub-agencies or communes get the child). */
  cascadeFrom: Share[];
  /** Shares a reviewer may act on: a completion to accept or return, or a progress report to return. */
  reviewable: Share[];
  /** A lead agency's staff may set the person in charge without being the assigning level. */
  canSetResponsible: boolean;
  isFinished: boolean;
}

export function subtreeOf(rootId: string | undefined, agencies: readonly Agency[]): Set<string> {
  const out = new Set<string>();
  if (!rootId) return out;
  const children = new Map<string, string[]>();
  for (const agency of agencies) {
    if (!agency.parent_id) continue;
    children.set(agency.parent_id, [...(children.get(agency.parent_id) ?? []), agency.id]);
  }
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  return out;
}

export function taskPermissions(task: TaskDetail, me: Me | undefined, agencies: readonly Agency[]): TaskPermissions {
  const roles = new Set<string>(me?.roles ?? []);
  const has = (...names: string[]) => names.some((name) => roles.has(name));
  const ownAgency = me?.agency?.id;
  const subtree = subtreeOf(ownAgency, agencies);
  const canWrite = has(...WRITERS);
  const isFinished = FINISHED.includes(task.status);
  const cancelled = task.status === "cancelled";
  const canAssign =
    has("admin", "coordinator") ||
    (has("agency_manager") && !!task.assigned_by_agency_id && subtree.has(task.assigned_by_agency_id));
  const ownFirst = [...task.my_shares].sort(
    (a, b) => Number(b.agency_id === ownAgency) - Number(a.agency_id === ownAgency),
  );
  const reportable = canWrite && !cancelled ? ownFirst.filter((share) => REPORTABLE.includes(share.status)) : [];
  const leadShares = ownFirst.filter((share) => share.role === "lead");
  return {
    reportable,
    extensionShares: canWrite && !isFinished ? leadShares : [],
    canAssign,
    canDecideExtension: canAssign || has("leader"),
    canComment: has(...WRITERS, "leader"),
    canDirect: has("leader", "admin") || canAssign,
    cascadeFrom: has("admin", "coordinator", "agency_manager") && !isFinished ? leadShares : [],
    reviewable: canAssign
      ? task.assignments.filter(
          (share) => share.status === "submitted" || (RETURNABLE.includes(share.status) && !!share.last_update_at),
        )
      : [],
    canSetResponsible: has("agency_manager", "agency_officer") && leadShares.length > 0,
    isFinished,
  };
}
