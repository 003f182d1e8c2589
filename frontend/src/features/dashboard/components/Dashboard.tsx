import { Col, Row } from "antd";

import { LoadingScreen } from "../../../components/LoadingScreen";
import { PageHeader } from "../../../components/PageHeader";
import { ProblemAlert } from "../../../components/ProblemAlert";
import { useT } from "../../../lib/i18n";
import { useScopedTaskCounts } from "../hooks/use-dashboard-data";
import { useDashboardScope, type DashboardScope } from "../hooks/use-dashboard-scope";
import { useMessages } from "../i18n";
import { AgencyBlock } from "./AgencyBlock";
import { CompletenessBlock } from "./CompletenessBlock";
import "./dashboard.css";
import { IndicatorsBlock } from "./IndicatorsBlock";
import { KpiCards } from "./KpiCards";
import { SectionBlock } from "./SectionBlock";
import { StatusBlock } from "./StatusBlock";
import { DueSoonBlock, OverdueBlock, RecentUpdatesBlock } from "./TaskLists";

/** "Tổng quan": the province's (or the caller's agency's) tasks and indicators at a glance. */
export function Dashboard() {
  const t = useT();
  const m = useMessages();
  const { scope, me } = useDashboardScope();
  const title = t("nav.overview");
  if (me.error) {
    return (
      <div className="page">
        <PageHeader title={title} />
        <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (!scope) return <LoadingScreen />;
  const scopeName = scope.provinceWide ? m("scope.province") : m("scope.agency", { agency: scope.agencyName });
  return (
    <div className="page page--wide">
      <PageHeader
        title={title}
        subtitle={<span data-testid="dashboard-scope">{m("scope.label", { scope: scopeName })}</span>}
      />
      <DashboardBlocks scope={scope} />
    </div>
  );
}

function DashboardBlocks({ scope }: { scope: DashboardScope }) {
  const counts = useScopedTaskCounts(scope);
  return (
    <div className="stack">
      <KpiCards scope={scope} counts={counts} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <StatusBlock scope={scope} counts={counts} />
        </Col>
        <Col xs={24} lg={12}>
          <RecentUpdatesBlock scope={scope} />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <OverdueBlock scope={scope} />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <DueSoonBlock scope={scope} />
        </Col>
        <Col xs={24} xl={8}>
          <CompletenessBlock />
        </Col>
        <Col xs={24} xl={12}>
          <AgencyBlock scope={scope} />
        </Col>
        <Col xs={24} xl={12}>
          <SectionBlock scope={scope} />
        </Col>
        <Col xs={24}>
          <IndicatorsBlock />
        </Col>
      </Row>
    </div>
  );
}
