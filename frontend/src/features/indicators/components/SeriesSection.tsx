import { Empty, Tag, Typography } from "antd";
import { useMemo } from "react";

import { Chart } from "../../../components/Chart";
import { QueryState } from "../../../components/QueryState";
import { useIndicatorSeries } from "../api/indicators";
import type { IndicatorDetail, Series } from "../api/types";
import { useMessages, useVocabulary } from "../i18n";
import { formatQuantity, formatTarget } from "../utils/format";
import { lastPeriodOfYear, periodLabel } from "../utils/periods";
import { acceptedRows, projectionSentence, seriesChartOption, type SeriesChartContext } from "../utils/series-chart";

function useChartContext(indicator: IndicatorDetail): SeriesChartContext {
  const t = useMessages();
  const { lang } = useVocabulary();
  return useMemo(
    () => ({
      milestoneYear: indicator.milestone_year,
      periodicity: indicator.periodicity,
      unitLabel: indicator.unit_label,
      lang,
      labels: {
        accepted: t("chart.accepted"),
        projection: t("chart.projection"),
        target: t("chart.target"),
        targetAt: (year: number, target: string) => t("chart.targetAt", { year, target }),
      },
    }),
    [indicator.milestone_year, indicator.periodicity, indicator.unit_label, lang, t],
  );
}

function TargetsByMilestone({ series, unitLabel }: { series: Series; unitLabel: string | null }) {
  const t = useMessages();
  const { lang } = useVocabulary();
  const targets = [...series.targets].sort((a, b) => a.year - b.year);
  if (targets.length === 0) return null;
  return (
    <div className="indicator-targets">
      <Typography.Title level={3} className="indicator-subtitle">
        {t("detail.targetsHeading")}
      </Typography.Title>
      <ul className="indicator-targets__list" data-testid="indicator-targets">
        {targets.map((target) => (
          <li key={`${target.year}-${target.indicator_id}`}>
            {t("target.milestone", { year: target.year })}:{" "}
            <strong className="indicator-nowrap">{formatTarget({ ...target }, series.unit_label ?? unitLabel, lang) ?? t("target.qualitative")}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The chart's numbers for those who cannot see it: every accepted period, the projection, and one sentence. */
function SeriesTable({ series, ctx }: { series: Series; ctx: SeriesChartContext }) {
  const t = useMessages();
  const unit = series.unit_label ?? ctx.unitLabel;
  const rows = acceptedRows(series, ctx.lang);
  const last = rows[rows.length - 1];
  const lastYear = last ? Number(last.period.slice(0, 4)) : 0;
  const ahead = series.projection.filter((point) => point.year > lastYear);
  return (
    <div className="indicator-table-wrap">
      <table className="indicator-table" data-testid="indicator-series-table">
        <caption>{t("chart.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("chart.colPeriod")}</th>
            <th scope="col">{t("chart.colValue")}</th>
            <th scope="col">{t("chart.colStatus")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.period} data-period={row.period}>
              <th scope="row">{row.label}</th>
              <td>{formatQuantity(row.value, unit, ctx.lang)}</td>
              <td>
                {t("chart.rowAccepted", { reported: row.reported, expected: row.expected })}
                {row.demo && (
                  <Tag className="indicator-demo" variant="outlined">
                    {t("chart.demo")}
                  </Tag>
                )}
              </td>
            </tr>
          ))}
          {ahead.map((point) => (
            <tr key={`projection-${point.year}`} data-period={`projection-${point.year}`}>
              <th scope="row">{periodLabel(lastPeriodOfYear(point.year, ctx.periodicity), ctx.lang)}</th>
              <td>{formatQuantity(point.value, unit, ctx.lang)}</td>
              <td>{t("chart.rowProjection")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SeriesSection({ indicator }: { indicator: IndicatorDetail }) {
  const t = useMessages();
  const series = useIndicatorSeries(indicator.id);
  const ctx = useChartContext(indicator);
  const option = useMemo(() => (series.data ? seriesChartOption(series.data, ctx) : null), [series.data, ctx]);
  const qualitative = indicator.comparator === "qualitative";
  const reason = typeof indicator.assessment.reason === "string" ? indicator.assessment.reason : null;

  return (
    <section aria-labelledby="indicator-chart-title" className="indicator-section">
      <Typography.Title level={2} id="indicator-chart-title" className="indicator-section-title">
        {t("chart.heading")}
      </Typography.Title>
      <QueryState query={series} skeletonRows={8}>
        {(data) => (
          <>
            <TargetsByMilestone series={data} unitLabel={indicator.unit_label} />
            {qualitative ? (
              <p>{t("chart.qualitative")}</p>
            ) : option ? (
              <>
                <Chart option={option} label={t("chart.label", { name: indicator.text })} height={300} testId="indicator-chart" />
                <p data-testid="indicator-projection-sentence" className="indicator-sentence">
                  {projectionSentence(data, ctx, {
                    sentence: (year, value, target) => t("chart.projectionSentence", { year, value, target }),
                    none: (year) => t("chart.noProjection", { year }),
                  })}
                </p>
                <SeriesTable series={data} ctx={ctx} />
              </>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("chart.empty")} />
            )}
            {reason && <p className="indicator-muted">{reason}</p>}
          </>
        )}
      </QueryState>
    </section>
  );
}
