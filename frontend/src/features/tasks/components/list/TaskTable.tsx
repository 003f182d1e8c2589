import { Card, Table } from "antd";

import type { Task } from "../../api/types";
import { useMessages } from "../../i18n";
import { PlainList } from "../PlainList";
import { StatusTag } from "../StatusTag";
import { MyShares, TaskDeadline, TaskPercent, TaskTitle } from "./TaskRowParts";

interface TaskRowsProps {
  tasks: Task[];
  planSymbols: Map<string, string>;
}

/** Desktop: one row per task; the table scrolls inside its card, never the page. */
export function TaskTable({ tasks, planSymbols }: TaskRowsProps) {
  const t = useMessages();
  return (
    <Card size="small" styles={{ body: { padding: 0 } }}>
      <Table<Task>
        rowKey="id"
        dataSource={tasks}
        pagination={false}
        scroll={{ x: 960 }}
        aria-label={t("list.table")}
        columns={[
          {
            key: "task",
            title: t("col.task"),
          render: (_, task) => <TaskTitle task={task} planSymbol={planSymbols.get(task.plan_id)} />,
        },
        { key: "deadline", title: t("col.deadline"), width: 180, render: (_, task) => <TaskDeadline task={task} /> },
        {
          key: "status",
          title: t("col.status"),
          width: 160,
          render: (_, task) => <StatusTag status={task.status} label={task.status_label} />,
        },
        { key: "percent", title: t("col.percent"), width: 120, render: (_, task) => <TaskPercent percent={task.percent} /> },
        { key: "mine", title: t("col.myShares"), width: 210, render: (_, task) => <MyShares task={task} /> },
        ]}
      />
    </Card>
  );
}

/** Phones: the same facts as a card per task. */
export function TaskCards({ tasks, planSymbols }: TaskRowsProps) {
  const t = useMessages();
  return (
    <PlainList
      className="task-cards"
      items={tasks}
      keyOf={(task) => task.id}
      aria-label={t("list.table")}
      render={(task) => (
        <Card size="small" className="task-card">
            <TaskTitle task={task} planSymbol={planSymbols.get(task.plan_id)} />
            <TaskDeadline task={task} />
            <div className="task-card__meta">
              <StatusTag status={task.status} label={task.status_label} />
            </div>
            <TaskPercent percent={task.percent} />
            <MyShares task={task} />
        </Card>
      )}
    />
  );
}
