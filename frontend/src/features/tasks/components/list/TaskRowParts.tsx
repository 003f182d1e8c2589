import { Progress, Tag } from "antd";
import { Link } from "react-router-dom";

import { paths } from "../../../../config/paths";
import type { Task } from "../../api/types";
import { useMessages } from "../../i18n";

/** The number as printed, then the title as the link to the task. */
export function TaskTitle({ task, planSymbol }: { task: Task; planSymbol?: string }) {
  const t = useMessages();
  return (
    <div className="task-cell">
      <div>
        {task.number && <span className="task-number">{task.number}</span>}
        <Link className="task-title-link" to={paths.task(task.id)}>
          {task.title}
        </Link>
      </div>
      {(planSymbol || task.is_priority) && (
        <div className="task-card__meta task-muted">
          {planSymbol && <span>{t("row.plan", { symbol: planSymbol })}</span>}
          {task.is_priority && <Tag color="magenta">{t("row.priority")}</Tag>}
        </div>
      )}
    </div>
  );
}

export function TaskDeadline({ task }: { task: Task }) {
  const t = useMessages();
  const { text, description } = task.deadline;
  return (
    <div className="task-cell">
      <span>{text || t("row.noDeadline")}</span>
      {description && description !== text && <span className="task-muted">{description}</span>}
      {task.is_overdue && (
        <span>
          <Tag color="error">{t("row.overdue")}</Tag>
        </span>
      )}
    </div>
  );
}

export function TaskPercent({ percent }: { percent: number }) {
  const t = useMessages();
  return (
    <Progress
      percent={percent}
      size="small"
      aria-label={t("row.percent", { percent })}
      style={{ minWidth: 90, margin: 0 }}
    />
  );
}

/** The caller's own share(s): role, status, percent. */
export function MyShares({ task }: { task: Pick<Task, "my_shares"> }) {
  const t = useMessages();
  if (task.my_shares.length === 0) return <span className="task-muted">{t("row.noShare")}</span>;
  return (
    <ul className="task-shares">
      {task.my_shares.map((share) => (
        <li key={share.id}>
          {t("row.share", {
            agency: share.agency_name,
            role: t(`role.${share.role}`),
            status: share.status_label || t(`status.${share.status}`),
            percent: share.percent,
          })}
        </li>
      ))}
    </ul>
  );
}
