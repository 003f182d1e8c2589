import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import type { Call } from "../../../../test/fetch";
import { json, stubFetch } from "../../../../test/fetch";
import { renderWithProviders } from "../../../../test/render";
import type { TaskImportReport, TaskPlan } from "../../api/types";
import { ImportsScreen } from "./ImportsScreen";

configure({ asyncUtilTimeout: 15_000 });

const PLAN: TaskPlan = {
  id: "p1",
  key: "000-KH-SKHCN",
  kind: "Kế hoạch",
  symbol: "000/KH-SKHCN",
  issued_on: null,
  issued_text: null,
  issuer: "Sở Khoa học và Công nghệ",
  issuer_agency_id: null,
  standing_agency_id: null,
  title: "Kế hoạch hội nhập quốc tế",
  parent_ids: [],
  task_count: 0,
  created_at: "2026-11-20T01:00:00Z",
  updated_at: "2026-11-20T01:00:00Z",
  version: 1,
};

function report(partial: Partial<TaskImportReport>): TaskImportReport {
  return {
    dry_run: true,
    plan_id: "p1",
    filename: "nhiem-vu.csv",
    sha256: "x",
    headings: 1,
    tasks: 2,
    created: 2,
    updated: 0,
    unchanged: 0,
    errors: [],
    unmatched_agencies: [],
    unparsed_deadlines: [],
    mentioned_only: [],
    ...partial,
  };
}

const FILE = new File(["TT,Tên nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Kết quả/sản phẩm,Thời gian hoàn thành\n"], "nhiem-vu.csv", {
  type: "text/csv",
});

async function checkFile(container: HTMLElement) {
  const user = userEvent.setup({ pointerEventsCheck: 0, delay: null });
  const wizard = await screen.findByTestId("task-import");
  await screen.findByText("Bấm hoặc kéo tệp .xlsx, .csv vào đây");
  await user.upload(container.querySelector<HTMLInputElement>('[data-testid="task-import"] input[type="file"]')!, FILE);
  await user.click(within(wizard).getByRole("button", { name: "Kiểm tra tệp" }));
  return { user, wizard };
}

function routes(dryRun: TaskImportReport) {
  return {
    "GET /api/v1/tasks/plans": () => json({ items: [PLAN], next_cursor: null }),
    "GET /api/v1/auth/me": () => json({ id: "c", username: "coordinator", full_name: "C", email: "c@x", roles: ["coordinator"], role_labels: [], must_change_password: false, agency: null }),
    "POST /api/v1/tasks/plans/p1/imports": (call: Call) =>
      json(call.query.get("dry_run") === "true" ? dryRun : report({ ...dryRun, dry_run: false })),
  };
}

describe("Task import wizard", { timeout: 90_000 }, () => {
  it("checks the file first and keeps “Nhập” disabled while the dry run reports errors", async () => {
    const { calls } = stubFetch(
      routes(report({ errors: [{ row: 3, field: "Cơ quan chủ trì", message: "Không tìm thấy “Sở Không Có” trong danh bạ đơn vị.", value: "Sở Không Có" }] })),
    );
    const { container } = renderWithProviders(<ImportsScreen />, { route: "/admin/imports?plan_id=p1" });

    await checkFile(container);

    expect(await screen.findByText("Tệp còn 1 lỗi")).toBeInTheDocument();
    expect(screen.getByText("Không tìm thấy “Sở Không Có” trong danh bạ đơn vị.")).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Nhập" })).toBeDisabled();
    const imports = calls.filter((call) => call.method === "POST");
    expect(imports).toHaveLength(1);
    expect(imports[0]?.query.get("dry_run")).toBe("true");
    expect(String(imports[0]?.body)).toContain('filename="nhiem-vu.csv"');
  });

  it("sends dry_run=true first, then the real import with an idempotency key, and shows the result", async () => {
    const { calls } = stubFetch(routes(report({})));
    const { container } = renderWithProviders(<ImportsScreen />, { route: "/admin/imports?plan_id=p1" });

    const { user } = await checkFile(container);
    expect(await screen.findByText("Tệp hợp lệ")).toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: "Nhập" }));

    expect(await screen.findByText("Đã nhập nhiem-vu.csv")).toBeInTheDocument();
    const imports = calls.filter((call) => call.method === "POST");
    expect(imports.map((call) => call.query.get("dry_run"))).toEqual(["true", "false"]);
    expect(imports[0]?.headers.get("idempotency-key")).toBeNull();
    expect(imports[1]?.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(screen.getByRole("link", { name: "Xem văn bản và nhiệm vụ" })).toHaveAttribute("href", "/plans/p1"));
  });
});
