import type { Me } from "../../../lib/me";
import type { TaskCounts } from "../api/task-counts";
import type { Task } from "../api/tasks";

const agency = (id: string, code: string, name: string) => ({ id, code, name, short_name: code, kind: "department" as const });

export const coordinator: Me = {
  id: "00000000-0000-4000-8000-000000000001",
  username: "coordinator",
  full_name: "Trần Thị Thu Hà",
  email: "coordinator@example.vn",
  roles: ["coordinator"],
  role_labels: ["Cơ quan thường trực"],
  must_change_password: false,
  agency: agency("00000000-0000-4000-8000-0000000000a1", "SKHCN", "Sở Khoa học và Công nghệ"),
};

export const officer: Me = {
  ...coordinator,
  id: "00000000-0000-4000-8000-000000000002",
  username: "syt.canbo",
  roles: ["agency_officer"],
  role_labels: ["Cán bộ đơn vị"],
  agency: agency("00000000-0000-4000-8000-0000000000a2", "SYT", "Sở Y tế"),
};

export const counts: TaskCounts = {
  total: 12,
  overdue: 3,
  by_status: [
    { status: "not_started", label: "Chưa triển khai", count: 5 },
    { status: "in_progress", label: "Đang thực hiện", count: 4 },
    { status: "submitted", label: "Đã báo cáo hoàn thành, chờ thẩm định", count: 1 },
    { status: "completed_on_time", label: "Hoàn thành đúng hạn", count: 2 },
    { status: "cancelled", label: "Đã hủy", count: 0 },
  ],
  by_agency: [],
  by_section: [],
};

export function task(id: number, overrides: Partial<Task> = {}): Task {
  const share = { total: 1, completed: 0, submitted: 0, not_started: 1 };
  return {
    id: `00000000-0000-4000-8000-${String(id).padStart(12, "0")}`,
    plan_id: "00000000-0000-4000-8000-000000000f01",
    section_id: null,
    parent_task_id: null,
    assigned_by_agency_id: null,
    number: String(id),
    title: `Nhiệm vụ số ${id}`,
    result: "",
    lead_text: "",
    coordinator_text: "",
    responsible_person: "",
    is_priority: false,
    deadline: {
      text: "Tháng 10/2025",
      kind: "date",
      due_on: "2025-10-31",
      window_start: null,
      window_end: null,
      recurrence: null,
      condition: null,
      needs_review: false,
      description: "Hạn 31/10/2025",
      extended: false,
    },
    status: "not_started",
    status_label: "Chưa triển khai",
    is_overdue: true,
    percent: 0,
    completed_on: null,
    unclear: [],
    lead_shares: share,
    coordinator_shares: share,
    my_shares: [],
    created_at: "2026-11-20T01:00:00Z",
    updated_at: "2026-11-23T01:30:00Z",
    version: 1,
    ...overrides,
  };
}
