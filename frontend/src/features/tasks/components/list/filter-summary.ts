import { formatDate } from "../../../../lib/format";
import { filtersFromParams } from "../../hooks/task-filters";
import type { TaskMessages } from "../../i18n";

/** A saved filter in words ("Quá hạn · Chủ trì · “chuyen doi so”"), not as an address. */
export function describeFilters(search: string, t: TaskMessages): string {
  const filters = filtersFromParams(new URLSearchParams(search));
  const parts: string[] = [];
  if (filters.role === "lead") parts.push(t("filter.roleLead"));
  if (filters.role === "coordinator") parts.push(t("filter.roleCoordinator"));
  for (const status of filters.status ?? []) parts.push(t(`status.${status}`));
  if (filters.overdue) parts.push(t("filter.overdue"));
  if (filters.due_within_days != null) parts.push(t("filter.dueWithin", { days: filters.due_within_days }));
  if (filters.due_from || filters.due_to) parts.push(`${formatDate(filters.due_from)} – ${formatDate(filters.due_to)}`);
  if (filters.unclear) parts.push(t("filter.unclear"));
  if (filters.priority) parts.push(t("filter.priority"));
  if (filters.plan_id) parts.push(t("filter.plan"));
  if (filters.agency_id) parts.push(t("filter.agency"));
  if (filters.mine === false) parts.push(`≠ ${t("filter.mine")}`);
  if (filters.q) parts.push(`“${filters.q}”`);
  return parts.join(" · ");
}
