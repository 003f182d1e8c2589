import { App, Button, Space, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useRef } from "react";

import { ProblemAlert } from "../../../components/ProblemAlert";
import { QueryState } from "../../../components/QueryState";
import { formatDateTime } from "../../../lib/format";
import { newIdempotencyKey } from "../../../lib/idempotency";
import type { IndicatorDetail, ValueRead } from "../api/types";
import { useIndicatorValues, useSubmitValue, useValue } from "../api/values";
import { useMessages, useVocabulary } from "../i18n";
import { formatQuantity } from "../utils/format";
import { EvidenceList } from "./EvidenceList";
import { ValueStateTag } from "./StatusTag";

const REVISION_ACTIONS = ["created", "corrected", "submitted", "accepted", "returned"] as const;
type RevisionAction = (typeof REVISION_ACTIONS)[number];

function ValueHistory({ valueId, unitLabel }: { valueId: string; unitLabel: string | null }) {
  const t = useMessages();
  const { lang } = useVocabulary();
  const value = useValue(valueId);
  return (
    <QueryState query={value} skeletonRows={2} isEmpty={(data) => (data.revisions ?? []).length === 0} empty={t("values.historyEmpty")}>
      {(data) => (
        <ol className="indicator-history" aria-label={t("values.history")}>
          {(data.revisions ?? []).map((revision, i) => {
            const action = (REVISION_ACTIONS as readonly string[]).includes(revision.action)
              ? t(`revision.${revision.action as RevisionAction}`)
              : revision.action;
            return (
              <li key={`${revision.at}-${i}`}>
                <time dateTime={revision.at}>{formatDateTime(revision.at)}</time>{" "}
                <strong>{t("values.by", { action, actor: revision.actor })}</strong>
                {revision.value !== null && <span> · {formatQuantity(revision.value, unitLabel, lang)}</span>}
                {revision.reason && <div className="indicator-reason">{revision.reason}</div>}
                {revision.note && <div className="indicator-muted">{revision.note}</div>}
              </li>
            );
          })}
        </ol>
      )}
    </QueryState>
  );
}

interface ValuesSectionProps {
  indicator: IndicatorDetail;
  onEdit: (value: ValueRead) => void;
}

/** Every agency's figure for every period, its review state, and — for the agency's own — edit and send. */
export function ValuesSection({ indicator, onEdit }: ValuesSectionProps) {
  const t = useMessages();
  const vocabulary = useVocabulary();
  const { lang } = vocabulary;
  const { message } = App.useApp();
  const values = useIndicatorValues(indicator.id);
  const submit = useSubmitValue();
  const keys = useRef(new Map<string, string>());
  const mine = new Set(indicator.can_report_for);

  const send = (value: ValueRead) => {
    const intent = `${value.id}:${value.version}`;
    const key = keys.current.get(intent) ?? newIdempotencyKey();
    keys.current.set(intent, key);
    submit.mutate(
      { value, idempotencyKey: key },
      { onSuccess: () => void message.success(t("values.submitted", { period: value.period_label })) },
    );
  };

  const columns: TableColumnsType<ValueRead> = [
    { key: "period", title: t("values.period"), width: 120, render: (_, v) => v.period_label },
    { key: "agency", title: t("values.agency"), width: 200, render: (_, v) => v.agency_name },
    {
      key: "value",
      title: t("values.value"),
      width: 120,
      render: (_, v) => (v.value !== null ? formatQuantity(v.value, indicator.unit_label, lang) : v.claimed_status ? vocabulary.status(v.claimed_status) : "—"),
    },
    {
      key: "state",
      title: t("values.state"),
      width: 160,
      render: (_, v) => (
        <>
          <ValueStateTag state={v.state} label={v.state_label} />
          {v.late && <Tag color="warning">{t("values.late")}</Tag>}
        </>
      ),
    },
    { key: "evidence", title: t("values.evidence"), width: 200, render: (_, v) => <EvidenceList items={v.evidence} /> },
    { key: "reason", title: t("values.reason"), width: 200, render: (_, v) => v.return_reason ?? "" },
    {
      key: "actions",
      title: t("values.actions"),
      width: 210,
      render: (_, v) =>
        mine.has(v.agency_id) && (v.state === "draft" || v.state === "returned") ? (
          <Space wrap size={4}>
            <Button size="small" onClick={() => onEdit(v)} aria-label={t("values.editLabel", { period: v.period_label, agency: v.agency_name })}>
              {t("values.edit")}
            </Button>
            {v.state === "draft" && (
              <Button
                size="small"
                type="primary"
                loading={submit.isPending && submit.variables?.value.id === v.id}
                onClick={() => send(v)}
                aria-label={t("values.submitLabel", { period: v.period_label, agency: v.agency_name })}
              >
                {t("values.submit")}
              </Button>
            )}
          </Space>
        ) : null,
    },
  ];

  return (
    <section aria-labelledby="indicator-values-title" className="indicator-section">
      <Typography.Title level={2} id="indicator-values-title" className="indicator-section-title">
        {t("values.heading")}
      </Typography.Title>
      {submit.error && <ProblemAlert error={submit.error} className="indicator-alert" />}
      <QueryState query={values} skeletonRows={5} isEmpty={(data) => data.length === 0} empty={t("values.empty")}>
        {(data) => (
          <div data-testid="indicator-values-table">
          <Table<ValueRead>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data}
            scroll={{ x: 1100 }}
            pagination={data.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            expandable={{
              expandedRowRender: (v) => <ValueHistory valueId={v.id} unitLabel={indicator.unit_label} />,
              columnTitle: <span className="visually-hidden">{t("values.history")}</span>,
            }}
          />
          </div>
        )}
      </QueryState>
    </section>
  );
}
