// Shapes as the running API returns them (trimmed), for the feature's tests.
import type { Me } from "../../lib/me";
import type { Plan, Share, Task, TaskDetail } from "./api/types";

export const SYT = "a69e17e8-358e-49d4-9a47-a4433d890e3f";
export const SKHCN = "769c94d2-f44c-40eb-92c4-30ecee69ffd3";
export const PLAN = "5806e76e-f74f-4140-80d8-3f52d1f14d49";
export const TASK_ID = "233c0dc1-46eb-443c-bbb4-f9e2f5a78b8c";

export function me(overrides: Partial<Me> = {}): Me {
  return {
    id: "36be1c3c-f9ed-4ec4-8525-fe5b381432da",
    username: "syt.canbo",
    full_name: "Lê Thị Hương",
    email: "syt.canbo@demo.tiendo.vn",
    roles: ["agency_officer"],
    role_labels: ["Cán bộ đơn vị"],
    must_change_password: false,
    agency: { id: SYT, code: "SYT", name: "Sở Y tế", short_name: "Sở YT", kind: "department" },
    ...overrides,
  } as Me;
}

function agency(id: string, code: string, name: string, shortName: string) {
  const base = { parent_id: null, active: true, merged_into_id: null, merged_at: null, aliases: [], version: 1 };
  return { ...base, id, code, name, short_name: shortName, kind: "department" };
}

export const agencies = [
  agency(SYT, "SYT", "Sở Y tế", "Sở YT"),
  agency(SKHCN, "SKHCN", "Sở Khoa học và Công nghệ", "Sở KH&CN"),
];

export const plan: Plan = {
  id: PLAN,
  key: null,
  kind: "Kế hoạch",
  symbol: "7316/KH-UBND",
  issued_on: null,
  issued_text: null,
  issuer: "UBND tỉnh",
  issuer_agency_id: null,
  standing_agency_id: SKHCN,
  title: "Thực hiện Nghị quyết số 71/NQ-CP",
  parent_ids: [],
  task_count: 1,
  created_at: "2026-11-23T23:20:48Z",
  updated_at: "2026-11-23T23:20:48Z",
  version: 1,
};

export function share(overrides: Partial<Share> = {}): Share {
  return {
    id: "5cf1aeab-3f35-423b-8d07-b47eff7b5eca",
    agency_id: SYT,
    agency_name: "Sở YT",
    role: "lead",
    via_group: null,
    status: "in_progress",
    status_label: "Đang thực hiện",
    percent: 40,
    submitted_on: null,
    completed_on: null,
    last_update_at: "2026-11-23T23:25:28Z",
    version: 2,
    ...overrides,
  };
}

export function task(overrides: Partial<Task> = {}): Task {
  return {
    id: TASK_ID,
    plan_id: PLAN,
    section_id: null,
    parent_task_id: null,
    assigned_by_agency_id: SKHCN,
    number: "9",
    title: "Ứng dụng thanh toán điện tử, ví điện tử, QR code tại tất cả bệnh viện",
    result: "Ứng dụng được triển khai",
    lead_text: "Sở Y tế",
    coordinator_text: "Sở Khoa học và Công nghệ",
    responsible_person: "",
    is_priority: true,
    deadline: {
      text: "Quý IV/2025",
      kind: "date",
      due_on: "2025-12-31",
      window_start: "2025-10-01",
      window_end: null,
      recurrence: null,
      condition: null,
      needs_review: false,
      description: "Hạn 31/12/2025",
      extended: false,
    },
    status: "in_progress",
    status_label: "Đang thực hiện",
    is_overdue: true,
    percent: 40,
    completed_on: null,
    unclear: ["nguoi"],
    lead_shares: { total: 1, completed: 0, submitted: 0, not_started: 0 },
    coordinator_shares: { total: 1, completed: 0, submitted: 0, not_started: 1 },
    my_shares: [share()],
    created_at: "2026-11-23T23:20:48Z",
    updated_at: "2026-11-23T23:25:28Z",
    version: 3,
    ...overrides,
  };
}

export function taskDetail(overrides: Partial<TaskDetail> = {}): TaskDetail {
  return {
    ...task(),
    assignments: [
      share(),
      share({
        id: "d0d3348b-d8e0-4ebf-80dc-9925348ac739",
        agency_id: SKHCN,
        agency_name: "Sở KH&CN",
        role: "coordinator",
        status: "not_started",
        status_label: "Chưa triển khai",
        percent: 0,
        last_update_at: null,
      }),
    ],
    children: [],
    clarity: { nguoi: "Rõ người — có người phụ trách cụ thể" },
    ...overrides,
  };
}
