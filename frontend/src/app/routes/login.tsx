import { Navigate, useLocation, useNavigate, type Location } from "react-router-dom";

import { AuthFrame } from "../../components/AuthFrame";
import { LoadingScreen } from "../../components/LoadingScreen";
import { LoginForm, useAuth } from "../../features/auth";
import { useT } from "../../lib/i18n";
import { usePageTitle } from "../../lib/use-page-title";
import { paths } from "../../config/paths";

/** Where the user was heading before the guard sent them here, if it was inside the app. */
function returnPath(location: Location): string {
  const from = (location.state as { from?: Location } | null)?.from;
  if (!from || from.pathname === paths.login) return paths.overview;
  return `${from.pathname}${from.search}${from.hash}`;
}

export function LoginRoute() {
  const t = useT();
  const auth = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  usePageTitle(t("auth.login.title"));

  if (auth.status === "authenticated") return <Navigate to={returnPath(location)} replace />;
  if (auth.status === "loading") return <LoadingScreen />;

  return (
    <AuthFrame>
      <LoginForm onSuccess={() => navigate(returnPath(location), { replace: true })} />
    </AuthFrame>
  );
}
