import { useMemo } from "react";

import { hasRole, PROVINCE_WIDE_ROLES, useMe, type Me } from "../../../lib/me";

export interface DashboardScope {
  provinceWide: boolean;
  agencyName: string;
  /** What every task count and task list request carries. */
  taskQuery: { agency_id?: string; include_sub_agencies?: boolean };
  /** What a link into the task list carries, so the list shows the same tasks as the dashboard counted. */
  linkQuery: { mine: boolean };
}

/** Leaders, the standing agency and admins see the province; anyone else their agency and the units under it. */
export function scopeFor(me: Me): DashboardScope {
  if (hasRole(me, ...PROVINCE_WIDE_ROLES)) {
    return { provinceWide: true, agencyName: me.agency.name, taskQuery: {}, linkQuery: { mine: false } };
  }
  return {
    provinceWide: false,
    agencyName: me.agency.name,
    taskQuery: { agency_id: me.agency.id, include_sub_agencies: true },
    linkQuery: { mine: true },
  };
}

export function useDashboardScope() {
  const me = useMe();
  const scope = useMemo(() => (me.data ? scopeFor(me.data) : undefined), [me.data]);
  return { scope, me };
}
