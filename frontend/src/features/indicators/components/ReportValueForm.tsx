import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useMemo, useRef, useState } from "react";

import { ProblemAlert } from "../../../components/ProblemAlert";
import { ApiError } from "../../../lib/api";
import { useAgencyNames } from "../../../lib/directory";
import { applyApiErrors } from "../../../lib/form-api-errors";
import { foldAccents, todayInProvince } from "../../../lib/format";
import { newIdempotencyKey } from "../../../lib/idempotency";
import type { EvidenceIn, IndicatorDetail, IndicatorStatus, ValueIn, ValueRead } from "../api/types";
import { useCorrectValue, useReportValue } from "../api/values";
import { STATUSES, useMessages, useVocabulary } from "../i18n";
import { periodLabel, reportablePeriods } from "../utils/periods";

interface EvidenceField {
  title?: string;
  document_number?: string;
  document_date?: Dayjs | null;
  url?: string;
}

interface ReportFields {
  period: string | undefined;
  agency_id: string | undefined;
  value: number | null;
  claimed_status: IndicatorStatus | null;
  note: string;
  source: string;
  evidence: EvidenceField[];
}

interface ReportValueFormProps {
  indicator: IndicatorDetail;
  /** Every value of the indicator, to know which periods an agency has already reported. */
  values: readonly ValueRead[];
  /** A draft or returned value being corrected; null for a new report. */
  editing: ValueRead | null;
  onDone: () => void;
  /** The province's today (`YYYY-MM-DD`), which decides the periods on offer. */
  today?: string;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : undefined;
}

function initialFields(editing: ValueRead | null, agencyId: string | undefined, period: string | undefined): ReportFields {
  if (!editing) {
    return { period, agency_id: agencyId, value: null, claimed_status: null, note: "", source: "", evidence: [] };
  }
  return {
    period: editing.period,
    agency_id: editing.agency_id,
    value: editing.value === null ? null : Number(editing.value),
    claimed_status: editing.claimed_status,
    note: editing.note,
    source: editing.source,
    evidence: editing.evidence.map((item) => {
      const date = text(item.document_date);
      return {
        title: text(item.title),
        document_number: text(item.document_number),
        document_date: date ? dayjs(date) : null,
        url: text(item.url),
      };
    }),
  };
}

function toEvidence(items: EvidenceField[]): EvidenceIn[] {
  return items
    .filter((item) => item.title?.trim())
    .map((item) => ({
      title: item.title?.trim() ?? "",
      document_number: item.document_number?.trim() || null,
      document_date: item.document_date ? item.document_date.format("YYYY-MM-DD") : null,
      url: item.url?.trim() || null,
    }));
}

function toBody(fields: ReportFields, qualitative: boolean, submit: boolean): ValueIn {
  return {
    ...(qualitative ? { claimed_status: fields.claimed_status } : { value: fields.value }),
    note: fields.note?.trim() ?? "",
    source: fields.source?.trim() ?? "",
    evidence: toEvidence(fields.evidence ?? []),
    submit,
  };
}

function ServerProblem({ error, unplaced }: { error: unknown; unplaced: string[] }) {
  if (!(error instanceof ApiError) || !error.problem) return <ProblemAlert error={error} />;
  const placedAll = (error.problem.errors ?? []).length > 0 && unplaced.length === 0;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={error.problem.title}
      description={
        placedAll ? undefined : unplaced.length > 0 ? (
          <ul className="problem-reasons">
            {unplaced.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : (
          error.problem.detail
        )
      }
    />
  );
}

/**
 * "Báo cáo số liệu": an agency states its figure for a period, with its source and evidence, then saves a draft
 * or sends it for review; the same form corrects a draft or a returned value. The API decides who may.
 */
export function ReportValueForm({ indicator, values, editing, onDone, today = todayInProvince() }: ReportValueFormProps) {
  const t = useMessages();
  const vocabulary = useVocabulary();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportFields>();
  const report = useReportValue();
  const correct = useCorrectValue();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [failure, setFailure] = useState<{ error: unknown; unplaced: string[] } | null>(null);
  const [pending, setPending] = useState<"draft" | "submit" | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const agencyNames = useAgencyNames();
  const qualitative = indicator.comparator === "qualitative";

  const agencies = useMemo(() => {
    const named = new Map(indicator.contributors.map((share) => [share.agency.id, share.agency.name]));
    if (indicator.monitoring_agency) named.set(indicator.monitoring_agency.id, indicator.monitoring_agency.name);
    return indicator.can_report_for.map((id) => ({ value: id, label: named.get(id) ?? agencyNames.get(id)?.name ?? id }));
  }, [indicator, agencyNames]);
  const single = agencies.length === 1 ? agencies[0]?.value : undefined;

  const chosenAgency = Form.useWatch("agency_id", form) ?? single;
  const taken = useMemo(
    () => new Set(values.filter((v) => v.agency_id === chosenAgency).map((v) => v.period)),
    [values, chosenAgency],
  );
  const periods = useMemo(() => reportablePeriods(indicator.periodicity, today), [indicator.periodicity, today]);
  // The period under way or the one before, if still open; an older one is never picked for the user.
  const firstFree = (agency: string | undefined) => {
    const own = new Set(values.filter((v) => v.agency_id === agency).map((v) => v.period));
    return periods.slice(0, 2).find((code) => !own.has(code));
  };
  const [initial] = useState(() => initialFields(editing, single, firstFree(single)));

  useEffect(() => {
    if (editing) heading.current?.focus();
  }, [editing]);

  const busy = report.isPending || correct.isPending;

  async function send(submit: boolean) {
    let fields: ReportFields;
    try {
      fields = await form.validateFields();
    } catch {
      return;
    }
    setFailure(null);
    setPending(submit ? "submit" : "draft");
    const body = toBody(fields, qualitative, submit);
    const period = editing?.period_label ?? periodLabel(fields.period ?? "", vocabulary.lang);
    // mutateAsync: the page may remount this form once the new value is listed, before callbacks would run
    try {
      if (editing) {
        await correct.mutateAsync({ value: editing, body });
      } else {
        await report.mutateAsync({
          indicatorId: indicator.id,
          body: { ...body, period: fields.period ?? "", agency_id: fields.agency_id ?? single ?? null },
          idempotencyKey,
        });
      }
    } catch (error) {
      setFailure({ error, unplaced: applyApiErrors(form, error) });
      return;
    } finally {
      setPending(null);
    }
    void message.success(t(submit ? "report.sent" : "report.savedDraft", { period }));
    setIdempotencyKey(newIdempotencyKey());
    form.resetFields();
    if (editing) onDone();
  }

  const title = editing
    ? t("report.editHeading", { period: editing.period_label, agency: editing.agency_name })
    : t("report.heading");

  return (
    <section aria-labelledby="indicator-report-title" className="indicator-section" data-testid="indicator-report">
      <Typography.Title level={2} id="indicator-report-title" className="indicator-section-title" ref={heading} tabIndex={-1}>
        {title}
      </Typography.Title>
      <Card size="small">
        <p className="indicator-muted">{t("report.intro")}</p>
        {failure && <ServerProblem error={failure.error} unplaced={failure.unplaced} />}
        <Form<ReportFields>
          form={form}
          layout="vertical"
          initialValues={initial}
          requiredMark
          className="indicator-report-form"
          onValuesChange={(changed: Partial<ReportFields>) => {
            if ("agency_id" in changed && !editing) form.setFieldValue("period", firstFree(changed.agency_id));
          }}
        >
          {agencies.length <= 1 && (
            <Form.Item name="agency_id" hidden noStyle>
              <Input type="hidden" />
            </Form.Item>
          )}
          <Row gutter={[12, 0]}>
            {agencies.length > 1 && (
              <Col xs={24} md={12}>
                <Form.Item name="agency_id" label={t("report.agency")} rules={[{ required: true, message: t("report.agencyRequired") }]}>
                  <Select
                    disabled={!!editing}
                    options={agencies}
                    showSearch={{
                      filterOption: (input, option) => foldAccents(String(option?.label ?? "")).includes(foldAccents(input)),
                    }}
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12}>
              <Form.Item name="period" label={t("report.period")} rules={[{ required: true, message: t("report.periodRequired") }]}>
                <Select
                  disabled={!!editing}
                  options={(editing ? [editing.period] : periods).map((code) => ({
                    value: code,
                    label: !editing && taken.has(code) ? t("report.periodTaken", { label: periodLabel(code, vocabulary.lang) }) : periodLabel(code, vocabulary.lang),
                    disabled: !editing && taken.has(code),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              {qualitative ? (
                <Form.Item
                  name="claimed_status"
                  label={t("report.claimedStatus")}
                  rules={[{ required: true, message: t("report.claimedStatusRequired") }]}
                >
                  <Select
                    options={STATUSES.filter((s) => s !== "no_data").map((s) => ({ value: s, label: vocabulary.status(s) }))}
                  />
                </Form.Item>
              ) : (
                <Form.Item name="value" label={t("report.value")} rules={[{ required: true, message: t("report.valueRequired") }]}>
                  <InputNumber style={{ width: "100%" }} suffix={indicator.unit_label ?? undefined} />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="source" label={t("report.source")}>
                <Input maxLength={2000} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="note" label={t("report.note")}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={10000} />
              </Form.Item>
            </Col>
          </Row>
          <fieldset className="indicator-evidence-fields">
            <legend>{t("report.evidence")}</legend>
            <Form.List name="evidence">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, index) => (
                    <div key={field.key} className="indicator-evidence-item" role="group" aria-label={t("report.evidenceItem", { index: index + 1 })}>
                      <Row gutter={[12, 0]}>
                        <Col xs={24} md={12}>
                          <Form.Item
                            name={[field.name, "title"]}
                            label={t("report.evidenceTitle")}
                            rules={[{ required: true, whitespace: true, message: t("report.evidenceTitleRequired") }]}
                          >
                            <Input maxLength={500} />
                          </Form.Item>
                        </Col>
                        <Col xs={12} md={6}>
                          <Form.Item name={[field.name, "document_number"]} label={t("report.evidenceNumber")}>
                            <Input maxLength={100} />
                          </Form.Item>
                        </Col>
                        <Col xs={12} md={6}>
                          <Form.Item name={[field.name, "document_date"]} label={t("report.evidenceDate")}>
                            <DatePicker format="DD/MM/YYYY" style={{ width: "100%" }} />
                          </Form.Item>
                        </Col>
                        <Col xs={20} md={22}>
                          <Form.Item name={[field.name, "url"]} label={t("report.evidenceUrl")} rules={[{ type: "url" }]}>
                            <Input type="url" inputMode="url" placeholder="https://" />
                          </Form.Item>
                        </Col>
                        <Col xs={4} md={2} className="indicator-evidence-item__remove">
                          <Button
                            danger
                            type="text"
                            icon={<DeleteOutlined aria-hidden="true" />}
                            aria-label={t("report.evidenceRemove", { index: index + 1 })}
                            onClick={() => remove(field.name)}
                          />
                        </Col>
                      </Row>
                    </div>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined aria-hidden="true" />} onClick={() => add({ title: "" })}>
                    {t("report.evidenceAdd")}
                  </Button>
                </>
              )}
            </Form.List>
          </fieldset>
          <Space wrap className="indicator-report-actions">
            <Button onClick={() => void send(false)} loading={pending === "draft"} disabled={busy}>
              {t("report.saveDraft")}
            </Button>
            <Button type="primary" onClick={() => void send(true)} loading={pending === "submit"} disabled={busy}>
              {t("report.submit")}
            </Button>
            {editing && (
              <Button type="link" onClick={onDone} disabled={busy}>
                {t("report.cancelEdit")}
              </Button>
            )}
          </Space>
        </Form>
      </Card>
    </section>
  );
}
