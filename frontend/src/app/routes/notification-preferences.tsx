import { ComingSoon } from "../../components/ComingSoon";
import { useT } from "../../lib/i18n";

export function NotificationPreferencesRoute() {
  const t = useT();
  return <ComingSoon title={t("nav.notifications")} description={t("comingSoon.notifications")} />;
}
