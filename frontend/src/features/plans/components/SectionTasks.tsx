import { Button, Empty, Skeleton, Tag } from "antd";
import { Link } from "react-router-dom";

import { ProblemAlert } from "../../../components/ProblemAlert";
import { paths } from "../../../config/paths";
import { formatDate } from "../../../lib/format";
import { usePlanTasks, type Task } from "../api/plan-tasks";
import { useMessages } from "../i18n";

function dueText(task: Task): string {
  return task.deadline.due_on ? formatDate(task.deadline.due_on) : task.deadline.text;
}

/** The tasks of one section (sub-sections included) in the document's order, 20 at a time. */
export function SectionTasks({ planId, sectionId }: { planId: string; sectionId: string | null }) {
  const m = useMessages();
  const tasks = usePlanTasks(planId, sectionId);
  if (tasks.isPending) {
    return (
      <div role="status" aria-busy="true">
        <Skeleton active title={false} paragraph={{ rows: 10 }} />
      </div>
    );
  }
  if (tasks.error && !tasks.data) return <ProblemAlert error={tasks.error} onRetry={() => void tasks.refetch()} />;
  const items = tasks.data?.pages.flatMap((page) => page.items) ?? [];
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m("tasks.empty")} />;
  return (
    <>
      <ul className="plan-tasks" data-testid="plan-tasks">
        {items.map((task) => (
          <li key={task.id} className="plan-task">
            <div className="plan-task__title">
              {task.number && <span className="plan-task__number">{task.number}.</span>}
              <Link to={paths.task(task.id)}>{task.title}</Link>
            </div>
            <div className="meta-line">
              <Tag>{task.status_label}</Tag>
              <span>{m("tasks.due", { date: dueText(task) })}</span>
              <span>{m("tasks.percent", { percent: task.percent })}</span>
            </div>
          </li>
        ))}
      </ul>
      {tasks.error && <ProblemAlert error={tasks.error} onRetry={() => void tasks.fetchNextPage()} />}
      {tasks.hasNextPage && (
        <Button
          className="plan-tasks__more"
          onClick={() => void tasks.fetchNextPage()}
          loading={tasks.isFetchingNextPage}
        >
          {m("tasks.more")}
        </Button>
      )}
    </>
  );
}
