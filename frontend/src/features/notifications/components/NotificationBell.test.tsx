import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";

import { json, stubFetch } from "../../../test/fetch";
import { renderWithProviders } from "../../../test/render";
import { INBOX_STREAM_PATH } from "../api/inbox-stream";
import { inboxItem, settleStream, signIn, sseResponse } from "../testing/sse";
import { NotificationBell } from "./NotificationBell";

afterEach(async () => {
  cleanup();
  await settleStream();
});

describe("NotificationBell", { timeout: 20_000 }, () => {
  it("says the unread count, updates it live and shows a toast for a new item", async () => {
    signIn();
    const sse = sseResponse();
    const item = inboxItem({ id: 21, title: "Nhiệm vụ quá hạn: Số hoá hồ sơ" });
    const { calls } = stubFetch({
      "GET /api/v1/notifications/inbox/unread-count": () => json({ unread: 3 }),
      [`GET ${INBOX_STREAM_PATH}`]: () => sse.response,
      "POST /api/v1/notifications/inbox/21/read": () => json({ ...item, read_at: "2026-11-24T01:00:00Z" }),
    });
    renderWithProviders(<NotificationBell />, { path: "/" });

    expect(await screen.findByRole("button", { name: "Thông báo: 3 chưa đọc" })).toBeInTheDocument();

    sse.send(`event: inbox\ndata: ${JSON.stringify({ unread: 4, item })}\n\n`);

    expect(await screen.findByRole("button", { name: "Thông báo: 4 chưa đọc" })).toBeInTheDocument();
    expect(screen.getByTestId("notification-live")).toHaveTextContent("Thông báo mới: Nhiệm vụ quá hạn: Số hoá hồ sơ");
    const toast = await screen.findByTestId("notification-toast");
    expect(toast).toHaveTextContent("Được giao nhiệm vụ");
    const link = screen.getByRole("link", { name: "Nhiệm vụ quá hạn: Số hoá hồ sơ" });
    expect(link).toHaveAttribute("href", "/tasks/e8b49f8e-07c3-4ae0-8f70-eb9289e44300");

    // the same item again (a reconnect) is not announced twice
    sse.send(`event: inbox\ndata: ${JSON.stringify({ unread: 4, item })}\n\n`);
    await settleStream();
    expect(screen.getAllByTestId("notification-toast")).toHaveLength(1);

    await userEvent.setup().click(link);
    await vi.waitFor(() => expect(calls.some((c) => c.method === "POST" && c.path === "/api/v1/notifications/inbox/21/read")).toBe(true));
    expect(await screen.findByTestId("navigated-away")).toBeInTheDocument();
  });

  it("says 0 when nothing is unread", async () => {
    signIn();
    const sse = sseResponse();
    stubFetch({
      "GET /api/v1/notifications/inbox/unread-count": () => json({ unread: 0 }),
      [`GET ${INBOX_STREAM_PATH}`]: () => sse.response,
    });
    renderWithProviders(<NotificationBell />);
    expect(await screen.findByRole("button", { name: "Thông báo: 0 chưa đọc" })).toBeInTheDocument();
  });
});
