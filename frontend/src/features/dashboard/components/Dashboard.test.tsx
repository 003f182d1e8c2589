import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { Me } from "../../../lib/me";
import { json, stubFetch } from "../../../test/fetch";
import { renderWithProviders } from "../../../test/render";
import { coordinator, counts, officer, task } from "../test/fixtures";
import { Dashboard } from "./Dashboard";

vi.mock("../../../components/Chart", () => ({
  Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

function stubDashboard(me: Me) {
  return stubFetch({
    "GET /api/v1/auth/me": () => json(me),
    "GET /api/v1/tasks/counts": ({ query }) =>
      json(query.has("due_within_days") ? { ...counts, total: 6 } : counts),
    "GET /api/v1/tasks": () => json({ items: [task(1)] }),
    "GET /api/v1/tasks/plans": () => json({ items: [] }),
    "GET /api/v1/indicators/scorecard": () =>
      json({
        by: "sector",
        status_labels: {
          achieved: "Đã đạt",
          on_track: "Đúng tiến độ",
          needs_acceleration: "Cần đẩy nhanh",
          at_risk: "Có nguy cơ không đạt",
          no_data: "Chưa có số liệu",
        },
        rows: [{ key: "y_te", label: "Y tế", total: 3, counts: { achieved: 1, at_risk: 2 }, mean_attainment: null }],
        total: { key: "all", label: "Toàn tỉnh", total: 3, counts: { achieved: 1, at_risk: 2 }, mean_attainment: null },
      }),
    "GET /api/v1/indicators/completeness": ({ query }) =>
      json({
        period: query.get("period"),
        period_label: "Quý IV/2026",
        due_rule: "",
        agencies: [],
        agency_count: 0,
        expected: 0,
        reported: 0,
        missing_agencies: 0,
      }),
  });
}

describe("Dashboard", { timeout: 30_000 }, () => {
  it("shows the province to the standing agency, with every block", async () => {
    const { calls } = stubDashboard(coordinator);
    renderWithProviders(<Dashboard />);

    expect(await screen.findByTestId("dashboard-scope")).toHaveTextContent("Phạm vi: Toàn tỉnh");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Tổng quan");
    const headings = [...document.querySelectorAll("h2")].map((h) => h.textContent);
    expect(headings).toEqual(
      expect.arrayContaining(["Nhiệm vụ theo trạng thái", "Cập nhật gần đây", "Quá hạn", "Sắp đến hạn", "Chỉ tiêu theo lĩnh vực"]),
    );
    const kpis = screen.getByTestId("dashboard-kpis");
    expect(await within(kpis).findByRole("link", { name: "Đến hạn trong 7 ngày: 6" })).toHaveAttribute(
      "href",
      "/tasks?due_within_days=7&mine=false",
    );
    const indicators = screen.getByTestId("dashboard-indicators");
    const cell = await within(indicators).findByRole("link", { name: "Y tế, Có nguy cơ không đạt: 2 chỉ tiêu" });
    expect(cell).toHaveAttribute("href", "/indicators?sector=y_te&status=at_risk");
    const completeness = calls.find((c) => c.path === "/api/v1/indicators/completeness");
    expect(completeness?.query.get("period")).toMatch(/^\d{4}-Q[1-4]$/);
  });

  it("tells an agency officer the figures are their agency's", async () => {
    stubDashboard(officer);
    renderWithProviders(<Dashboard />);

    expect(await screen.findByTestId("dashboard-scope")).toHaveTextContent("Phạm vi: Sở Y tế và đơn vị trực thuộc");
    const kpis = await screen.findByTestId("dashboard-kpis");
    expect(await within(kpis).findByRole("link", { name: "Quá hạn: 3" })).toHaveAttribute(
      "href",
      "/tasks?overdue=true&mine=true",
    );
  });
});
