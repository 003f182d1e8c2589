import { describe, expect, it } from "vitest";

import { foldAccents, formatDate, formatDateTime, formatNumber, todayInProvince } from "./format";

describe("format", () => {
  it("writes a calendar date as dd/mm/yyyy without shifting it", () => {
    expect(formatDate("2026-02-01")).toBe("01/02/2026");
  });

  it("writes an instant in Hà Nội time, not UTC", () => {
    // 17:30 UTC on 23/11 is 00:30 on 24/11 in the province
    expect(formatDate("2026-11-23T17:30:00Z")).toBe("24/11/2026");
    expect(formatDateTime("2026-11-23T17:30:00Z")).toBe("24/11/2026 00:30");
    expect(todayInProvince(new Date("2026-11-23T17:30:00Z"))).toBe("2026-11-24");
  });

  it("groups digits the Vietnamese way", () => {
    expect(formatNumber(1234567.5)).toBe("1.234.567,5");
    expect(formatNumber(1234567.5, "en")).toBe("1,234,567.5");
  });

  it("folds accents for search", () => {
    expect(foldAccents("Chuyển đổi số ĐỊA PHƯƠNG")).toBe("chuyen doi so dia phuong");
  });
});
