import { App, Button, Form, Input, Radio, Select, Tag, Typography } from "antd";
import { useRef, useState } from "react";

import { ProblemAlert } from "../../../../components/ProblemAlert";
import { useAgencyNames } from "../../../../lib/directory";
import { formatDateTime } from "../../../../lib/format";
import { newIdempotencyKey } from "../../../../lib/idempotency";
import { useComments } from "../../api/detail";
import { useAddComment } from "../../api/writes";
import type { CommentInput, Share } from "../../api/types";
import { useMessages } from "../../i18n";
import { PlainList } from "../PlainList";
import { placeErrors } from "./form-problem";
import { Section } from "./Section";

interface CommentValues {
  kind: CommentInput["kind"];
  body: string;
  addressed_agency_id?: string;
}

interface CommentsSectionProps {
  taskId: string;
  shares: Share[];
  canComment: boolean;
  canDirect: boolean;
}

/** "Ý kiến chỉ đạo và trao đổi": directives (leaders, the assigning level) and discussion between agencies. */
export function CommentsSection({ taskId, shares, canComment, canDirect }: CommentsSectionProps) {
  const t = useMessages();
  const { message } = App.useApp();
  const comments = useComments(taskId);
  const add = useAddComment(taskId);
  const directory = useAgencyNames();
  const [form] = Form.useForm<CommentValues>();
  const key = useRef(newIdempotencyKey());
  const [problem, setProblem] = useState<unknown>(null);
  const items = comments.data ?? [];
  const names = new Map(shares.map((share) => [share.agency_id, share.agency_name]));
  const agencyName = (id: string | null) =>
    id ? names.get(id) || directory.get(id)?.short_name || directory.get(id)?.name || "" : "";
  const addressable = [...new Map(shares.map((share) => [share.agency_id, share.agency_name])).entries()];

  if (items.length === 0 && !canComment) return null;

  async function send(values: CommentValues) {
    setProblem(null);
    try {
      await add.mutateAsync({
        idempotencyKey: key.current,
        body: { kind: values.kind, body: values.body.trim(), addressed_agency_id: values.addressed_agency_id ?? null },
      });
      key.current = newIdempotencyKey();
      form.resetFields();
      void message.success(t("comments.sent"));
    } catch (error) {
      if (placeErrors(form, error)) setProblem(error);
    }
  }

  return (
    <Section title={t("comments.title")} testId="task-comments">
      <div className="task-detail">
        {comments.error ? <ProblemAlert error={comments.error} onRetry={() => void comments.refetch()} /> : null}
        {items.length > 0 ? (
          <PlainList
            items={[...items].reverse()}
            keyOf={(comment) => comment.id}
            pageSize={10}
            render={(comment) => (
              <div className="task-timeline-item">
                <span>
                  <Tag color={comment.kind === "directive" ? "red" : "blue"}>
                    {comment.kind === "directive" ? t("comments.kind.directive") : t("comments.kind.comment")}
                  </Tag>
                  <strong>{agencyName(comment.author_agency_id)}</strong>
                  {comment.addressed_agency_id && (
                    <span className="task-muted">
                      {" "}
                      {t("comments.to", { agency: agencyName(comment.addressed_agency_id) })}
                    </span>
                  )}
                </span>
                <span style={{ whiteSpace: "pre-line" }}>{comment.body}</span>
                <span className="task-muted">
                  {t("comments.meta", { author: comment.author, at: formatDateTime(comment.created_at) })}
                </span>
              </div>
            )}
          />
        ) : (
          comments.isSuccess && <Typography.Text type="secondary">{t("comments.empty")}</Typography.Text>
        )}
        {canComment && (
          <Form<CommentValues>
            form={form}
            layout="vertical"
            name="comment"
            initialValues={{ kind: "comment" }}
            onFinish={(values) => void send(values)}
          >
            {canDirect && (
              <Form.Item name="kind" label={t("comments.kind")}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: "comment", label: t("comments.kind.comment") },
                    { value: "directive", label: t("comments.kind.directive") },
                  ]}
                />
              </Form.Item>
            )}
            <Form.Item name="addressed_agency_id" label={t("comments.addressed")}>
              <Select
                allowClear
                placeholder={t("comments.addressedPlaceholder")}
                options={addressable.map(([value, label]) => ({ value, label }))}
                showSearch={{ optionFilterProp: "label" }}
              />
            </Form.Item>
            <Form.Item
              name="body"
              label={t("comments.body")}
              rules={[{ required: true, whitespace: true, message: t("comments.bodyRequired") }]}
            >
              <Input.TextArea rows={3} maxLength={10000} />
            </Form.Item>
            {problem ? <ProblemAlert error={problem} /> : null}
            <Button htmlType="submit" type="primary" loading={add.isPending} style={{ marginTop: 8 }}>
              {t("comments.send")}
            </Button>
          </Form>
        )}
      </div>
    </Section>
  );
}
