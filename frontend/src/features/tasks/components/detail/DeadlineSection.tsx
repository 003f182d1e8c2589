import { Alert, Descriptions, Tag, Typography } from "antd";

import { formatDate, formatDateTime } from "../../../../lib/format";
import { useDeadlineHistory } from "../../api/detail";
import type { Deadline } from "../../api/types";
import { useMessages } from "../../i18n";
import { PlainList } from "../PlainList";
import { Section } from "./Section";

const KINDS = ["date", "window", "recurring", "ongoing", "conditional", "unknown"] as const;
const FREQUENCIES = ["monthly", "quarterly", "half_yearly", "yearly"] as const;

function recurrenceText(recurrence: Deadline["recurrence"]): string | null {
  const frequency = recurrence?.frequency;
  return typeof frequency === "string" && (FREQUENCIES as readonly string[]).includes(frequency) ? frequency : null;
}

/** "Thời hạn": the phrase as the plan wrote it, what it means in dates, and how it has changed. */
export function DeadlineSection({ taskId, deadline }: { taskId: string; deadline: Deadline }) {
  const t = useMessages();
  const history = useDeadlineHistory(taskId);
  const kind = (KINDS as readonly string[]).includes(deadline.kind) ? (deadline.kind as (typeof KINDS)[number]) : "unknown";
  const frequency = recurrenceText(deadline.recurrence) as (typeof FREQUENCIES)[number] | null;
  const items = [
    { key: "text", label: t("deadline.text"), children: deadline.text || t("row.noDeadline") },
    { key: "meaning", label: t("deadline.meaning"), children: deadline.description },
    { key: "kind", label: t("deadline.kind"), children: t(`deadline.kind.${kind}`) },
    deadline.due_on && { key: "due", label: t("deadline.dueOn"), children: formatDate(deadline.due_on) },
    kind === "window" && {
      key: "window",
      label: t("deadline.window"),
      children: `${formatDate(deadline.window_start)} – ${formatDate(deadline.window_end)}`,
    },
    frequency && { key: "recurrence", label: t("deadline.recurrence"), children: t(`deadline.freq.${frequency}`) },
    deadline.condition && { key: "condition", label: t("deadline.condition"), children: deadline.condition },
  ].filter((item): item is { key: string; label: string; children: string } => !!item);

  return (
    <Section title={t("deadline.title")} extra={deadline.extended && <Tag color="cyan">{t("deadline.extended")}</Tag>}>
      <div className="task-detail">
        {deadline.needs_review && <Alert type="warning" showIcon title={t("deadline.needsReview")} />}
        <Descriptions column={1} size="small" items={items} />
        {history.data && history.data.length > 0 && (
          <div>
            <Typography.Title level={3} style={{ fontSize: "1rem" }}>
              {t("deadline.history")}
            </Typography.Title>
            <PlainList
              items={history.data}
              keyOf={(change) => `${change.changed_at}-${change.new_text}-${change.new_due ?? ""}`}
              render={(change) => (
                <div className="task-timeline-item">
                  <span>
                    {t("deadline.change", {
                      old: [change.old_text, formatDate(change.old_due)].filter(Boolean).join(" · ") || t("deadline.empty"),
                      new: [change.new_text, formatDate(change.new_due)].filter(Boolean).join(" · ") || t("deadline.empty"),
                    })}
                  </span>
                  {change.reason && <span>{t("deadline.reason", { reason: change.reason })}</span>}
                  <span className="task-muted">
                    {t("deadline.changeBy", { actor: change.actor, at: formatDateTime(change.changed_at) })}
                  </span>
                </div>
              )}
            />
          </div>
        )}
      </div>
    </Section>
  );
}
