import { useMemo } from "react";
import { Link, useNavigate } from "react-router-dom";

import { Chart, type ChartOption } from "../../../components/Chart";
import { QueryState } from "../../../components/QueryState";
import { useScorecard, type IndicatorStatus, type Scorecard } from "../api/indicators";
import { useLabelWidth } from "../hooks/use-label-width";
import { useMessages } from "../i18n";
import { INDICATOR_STATUS_COLORS } from "../utils/colors";
import { indicatorsLink } from "../utils/links";
import { Block, ColorKey, FiguresDetails } from "./Block";

// Best to worst, the order of the stack and of the table's columns.
export const INDICATOR_STATUSES: readonly IndicatorStatus[] = [
  "achieved",
  "on_track",
  "needs_acceleration",
  "at_risk",
  "no_data",
];

const BAR = 30;
const MIN_HEIGHT = 12 * BAR + 90;

export function indicatorLink(sector: string, status: IndicatorStatus): string {
  return indicatorsLink({ sector, status });
}

function scorecardOption(labelWidth: number, card: Scorecard): ChartOption {
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, confine: true },
    grid: { left: 8, right: 16, top: 8, bottom: 8 },
    xAxis: { type: "value", minInterval: 1, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: "category",
      inverse: true,
      data: card.rows.map((row) => row.label),
      axisLabel: { width: labelWidth, overflow: "truncate" },
    },
    series: INDICATOR_STATUSES.map((status) => ({
      name: card.status_labels[status] ?? status,
      type: "bar",
      stack: "indicators",
      barMaxWidth: 20,
      itemStyle: { color: INDICATOR_STATUS_COLORS[status] },
      data: card.rows.map((row) => ({ value: row.counts[status] ?? 0, sector: row.key, status })),
    })),
  };
}

/** The service scopes the scorecard to what the caller may see, so the dashboard sends no agency filter. */
export function IndicatorsBlock() {
  const m = useMessages();
  const scorecard = useScorecard({ by: "sector" });
  return (
    <Block id="indicators" title={m("indicators.title")} minHeight={MIN_HEIGHT} loading={scorecard.isPending}>
      <QueryState
        query={scorecard}
        isEmpty={(card) => card.rows.length === 0}
        empty={m("indicators.empty")}
        skeletonRows={12}
      >
        {(card) => <ScorecardChart card={card} />}
      </QueryState>
    </Block>
  );
}

function ScorecardChart({ card }: { card: Scorecard }) {
  const m = useMessages();
  const labelWidth = useLabelWidth();
  const navigate = useNavigate();
  const option = useMemo(() => scorecardOption(labelWidth, card), [labelWidth, card]);
  const summary = INDICATOR_STATUSES.map(
    (status) => `${card.status_labels[status] ?? status}: ${card.total.counts[status] ?? 0}`,
  ).join("; ");
  return (
    <>
      <ColorKey
        items={INDICATOR_STATUSES.map((status) => ({
          name: card.status_labels[status] ?? status,
          color: INDICATOR_STATUS_COLORS[status] ?? "#8595a8",
        }))}
      />
      <Chart
        option={option}
        height={card.rows.length * BAR + 32}
        label={m("indicators.chart", { summary })}
        testId="indicators-chart"
        onClick={(event) => {
          const data = event.data as { sector?: string; status?: IndicatorStatus } | null;
          if (data?.sector && data.status) void navigate(indicatorLink(data.sector, data.status));
        }}
      />
      <FiguresDetails summary={m("data.show")}>
        <table className="dash-table">
          <thead>
            <tr>
              <th scope="col">{m("col.sector")}</th>
              {INDICATOR_STATUSES.map((status) => (
                <th scope="col" key={status}>
                  {card.status_labels[status] ?? status}
                </th>
              ))}
              <th scope="col">{m("col.total")}</th>
            </tr>
          </thead>
          <tbody>
            {card.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  <Link to={indicatorsLink({ sector: row.key })}>{row.label}</Link>
                </th>
                {INDICATOR_STATUSES.map((status) => {
                  const count = row.counts[status] ?? 0;
                  const label = card.status_labels[status] ?? status;
                  return (
                    <td key={status}>
                      {count > 0 ? (
                        <Link
                          to={indicatorLink(row.key, status)}
                          aria-label={m("indicators.cell", { sector: row.label, status: label, count })}
                        >
                          {count}
                        </Link>
                      ) : (
                        count
                      )}
                    </td>
                  );
                })}
                <td>{row.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </FiguresDetails>
    </>
  );
}
