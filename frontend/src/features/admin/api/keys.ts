export interface UserFilters {
  q?: string;
  agency_id?: string;
  role?: string;
}

export const adminKeys = {
  all: ["admin"] as const,
  users: () => [...adminKeys.all, "users"] as const,
  userList: (filters: UserFilters) => [...adminKeys.users(), filters] as const,
  clients: () => [...adminKeys.all, "clients"] as const,
  taskPlans: (q: string) => [...adminKeys.all, "task-plans", { q }] as const,
  indicatorPlans: () => [...adminKeys.all, "indicator-plans"] as const,
  audit: (entityType: string | undefined) => [...adminKeys.all, "audit", { entityType }] as const,
};
