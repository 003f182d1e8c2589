import { DownloadOutlined, LinkOutlined } from "@ant-design/icons";
import { App, Button, Tabs, Tag } from "antd";

import { QueryState } from "../../../../components/QueryState";
import { useAgencyNames } from "../../../../lib/directory";
import { formatDate, formatDateTime } from "../../../../lib/format";
import { useProgressTimeline, useTaskHistory } from "../../api/detail";
import { useDownloadEvidence } from "../../api/writes";
import type { Evidence, ProgressUpdate, Share } from "../../api/types";
import { useMessages } from "../../i18n";
import { PlainList } from "../PlainList";
import { actionLabel, changeLines } from "./history-text";
import { Section } from "./Section";

function useAgencyLabel(shares: Share[]) {
  const directory = useAgencyNames();
  const fromTask = new Map(shares.map((share) => [share.agency_id, share.agency_name]));
  return (id: string) => fromTask.get(id) || directory.get(id)?.short_name || directory.get(id)?.name || id;
}

function EvidenceItem({ taskId, evidence }: { taskId: string; evidence: Evidence }) {
  const t = useMessages();
  const { message } = App.useApp();
  const download = useDownloadEvidence(taskId);
  if (evidence.kind === "file") {
    const name = evidence.filename ?? evidence.title;
    return (
      <Button
        type="link"
        size="small"
        icon={<DownloadOutlined aria-hidden />}
        loading={download.isPending}
        aria-label={t("timeline.download", { name })}
        onClick={() =>
          download.mutate(
            { evidenceId: evidence.id, filename: name },
            { onError: (error) => void message.error(error.message) },
          )
        }
        style={{ paddingInline: 0, height: "auto", whiteSpace: "normal", textAlign: "start" }}
      >
        {evidence.title && evidence.title !== name ? `${evidence.title} (${name})` : name}
      </Button>
    );
  }
  if (evidence.kind === "link" && evidence.url) {
    return (
      <a href={evidence.url} target="_blank" rel="noreferrer noopener">
        <LinkOutlined aria-hidden /> {evidence.title || evidence.url}
      </a>
    );
  }
  return (
    <span>
      {evidence.title ? `${evidence.title} — ` : ""}
      {t("timeline.document", { number: evidence.document_number ?? "", date: formatDate(evidence.document_date) })}
    </span>
  );
}

function ReportItem({ taskId, update, agency }: { taskId: string; update: ProgressUpdate; agency: string }) {
  const t = useMessages();
  return (
    <div className="task-timeline-item">
      <span>
        <strong>{t("timeline.report", { agency, percent: update.percent })}</strong>{" "}
        {update.submitted && <Tag color="purple">{t("timeline.submitted")}</Tag>}
      </span>
      {update.narrative && <span style={{ whiteSpace: "pre-line" }}>{update.narrative}</span>}
      {update.period_end && (
        <span className="task-muted">{t("timeline.period", { date: formatDate(update.period_end) })}</span>
      )}
      {update.evidence && update.evidence.length > 0 && (
        <div>
          <span className="task-muted">{t("timeline.evidence")}:</span>
          <ul className="task-evidence-files">
            {update.evidence.map((evidence) => (
              <li key={evidence.id}>
                <EvidenceItem taskId={taskId} evidence={evidence} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <span className="task-muted">
        {t("timeline.by", { author: update.author, at: formatDateTime(update.created_at) })}
      </span>
    </div>
  );
}

/** "Dòng thời gian": reports with their evidence, and the change log (who, when, old → new, reasons). */
export function TimelineSection({ taskId, shares }: { taskId: string; shares: Share[] }) {
  const t = useMessages();
  const progress = useProgressTimeline(taskId);
  const history = useTaskHistory(taskId);
  const agencyLabel = useAgencyLabel(shares);
  const reports = [...(progress.data ?? [])].reverse();
  const changes = [...(history.data ?? [])].reverse();

  return (
    <Section title={t("timeline.title")} testId="task-timeline">
      <Tabs
        items={[
          {
            key: "reports",
            label: t("timeline.reports"),
            children: (
              <QueryState query={progress} isEmpty={(data) => data.length === 0} empty={t("timeline.noReports")}>
                {() => (
                  <PlainList
                    items={reports}
                    keyOf={(update) => update.id}
                    pageSize={10}
                    render={(update) => (
                      <ReportItem taskId={taskId} update={update} agency={agencyLabel(update.agency_id)} />
                    )}
                  />
                )}
              </QueryState>
            ),
          },
          {
            key: "history",
            label: t("timeline.history"),
            children: (
              <QueryState query={history} isEmpty={(data) => data.length === 0} empty={t("timeline.noHistory")}>
                {() => (
                  <PlainList
                    items={changes}
                    keyOf={(entry) => `${entry.at}-${entry.action}`}
                    pageSize={15}
                    render={(entry) => (
                      <div className="task-timeline-item">
                        <strong>{actionLabel(entry.action, t)}</strong>
                        <ul className="task-shares">
                          {changeLines(entry, t, agencyLabel).map((line) => (
                            <li key={line.field}>
                              {line.label}: {line.before !== null ? `${line.before} → ` : ""}
                              {line.after}
                            </li>
                          ))}
                        </ul>
                        <span className="task-muted">
                          {t("timeline.by", { author: entry.actor, at: formatDateTime(entry.at) })}
                        </span>
                      </div>
                    )}
                  />
                )}
              </QueryState>
            ),
          },
        ]}
      />
    </Section>
  );
}
