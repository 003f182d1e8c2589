import { Link } from "react-router-dom";

import { LoadingScreen } from "../../components/LoadingScreen";
import { MyAccountCard, useMe } from "../../features/auth";
import { useT } from "../../lib/i18n";
import { usePageTitle } from "../../lib/use-page-title";
import { paths } from "../../config/paths";

export function AccountRoute() {
  const t = useT();
  const me = useMe();
  usePageTitle(t("account.title"));
  if (!me.data) return <LoadingScreen />;
  return (
    <div className="page">
      <h1 className="page__title">{t("account.title")}</h1>
      <div className="page__grid">
        <MyAccountCard
          user={me.data}
          actions={
            <Link className="link" to={paths.changePassword}>
              {t("account.changePassword")}
            </Link>
          }
        />
      </div>
    </div>
  );
}
