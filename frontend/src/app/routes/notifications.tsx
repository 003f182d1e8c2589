import { ComingSoon } from "../../components/ComingSoon";
import { useT } from "../../lib/i18n";

export function NotificationsRoute() {
  const t = useT();
  return <ComingSoon title={t("nav.notifications")} description={t("comingSoon.notifications")} />;
}
