import type { ReactNode } from "react";
import { Navigate, Route, Routes } from "react-router-dom";

import { LoadingScreen } from "../../components/LoadingScreen";
import {
  ADMIN_TABS,
  AdminForbidden,
  AdminLayout,
  AgenciesScreen,
  AuditScreen,
  ClientsScreen,
  ImportsScreen,
  TAB_PATHS,
  TabForbidden,
  UsersScreen,
  adminAccess,
  type AdminTab,
} from "../../features/admin";
import { useMe } from "../../lib/me";

/** "Quản trị" at /admin/*: the tabs the caller's roles may use; /admin opens the first of them. */
export function AdminRoute() {
  const me = useMe();
  if (me.isPending) return <LoadingScreen />;
  const access = adminAccess(me.data);
  const first = access.tabs[0];
  if (!first) return <AdminForbidden />;

  const screens: Record<AdminTab, ReactNode> = {
    agencies: <AgenciesScreen canManage={access.canManage} />,
    users: <UsersScreen canManage={access.canManage} />,
    clients: <ClientsScreen />,
    imports: <ImportsScreen />,
    audit: <AuditScreen />,
  };
  return (
    <AdminLayout tabs={access.tabs}>
      <Routes>
        <Route index element={<Navigate to={TAB_PATHS[first]} replace />} />
        {ADMIN_TABS.map((tab) => (
          <Route
            key={tab}
            path={TAB_PATHS[tab].split("/").pop()}
            element={access.tabs.includes(tab) ? screens[tab] : <TabForbidden />}
          />
        ))}
        <Route path="*" element={<Navigate to={TAB_PATHS[first]} replace />} />
      </Routes>
    </AdminLayout>
  );
}
