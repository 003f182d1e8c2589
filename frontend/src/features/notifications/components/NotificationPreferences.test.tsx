import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { json, problem, stubFetch } from "../../../test/fetch";
import { renderWithProviders } from "../../../test/render";
import { signIn } from "../testing/sse";
import { NotificationPreferences } from "./NotificationPreferences";

const saved = {
  digest: false,
  events: [
    { event_type: "task.assigned", label: "Được giao nhiệm vụ", inbox: true, email: true },
    { event_type: "task.due_soon", label: "Nhiệm vụ sắp đến hạn", inbox: true, email: false },
  ],
};

describe("NotificationPreferences", { timeout: 20_000 }, () => {
  it("sends the changed switches and the digest in one PUT and confirms", async () => {
    signIn();
    const { calls } = stubFetch({
      "GET /api/v1/notifications/preferences": () => json(saved),
      "PUT /api/v1/notifications/preferences": (call) => json(call.body),
    });
    renderWithProviders(<NotificationPreferences />);
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    // label queries: role queries over an Ant Design table are very slow in jsdom
    const email = await screen.findByLabelText("Được giao nhiệm vụ — Thư điện tử");
    expect(email).toBeChecked();
    expect(screen.getByLabelText("Nhiệm vụ sắp đến hạn — Thư điện tử")).not.toBeChecked();
    await user.click(email);
    await user.click(screen.getByLabelText("Nhiệm vụ sắp đến hạn — Hộp thư"));
    await user.click(screen.getByLabelText(/Nhận một thư tổng hợp mỗi sáng/));
    await user.click(screen.getByText("Lưu tuỳ chọn"));

    expect(await screen.findByText("Đã lưu tuỳ chọn nhận thông báo.")).toBeInTheDocument();
    const put = calls.find((c) => c.method === "PUT");
    expect(put?.body).toEqual({
      digest: true,
      events: [
        { event_type: "task.assigned", label: "Được giao nhiệm vụ", inbox: true, email: false },
        { event_type: "task.due_soon", label: "Nhiệm vụ sắp đến hạn", inbox: false, email: false },
      ],
    });
  });

  it("shows the server's refusal in Vietnamese", async () => {
    signIn();
    stubFetch({
      "GET /api/v1/notifications/preferences": () => json(saved),
      "PUT /api/v1/notifications/preferences": () =>
        problem(422, "Dữ liệu không hợp lệ", undefined, [
          { field: "events.0.event_type", message: "loại thông báo không có: task.unknown" },
        ]),
    });
    renderWithProviders(<NotificationPreferences />);

    await userEvent.setup().click(await screen.findByRole("button", { name: "Lưu tuỳ chọn" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Dữ liệu không hợp lệ");
    expect(alert).toHaveTextContent("loại thông báo không có: task.unknown");
    await vi.waitFor(() => expect(screen.queryByText("Đã lưu tuỳ chọn nhận thông báo.")).toBeNull());
  });
});
