import { Progress, Tag, Typography } from "antd";
import { Link } from "react-router-dom";

import { QueryState } from "../../../components/QueryState";
import { paths } from "../../../config/paths";
import { formatDate, formatDateTime } from "../../../lib/format";
import type { Task } from "../api/tasks";
import type { DashboardScope } from "../hooks/use-dashboard-scope";
import { RECENT_REFRESH_MS, useScopedTasks } from "../hooks/use-dashboard-data";
import { useMessages } from "../i18n";
import { TASK_STATUS_COLORS } from "../utils/colors";
import { tasksLink } from "../utils/links";
import { Block } from "./Block";

const LIMIT = 8;
const LIST_HEIGHT = 420;
export const DUE_SOON_LIST_DAYS = 14;

function StatusTag({ task }: { task: Task }) {
  return (
    <Tag color={TASK_STATUS_COLORS[task.status]} variant="outlined">
      {task.status_label}
    </Tag>
  );
}

function ViewAll({ to, label }: { to: string; label: string }) {
  const m = useMessages();
  return (
    <Link to={to} aria-label={label}>
      {m("list.viewAll")}
    </Link>
  );
}

function dueText(task: Task): string {
  return task.deadline.due_on ? formatDate(task.deadline.due_on) : task.deadline.text;
}

/** Tasks past their deadline, earliest first. */
export function OverdueBlock({ scope }: { scope: DashboardScope }) {
  const m = useMessages();
  const tasks = useScopedTasks(scope, { overdue: true, sort: "due", limit: LIMIT });
  return (
    <Block
      id="overdue"
      title={m("overdue.title")}
      minHeight={LIST_HEIGHT}
      loading={tasks.isPending}
      extra={<ViewAll to={tasksLink(scope, { overdue: true, sort: "due" })} label={m("overdue.viewAll")} />}
    >
      <DeadlineList query={tasks} empty={m("overdue.empty")} testId="overdue-list" />
    </Block>
  );
}

/** Open tasks due within the next two weeks. */
export function DueSoonBlock({ scope }: { scope: DashboardScope }) {
  const m = useMessages();
  const tasks = useScopedTasks(scope, { due_within_days: DUE_SOON_LIST_DAYS, sort: "due", limit: LIMIT });
  return (
    <Block
      id="due-soon"
      title={m("dueSoon.title")}
      minHeight={LIST_HEIGHT}
      loading={tasks.isPending}
      extra={
        <ViewAll
          to={tasksLink(scope, { due_within_days: DUE_SOON_LIST_DAYS, sort: "due" })}
          label={m("dueSoon.viewAll")}
        />
      }
    >
      <DeadlineList query={tasks} empty={m("dueSoon.empty")} testId="due-soon-list" />
    </Block>
  );
}

interface TasksQuery {
  data: { items: Task[] } | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

export function DeadlineList({ query, empty, testId }: { query: TasksQuery; empty: string; testId: string }) {
  const m = useMessages();
  return (
    <QueryState query={query} isEmpty={(page) => page.items.length === 0} empty={empty} skeletonRows={10}>
      {(page) => (
        <ul className="dash-tasks" data-testid={testId}>
          {page.items.map((task) => (
            <li key={task.id} className="dash-task">
              <Link to={paths.task(task.id)} className="dash-task__title">
                {task.title}
              </Link>
              <div className="meta-line">
                <span>{m("task.due", { date: dueText(task) })}</span>
                <StatusTag task={task} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </QueryState>
  );
}

/** The latest progress reports, refreshed while the page is open: the standing agency watches them arrive. */
export function RecentUpdatesBlock({ scope }: { scope: DashboardScope }) {
  const m = useMessages();
  const tasks = useScopedTasks(scope, { sort: "-updated", limit: LIMIT }, { refetchInterval: RECENT_REFRESH_MS });
  return (
    <Block
      id="recent"
      title={m("recent.title")}
      minHeight={LIST_HEIGHT}
      loading={tasks.isPending}
      extra={
        <>
          <Typography.Text type="secondary" className="dash-card__note">
            {m("recent.auto")}
          </Typography.Text>
          <ViewAll to={tasksLink(scope, { sort: "-updated" })} label={m("recent.viewAll")} />
        </>
      }
    >
      <QueryState query={tasks} isEmpty={(page) => page.items.length === 0} empty={m("recent.empty")} skeletonRows={10}>
        {(page) => (
          <ul className="dash-tasks" data-testid="recent-list">
            {page.items.map((task) => (
              <li key={task.id} className="dash-task" data-testid="recent-task">
                <Link to={paths.task(task.id)} className="dash-task__title">
                  {task.title}
                </Link>
                <div className="meta-line">
                  <StatusTag task={task} />
                  <span className="dash-task__progress">
                    <Progress
                      percent={task.percent}
                      size="small"
                      showInfo={false}
                      aria-label={m("task.progress", { percent: task.percent })}
                    />
                    <span data-testid="recent-task-percent">{m("task.percent", { percent: task.percent })}</span>
                  </span>
                  <time dateTime={task.updated_at}>
                    {m("recent.updated", { time: formatDateTime(task.updated_at) })}
                  </time>
                </div>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Block>
  );
}
