import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Select } from "antd";
import { useId, useState } from "react";
import { Link } from "react-router-dom";

import { paths, withQuery } from "../../../../config/paths";
import { foldAccents } from "../../../../lib/format";
import { useMe } from "../../../../lib/me";
import { useImportIndicators, useIndicatorPlans } from "../../api/imports";
import type { IndicatorImportReport } from "../../api/types";
import { useMessages } from "../../i18n";
import { IndicatorPlanFormModal } from "./IndicatorPlanFormModal";
import { ImportErrors, ImportNotes, ImportStats } from "./ImportReportView";
import { ImportWizard } from "./ImportWizard";

function IndicatorReport({ report }: { report: IndicatorImportReport }) {
  const m = useMessages();
  const review = (rows: IndicatorImportReport["needs_review"]) =>
    rows.map((row) => ({
      key: `${row.row}`,
      text: `${m("import.rowTt", { row: row.row, tt: row.tt || "—" })}: ${row.text}${row.reasons.length ? ` (${row.reasons.join("; ")})` : ""}`,
    }));
  return (
    <>
      {report.already_imported && <Alert type="info" showIcon title={m("import.alreadyImported")} />}
      <ImportStats
        stats={[
          { label: m("import.indicators"), value: report.indicators },
          { label: m("import.parts"), value: report.parts },
          { label: m("import.created"), value: report.created ?? 0 },
          { label: m("import.updated"), value: report.updated ?? 0 },
          { label: m("import.unchanged"), value: report.unchanged ?? 0 },
        ]}
      />
      <ImportErrors errors={report.errors} />
      <ImportNotes
        notes={[
          { key: "review", title: m("import.needsReview"), items: review(report.needs_review) },
          { key: "qualitative", title: m("import.qualitative"), items: review(report.qualitative) },
        ]}
      />
    </>
  );
}

/** Wizard (b): a Phụ lục I indicator table into one plan with indicators. */
export function IndicatorImport({ initialPlanKey }: { initialPlanKey?: string }) {
  const m = useMessages();
  const me = useMe();
  const pickerId = useId();
  const plans = useIndicatorPlans();
  const [planKey, setPlanKey] = useState(initialPlanKey);
  const [creating, setCreating] = useState(false);
  const mutation = useImportIndicators(planKey ?? "");
  const options = (plans.data ?? []).map((plan) => ({
    value: plan.key,
    label: `${plan.symbol} — ${plan.title}`,
    search: foldAccents(`${plan.key} ${plan.symbol} ${plan.title}`),
  }));

  const picker = (
    <div>
      <label htmlFor={pickerId}>{m("iplan.pick")}</label>
      <div className="picker-row">
        <Select
          id={pickerId}
          value={planKey}
          placeholder={m("plan.pickPlaceholder")}
          loading={plans.isPending}
          options={options}
          showSearch={{ filterOption: (input, option) => !!option?.search.includes(foldAccents(input)) }}
          notFoundContent={m("plan.none")}
          onChange={(key: string) => setPlanKey(key)}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {m("iplan.create")}
        </Button>
      </div>
      {creating && (
        <IndicatorPlanFormModal
          defaultStandingAgencyId={me.data?.agency?.id}
          onClose={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            setPlanKey(key);
          }}
        />
      )}
    </div>
  );

  return (
    <ImportWizard<IndicatorImportReport>
      testId="indicator-import"
      planPicker={picker}
      planId={planKey}
      planLabel={options.find((option) => option.value === planKey)?.label}
      mutation={mutation}
      fileHint={m("import.indicatorFileHint")}
      renderReport={(report) => <IndicatorReport report={report} />}
      renderDone={(report) => (
        <Link to={withQuery(paths.indicators, { plan: report.plan_key })}>
          {m("import.openIndicators")}
        </Link>
      )}
    />
  );
}
