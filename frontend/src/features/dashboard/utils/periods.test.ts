import { describe, expect, it } from "vitest";

import { periodChoices, periodLabel, periodOf, previousPeriod } from "./periods";

describe("reporting periods", () => {
  it("names today's quarter, half-year and year the way the indicators API reads them", () => {
    expect(periodOf("quarter", "2026-11-23").code).toBe("2026-Q4");
    expect(periodOf("half", "2026-11-23").code).toBe("2026-H2");
    expect(periodOf("year", "2026-11-23").code).toBe("2026");
    expect(periodOf("quarter", "2026-03-31").code).toBe("2026-Q1");
  });

  it("steps back across a year", () => {
    expect(previousPeriod(periodOf("quarter", "2026-01-05")).code).toBe("2025-Q4");
    expect(previousPeriod(periodOf("half", "2026-02-01")).code).toBe("2025-H2");
  });

  it("offers recent periods of each kind with the API's own labels", () => {
    const choices = periodChoices("2026-11-23");
    expect(choices.quarter.map((p) => p.code)).toEqual(["2026-Q4", "2026-Q3", "2026-Q2", "2026-Q1"]);
    expect(choices.half.map((p) => periodLabel(p, "vi"))).toEqual(["6 tháng cuối năm 2026", "6 tháng đầu năm 2026"]);
    expect(choices.year.map((p) => periodLabel(p, "vi"))).toEqual(["Năm 2026", "Năm 2025"]);
    expect(periodLabel(periodOf("quarter", "2026-11-23"), "vi")).toBe("Quý IV/2026");
  });
});
