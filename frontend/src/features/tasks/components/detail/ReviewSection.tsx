import { App, Button, Form, Input, Modal, Popconfirm, Typography } from "antd";
import { useRef, useState } from "react";

import { ProblemAlert } from "../../../../components/ProblemAlert";
import { formatDate, formatDateTime } from "../../../../lib/format";
import { newIdempotencyKey } from "../../../../lib/idempotency";
import { useReview } from "../../api/writes";
import type { Share } from "../../api/types";
import { useMessages } from "../../i18n";
import { RoleTag, StatusTag } from "../StatusTag";
import { placeErrors } from "./form-problem";
import { Section } from "./Section";

const MIN_REASON = 5;

function ReturnDialog({ taskId, share, onClose }: { taskId: string; share: Share; onClose: () => void }) {
  const t = useMessages();
  const { message } = App.useApp();
  const review = useReview(taskId);
  const [form] = Form.useForm<{ reason: string }>();
  const key = useRef(newIdempotencyKey());
  const [problem, setProblem] = useState<unknown>(null);

  async function send({ reason }: { reason: string }) {
    setProblem(null);
    try {
      await review.mutateAsync({
        idempotencyKey: key.current,
        body: { assignment_id: share.id, decision: "return", reason: reason.trim() },
      });
      void message.success(t("review.returned", { agency: share.agency_name }));
      onClose();
    } catch (error) {
      if (placeErrors(form, error)) setProblem(error);
    }
  }

  return (
    <Modal
      open
      title={t("review.returnTitle", { agency: share.agency_name })}
      okText={t("review.returnOk")}
      cancelText={t("review.cancel")}
      okButtonProps={{ danger: true, loading: review.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="review-return" onFinish={(values) => void send(values)}>
        <Form.Item
          name="reason"
          label={t("review.reason")}
          rules={[{ required: true, whitespace: true, min: MIN_REASON, message: t("review.reasonRequired") }]}
        >
          <Input.TextArea rows={4} maxLength={10000} autoFocus />
        </Form.Item>
        {problem ? <ProblemAlert error={problem} /> : null}
      </Form>
    </Modal>
  );
}

function ReviewRow({ taskId, share, onReturn }: { taskId: string; share: Share; onReturn: () => void }) {
  const t = useMessages();
  const { message } = App.useApp();
  const review = useReview(taskId);
  const key = useRef(newIdempotencyKey());

  const accept = () =>
    review.mutate(
      { idempotencyKey: key.current, body: { assignment_id: share.id, decision: "accept", reason: "" } },
      {
        onSuccess: () => void message.success(t("review.accepted", { agency: share.agency_name })),
        onError: (error) => void message.error(error.message),
      },
    );

  return (
    <li className="task-review-row" data-testid={`review-${share.id}`}>
      <span className="task-cell">
        <strong>{share.agency_name}</strong>
        <span className="task-card__meta">
          <RoleTag role={share.role} />
          <StatusTag status={share.status} label={share.status_label} />
          <span>{share.percent}%</span>
        </span>
        <span className="task-muted">
          {share.status === "submitted" && share.submitted_on
            ? t("review.submittedOn", { date: formatDate(share.submitted_on) })
            : share.last_update_at && t("review.lastReport", { at: formatDateTime(share.last_update_at) })}
        </span>
      </span>
      <span className="task-actions">
        {share.status === "submitted" && (
          <Popconfirm
            title={t("review.acceptConfirm", { agency: share.agency_name })}
            okText={t("review.acceptOk")}
            cancelText={t("review.cancel")}
            onConfirm={accept}
          >
            <Button type="primary" loading={review.isPending}>
              {t("review.accept")}
            </Button>
          </Popconfirm>
        )}
        <Button danger onClick={onReturn}>
          {t("review.return")}
        </Button>
      </span>
    </li>
  );
}

/** "Thẩm định" for the assigning level: accept a completion, or return a report with a reason. */
export function ReviewSection({ taskId, shares }: { taskId: string; shares: Share[] }) {
  const t = useMessages();
  const [returning, setReturning] = useState<Share | null>(null);
  if (shares.length === 0) return null;
  return (
    <Section title={t("review.title")} testId="task-review">
      <Typography.Paragraph type="secondary">{t("review.intro")}</Typography.Paragraph>
      <ul className="task-shares">
        {shares.map((share) => (
          <ReviewRow key={share.id} taskId={taskId} share={share} onReturn={() => setReturning(share)} />
        ))}
      </ul>
      {returning && <ReturnDialog taskId={taskId} share={returning} onClose={() => setReturning(null)} />}
    </Section>
  );
}
