import type { ChartOption } from "../../../components/Chart";
import type { Lang } from "../../../lib/i18n";
import type { Periodicity, Series, TargetPoint } from "../api/types";
import { formatQuantity, formatTarget } from "./format";
import { lastPeriodOfYear, parsePeriod, periodLabel, periodsBetween } from "./periods";

export interface SeriesChartContext {
  /** The indicator's own milestone: its target is drawn as a line across the chart. */
  milestoneYear: number;
  periodicity: Periodicity;
  unitLabel: string | null;
  lang: Lang;
  labels: { accepted: string; projection: string; target: string; targetAt: (year: number, target: string) => string };
}

export interface SeriesRow {
  period: string;
  label: string;
  value: number;
  reported: number;
  expected: number;
  demo: boolean;
}

const COLORS = { accepted: "#1d4ed8", projection: "#6b7280", target: "#c2410c" };

/** Province points that carry a number: the API aggregates them from accepted values only. */
export function acceptedRows(series: Series, lang: Lang): SeriesRow[] {
  return series.province
    .filter((point) => point.value !== null && Number.isFinite(Number(point.value)))
    .map((point) => ({
      period: point.period,
      label: point.period_label || periodLabel(point.period, lang),
      value: Number(point.value),
      reported: point.reported,
      expected: point.expected,
      demo: point.demo,
    }));
}

function axisLabel(code: string, lang: Lang): string {
  const period = parsePeriod(code);
  return period?.kind === "year" ? String(period.year) : periodLabel(code, lang);
}

function targetNumber(target: TargetPoint): number | null {
  const raw = target.value ?? target.low;
  return raw === null ? null : Number(raw);
}

/** The periods along the x axis: from the first figure to the furthest milestone or projection year. */
function categories(series: Series, rows: SeriesRow[], ctx: SeriesChartContext): string[] {
  const kind = ctx.periodicity;
  const ends = [
    ...rows.map((row) => row.period),
    ...series.projection.map((point) => lastPeriodOfYear(point.year, kind)),
    ...series.targets.map((target) => lastPeriodOfYear(target.year, kind)),
    lastPeriodOfYear(ctx.milestoneYear, kind),
  ].filter((code) => parsePeriod(code)?.kind === kind);
  const order = (code: string) => {
    const p = parsePeriod(code);
    return p ? p.year * 10 + p.number : 0;
  };
  ends.sort((a, b) => order(a) - order(b));
  const first = ends[0];
  const last = ends[ends.length - 1];
  return first && last ? periodsBetween(first, last) : [];
}

/**
 * The ECharts option for one indicator: accepted province values as a solid line, the projection to the
 * milestone as a dashed line, the milestone target as a horizontal mark line and every milestone's target
 * as a point. Pure, so the drawing rules are tested without a canvas.
 */
export function seriesChartOption(series: Series, ctx: SeriesChartContext): ChartOption | null {
  const rows = acceptedRows(series, ctx.lang);
  if (rows.length === 0 && series.projection.length === 0) return null;
  const codes = categories(series, rows, ctx);
  const index = new Map(codes.map((code, i) => [code, i]));
  const unit = series.unit_label ?? ctx.unitLabel;
  const blank = (): (number | null)[] => codes.map(() => null);

  const accepted = blank();
  for (const row of rows) {
    const at = index.get(row.period);
    if (at !== undefined) accepted[at] = row.value;
  }

  const projection = blank();
  for (const point of series.projection) {
    const at = index.get(lastPeriodOfYear(point.year, ctx.periodicity));
    if (at !== undefined) projection[at] = Number(point.value);
  }

  const targetPoints = blank();
  const targetNames: (string | null)[] = codes.map(() => null);
  for (const target of series.targets) {
    const at = index.get(lastPeriodOfYear(target.year, ctx.periodicity));
    const value = targetNumber(target);
    const text = formatTarget({ ...target }, unit, ctx.lang);
    if (at === undefined || value === null || text === null) continue;
    targetPoints[at] = value;
    targetNames[at] = ctx.labels.targetAt(target.year, text);
  }

  const own = series.targets.find((target) => target.year === ctx.milestoneYear);
  const ownText = own ? formatTarget({ ...own }, unit, ctx.lang) : null;
  const lines =
    own && ownText
      ? (own.comparator === "range" ? [own.low, own.high] : [own.value])
          .filter((v): v is string => v !== null)
          .map((v) => ({ yAxis: Number(v), name: ctx.labels.targetAt(own.year, ownText) }))
      : [];

  const format = (value: unknown) =>
    typeof value === "number" ? formatQuantity(value, unit, ctx.lang) : value === null ? "—" : String(value);

  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, data: [ctx.labels.accepted, ctx.labels.projection, ctx.labels.target] },
    tooltip: { trigger: "axis", valueFormatter: format },
    xAxis: { type: "category", boundaryGap: false, data: codes.map((code) => axisLabel(code, ctx.lang)) },
    yAxis: { type: "value", name: unit ?? "", scale: false },
    series: [
      {
        name: ctx.labels.accepted,
        type: "line",
        data: accepted,
        connectNulls: true,
        symbolSize: 8,
        itemStyle: { color: COLORS.accepted },
        lineStyle: { width: 3, type: "solid" },
        markLine: {
          symbol: "none",
          silent: true,
          lineStyle: { color: COLORS.target, type: "solid", width: 2 },
          label: { position: "insideEndTop", formatter: "{b}" },
          data: lines,
        },
      },
      {
        name: ctx.labels.projection,
        type: "line",
        data: projection,
        connectNulls: true,
        symbol: "emptyCircle",
        symbolSize: 6,
        itemStyle: { color: COLORS.projection },
        lineStyle: { width: 2, type: "dashed" },
      },
      {
        name: ctx.labels.target,
        type: "line",
        data: targetPoints.map((value, i) => (value === null ? null : { value, name: targetNames[i] ?? "" })),
        symbol: "diamond",
        symbolSize: 14,
        itemStyle: { color: COLORS.target },
        lineStyle: { opacity: 0 },
      },
    ],
  };
}

/** The sentence under the chart: where the trend leads by the milestone, against its target. */
export function projectionSentence(
  series: Series,
  ctx: Pick<SeriesChartContext, "milestoneYear" | "unitLabel" | "lang">,
  words: { sentence: (year: number, value: string, target: string) => string; none: (year: number) => string },
): string {
  const unit = series.unit_label ?? ctx.unitLabel;
  const own = series.targets.find((target) => target.year === ctx.milestoneYear);
  const target = own ? formatTarget({ ...own }, unit, ctx.lang) : null;
  const point = series.projection.find((p) => p.year === ctx.milestoneYear) ?? series.projection[series.projection.length - 1];
  if (!point || target === null) return words.none(ctx.milestoneYear);
  return words.sentence(point.year, formatQuantity(point.value, unit, ctx.lang), target);
}
