export { ADMIN_TABS, TAB_PATHS, adminAccess, type AdminAccess, type AdminTab } from "./access";
export { AdminForbidden, AdminLayout, TabForbidden } from "./components/AdminLayout";
export { AgenciesScreen } from "./components/agencies/AgenciesScreen";
export { AuditScreen } from "./components/audit/AuditScreen";
export { ClientsScreen } from "./components/clients/ClientsScreen";
export { ImportsScreen } from "./components/imports/ImportsScreen";
export { UsersScreen } from "./components/users/UsersScreen";
