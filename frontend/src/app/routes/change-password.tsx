import { ChangePasswordForm, useMe } from "../../features/auth";
import { useT } from "../../lib/i18n";
import { usePageTitle } from "../../lib/use-page-title";

export function ChangePasswordRoute() {
  const t = useT();
  const me = useMe();
  usePageTitle(t("auth.changePassword.title"));
  return (
    <div className="page page--narrow">
      <div className="card card--padded">
        <ChangePasswordForm username={me.data?.username} />
      </div>
    </div>
  );
}
