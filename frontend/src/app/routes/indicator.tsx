import { ComingSoon } from "../../components/ComingSoon";
import { useT } from "../../lib/i18n";

export function IndicatorRoute() {
  const t = useT();
  return <ComingSoon title={t("nav.indicators")} description={t("comingSoon.indicators")} />;
}
