import { configure, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { json, stubFetch } from "../../../test/fetch";
import { renderWithProviders } from "../../../test/render";
import { indicatorRead } from "../testing/fixtures";
import { IndicatorListPage } from "./IndicatorListPage";

configure({ asyncUtilTimeout: 20_000 });

const ME = {
  id: "u1",
  username: "syt.lanhdao",
  full_name: "Lãnh đạo Sở Y tế",
  roles: ["agency_manager"],
  agency: { id: "a69e17e8-358e-49d4-9a47-a4433d890e3f", code: "SYT", name: "Sở Y tế" },
};

const SCORECARD = {
  by: "sector",
  status_labels: {},
  rows: [],
  total: { key: "all", label: "Tất cả", total: 2, counts: { achieved: 1, at_risk: 1 }, mean_attainment: "0.8" },
};

function stub(items: unknown[]) {
  return stubFetch({
    "GET /api/v1/auth/me": () => json(ME),
    "GET /api/v1/agencies": () => json({ items: [], next_cursor: null }),
    "GET /api/v1/indicators/plans": () => json([]),
    "GET /api/v1/indicators/scorecard": () => json(SCORECARD),
    "GET /api/v1/indicators/review-queue": () => json({ items: [{ id: "v1" }, { id: "v2" }], next_cursor: null }),
    "GET /api/v1/indicators": () => json({ items, next_cursor: null }),
  });
}

describe("IndicatorListPage", { timeout: 240_000 }, () => {
  it("lists indicators by sector with target, latest figure and status", async () => {
    stub([
      indicatorRead(),
      indicatorRead({ id: "i2", tt: "1.1", text: "Dịch vụ công trực tuyến toàn trình", sector: "cai_cach_hanh_chinh", sector_label: "Cải cách hành chính", status: "at_risk", current_value: null, current_period: null }),
    ]);
    renderWithProviders(<IndicatorListPage />, { route: "/indicators?plan=7316-KH-UBND" });

    expect(screen.getByRole("heading", { level: 1, name: "Chỉ tiêu" })).toBeInTheDocument();
    const health = (await screen.findByText(/^Y tế/, { selector: "h3" })).closest("section") as HTMLElement;
    const row = within(health).getByText(/hạ tầng Công nghệ thông tin/).closest("tr") as HTMLElement;
    expect(row).toHaveTextContent("≥ 100 %");
    expect(row).toHaveTextContent("66,15 %");
    expect(row).toHaveTextContent("Năm 2025");
    expect(row).toHaveTextContent("Đúng tiến độ");
    expect(row).toHaveTextContent("Sở Y tế");
    const reform = screen.getByText(/^Cải cách hành chính/, { selector: "h3" }).closest("section") as HTMLElement;
    expect(within(reform).getByText("Chưa có số liệu", { selector: "span" })).toBeInTheDocument();

    expect(screen.getByRole("button", { name: "Xuất Excel (Phụ lục I)" })).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: "Hàng chờ thẩm định: 2 số liệu" })).toHaveAttribute("href", "/indicators/review");
    expect(await screen.findByTestId("indicator-score-total")).toHaveTextContent("2");
  });

  it("says so when no indicator matches", async () => {
    stub([]);
    renderWithProviders(<IndicatorListPage />, { route: "/indicators?q=khong%20co" });
    expect(await screen.findByText("Không có chỉ tiêu nào phù hợp với bộ lọc.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Xuất Excel (Phụ lục I)" })).not.toBeInTheDocument();
    expect(screen.getByLabelText("Tìm kiếm")).toHaveValue("khong co");
  });
});
