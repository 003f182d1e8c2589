import { ComingSoon } from "../../components/ComingSoon";
import { useT } from "../../lib/i18n";

export function AgencyTasksRoute() {
  const t = useT();
  return <ComingSoon title={t("nav.agencyTasks")} description={t("comingSoon.agencyTasks")} />;
}

export function PlansRoute() {
  const t = useT();
  return <ComingSoon title={t("nav.plans")} description={t("comingSoon.plans")} />;
}

export function IndicatorsRoute() {
  const t = useT();
  return <ComingSoon title={t("nav.indicators")} description={t("comingSoon.indicators")} />;
}

export function NotificationsRoute() {
  const t = useT();
  return <ComingSoon title={t("nav.notifications")} description={t("comingSoon.notifications")} />;
}
