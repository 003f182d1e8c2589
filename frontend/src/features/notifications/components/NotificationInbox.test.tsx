import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { json, problem, stubFetch } from "../../../test/fetch";
import { renderWithProviders } from "../../../test/render";
import { inboxItem, signIn } from "../testing/sse";
import { NotificationInbox } from "./NotificationInbox";

const unreadItem = inboxItem({ id: 11, title: "Được giao nhiệm vụ: Kinh tế ban đêm", urgent: true });
const readItem = inboxItem({
  id: 9,
  event_type: "indicator.report_due",
  event_label: "Sắp đến hạn báo cáo chỉ tiêu",
  subject_type: "indicator_value",
  title: "Sắp đến hạn báo cáo chỉ tiêu Quý IV/2026",
  link: "/indicators/ind-7",
  read_at: "2026-11-22T03:00:00Z",
  created_at: "2026-11-21T02:05:00Z",
});

function stubInbox(items = [unreadItem, readItem], extra = {}) {
  return stubFetch({
    "GET /api/v1/notifications/inbox": () => json({ items, next_cursor: null }),
    "GET /api/v1/notifications/inbox/unread-count": () => json({ unread: items.filter((i) => !i.read_at).length }),
    ...extra,
  });
}

// Ant Design renders slowly in jsdom on a busy machine: the first render alone can take seconds
describe("NotificationInbox", { timeout: 20_000 }, () => {
  it("lists items newest first with their label, time, link and unread marker", async () => {
    signIn();
    const { calls } = stubInbox();
    renderWithProviders(<NotificationInbox />, { route: "/notifications", path: "/notifications" });

    expect(screen.getByText("Thông báo", { selector: "h1" })).toBeInTheDocument();
    const first = await screen.findByTestId("inbox-item-11");
    expect(within(first).getByRole("link", { name: unreadItem.title })).toHaveAttribute("href", `/tasks/${unreadItem.subject_id}`);
    expect(first).toHaveTextContent("Chưa đọc");
    expect(first).toHaveTextContent("Khẩn");
    expect(first).toHaveTextContent("24/11/2026 06:20"); // 23:20 UTC in Hà Nội
    const second = screen.getByTestId("inbox-item-9");
    expect(within(second).getByRole("link", { name: readItem.title })).toHaveAttribute("href", "/indicators/ind-7");
    expect(second).not.toHaveTextContent("Chưa đọc");
    expect(second).toHaveTextContent("21/11/2026 09:05");
    expect(within(second).queryByRole("button", { name: /Đánh dấu đã đọc/ })).toBeNull();
    expect(screen.getByText("Tuỳ chọn nhận thông báo").closest("a")).toHaveAttribute("href", "/notifications/preferences");
    expect(calls.find((c) => c.path === "/api/v1/notifications/inbox")?.query.get("unread")).toBeNull();
  });

  it("marks an item read when it is opened, then follows its link", async () => {
    signIn();
    const { calls } = stubInbox(undefined, {
      "POST /api/v1/notifications/inbox/11/read": () => json({ ...unreadItem, read_at: "2026-11-24T01:00:00Z" }),
    });
    renderWithProviders(<NotificationInbox />, { route: "/notifications", path: "/notifications" });

    await userEvent.setup().click(await screen.findByRole("link", { name: unreadItem.title }));

    await vi.waitFor(() =>
      expect(calls.filter((c) => c.method === "POST").map((c) => c.path)).toEqual(["/api/v1/notifications/inbox/11/read"]),
    );
    expect(await screen.findByTestId("navigated-away")).toBeInTheDocument();
  });

  it("marks one item read with its button and shows it as read", async () => {
    signIn();
    const { calls } = stubInbox(undefined, {
      "POST /api/v1/notifications/inbox/11/read": () => json({ ...unreadItem, read_at: "2026-11-24T01:00:00Z" }),
    });
    renderWithProviders(<NotificationInbox />, { route: "/notifications", path: "/notifications" });

    await userEvent.setup().click(await screen.findByRole("button", { name: `Đánh dấu đã đọc: ${unreadItem.title}` }));

    await vi.waitFor(() => expect(screen.getByTestId("inbox-item-11")).toHaveAttribute("data-unread", "false"));
    expect(calls.some((c) => c.method === "POST" && c.path === "/api/v1/notifications/inbox/11/read")).toBe(true);
  });

  it("posts read-all from “Đánh dấu tất cả đã đọc”", async () => {
    signIn();
    const { calls } = stubInbox(undefined, {
      "POST /api/v1/notifications/inbox/read-all": () => json({ marked: 1 }),
    });
    renderWithProviders(<NotificationInbox />, { route: "/notifications", path: "/notifications" });
    const button = await screen.findByRole("button", { name: /Đánh dấu tất cả đã đọc/ });
    await vi.waitFor(() => expect(button).toBeEnabled());

    await userEvent.setup().click(button);

    await vi.waitFor(() => expect(calls.some((c) => c.method === "POST" && c.path === "/api/v1/notifications/inbox/read-all")).toBe(true));
    expect(await screen.findByText("Đã đánh dấu tất cả thông báo là đã đọc.")).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.getByTestId("inbox-item-11")).toHaveAttribute("data-unread", "false"));
  });

  it("asks the API for unread items only on the “Chưa đọc” tab", async () => {
    signIn();
    const { calls } = stubInbox([]);
    renderWithProviders(<NotificationInbox />, { route: "/notifications", path: "/notifications" });
    expect(await screen.findByText("Chưa có thông báo nào")).toBeInTheDocument();

    await userEvent.setup().click(screen.getByRole("tab", { name: /Chưa đọc/ }));

    expect(await screen.findByText("Không còn thông báo chưa đọc")).toBeInTheDocument();
    const lists = calls.filter((c) => c.path === "/api/v1/notifications/inbox");
    expect(lists.at(-1)?.query.get("unread")).toBe("true");
  });

  it("shows the API's problem when the inbox cannot be read", async () => {
    signIn();
    stubFetch({
      "GET /api/v1/notifications/inbox": () => problem(503, "Dịch vụ thông báo tạm thời không sẵn sàng"),
      "GET /api/v1/notifications/inbox/unread-count": () => json({ unread: 0 }),
    });
    renderWithProviders(<NotificationInbox />, { route: "/notifications", path: "/notifications" });
    expect(await screen.findByRole("alert", {}, { timeout: 5000 })).toHaveTextContent("Dịch vụ thông báo tạm thời không sẵn sàng");
  });
});
