import { paths, withQuery } from "../../../config/paths";
import type { DashboardScope } from "../hooks/use-dashboard-scope";

type Filters = Record<string, string | number | boolean | string[] | undefined | null>;

export const COMPLETED_STATUSES = ["completed_on_time", "completed_after_extension", "completed_late"];

/** The task list filtered like a dashboard figure, within the same scope (mine=true for an agency). */
export function tasksLink(scope: DashboardScope, filters: Filters = {}): string {
  return withQuery(paths.agencyTasks, { ...filters, ...scope.linkQuery });
}

export function statusLink(scope: DashboardScope, status: string): string {
  return tasksLink(scope, { status });
}

/** An agency's own tasks in the role it was counted under: the whole province's list, filtered to that agency. */
export function agencyLink(agencyId: string, role: string): string {
  return withQuery(paths.agencyTasks, {
    agency_id: agencyId,
    include_sub_agencies: false,
    role: role === "any" ? undefined : role,
    mine: false,
  });
}

export function sectionLink(planId: string, sectionId: string | null): string {
  return withQuery(paths.agencyTasks, { plan_id: planId, section_id: sectionId, mine: false });
}

export function indicatorsLink(filters: Filters): string {
  return withQuery(paths.indicators, filters);
}
