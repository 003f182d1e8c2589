import { Button, Skeleton, Typography } from "antd";

import { ProblemAlert } from "../../../components/ProblemAlert";
import { formatNumber } from "../../../lib/format";
import { useScorecard } from "../api/indicators";
import type { IndicatorFilters, IndicatorStatus } from "../api/types";
import { STATUSES, useMessages, useVocabulary } from "../i18n";

interface ScorecardSummaryProps {
  filters: IndicatorFilters;
  onToggleStatus: (status: IndicatorStatus) => void;
}

/** How many indicators of the filtered set stand where; each count filters the list to that status. */
export function ScorecardSummary({ filters, onToggleStatus }: ScorecardSummaryProps) {
  const t = useMessages();
  const vocabulary = useVocabulary();
  const scorecard = useScorecard(filters);
  const selected = new Set(filters.status ?? []);

  return (
    <section className="indicator-score" aria-labelledby="indicator-score-title">
      <Typography.Title level={2} id="indicator-score-title" className="indicator-section-title">
        {t("score.heading")}
      </Typography.Title>
      {scorecard.isPending ? (
        <div role="status" aria-busy="true" className="indicator-score__skeleton">
          <Skeleton.Input active block />
        </div>
      ) : scorecard.error || !scorecard.data ? (
        <ProblemAlert error={scorecard.error} onRetry={() => void scorecard.refetch()} />
      ) : (
        <div className="indicator-score__body">
          <p className="indicator-score__total">
            <span>{t("score.total")}: </span>
            <strong data-testid="indicator-score-total">{formatNumber(scorecard.data.total.total, vocabulary.lang)}</strong>
            {scorecard.data.total.mean_attainment !== null && (
              <span className="indicator-muted">
                {" · "}
                {t("score.attainment")}: {formatNumber(Number(scorecard.data.total.mean_attainment) * 100, vocabulary.lang, 0)} %
              </span>
            )}
          </p>
          <ul className="indicator-score__counts">
            {STATUSES.map((status) => {
              const count = scorecard.data.total.counts[status] ?? 0;
              const label = vocabulary.status(status);
              return (
                <li key={status}>
                  <Button
                    size="small"
                    className={`indicator-score__count indicator-score__count--${status}`}
                    aria-pressed={selected.has(status)}
                    aria-label={t("score.filterBy", { label, count })}
                    onClick={() => onToggleStatus(status)}
                  >
                    <span>{label}</span>
                    <strong>{formatNumber(count, vocabulary.lang)}</strong>
                  </Button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
