import { PlusOutlined } from "@ant-design/icons";
import { Button, Select } from "antd";
import { useEffect, useId, useMemo, useState } from "react";
import { Link } from "react-router-dom";

import { paths } from "../../../../config/paths";
import { useMe } from "../../../../lib/me";
import { useImportTasks, useTaskPlans } from "../../api/imports";
import type { TaskImportReport, TaskPlan } from "../../api/types";
import { useMessages } from "../../i18n";
import { ImportErrors, ImportNotes, ImportStats } from "./ImportReportView";
import { ImportWizard } from "./ImportWizard";
import { TaskPlanFormModal } from "./TaskPlanFormModal";

function planLabel(plan: TaskPlan): string {
  return `${plan.symbol || plan.kind} — ${plan.title}`;
}

function TaskReport({ report }: { report: TaskImportReport }) {
  const m = useMessages();
  const rows = (list: readonly number[]) => m("import.rows", { rows: list.join(", ") });
  return (
    <>
      <ImportStats
        stats={[
          { label: m("import.tasks"), value: report.tasks },
          { label: m("import.headings"), value: report.headings },
          { label: m("import.created"), value: report.created ?? 0 },
          { label: m("import.updated"), value: report.updated ?? 0 },
          { label: m("import.unchanged"), value: report.unchanged ?? 0 },
        ]}
      />
      <ImportErrors errors={report.errors} />
      <ImportNotes
        notes={[
          {
            key: "deadlines",
            title: m("import.unparsedDeadlines"),
            items: report.unparsed_deadlines.map((use) => ({ key: use.name, text: `“${use.name}” — ${rows(use.rows)}` })),
          },
          {
            key: "mentioned",
            title: m("import.mentionedOnly"),
            items: report.mentioned_only.map((use) => ({ key: use.name, text: `“${use.name}” — ${rows(use.rows)}` })),
          },
        ]}
      />
    </>
  );
}

function useDebounced(value: string, ms = 300): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Wizard (a): a task table (XLSX/CSV) into one plan. */
export function TaskImport({ initialPlanId }: { initialPlanId?: string }) {
  const m = useMessages();
  const me = useMe();
  const pickerId = useId();
  const [planId, setPlanId] = useState(initialPlanId);
  const [search, setSearch] = useState("");
  const q = useDebounced(search);
  const plans = useTaskPlans(q);
  const [chosen, setChosen] = useState<TaskPlan>();
  const [creating, setCreating] = useState(false);
  const mutation = useImportTasks(planId ?? "");

  const options = useMemo(() => {
    const list = [...(plans.data?.items ?? [])];
    if (chosen && !list.some((plan) => plan.id === chosen.id)) list.unshift(chosen);
    return list.map((plan) => ({ value: plan.id, label: planLabel(plan), plan }));
  }, [plans.data, chosen]);

  const picker = (
    <div>
      <label htmlFor={pickerId}>{m("plan.pick")}</label>
      <div className="picker-row">
        <Select
          id={pickerId}
          value={planId}
          placeholder={m("plan.pickPlaceholder")}
          loading={plans.isFetching}
          options={options}
          showSearch={{ filterOption: false, onSearch: setSearch }}
          notFoundContent={plans.isFetching ? m("loading") : m("plan.none")}
          onChange={(id: string) => {
            setPlanId(id);
            setChosen(options.find((option) => option.value === id)?.plan);
          }}
          style={{ flex: 1, minWidth: 0 }}
          popupMatchSelectWidth
        />
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {m("plan.create")}
        </Button>
      </div>
      {creating && (
        <TaskPlanFormModal
          defaultStandingAgencyId={me.data?.agency?.id}
          onClose={() => setCreating(false)}
          onCreated={(plan) => {
            setCreating(false);
            setChosen(plan);
            setPlanId(plan.id);
          }}
        />
      )}
    </div>
  );

  return (
    <ImportWizard<TaskImportReport>
      testId="task-import"
      planPicker={picker}
      planId={planId}
      planLabel={options.find((option) => option.value === planId)?.label}
      mutation={mutation}
      fileHint={m("import.taskFileHint")}
      renderReport={(report) => <TaskReport report={report} />}
      renderDone={(report) => (
        <Link to={paths.plan(report.plan_id)}>
          {m("import.openPlan")}
        </Link>
      )}
    />
  );
}
