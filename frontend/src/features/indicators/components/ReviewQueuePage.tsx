import { App, Button, Form, Input, Modal, Space, Tag, Typography } from "antd";
import { useMemo, useRef, useState } from "react";
import { Link } from "react-router-dom";

import { PageHeader } from "../../../components/PageHeader";
import { ProblemAlert } from "../../../components/ProblemAlert";
import { QueryState } from "../../../components/QueryState";
import { paths } from "../../../config/paths";
import { applyApiErrors } from "../../../lib/form-api-errors";
import { formatDateTime } from "../../../lib/format";
import { newIdempotencyKey } from "../../../lib/idempotency";
import { useIndicatorsById } from "../api/indicators";
import { useReviewQueue, useReviewValue } from "../api/review";
import type { IndicatorDetail, ValueRead } from "../api/types";
import { useMessages, useVocabulary } from "../i18n";
import { formatQuantity, formatTarget, indicatorTarget } from "../utils/format";
import { EvidenceList } from "./EvidenceList";
import "./indicators.css";

/** The indicators behind the queue's values, for their unit and target. */
function useQueueIndicators(items: readonly ValueRead[]) {
  const ids = useMemo(() => [...new Set(items.map((item) => item.indicator_id))], [items]);
  return useIndicatorsById(ids);
}

interface ReturnDialogProps {
  value: ValueRead | null;
  onClose: () => void;
}

/** "Trả lại" needs a reason the reporting agency will read. */
function ReturnDialog({ value, onClose }: ReturnDialogProps) {
  const t = useMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const review = useReviewValue();
  const key = useRef<string>(newIdempotencyKey());
  const [failure, setFailure] = useState<unknown>(null);

  const confirm = async () => {
    if (!value) return;
    let reason: string;
    try {
      ({ reason } = await form.validateFields());
    } catch {
      return;
    }
    setFailure(null);
    try {
      await review.mutateAsync({ value, body: { decision: "return", reason: reason.trim() }, idempotencyKey: key.current });
    } catch (error) {
      applyApiErrors(form, error);
      setFailure(error);
      return;
    }
    void message.success(t("review.returned", { period: value.period_label, agency: value.agency_name }));
    key.current = newIdempotencyKey();
    onClose();
  };

  return (
    <Modal
      open={value !== null}
      title={t("review.returnTitle")}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t("review.cancel")}
        </Button>,
        <Button key="return" danger type="primary" loading={review.isPending} onClick={() => void confirm()}>
          {t("review.confirmReturn")}
        </Button>,
      ]}
    >
      {value && (
        <p>
          <strong>{value.indicator_text}</strong> — {value.period_label}, {value.agency_name}
        </p>
      )}
      <p className="indicator-muted">{t("review.returnIntro")}</p>
      {failure !== null && <ProblemAlert error={failure} className="indicator-alert" />}
      <Form form={form} layout="vertical" initialValues={{ reason: "" }} preserve={false}>
        <Form.Item
          name="reason"
          label={t("review.reason")}
          rules={[{ required: true, whitespace: true, message: t("review.reasonRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={10000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ReviewItemProps {
  value: ValueRead;
  indicator: IndicatorDetail | undefined;
  onReturn: (value: ValueRead) => void;
}

function ReviewItem({ value, indicator, onReturn }: ReviewItemProps) {
  const t = useMessages();
  const vocabulary = useVocabulary();
  const { lang } = vocabulary;
  const { message } = App.useApp();
  const review = useReviewValue();
  const key = useRef<string>(newIdempotencyKey());
  const unit = indicator?.unit_label ?? null;
  const target = indicator ? formatTarget(indicatorTarget(indicator), unit, lang) ?? indicator.target_text : null;
  const shown =
    value.value !== null
      ? formatQuantity(value.value, unit, lang)
      : value.claimed_status
        ? vocabulary.status(value.claimed_status)
        : "—";
  const headingId = `review-item-${value.id}`;

  // mutateAsync, not mutate's callbacks: the item leaves the queue (and unmounts) as soon as the API answers
  const accept = async () => {
    try {
      await review.mutateAsync({ value, body: { decision: "accept", reason: "" }, idempotencyKey: key.current });
    } catch {
      return; // shown by the alert above the buttons
    }
    void message.success(t("review.accepted", { period: value.period_label, agency: value.agency_name }));
  };

  return (
    <article className="indicator-review-item" aria-labelledby={headingId} data-testid={`review-item-${value.id}`}>
      <Typography.Title level={2} id={headingId} className="indicator-review-item__title">
        <Link to={paths.indicator(value.indicator_id)}>
          {value.indicator_tt ? `${value.indicator_tt}. ` : ""}
          {value.indicator_text}
        </Link>
      </Typography.Title>
      <dl className="indicator-review-item__facts">
        <div>
          <dt>{t("review.period")}</dt>
          <dd>{value.period_label}</dd>
        </div>
        <div>
          <dt>{t("review.agency")}</dt>
          <dd>{value.agency_name}</dd>
        </div>
        <div>
          <dt>{t("review.value")}</dt>
          <dd>
            <strong>{target ? t("review.valueVsTarget", { value: shown, target }) : shown}</strong>
            {indicator && <div className="indicator-muted indicator-small">{t("target.milestone", { year: indicator.milestone_year })}</div>}
          </dd>
        </div>
        <div>
          <dt>{t("review.submittedAt")}</dt>
          <dd>
            {t("review.submittedBy", { at: formatDateTime(value.submitted_at), by: value.submitted_by ?? value.author })}
            {value.late && (
              <Tag color="warning" className="indicator-late">
                {t("values.late")}
              </Tag>
            )}
          </dd>
        </div>
        {value.source && (
          <div>
            <dt>{t("review.source")}</dt>
            <dd>{value.source}</dd>
          </div>
        )}
        {value.note && (
          <div>
            <dt>{t("review.note")}</dt>
            <dd>{value.note}</dd>
          </div>
        )}
        <div>
          <dt>{t("review.evidence")}</dt>
          <dd>
            <EvidenceList items={value.evidence} />
          </dd>
        </div>
      </dl>
      {review.error !== null && <ProblemAlert error={review.error} className="indicator-alert" />}
      <Space wrap>
        <Button type="primary" onClick={() => void accept()} loading={review.isPending}>
          {t("review.accept")}
        </Button>
        <Button danger onClick={() => onReturn(value)} disabled={review.isPending}>
          {t("review.return")}
        </Button>
      </Space>
    </article>
  );
}

/** "Thẩm định số liệu chỉ tiêu": what agencies sent, to accept or return with a reason. */
export function ReviewQueuePage() {
  const t = useMessages();
  const queue = useReviewQueue();
  const items = useMemo(() => queue.data?.pages.flatMap((page) => page.items) ?? [], [queue.data]);
  const indicators = useQueueIndicators(items);
  const [returning, setReturning] = useState<ValueRead | null>(null);

  return (
    <div className="indicator-page">
      <PageHeader
        title={t("review.title")}
        subtitle={t("review.subtitle")}
        crumbs={[{ to: paths.indicators, label: t("list.title") }]}
      />
      <QueryState
        query={{ data: queue.data, error: queue.error, isPending: queue.isPending, refetch: queue.refetch }}
        isEmpty={() => items.length === 0}
        empty={t("review.empty")}
        skeletonRows={8}
      >
        {() => (
          <>
            <p className="indicator-muted" role="status">
              {t("review.count", { count: items.length })}
            </p>
            <ul className="indicator-review-list">
              {items.map((value) => (
                <li key={value.id}>
                  <ReviewItem value={value} indicator={indicators.get(value.indicator_id)} onReturn={setReturning} />
                </li>
              ))}
            </ul>
            {queue.hasNextPage && (
              <Button onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
                {t("list.more")}
              </Button>
            )}
          </>
        )}
      </QueryState>
      <ReturnDialog value={returning} onClose={() => setReturning(null)} />
    </div>
  );
}
