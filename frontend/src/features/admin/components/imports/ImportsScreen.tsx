import { Tabs } from "antd";
import { useSearchParams } from "react-router-dom";

import { useMessages } from "../../i18n";
import { SectionHead } from "../AdminLayout";
import { IndicatorImport } from "./IndicatorImport";
import { TaskImport } from "./TaskImport";

/**
 * "Nhập dữ liệu": task tables and Phụ lục I indicator tables. `?kind=indicators&plan_key=...` or
 * `?plan_id=...` opens a wizard on a given plan (links from a plan's page).
 */
export function ImportsScreen() {
  const m = useMessages();
  const [params, setParams] = useSearchParams();
  const kind = params.get("kind") === "indicators" ? "indicators" : "tasks";
  return (
    <section aria-labelledby="admin-imports-title">
      <SectionHead title={m("tab.imports")} id="admin-imports-title" />
      <p className="admin-note">{m("import.intro")}</p>
      <Tabs
        activeKey={kind}
        onChange={(key) => setParams(key === "indicators" ? { kind: key } : {}, { replace: true })}
        items={[
          {
            key: "tasks",
            label: m("import.tasksTab"),
            children: <TaskImport initialPlanId={params.get("plan_id") ?? undefined} />,
          },
          {
            key: "indicators",
            label: m("import.indicatorsTab"),
            children: <IndicatorImport initialPlanKey={params.get("plan_key") ?? undefined} />,
          },
        ]}
      />
    </section>
  );
}
