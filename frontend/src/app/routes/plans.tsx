import { ComingSoon } from "../../components/ComingSoon";
import { useT } from "../../lib/i18n";

export function PlansRoute() {
  const t = useT();
  return <ComingSoon title={t("nav.plans")} description={t("comingSoon.plans")} />;
}
