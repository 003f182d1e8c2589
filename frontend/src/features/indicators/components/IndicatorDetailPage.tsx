import { Skeleton } from "antd";
import { useMemo, useState } from "react";

import { PageHeader } from "../../../components/PageHeader";
import { ProblemAlert } from "../../../components/ProblemAlert";
import { paths, withQuery } from "../../../config/paths";
import { ApiError } from "../../../lib/api";
import { useIndicator, usePlans } from "../api/indicators";
import type { IndicatorDetail, ValueRead } from "../api/types";
import { useIndicatorValues } from "../api/values";
import { useMessages } from "../i18n";
import { IndicatorFacts } from "./IndicatorFacts";
import { IndicatorNotFound } from "./IndicatorNotFound";
import { ReportValueForm } from "./ReportValueForm";
import { SeriesSection } from "./SeriesSection";
import { StatusTag } from "./StatusTag";
import { ValuesSection } from "./ValuesSection";
import "./indicators.css";

function ReportArea({ indicator, editing, onDone }: { indicator: IndicatorDetail; editing: ValueRead | null; onDone: () => void }) {
  const t = useMessages();
  const values = useIndicatorValues(indicator.id);
  if (indicator.can_report_for.length === 0) return null;
  if (indicator.parts.length > 0) return <p className="indicator-muted">{t("report.composite")}</p>;
  if (!values.data) return null;
  // a fresh form (defaults, idempotency key) once a new value is listed
  const key = editing ? `edit-${editing.id}` : `new-${values.data.length}`;
  return <ReportValueForm key={key} indicator={indicator} values={values.data} editing={editing} onDone={onDone} />;
}

function isMissing(error: unknown) {
  // a malformed id is refused as invalid input (422): to the reader it is the same missing indicator
  return error instanceof ApiError && (error.status === 404 || error.status === 422);
}

/** One indicator: what it is, its figures against the target, every agency's values, and the report form. */
export function IndicatorDetailPage({ indicatorId }: { indicatorId: string }) {
  const t = useMessages();
  const indicator = useIndicator(indicatorId);
  const plans = usePlans();
  const [editing, setEditing] = useState<ValueRead | null>(null);
  const planSymbol = useMemo(() => {
    const plan = plans.data?.find((p) => p.key === indicator.data?.plan_key);
    if (!plan) return indicator.data?.plan_key ?? "";
    return plan.symbol.startsWith("/") ? plan.key : plan.symbol;
  }, [plans.data, indicator.data?.plan_key]);

  if (indicator.isPending) {
    return (
      <div className="indicator-page" role="status" aria-busy="true">
        <Skeleton active title paragraph={{ rows: 12 }} />
      </div>
    );
  }
  if (isMissing(indicator.error)) return <IndicatorNotFound />;
  if (indicator.error || !indicator.data) {
    return (
      <div className="indicator-page">
        <PageHeader title={t("list.title")} crumbs={[{ to: paths.indicators, label: t("list.title") }]} />
        <ProblemAlert error={indicator.error} onRetry={() => void indicator.refetch()} />
      </div>
    );
  }
  const data = indicator.data;
  return (
    <div className="indicator-page">
      <PageHeader
        title={data.tt ? `${data.tt}. ${data.text}` : data.text}
        crumbs={[
          { to: paths.indicators, label: t("list.title") },
          { to: withQuery(paths.indicators, { plan: data.plan_key }), label: planSymbol },
        ]}
        subtitle={<StatusTag status={data.status} />}
      />
      <IndicatorFacts indicator={data} planSymbol={planSymbol} />
      <ReportArea indicator={data} editing={editing} onDone={() => setEditing(null)} />
      <SeriesSection indicator={data} />
      <ValuesSection indicator={data} onEdit={setEditing} />
    </div>
  );
}
