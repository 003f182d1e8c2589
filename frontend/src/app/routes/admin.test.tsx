import { configure, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import type { Me } from "../../lib/me";
import { json, stubFetch } from "../../test/fetch";
import { renderWithProviders } from "../../test/render";
import { AdminRoute } from "./admin";

configure({ asyncUtilTimeout: 15_000 });

function me(roles: Me["roles"]): Me {
  return {
    id: "u",
    username: roles[0] ?? "nobody",
    full_name: "Người thử",
    email: "u@x.vn",
    roles,
    role_labels: [],
    must_change_password: false,
    agency: { id: "stc", code: "STC", name: "Sở Tài chính", short_name: "Sở TC", kind: "department" },
  } as Me;
}

function render(roles: Me["roles"], route: string) {
  stubFetch({
    "GET /api/v1/auth/me": () => json(me(roles)),
    "GET /api/v1/agencies": () => json({ items: [], next_cursor: null }),
    "GET /api/v1/users": () => json({ items: [], next_cursor: null }),
  });
  return renderWithProviders(<AdminRoute />, { route, path: "/admin/*" });
}

describe("AdminRoute", { timeout: 60_000 }, () => {
  it("refuses a viewer in Vietnamese", async () => {
    render(["viewer"], "/admin");
    expect(await screen.findByRole("heading", { level: 1, name: "Không có quyền truy cập" })).toBeInTheDocument();
    expect(screen.queryByRole("navigation", { name: "Các mục quản trị" })).not.toBeInTheDocument();
  });

  it("opens the first tab a coordinator may use and shows only the coordinator's tabs", async () => {
    render(["coordinator"], "/admin");
    const nav = await screen.findByRole("navigation", { name: "Các mục quản trị" });
    expect(screen.getByRole("heading", { level: 1, name: "Quản trị" })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("link", { name: "Cơ quan, đơn vị" })).toHaveAttribute("aria-current", "page"));
    expect(nav).toHaveTextContent("Người dùng");
    expect(nav).toHaveTextContent("Nhập dữ liệu");
    expect(nav).not.toHaveTextContent("Ứng dụng tích hợp");
    expect(nav).not.toHaveTextContent("Nhật ký");
    expect(screen.queryByRole("button", { name: "Thêm đơn vị" })).not.toBeInTheDocument();
  });

  it("gives an admin every tab and the directory's actions", async () => {
    render(["admin"], "/admin/agencies");
    const nav = await screen.findByRole("navigation", { name: "Các mục quản trị" });
    for (const tab of ["Cơ quan, đơn vị", "Người dùng", "Ứng dụng tích hợp", "Nhập dữ liệu", "Nhật ký"]) {
      expect(nav).toHaveTextContent(tab);
    }
    expect(await screen.findByRole("button", { name: "Thêm đơn vị" })).toBeInTheDocument();
  });

  it("tells an agency leader that the integration tab is not theirs", async () => {
    render(["agency_manager"], "/admin/clients");
    expect(await screen.findByText("Vai trò của bạn không dùng được mục này. Hãy chọn một mục khác ở trên.")).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Các mục quản trị" });
    expect(nav).not.toHaveTextContent("Nhập dữ liệu");
  });
});
