import { App, Button, DatePicker, Form, Input, Select, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useRef, useState } from "react";

import { ProblemAlert } from "../../../../components/ProblemAlert";
import { formatDate, formatDateTime, todayInProvince } from "../../../../lib/format";
import { newIdempotencyKey } from "../../../../lib/idempotency";
import { useExtensions } from "../../api/detail";
import { useDecideExtension, useRequestExtension } from "../../api/writes";
import type { Extension, Share } from "../../api/types";
import { useMessages } from "../../i18n";
import { PlainList } from "../PlainList";
import { placeErrors } from "./form-problem";
import { Section } from "./Section";

const STATE_COLOURS: Record<string, string> = { pending: "gold", approved: "success", refused: "error" };

interface RequestValues {
  agency_id: string;
  proposed_due: Dayjs | null;
  reason: string;
}

function RequestForm({ taskId, shares }: { taskId: string; shares: Share[] }) {
  const t = useMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<RequestValues>();
  const request = useRequestExtension(taskId);
  const key = useRef(newIdempotencyKey());
  const [problem, setProblem] = useState<unknown>(null);
  const today = dayjs(todayInProvince());

  async function send(values: RequestValues) {
    setProblem(null);
    try {
      await request.mutateAsync({
        idempotencyKey: key.current,
        body: {
          agency_id: values.agency_id ?? shares[0]?.agency_id,
          proposed_due: values.proposed_due?.format("YYYY-MM-DD") ?? "",
          reason: values.reason.trim(),
        },
      });
      key.current = newIdempotencyKey();
      form.resetFields();
      void message.success(t("ext.sent"));
    } catch (error) {
      if (placeErrors(form, error)) setProblem(error);
    }
  }

  return (
    <Form<RequestValues>
      form={form}
      layout="vertical"
      name="extension"
      onFinish={(values) => void send(values)}
      initialValues={{ agency_id: shares[0]?.agency_id }}
    >
      <Typography.Title level={3} style={{ fontSize: "1rem" }}>
        {t("ext.request")}
      </Typography.Title>
      {shares.length > 1 && (
        <Form.Item name="agency_id" label={t("progress.agency")}>
          <Select options={shares.map((share) => ({ value: share.agency_id, label: share.agency_name }))} />
        </Form.Item>
      )}
      <Form.Item
        name="proposed_due"
        label={t("ext.proposed")}
        rules={[{ required: true, message: t("ext.proposedRequired") }]}
      >
        <DatePicker format="DD/MM/YYYY" disabledDate={(day) => !day.isAfter(today, "day")} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t("ext.reason")}
        rules={[{ required: true, whitespace: true, min: 5, message: t("ext.reasonRequired") }]}
      >
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      {problem ? <ProblemAlert error={problem} /> : null}
      <Button htmlType="submit" loading={request.isPending} style={{ marginTop: 8 }}>
        {t("ext.send")}
      </Button>
    </Form>
  );
}

function DecisionForm({ taskId, extension, agency }: { taskId: string; extension: Extension; agency: string }) {
  const t = useMessages();
  const { message } = App.useApp();
  const decide = useDecideExtension(taskId);
  const key = useRef(newIdempotencyKey());
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<unknown>(null);
  const noteId = `extension-note-${extension.id}`;
  const busy = decide.isPending ? decide.variables?.body.decision : undefined;

  function act(decision: "approve" | "refuse") {
    setProblem(null);
    decide.mutate(
      { extensionId: extension.id, idempotencyKey: key.current, body: { decision, note: note.trim() } },
      {
        onSuccess: () => {
          key.current = newIdempotencyKey();
          void message.success(decision === "approve" ? t("ext.approved") : t("ext.refused"));
        },
        onError: setProblem,
      },
    );
  }

  return (
    <div className="task-detail" style={{ width: "100%" }}>
      <label htmlFor={noteId}>{t("ext.noteFor", { agency })}</label>
      <Input.TextArea
        id={noteId}
        rows={2}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        maxLength={10000}
      />
      {problem ? <ProblemAlert error={problem} /> : null}
      <div className="task-actions">
        <Button type="primary" loading={busy === "approve"} onClick={() => act("approve")}>
          {t("ext.approve")}
        </Button>
        <Button danger loading={busy === "refuse"} onClick={() => act("refuse")}>
          {t("ext.refuse")}
        </Button>
      </div>
    </div>
  );
}

interface ExtensionsSectionProps {
  taskId: string;
  shares: Share[];
  requestShares: Share[];
  canDecide: boolean;
}

/** "Gia hạn": requests and their decisions; the lead asks, the assigning level or a leader decides. */
export function ExtensionsSection({ taskId, shares, requestShares, canDecide }: ExtensionsSectionProps) {
  const t = useMessages();
  const extensions = useExtensions(taskId);
  const items = [...(extensions.data ?? [])].reverse();
  const names = new Map(shares.map((share) => [share.agency_id, share.agency_name]));
  const pending = items.some((item) => item.state === "pending");
  if (items.length === 0 && requestShares.length === 0) return null;

  return (
    <Section title={t("ext.title")} testId="task-extensions">
      <div className="task-detail">
        {extensions.error ? <ProblemAlert error={extensions.error} onRetry={() => void extensions.refetch()} /> : null}
        {items.length > 0 ? (
          <PlainList
            items={items}
            keyOf={(item) => item.id}
            render={(item) => {
              const agency = names.get(item.agency_id) ?? "";
              return (
                <div className="task-timeline-item" style={{ width: "100%" }}>
                  <span>
                    <Tag color={STATE_COLOURS[item.state] ?? "default"}>
                      {item.state === "pending" || item.state === "approved" || item.state === "refused"
                        ? t(`ext.state.${item.state}`)
                        : item.state}
                    </Tag>
                    {t("ext.summary", {
                      agency,
                      from: item.current_due ? formatDate(item.current_due) : t("ext.noDate"),
                      to: formatDate(item.proposed_due),
                    })}
                  </span>
                  <span>
                    {t("ext.reason")}: {item.reason}
                  </span>
                  <span className="task-muted">
                    {t("ext.by", { who: item.requested_by, at: formatDateTime(item.created_at) })}
                  </span>
                  {item.decided_by && (
                    <span className="task-muted">
                      {t("ext.decided", { who: item.decided_by, at: formatDateTime(item.decided_at) })}
                      {item.decision_note ? ` — ${item.decision_note}` : ""}
                    </span>
                  )}
                  {item.state === "pending" && canDecide && (
                    <DecisionForm taskId={taskId} extension={item} agency={agency} />
                  )}
                </div>
              );
            }}
          />
        ) : (
          extensions.isSuccess && <Typography.Text type="secondary">{t("ext.empty")}</Typography.Text>
        )}
        {requestShares.length > 0 && !pending && <RequestForm taskId={taskId} shares={requestShares} />}
      </div>
    </Section>
  );
}
