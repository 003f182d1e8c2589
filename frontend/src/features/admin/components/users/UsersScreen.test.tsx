import { configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { json, problem, stubFetch } from "../../../../test/fetch";
import { renderWithProviders } from "../../../../test/render";
import { ADMIN, agencyPage, user } from "../../test/fixtures";
import { UsersScreen } from "./UsersScreen";

async function fillCreateForm() {
  const u = userEvent.setup({ pointerEventsCheck: 0, delay: null });
  await u.click(await screen.findByRole("button", { name: "Tạo tài khoản" }));
  const dialog = await screen.findByRole("dialog");
  await u.click(within(dialog).getByLabelText("Tên đăng nhập"));
  await u.paste("syt.canbo");
  await u.click(within(dialog).getByLabelText("Họ và tên"));
  await u.paste("Lê Văn Bình");
  await u.click(within(dialog).getByLabelText("Thư điện tử"));
  await u.paste("binh@syt.vn");
  await u.click(within(dialog).getByRole("button", { name: "Tạo tài khoản" }));
  return { u, dialog };
}

// antd renders slowly in jsdom on a busy machine: wait longer than the 1 s default.
configure({ asyncUtilTimeout: 15_000 });

describe("UsersScreen", { timeout: 90_000 }, () => {
  it("lists accounts with Vietnamese role labels, agency names and status, filtered by the address", async () => {
    const { calls } = stubFetch({
      "GET /api/v1/users": () => json({ items: [user(), user({ id: "u2", username: "khoa", active: false, roles: ["agency_manager"] })], next_cursor: null }),
      "GET /api/v1/agencies": () => json(agencyPage()),
      "GET /api/v1/auth/me": () => json(ADMIN),
    });
    renderWithProviders(<UsersScreen canManage={false} />, { route: "/admin/users?q=binh&agency_id=syt" });

    expect(await screen.findByText("syt.canbo")).toBeInTheDocument();
    expect(screen.getByText("Cán bộ đơn vị")).toBeInTheDocument();
    expect(screen.getByText("Lãnh đạo đơn vị")).toBeInTheDocument();
    expect(screen.getByText("Đã khóa")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Tạo tài khoản" })).not.toBeInTheDocument();
    const list = calls.find((call) => call.path === "/api/v1/users");
    expect(list?.query.get("q")).toBe("binh");
    expect(list?.query.get("agency_id")).toBe("syt");
  });

  it("shows the empty state", async () => {
    stubFetch({
      "GET /api/v1/users": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/agencies": () => json(agencyPage()),
      "GET /api/v1/auth/me": () => json(ADMIN),
    });
    renderWithProviders(<UsersScreen canManage />, { route: "/admin/users" });
    expect(await screen.findByText("Chưa có tài khoản nào.")).toBeInTheDocument();
  });

  it("creates an account with an idempotency key and puts “username taken” beside the username", async () => {
    const { calls } = stubFetch({
      "GET /api/v1/users": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/agencies": () => json(agencyPage()),
      "GET /api/v1/auth/me": () => json(ADMIN),
      "POST /api/v1/users": () => problem(409, "Xung đột dữ liệu", "Tên đăng nhập syt.canbo đã được dùng.", []),
    });
    renderWithProviders(<UsersScreen canManage />, { route: "/admin/users?agency_id=syt" });

    const { dialog } = await fillCreateForm();

    const username = within(dialog).getByLabelText("Tên đăng nhập");
    await waitFor(() => expect(username).toHaveAccessibleDescription(expect.stringContaining("Tên đăng nhập syt.canbo đã được dùng.")));
    const post = calls.find((call) => call.method === "POST");
    expect(post?.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    const body = post?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      username: "syt.canbo",
      full_name: "Lê Văn Bình",
      email: "binh@syt.vn",
      agency_id: "syt",
      roles: ["agency_officer"],
    });
    expect(body.initial_password).toMatch(/^.{14}$/);
    expect(screen.queryByTestId("shown-once")).not.toBeInTheDocument();
  });

  it("shows the initial password once after creation, and drops it when closed", async () => {
    const { calls } = stubFetch({
      "GET /api/v1/users": () => json({ items: [], next_cursor: null }),
      "GET /api/v1/agencies": () => json(agencyPage()),
      "GET /api/v1/auth/me": () => json(ADMIN),
      "POST /api/v1/users": () => json(user(), 201),
    });
    renderWithProviders(<UsersScreen canManage />, { route: "/admin/users?agency_id=syt" });

    const { u } = await fillCreateForm();

    const shown = await screen.findByTestId("shown-once");
    const password = (calls.find((call) => call.method === "POST")?.body as { initial_password: string }).initial_password;
    expect(within(shown).getByLabelText("Mật khẩu tạm thời")).toHaveValue(password);
    await u.click(screen.getByRole("button", { name: "Tôi đã lưu, đóng" }));
    await waitFor(() => expect(screen.queryByDisplayValue(password)).not.toBeInTheDocument());
  });

  it("sends If-Match with the account's version when locking it", async () => {
    const { calls } = stubFetch({
      "GET /api/v1/users": () => json({ items: [user()], next_cursor: null }),
      "GET /api/v1/agencies": () => json(agencyPage()),
      "GET /api/v1/auth/me": () => json(ADMIN),
      "PATCH /api/v1/users/u1": () => json(user({ active: false, version: 4 })),
    });
    renderWithProviders(<UsersScreen canManage />, { route: "/admin/users" });
    fireEvent.click(await screen.findByRole("button", { name: "Khóa tài khoản syt.canbo" }));
    fireEvent.click(await screen.findByRole("button", { name: "Khóa" }));

    await waitFor(() => expect(calls.some((call) => call.method === "PATCH")).toBe(true));
    const patch = calls.find((call) => call.method === "PATCH");
    expect(patch?.headers.get("if-match")).toBe('"3"');
    expect(patch?.body).toEqual({ active: false });
  });
});
