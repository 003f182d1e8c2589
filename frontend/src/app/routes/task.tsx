import { ComingSoon } from "../../components/ComingSoon";
import { useT } from "../../lib/i18n";

export function TaskRoute() {
  const t = useT();
  return <ComingSoon title={t("nav.agencyTasks")} description={t("comingSoon.agencyTasks")} />;
}
