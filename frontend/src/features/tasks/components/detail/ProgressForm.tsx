import { App, Button, Checkbox, Form, Input, InputNumber, Select, Typography } from "antd";
import { useMemo, useRef, useState } from "react";

import { ProblemAlert } from "../../../../components/ProblemAlert";
import { ApiError } from "../../../../lib/api";
import { applyApiErrors } from "../../../../lib/form-api-errors";
import { newIdempotencyKey } from "../../../../lib/idempotency";
import { useReportProgress } from "../../api/writes";
import type { Evidence, Share } from "../../api/types";
import { useMessages } from "../../i18n";
import { EvidenceFields, toEvidenceIn, type EvidenceRow } from "./EvidenceFields";
import { EvidenceUpload } from "./EvidenceUpload";

interface ProgressValues {
  agency_id: string;
  percent: number | null;
  narrative?: string;
  files: Evidence[];
  evidence: EvidenceRow[];
  submit: boolean;
}

interface ProgressFormProps {
  taskId: string;
  /** The caller's shares open to a report, own agency first. */
  shares: Share[];
}

/** Where the API's reasons land: its field names, mapped to this form's. */
function fieldMapFor(error: unknown, rows: EvidenceRow[]): Record<string, string | (string | number)[]> {
  const map: Record<string, string | (string | number)[]> = { evidence_ids: "files" };
  if (!(error instanceof ApiError)) return map;
  for (const { field } of error.problem?.errors ?? []) {
    if (field === "evidence") map[field] = "files";
    const row = /^evidence\.(\d+)/.exec(field);
    if (row) {
      const index = Number(row[1]);
      map[field] = ["evidence", index, rows[index]?.kind === "link" ? "url" : "document_number"];
    }
  }
  return map;
}

/** True when every reason the API gave sits beside a field on screen (no summary needed). */
function allShown(error: unknown, fieldMap: Record<string, string | (string | number)[]>, visible: Set<string>): boolean {
  const errors = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
  return (
    errors.length > 0 &&
    errors.every(({ field }) => {
      const mapped = fieldMap[field] ?? field;
      return visible.has(String(Array.isArray(mapped) ? mapped[0] : mapped.split(".")[0]));
    })
  );
}

/**
 * "Báo cáo tiến độ" for the caller's own share: percent, narrative, evidence (files uploaded first, then
 * named by id; links or documents inline) and, for a lead agency, the completion report that awaits review.
 */
export function ProgressForm({ taskId, shares }: ProgressFormProps) {
  const t = useMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProgressValues>();
  const report = useReportProgress(taskId);
  const idempotencyKey = useRef(newIdempotencyKey());
  const [uploading, setUploading] = useState(false);
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const first = shares[0];
  const agencyId = Form.useWatch("agency_id", form) ?? first?.agency_id;
  const share = useMemo(() => shares.find((item) => item.agency_id === agencyId) ?? first, [shares, agencyId, first]);

  if (!first || !share) return null;
  const reporting = share;
  const visible = new Set(["percent", "narrative", "files", "evidence"]);
  if (share.role === "lead") visible.add("submit");
  if (shares.length > 1) visible.add("agency_id");

  async function send(values: ProgressValues) {
    if (uploading) {
      void message.warning(t("progress.waitUpload"));
      return;
    }
    setUnplaced(null);
    const rows = values.evidence ?? [];
    try {
      await report.mutateAsync({
        idempotencyKey: idempotencyKey.current,
        body: {
          // always named: the API would otherwise pick the caller's own agency, which may not be this share
          agency_id: reporting.agency_id,
          percent: values.percent ?? 0,
          narrative: values.narrative?.trim() ?? "",
          submit: values.submit === true,
          evidence_ids: (values.files ?? []).map((file) => file.id),
          evidence: rows.map(toEvidenceIn),
        },
      });
      idempotencyKey.current = newIdempotencyKey();
      void message.success(values.submit ? t("progress.sentDone") : t("progress.sent"));
      form.resetFields();
      form.setFieldsValue({ agency_id: reporting.agency_id, percent: values.percent });
    } catch (error) {
      const fieldMap = fieldMapFor(error, rows);
      applyApiErrors(form, error, fieldMap);
      setUnplaced(allShown(error, fieldMap, visible) ? null : error);
    }
  }

  return (
    <Form<ProgressValues>
      form={form}
      layout="vertical"
      name="progress"
      onFinish={(values) => void send(values)}
      initialValues={{ agency_id: first.agency_id, percent: first.percent, files: [], evidence: [], submit: false }}
      onValuesChange={(changed: Partial<ProgressValues>) => {
        // a server reason stays beside its field only until the user changes that field
        form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof ProgressValues, errors: [] })));
        // files belong to the share they were uploaded for; another agency starts afresh
        if (changed.agency_id) {
          const next = shares.find((item) => item.agency_id === changed.agency_id);
          form.setFieldsValue({ files: [], submit: false, percent: next?.percent ?? 0 });
        }
      }}
    >
      <Typography.Paragraph type="secondary">
        {t("progress.intro", { agency: share.agency_name, role: t(`role.${share.role}`) })}
      </Typography.Paragraph>
      {shares.length > 1 && (
        <Form.Item name="agency_id" label={t("progress.agency")}>
          <Select
            options={shares.map((item) => ({
              value: item.agency_id,
              label: `${item.agency_name} — ${t(`role.${item.role}`)}`,
            }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="percent"
        label={t("progress.percent")}
        rules={[{ required: true, type: "integer", min: 0, max: 100, message: t("progress.percentRequired") }]}
      >
        <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="narrative" label={t("progress.narrative")}>
        <Input.TextArea rows={4} maxLength={10000} placeholder={t("progress.narrativePlaceholder")} />
      </Form.Item>
      <Form.Item name="files" label={t("progress.files")} extra={t("progress.filesHint")}>
        <EvidenceUpload taskId={taskId} agencyId={share.agency_id} onBusyChange={setUploading} />
      </Form.Item>
      <EvidenceFields />
      {share.role === "lead" && (
        <Form.Item name="submit" valuePropName="checked" extra={t("progress.submitHint")} style={{ marginTop: 16 }}>
          <Checkbox>{t("progress.submit")}</Checkbox>
        </Form.Item>
      )}
      {unplaced ? <ProblemAlert error={unplaced} className="task-form-alert" /> : null}
      <Button type="primary" htmlType="submit" loading={report.isPending} disabled={uploading} style={{ marginTop: 8 }}>
        {t("progress.send")}
      </Button>
    </Form>
  );
}
