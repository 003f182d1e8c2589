import { describe, expect, it } from "vitest";

import { periodLabel, periodsBetween, reportablePeriods } from "./periods";

describe("periods", () => {
  it("names periods the way the API does", () => {
    expect(periodLabel("2026-Q4", "vi")).toBe("Quý IV/2026");
    expect(periodLabel("2026-H1", "vi")).toBe("6 tháng đầu năm 2026");
    expect(periodLabel("2026", "vi")).toBe("Năm 2026");
  });

  it("offers the period under way and earlier ones, never a later one", () => {
    expect(reportablePeriods("year", "2026-11-23").slice(0, 3)).toEqual(["2026", "2025", "2024"]);
    expect(reportablePeriods("quarter", "2026-02-10").slice(0, 3)).toEqual(["2026-Q1", "2025-Q4", "2025-Q3"]);
    expect(reportablePeriods("half_year", "2026-07-01").slice(0, 2)).toEqual(["2026-H2", "2026-H1"]);
  });

  it("lists every period between two", () => {
    expect(periodsBetween("2025-Q3", "2026-Q2")).toEqual(["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]);
  });
});
