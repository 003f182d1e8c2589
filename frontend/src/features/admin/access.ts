import { paths } from "../../config/paths";
import { hasRole, type Me } from "../../lib/me";

export const ADMIN_TABS = ["agencies", "users", "clients", "imports", "audit"] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];


export const TAB_PATHS: Record<AdminTab, string> = {
  agencies: paths.adminAgencies,
  users: paths.adminUsers,
  clients: paths.adminClients,
  imports: paths.adminImports,
  audit: paths.adminAudit,
};

export interface AdminAccess {
  tabs: AdminTab[];
  /** Add, rename, merge agencies; create, edit, lock accounts (the API allows only admins). */
  canManage: boolean;
}

/**
 * What the section offers each role, mirroring the API's rules: everyone may read the directory; admins,
 * the standing agency and agency leaders may list accounts (leaders: their own subtree); only admins
 * write identity data, see integration clients and the audit log; admins and the standing agency import plans.
 */
export function adminAccess(user: Me | undefined): AdminAccess {
  const isAdmin = hasRole(user, "admin");
  const tabs: AdminTab[] = [];
  if (hasRole(user, "admin", "coordinator", "agency_manager")) tabs.push("agencies", "users");
  if (isAdmin) tabs.push("clients");
  if (hasRole(user, "admin", "coordinator")) tabs.push("imports");
  if (isAdmin) tabs.push("audit");
  return { tabs, canManage: isAdmin };
}
