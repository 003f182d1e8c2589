import "../../test-timing";

import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { tokenStore } from "../../../../lib/api";
import type { Me } from "../../../../lib/me";
import { json, problem, stubFetch, type Call } from "../../../../test/fetch";
import { renderWithProviders } from "../../../../test/render";
import type { TaskDetail } from "../../api/types";
import { agencies, me, plan, share, SKHCN, TASK_ID, taskDetail } from "../../test-fixtures";
import { ReviewSection } from "./ReviewSection";
import { TaskDetailPage } from "./TaskDetailPage";

const BASE = `/api/v1/tasks/${TASK_ID}`;

function withEtag(body: unknown, etag: string) {
  return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json", ETag: etag } });
}

function stubTask(task: TaskDetail, user: Me, extra: Record<string, (call: Call) => Response> = {}) {
  tokenStore.setSession({ accessToken: "access", refreshToken: "refresh" });
  return stubFetch({
    "GET /api/v1/auth/me": () => json(user),
    "GET /api/v1/agencies": () => json({ items: agencies, next_cursor: null }),
    "GET /api/v1/tasks/plans": () => json({ items: [plan], next_cursor: null }),
    [`GET ${BASE}`]: () => withEtag(task, `"${task.version}"`),
    [`GET ${BASE}/deadline-history`]: () => json([]),
    [`GET ${BASE}/progress`]: () => json([]),
    [`GET ${BASE}/history`]: () => json([]),
    [`GET ${BASE}/extensions`]: () => json([]),
    [`GET ${BASE}/comments`]: () => json([]),
    ...extra,
  });
}

const coordinator = me({
  id: "c0",
  username: "coordinator",
  roles: ["coordinator"],
  agency: { id: SKHCN, code: "SKHCN", name: "Sở Khoa học và Công nghệ", short_name: "Sở KH&CN", kind: "department" },
});

describe("TaskDetailPage", () => {
  it("says plainly that the task is missing or not the caller's, with a way back", async () => {
    stubTask(taskDetail(), me(), {
      [`GET ${BASE}`]: () =>
        problem(404, "Không tìm thấy nhiệm vụ", "Không có nhiệm vụ này, hoặc đơn vị của bạn không được xem nhiệm vụ này."),
    });
    renderWithProviders(<TaskDetailPage taskId={TASK_ID} />);

    expect(
      await screen.findByRole("heading", { level: 1, name: "Không tìm thấy nhiệm vụ hoặc bạn không có quyền xem" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Quay lại Việc của đơn vị" })).toHaveAttribute("href", "/tasks");
  });

  it("treats an address that is not a task id the same way, without asking the API", async () => {
    const { calls } = stubTask(taskDetail(), me());
    renderWithProviders(<TaskDetailPage taskId="khong-phai-ma" />);

    expect(await screen.findByText("Không tìm thấy nhiệm vụ hoặc bạn không có quyền xem")).toBeInTheDocument();
    expect(calls.some((call) => call.path.startsWith("/api/v1/tasks/"))).toBe(false);
  });

  it("shows the deadline as written and meant, the missing 6 rõ, and the caller's report form", async () => {
    stubTask(taskDetail(), me());
    renderWithProviders(<TaskDetailPage taskId={TASK_ID} />);

    expect(await screen.findByRole("heading", { level: 1, name: taskDetail().title })).toBeInTheDocument();
    expect(screen.getAllByText("Quý IV/2025").length).toBeGreaterThan(0);
    expect(screen.getByText("Hạn 31/12/2025")).toBeInTheDocument();
    const clarity = screen.getByTestId("task-clarity");
    expect(within(clarity).getByText("Còn thiếu 1 trong 6 tiêu chí.")).toBeInTheDocument();
    expect(within(clarity).getByText("Còn thiếu")).toBeInTheDocument();
    expect(await screen.findByLabelText("Phần trăm hoàn thành")).toHaveValue("40");
    expect(screen.getByRole("heading", { level: 2, name: "Báo cáo tiến độ" })).toBeInTheDocument();
    // an officer neither reviews nor cancels
    expect(screen.queryByText("Thẩm định")).not.toBeInTheDocument();
    expect(screen.queryByText("Hủy nhiệm vụ")).not.toBeInTheDocument();
  });

  it("cancels with the version it read (If-Match) and a reason", async () => {
    const { calls } = stubTask(taskDetail({ version: 7 }), coordinator, {
      [`POST ${BASE}/cancel`]: () => withEtag(taskDetail({ status: "cancelled", version: 8 }), '"8"'),
    });
    renderWithProviders(<TaskDetailPage taskId={TASK_ID} />);
    const user = userEvent.setup();

    // text queries, not roles: the whole task page is large for jsdom's accessibility tree
    await user.click(await screen.findByText("Hủy nhiệm vụ"));
    await user.click(await screen.findByLabelText("Lý do hủy"));
    await user.paste("Nhiệm vụ trùng lặp với kế hoạch khác");
    await user.click(screen.getByText("Xác nhận hủy"));

    await waitFor(() => expect(calls.some((call) => call.path === `${BASE}/cancel`)).toBe(true));
    const cancel = calls.find((call) => call.path === `${BASE}/cancel`);
    expect(cancel?.headers.get("if-match")).toBe('"7"');
    expect(cancel?.body).toEqual({ reason: "Nhiệm vụ trùng lặp với kế hoạch khác" });
  });
});

describe("ReviewSection", () => {
  const submitted = share({ status: "submitted", status_label: "Đã báo cáo hoàn thành, chờ thẩm định", percent: 100 });

  it("requires a reason to return a report and sends decision=return", async () => {
    tokenStore.setSession({ accessToken: "access", refreshToken: "refresh" });
    const { calls } = stubFetch({
      [`POST ${BASE}/review`]: () => json(taskDetail()),
      [`GET ${BASE}`]: () => json(taskDetail()),
    });
    renderWithProviders(<ReviewSection taskId={TASK_ID} shares={[submitted]} />);
    const user = userEvent.setup();

    expect(screen.getByRole("button", { name: "Chấp nhận" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Trả lại" }));
    await user.click(await screen.findByRole("button", { name: "Xác nhận trả lại" }));

    expect(await screen.findByText("Vui lòng nêu lý do trả lại (ít nhất 5 ký tự).")).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await user.click(screen.getByLabelText("Lý do trả lại"));
    await user.paste("Minh chứng chưa đủ");
    await user.click(screen.getByRole("button", { name: "Xác nhận trả lại" }));

    await waitFor(() => expect(calls.some((call) => call.path === `${BASE}/review`)).toBe(true));
    const review = calls.find((call) => call.path === `${BASE}/review`);
    expect(review?.body).toEqual({ assignment_id: submitted.id, decision: "return", reason: "Minh chứng chưa đủ" });
    expect(review?.headers.get("idempotency-key")).toBeTruthy();
  });

  it("offers only a return, not an acceptance, for a report still in progress", () => {
    renderWithProviders(<ReviewSection taskId={TASK_ID} shares={[share()]} />);

    expect(screen.getByRole("button", { name: "Trả lại" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Chấp nhận" })).not.toBeInTheDocument();
  });
});
