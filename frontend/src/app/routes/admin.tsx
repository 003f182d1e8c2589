import { ComingSoon } from "../../components/ComingSoon";
import { MessagePage } from "../../components/MessagePage";
import { useMe } from "../../features/auth";
import { useT } from "../../lib/i18n";

export function AdminRoute() {
  const t = useT();
  const me = useMe();
  if (!me.data?.roles.includes("admin")) {
    return (
      <MessagePage title={t("forbidden.title")}>
        <p>{t("forbidden.body")}</p>
      </MessagePage>
    );
  }
  return <ComingSoon title={t("nav.admin")} description={t("comingSoon.admin")} />;
}
