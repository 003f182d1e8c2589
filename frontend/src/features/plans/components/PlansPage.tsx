import { Card, Col, Row, Typography } from "antd";
import { useMemo } from "react";

import { PageHeader } from "../../../components/PageHeader";
import { QueryState } from "../../../components/QueryState";
import { useT } from "../../../lib/i18n";
import { usePlanGraph, usePlans } from "../api/plans";
import { useMessages } from "../i18n";
import { buildPlanTree } from "../utils/graph";
import { PlanGraphChart } from "./PlanGraphChart";
import { PlanList } from "./PlanList";
import { PlanTree } from "./PlanTree";
import "./plans.css";

/** "Kế hoạch": which document implements which (a list and a diagram), then every document. */
export function PlansPage() {
  const t = useT();
  const m = useMessages();
  const graph = usePlanGraph();
  const plans = usePlans();
  const tree = useMemo(() => (graph.data ? buildPlanTree(graph.data) : []), [graph.data]);
  return (
    <div className="page page--wide">
      <PageHeader title={t("nav.plans")} subtitle={m("plans.subtitle")} />
      <div className="stack">
        <section aria-labelledby="plans-graph-title">
          <Card className="plans-card">
            <Typography.Title level={2} id="plans-graph-title" className="plans-h2">
              {m("graph.title")}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{m("graph.intro")}</Typography.Paragraph>
            <QueryState
              query={graph}
              isEmpty={(data) => data.plans.length === 0}
              empty={m("graph.empty")}
              skeletonRows={10}
            >
              {(data) => (
                <Row gutter={[24, 16]}>
                  <Col xs={24} lg={9}>
                    <PlanTree nodes={tree} />
                  </Col>
                  <Col xs={24} lg={15}>
                    <PlanGraphChart graph={data} />
                  </Col>
                </Row>
              )}
            </QueryState>
          </Card>
        </section>
        <section aria-labelledby="plans-list-title">
          <Card className="plans-card">
            <Typography.Title level={2} id="plans-list-title" className="plans-h2">
              {m("list.title")}
            </Typography.Title>
            <QueryState query={plans} isEmpty={(data) => data.length === 0} empty={m("list.empty")} skeletonRows={8}>
              {(data) => <PlanList plans={data} />}
            </QueryState>
          </Card>
        </section>
      </div>
    </div>
  );
}
