import { Descriptions, Grid, Progress, Tag } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";

import { PageHeader } from "../../../../components/PageHeader";
import { paths } from "../../../../config/paths";
import { usePlans } from "../../api/list";
import type { Share, TaskDetail } from "../../api/types";
import { useMessages } from "../../i18n";
import { MyShares } from "../list/TaskRowParts";
import { StatusTag } from "../StatusTag";

function agencyList(shares: Share[], fallback: string): string {
  const names = [...new Set(shares.map((share) => share.agency_name).filter(Boolean))];
  return names.length > 0 ? names.join(", ") : fallback;
}

interface TaskHeaderProps {
  task: TaskDetail;
  actions?: ReactNode;
}

/** The page's h1 (the task's title) and its identity: number, plan, status, progress, who leads and helps. */
export function TaskHeader({ task, actions }: TaskHeaderProps) {
  const t = useMessages();
  const plans = usePlans();
  const plan = plans.data?.find((item) => item.id === task.plan_id);
  const leads = task.assignments.filter((share) => share.role === "lead");
  const coordinators = task.assignments.filter((share) => share.role === "coordinator");
  const none = t("detail.none");
  const narrow = !(Grid.useBreakpoint().md ?? true);

  const items = [
    plan && {
      key: "plan",
      label: t("detail.plan"),
      children: `${plan.kind} ${plan.symbol}`.trim() + (plan.title ? ` — ${plan.title}` : ""),
    },
    {
      key: "status",
      label: t("detail.status"),
      children: (
        <span className="task-card__meta">
          <StatusTag status={task.status} label={task.status_label} />
          {task.is_overdue && <Tag color="error">{t("detail.overdue")}</Tag>}
          {task.is_priority && <Tag color="magenta">{t("detail.priority")}</Tag>}
        </span>
      ),
    },
    {
      key: "percent",
      label: t("detail.percent"),
      children: (
        <Progress
          percent={task.percent}
          size="small"
          style={{ maxWidth: 320, margin: 0 }}
          aria-label={t("row.percent", { percent: task.percent })}
        />
      ),
    },
    {
      key: "lead",
      label: t("detail.lead"),
      children: (
        <span className="task-cell">
          <span>{agencyList(leads, task.lead_text || none)}</span>
          {task.lead_shares.total > 1 && (
            <span className="task-muted">
              {t("detail.shareCount", { done: task.lead_shares.completed, total: task.lead_shares.total })}
            </span>
          )}
        </span>
      ),
    },
    (coordinators.length > 0 || task.coordinator_text) && {
      key: "coordinator",
      label: t("detail.coordinator"),
      children: task.coordinator_text || agencyList(coordinators, none),
    },
    { key: "result", label: t("detail.result"), children: task.result || none },
    { key: "responsible", label: t("detail.responsible"), children: task.responsible_person || none },
    task.my_shares.length > 0 && {
      key: "mine",
      label: t("detail.myShares"),
      children: <MyShares task={task} />,
    },
    task.parent_task_id && {
      key: "parent",
      label: t("detail.parent"),
      children: <Link to={paths.task(task.parent_task_id)}>{t("detail.parentLink")}</Link>,
    },
  ].filter(Boolean) as { key: string; label: string; children: ReactNode }[];

  return (
    <>
      <PageHeader
        title={task.title}
        subtitle={task.number ? `${t("field.number")}: ${task.number}` : undefined}
        crumbs={[{ to: paths.agencyTasks, label: t("detail.crumb") }, { label: task.number || task.title.slice(0, 40) }]}
        actions={actions}
      />
      <Descriptions
        bordered
        size="small"
        column={1}
        layout={narrow ? "vertical" : "horizontal"}
        items={items}
        styles={{ label: narrow ? undefined : { width: "11rem" } }}
        className="task-facts"
      />
    </>
  );
}
