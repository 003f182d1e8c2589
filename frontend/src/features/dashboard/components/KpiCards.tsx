import { Col, Row, Skeleton, Typography } from "antd";
import type { CSSProperties } from "react";
import { Link } from "react-router-dom";

import { ProblemAlert } from "../../../components/ProblemAlert";
import { useI18n } from "../../../lib/i18n";
import { formatNumber } from "../../../lib/format";
import type { TaskCounts } from "../api/task-counts";
import type { DashboardScope } from "../hooks/use-dashboard-scope";
import { useScopedTaskCounts } from "../hooks/use-dashboard-data";
import { useMessages } from "../i18n";
import { buildKpis, DUE_SOON_DAYS } from "../utils/kpis";

interface KpiCardsProps {
  scope: DashboardScope;
  counts: { data: TaskCounts | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
}

const COLS = { xs: 12, sm: 8, xl: 4 } as const;

export function KpiCards({ scope, counts }: KpiCardsProps) {
  const m = useMessages();
  const { lang } = useI18n();
  const dueSoon = useScopedTaskCounts(scope, { due_within_days: DUE_SOON_DAYS });
  const shown = (value: number | undefined) => (value === undefined ? "…" : formatNumber(value, lang));

  return (
    <section aria-labelledby="dashboard-kpis-title" data-testid="dashboard-kpis">
      <Typography.Title level={2} id="dashboard-kpis-title" className="visually-hidden">
        {m("kpi.heading")}
      </Typography.Title>
      {counts.error ? (
        <ProblemAlert error={counts.error} onRetry={() => void counts.refetch()} />
      ) : (
        <Row gutter={[12, 12]} className="dash-kpis" role="list">
          {counts.data
            ? buildKpis(scope, counts.data, dueSoon.data?.total).map((kpi) => (
                <Col {...COLS} key={kpi.key} role="listitem">
                  <Link
                    to={kpi.to}
                    className="dash-kpi"
                    style={{ "--kpi-accent": kpi.accent } as CSSProperties}
                    data-testid={`kpi-${kpi.key}`}
                    aria-label={`${m(`kpi.${kpi.key}`)}: ${shown(kpi.value)}`}
                  >
                    <span className="dash-kpi__label">{m(`kpi.${kpi.key}`)}</span>
                    <span className="dash-kpi__value">
                      {shown(kpi.value)}
                    </span>
                  </Link>
                </Col>
              ))
            : Array.from({ length: 6 }, (_, index) => (
                <Col {...COLS} key={index} role="listitem">
                  <div className="dash-kpi--skeleton" aria-busy="true">
                    <Skeleton active title={false} paragraph={{ rows: 2 }} />
                  </div>
                </Col>
              ))}
        </Row>
      )}
    </section>
  );
}
