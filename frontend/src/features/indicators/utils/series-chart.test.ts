import { describe, expect, it } from "vitest";

import { series } from "../testing/fixtures";
import { projectionSentence, seriesChartOption, type SeriesChartContext } from "./series-chart";

const ctx: SeriesChartContext = {
  milestoneYear: 2030,
  periodicity: "year",
  unitLabel: "%",
  lang: "vi",
  labels: {
    accepted: "Số liệu đã chấp nhận",
    projection: "Dự báo",
    target: "Chỉ tiêu",
    targetAt: (year, target) => `Chỉ tiêu ${year}: ${target}`,
  },
};

interface LineSeries {
  name: string;
  data: unknown[];
  lineStyle?: { type?: string };
  markLine?: { data: { yAxis: number; name: string }[] };
}

function option(input = series()) {
  const built = seriesChartOption(input, ctx) as { xAxis: { data: string[] }; series: LineSeries[] } | null;
  if (!built) throw new Error("no option");
  return built;
}

const byName = (name: string, all: LineSeries[]) => all.find((s) => s.name === name);

describe("seriesChartOption", () => {
  it("runs the period axis from the first figure to the milestone year", () => {
    expect(option().xAxis.data).toEqual(["2024", "2025", "2026", "2027", "2028", "2029", "2030"]);
  });

  it("draws accepted values only, at their periods", () => {
    const input = series({
      province: [
        ...series().province,
        { period: "2026", period_label: "Năm 2026", end: "2026-12-31", value: null, reported: 0, expected: 1, demo: false },
      ],
    });
    const accepted = byName("Số liệu đã chấp nhận", option(input).series);
    expect(accepted?.data).toEqual([58.58, 66.15, null, null, null, null, null]);
    // the agency's submitted 99 is not accepted yet: it is on no line
    expect(JSON.stringify(option(input).series.map((s) => s.data))).not.toContain("99");
  });

  it("marks the milestone target as a line at its value", () => {
    const accepted = byName("Số liệu đã chấp nhận", option().series);
    expect(accepted?.markLine?.data).toEqual([{ yAxis: 100, name: "Chỉ tiêu 2030: ≥ 100 %" }]);
    const points = byName("Chỉ tiêu", option().series);
    expect(points?.data[6]).toEqual({ value: 100, name: "Chỉ tiêu 2030: ≥ 100 %" });
  });

  it("marks both ends of a range target", () => {
    const input = series({
      targets: [{ year: 2030, indicator_id: "x", comparator: "range", value: null, low: "80", high: "90" }],
    });
    const accepted = byName("Số liệu đã chấp nhận", option(input).series);
    expect(accepted?.markLine?.data.map((line) => line.yAxis)).toEqual([80, 90]);
    expect(accepted?.markLine?.data[0]?.name).toBe("Chỉ tiêu 2030: 80–90 %");
  });

  it("draws the projection to the milestone as a dashed line", () => {
    const projection = byName("Dự báo", option().series);
    expect(projection?.lineStyle?.type).toBe("dashed");
    expect(projection?.data).toEqual([null, 66.15, null, null, null, null, 100]);
    expect(byName("Số liệu đã chấp nhận", option().series)?.lineStyle?.type).toBe("solid");
  });

  it("has nothing to draw without accepted values or a projection", () => {
    expect(seriesChartOption(series({ province: [], projection: [] }), ctx)).toBeNull();
  });
});

describe("projectionSentence", () => {
  const words = {
    sentence: (year: number, value: string, target: string) => `Dự báo đến ${year}: ${value} so với chỉ tiêu ${target}.`,
    none: (year: number) => `Chưa đủ số liệu để dự báo đến mốc ${year}.`,
  };

  it("says where the trend leads by the milestone", () => {
    expect(projectionSentence(series(), ctx, words)).toBe("Dự báo đến 2030: 100 % so với chỉ tiêu ≥ 100 %.");
  });

  it("says so when there is no projection", () => {
    expect(projectionSentence(series({ projection: [] }), ctx, words)).toBe("Chưa đủ số liệu để dự báo đến mốc 2030.");
  });
});
