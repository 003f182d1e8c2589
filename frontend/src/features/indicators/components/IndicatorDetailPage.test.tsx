import { configure, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { json, problem, stubFetch } from "../../../test/fetch";
import { renderWithProviders } from "../../../test/render";
import { INDICATOR_ID, indicatorDetail, series, valueRead } from "../testing/fixtures";
import { IndicatorDetailPage } from "./IndicatorDetailPage";

configure({ asyncUtilTimeout: 20_000 });

// jsdom has no canvas to measure ECharts' text; the option itself is tested in utils/series-chart.test.ts
vi.mock("../../../components/Chart", () => ({
  Chart: ({ label, testId }: { label: string; testId?: string }) => <div role="img" aria-label={label} data-testid={testId} />,
}));

const MISSING = "00000000-0000-4000-8000-000000000000";

describe("IndicatorDetailPage", { timeout: 240_000 }, () => {
  it("says the indicator was not found when the API answers 404", async () => {
    stubFetch({
      [`GET /api/v1/indicators/${MISSING}`]: () => problem(404, "Không tìm thấy", "Không tìm thấy chỉ tiêu."),
      "GET /api/v1/indicators/plans": () => json([]),
    });
    renderWithProviders(<IndicatorDetailPage indicatorId={MISSING} />);

    expect(await screen.findByRole("heading", { level: 1, name: "Không tìm thấy chỉ tiêu" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Về danh sách chỉ tiêu" })).toHaveAttribute("href", "/indicators");
  });

  it("shows the figures against the target, in words and as a table", async () => {
    stubFetch({
      [`GET /api/v1/indicators/${INDICATOR_ID}`]: () => json(indicatorDetail({ can_report_for: [] })),
      [`GET /api/v1/indicators/${INDICATOR_ID}/series`]: () => json(series()),
      [`GET /api/v1/indicators/${INDICATOR_ID}/values`]: () => json([valueRead({ state: "accepted", state_label: "Đã chấp nhận" })]),
      "GET /api/v1/indicators/plans": () => json([]),
    });
    renderWithProviders(<IndicatorDetailPage indicatorId={INDICATOR_ID} />);

    expect(await screen.findByRole("heading", { level: 1, name: /3\.1\. 100% các cơ sở y tế/ })).toBeInTheDocument();
    expect(await screen.findByTestId("indicator-projection-sentence")).toHaveTextContent(
      "Dự báo đến 2030: 100 % so với chỉ tiêu ≥ 100 %.",
    );
    const table = screen.getByTestId("indicator-series-table");
    expect(table).toHaveTextContent("Năm 2025");
    expect(table).toHaveTextContent("66,15 %");
    expect(await screen.findByText("Đã chấp nhận")).toBeInTheDocument();
    // a viewer who may not report sees no report form
    expect(screen.queryByRole("heading", { name: "Báo cáo số liệu" })).not.toBeInTheDocument();
  });
});
