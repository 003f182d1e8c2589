import { configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { json, stubFetch } from "../../../../test/fetch";
import { renderWithProviders } from "../../../../test/render";
import { agencyPage, client, clientWithSecret } from "../../test/fixtures";
import { ClientsScreen } from "./ClientsScreen";

// antd renders slowly in jsdom on a busy machine: wait longer than the 1 s default.
configure({ asyncUtilTimeout: 15_000 });

describe("ClientsScreen", { timeout: 90_000 }, () => {
  it("lists clients with their permissions in Vietnamese", async () => {
    stubFetch({
      "GET /api/v1/clients": () => json([client({ active: false })]),
      "GET /api/v1/agencies": () => json(agencyPage()),
    });
    renderWithProviders(<ClientsScreen />);
    expect(await screen.findByText("ioc-tinh")).toBeInTheDocument();
    expect(screen.getByText("Đọc nhiệm vụ")).toBeInTheDocument();
    expect(screen.getByText("Đã khóa")).toBeInTheDocument();
  });

  it("shows the secret once after registering, and it is gone once the modal is closed", async () => {
    const { calls } = stubFetch({
      "GET /api/v1/clients": () => json([]),
      "GET /api/v1/agencies": () => json(agencyPage()),
      "POST /api/v1/clients": () => json(clientWithSecret(), 201),
    });
    renderWithProviders(<ClientsScreen />);
    const user = userEvent.setup({ pointerEventsCheck: 0, delay: null });
    await screen.findByText("Chưa có ứng dụng tích hợp nào.");

    await user.click(screen.getByRole("button", { name: "Đăng ký ứng dụng" }));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByLabelText("Mã ứng dụng (client_id)"));
    await user.paste("ioc-tinh");
    await user.click(within(dialog).getByLabelText("Tên ứng dụng"));
    await user.paste("IOC tỉnh");
    fireEvent.mouseDown(within(dialog).getByLabelText("Phạm vi dữ liệu"));
    await user.click(await screen.findByTitle("Ủy ban nhân dân tỉnh Phú Thọ"));
    await user.click(within(dialog).getByRole("button", { name: "Đăng ký ứng dụng" }));

    const shown = await screen.findByTestId("shown-once");
    expect(within(shown).getByText("Khóa bí mật chỉ hiển thị một lần", { exact: false })).toBeInTheDocument();
    expect(within(shown).getByLabelText("Khóa bí mật (client_secret)")).toHaveValue("s3cr3t-value-only-once");
    expect(within(shown).getByRole("button", { name: "Sao chép Khóa bí mật (client_secret)" })).toBeInTheDocument();
    const post = calls.find((call) => call.method === "POST");
    expect(post?.headers.get("idempotency-key")).toBeTruthy();
    expect(post?.body).toEqual({ client_id: "ioc-tinh", name: "IOC tỉnh", agency_id: "root", scopes: ["tasks.read", "indicators.read"] });

    await user.click(screen.getByRole("button", { name: "Tôi đã lưu, đóng" }));
    await waitFor(() => expect(screen.queryByDisplayValue("s3cr3t-value-only-once")).not.toBeInTheDocument());
    expect(screen.queryByText("s3cr3t-value-only-once")).not.toBeInTheDocument();
  });
});
