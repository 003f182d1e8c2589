import type { ChartOption } from "../../../components/Chart";
import { SHARE_COLORS } from "./colors";

export type ShareKey = keyof typeof SHARE_COLORS;
export type ShareSeriesNames = Record<ShareKey, string>;

interface ShareRow {
  tasks: number;
  completed: number;
  overdue: number;
}

interface ShareBarsInput<R> {
  labelWidth: number;
  names: ShareSeriesNames;
  /** The bar's name on the axis. */
  label: (row: R) => string;
  /** What a click on the bar needs to know (the agency or section it stands for). */
  datum: (row: R) => Record<string, unknown>;
}

/** Horizontal bars of done / overdue / still open tasks, one bar per agency or section. */
export function shareBarsOption<R extends ShareRow>(rows: readonly R[], input: ShareBarsInput<R>): ChartOption {
  const series = (key: ShareKey, value: (row: R) => number) => ({
    name: input.names[key],
    type: "bar",
    stack: "tasks",
    barMaxWidth: 20,
    itemStyle: { color: SHARE_COLORS[key] },
    data: rows.map((row) => ({ value: value(row), ...input.datum(row) })),
  });
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, confine: true },
    grid: { left: 8, right: 16, top: 8, bottom: 8 },
    xAxis: { type: "value", minInterval: 1, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map(input.label),
      axisLabel: { width: input.labelWidth, overflow: "truncate" },
    },
    series: [
      series("completed", (row) => row.completed),
      series("overdue", (row) => row.overdue),
      series("open", (row) => Math.max(0, row.tasks - row.completed - row.overdue)),
    ],
  };
}
