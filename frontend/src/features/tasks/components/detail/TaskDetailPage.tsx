import { Skeleton } from "antd";
import { useMemo } from "react";

import { ProblemAlert } from "../../../../components/ProblemAlert";
import { ApiError } from "../../../../lib/api";
import { useAgencies } from "../../../../lib/directory";
import { useMe } from "../../../../lib/me";
import { useTask, type LoadedTask } from "../../api/detail";
import { taskPermissions } from "../../hooks/permissions";
import { useMessages } from "../../i18n";
import "../tasks.css";
import { ChildrenSection } from "./ChildrenSection";
import { ClaritySection } from "./ClaritySection";
import { CommentsSection } from "./CommentsSection";
import { DeadlineSection } from "./DeadlineSection";
import { ExtensionsSection } from "./ExtensionsSection";
import { ManageTask } from "./ManageTask";
import { ProgressForm } from "./ProgressForm";
import { ReviewSection } from "./ReviewSection";
import { Section } from "./Section";
import { SharesSection } from "./SharesSection";
import { TaskHeader } from "./TaskHeader";
import { TaskNotFound } from "./TaskNotFound";
import { TimelineSection } from "./TimelineSection";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function TaskView({ loaded }: { loaded: LoadedTask }) {
  const t = useMessages();
  const me = useMe();
  const agencies = useAgencies();
  const { task } = loaded;
  const can = useMemo(() => taskPermissions(task, me.data, agencies.data ?? []), [task, me.data, agencies.data]);
  const mine = useMemo(() => new Set(task.my_shares.map((share) => share.id)), [task.my_shares]);
  // said only once the caller's roles are known: before that, no form is not the same as a closed share
  const closedShare =
    me.data && can.reportable.length === 0 ? task.my_shares.find((share) => share.role === "lead") : undefined;

  return (
    <div className="page task-detail">
      <TaskHeader
        task={task}
        actions={<ManageTask loaded={loaded} canAssign={can.canAssign} canSetResponsible={can.canSetResponsible} />}
      />
      <ReviewSection taskId={task.id} shares={can.reviewable} />
      {can.reportable.length > 0 ? (
        <Section title={t("progress.title")} testId="task-progress-form">
          <ProgressForm key={task.version} taskId={task.id} shares={can.reportable} />
        </Section>
      ) : (
        closedShare &&
        task.status !== "cancelled" && (
          <Section title={t("progress.title")} testId="task-progress-form">
            <p>{t("progress.closed", { agency: closedShare.agency_name, status: closedShare.status_label })}</p>
          </Section>
        )
      )}
      <DeadlineSection taskId={task.id} deadline={task.deadline} />
      <ClaritySection task={task} />
      {task.assignments.length > 0 && <SharesSection shares={task.assignments} mine={mine} />}
      <TimelineSection taskId={task.id} shares={task.assignments} />
      <ExtensionsSection
        taskId={task.id}
        shares={task.assignments}
        requestShares={can.extensionShares}
        canDecide={can.canDecideExtension}
      />
      <CommentsSection taskId={task.id} shares={task.assignments} canComment={can.canComment} canDirect={can.canDirect} />
      <ChildrenSection taskId={task.id} children={task.children} percent={task.percent} cascadeFrom={can.cascadeFrom} />
    </div>
  );
}

/** One task: what it is, its deadline and "6 rõ", who does which share, and every action the caller may take. */
export function TaskDetailPage({ taskId }: { taskId: string }) {
  const t = useMessages();
  const valid = UUID.test(taskId);
  const query = useTask(taskId, valid);

  if (!valid || (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 422))) {
    return <TaskNotFound />;
  }
  if (query.error) {
    return (
      <div className="page">
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  if (!query.data) {
    return (
      <div className="page" role="status" aria-busy="true" aria-label={t("detail.loading")}>
        <Skeleton active title paragraph={{ rows: 6 }} />
        <Skeleton active title={false} paragraph={{ rows: 8 }} />
      </div>
    );
  }
  return <TaskView loaded={query.data} />;
}
