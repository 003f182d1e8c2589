import { ComingSoon } from "../../components/ComingSoon";
import { useT } from "../../lib/i18n";

export function TasksRoute() {
  const t = useT();
  return <ComingSoon title={t("nav.agencyTasks")} description={t("comingSoon.agencyTasks")} />;
}
