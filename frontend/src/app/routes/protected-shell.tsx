import {
  AppstoreOutlined,
  BellOutlined,
  DashboardOutlined,
  FlagOutlined,
  PartitionOutlined,
  SettingOutlined,
} from "@ant-design/icons";
import { Progress } from "antd";
import { Navigate, Outlet, useLocation, useNavigate, useNavigation } from "react-router-dom";

import { Alert } from "../../components/Alert";
import { AuthFrame } from "../../components/AuthFrame";
import { Button } from "../../components/Button";
import { LoadingScreen } from "../../components/LoadingScreen";
import { paths } from "../../config/paths";
import { ChangePasswordForm, useAuth, useRoleLabel, type Me } from "../../features/auth";
import { AppLayout, type NavItem } from "../../features/layout";
import { NotificationBell } from "../../features/notifications";
import { useT, type Translate } from "../../lib/i18n";
import { hasRole } from "../../lib/me";

function navItems(user: Me, t: Translate): NavItem[] {
  const items: NavItem[] = [
    { to: paths.overview, label: t("nav.overview"), icon: <DashboardOutlined />, end: true },
    { to: paths.agencyTasks, label: t("nav.agencyTasks"), icon: <AppstoreOutlined /> },
    { to: paths.plans, label: t("nav.plans"), icon: <PartitionOutlined /> },
    { to: paths.indicators, label: t("nav.indicators"), icon: <FlagOutlined /> },
    { to: paths.notifications, label: t("nav.notifications"), icon: <BellOutlined /> },
  ];
  if (hasRole(user, "admin", "coordinator", "agency_manager")) {
    items.push({ to: paths.admin, label: t("nav.admin"), icon: <SettingOutlined /> });
  }
  return items;
}

/** A thin bar while the next screen's code arrives; the current page stays put until then. */
function NavigationProgress() {
  const navigation = useNavigation();
  if (navigation.state === "idle") return null;
  return <Progress className="nav-progress" percent={100} status="active" showInfo={false} size="small" />;
}

/** Everything behind the login: signed in, password no longer temporary, then the app's layout. */
export function ProtectedShell() {
  const t = useT();
  const auth = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const roleLabel = useRoleLabel();

  const logout = async () => {
    await auth.logout();
    navigate(paths.login, { replace: true });
  };
  const logoutButton = (
    <Button variant="ghost" onClick={logout} busy={auth.loggingOut}>
      {t("auth.logout")}
    </Button>
  );

  switch (auth.status) {
    case "anonymous":
      return <Navigate to={paths.login} replace state={{ from: location }} />;
    case "loading":
      return <LoadingScreen />;
    case "error":
      return (
        <AuthFrame footer={logoutButton}>
          <Alert tone="error">{t("app.loadFailed")}</Alert>
          <Button onClick={auth.retry}>{t("app.retry")}</Button>
        </AuthFrame>
      );
    case "authenticated":
      if (auth.mustChangePassword) {
        return (
          <AuthFrame footer={logoutButton}>
            <ChangePasswordForm forced username={auth.user.username} />
          </AuthFrame>
        );
      }
      return (
        <AppLayout
          account={{
            fullName: auth.user.full_name,
            agencyName: auth.user.agency?.name ?? null,
            roleLabels: auth.user.roles.map(roleLabel),
          }}
          navItems={navItems(auth.user, t)}
          onLogout={logout}
          headerExtra={<NotificationBell />}
        >
          <NavigationProgress />
          <Outlet />
        </AppLayout>
      );
  }
}
