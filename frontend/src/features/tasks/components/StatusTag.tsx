import { Tag } from "antd";

import type { TaskStatus } from "../api/types";
import { useMessages } from "../i18n";

const COLOURS: Record<TaskStatus, string> = {
  not_started: "default",
  in_progress: "processing",
  awaiting_condition: "gold",
  submitted: "purple",
  returned: "volcano",
  completed_on_time: "success",
  completed_after_extension: "cyan",
  completed_late: "orange",
  cancelled: "default",
};

/** A status in its colour; the words come from the API (`status_label`) when it sent them. */
export function StatusTag({ status, label }: { status: TaskStatus; label?: string }) {
  const t = useMessages();
  return (
    <Tag color={COLOURS[status]} className="task-status">
      {label || t(`status.${status}`)}
    </Tag>
  );
}

export function RoleTag({ role }: { role: "lead" | "coordinator" }) {
  const t = useMessages();
  return <Tag color={role === "lead" ? "blue" : "default"}>{t(`role.${role}`)}</Tag>;
}
