import { Card, Col, Descriptions, Grid, Row, Skeleton, Typography } from "antd";
import { useMemo, useRef } from "react";
import { Link, useSearchParams } from "react-router-dom";

import { PageHeader } from "../../../components/PageHeader";
import { ProblemAlert } from "../../../components/ProblemAlert";
import { QueryState } from "../../../components/QueryState";
import { paths, withQuery } from "../../../config/paths";
import { ApiError } from "../../../lib/api";
import { formatDate } from "../../../lib/format";
import { useT } from "../../../lib/i18n";
import { useIndicatorPlans, type IndicatorPlan } from "../api/indicator-plans";
import { usePlan, usePlanGraph, usePlanSections, type Plan } from "../api/plans";
import { useMessages } from "../i18n";
import { planName } from "../utils/graph";
import { buildSectionTree, sectionTitle } from "../utils/sections";
import "./plans.css";
import { SectionNav } from "./SectionNav";
import { SectionTasks } from "./SectionTasks";

/** The indicators service names plans by key (7316-KH-UBND); fall back to the printed number. */
export function matchIndicatorPlan(plan: Pick<Plan, "key" | "symbol">, known: readonly IndicatorPlan[]) {
  return (
    known.find((candidate) => plan.key && candidate.key === plan.key) ??
    known.find((candidate) => /\d/.test(plan.symbol) && candidate.symbol === plan.symbol)
  );
}

function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 422);
}

export function PlanDetail({ planId }: { planId: string }) {
  const t = useT();
  const plan = usePlan(planId);
  if (plan.isPending) {
    return (
      <div className="page page--wide" role="status" aria-busy="true">
        <Skeleton active paragraph={{ rows: 6 }} />
      </div>
    );
  }
  if (!plan.data) {
    if (isNotFound(plan.error)) return <PlanNotFound />;
    return (
      <div className="page page--wide">
        <PageHeader title={t("nav.plans")} crumbs={[{ to: paths.plans, label: t("nav.plans") }]} />
        <ProblemAlert error={plan.error} onRetry={() => void plan.refetch()} />
      </div>
    );
  }
  return <PlanScreen plan={plan.data} key={plan.data.id} />;
}

function PlanNotFound() {
  const t = useT();
  const m = useMessages();
  return (
    <div className="page">
      <PageHeader title={m("plan.notFound")} crumbs={[{ to: paths.plans, label: t("nav.plans") }]} />
      <Typography.Paragraph>{m("plan.notFoundBody")}</Typography.Paragraph>
      <Link to={paths.plans}>{m("plan.back")}</Link>
    </div>
  );
}

function PlanScreen({ plan }: { plan: Plan }) {
  const t = useT();
  const m = useMessages();
  const [search, setSearch] = useSearchParams();
  const sectionId = search.get("section");
  const indicatorPlans = useIndicatorPlans();
  const indicatorPlan = indicatorPlans.data ? matchIndicatorPlan(plan, indicatorPlans.data) : undefined;
  const tasksHeading = useRef<HTMLHeadingElement>(null);
  const screens = Grid.useBreakpoint();
  const sections = usePlanSections(plan.id);
  const tree = useMemo(() => buildSectionTree(sections.data ?? []), [sections.data]);
  const selected = sections.data?.find((section) => section.id === sectionId);
  const total = tree.reduce((sum, node) => sum + node.total, 0);

  const select = (next: string | null) => {
    setSearch(next ? { section: next } : {}, { replace: true });
    // on a phone the list is below the sections: take the reader there
    if (!screens.lg) requestAnimationFrame(() => tasksHeading.current?.focus());
  };

  return (
    <div className="page page--wide">
      <PageHeader
        title={planName(plan)}
        subtitle={plan.title}
        crumbs={[{ to: paths.plans, label: t("nav.plans") }, { label: planName(plan) }]}
        actions={
          <>
            <Link
              className="plan-action"
              to={withQuery(paths.agencyTasks, { plan_id: plan.id, section_id: sectionId, mine: false })}
            >
              {m("plan.openTasks")}
            </Link>
            {indicatorPlan && (
              <Link className="plan-action" to={withQuery(paths.indicators, { plan: indicatorPlan.key })}>
                {m("plan.indicators", { count: indicatorPlan.indicators })}
              </Link>
            )}
          </>
        }
      />
      <div className="stack">
        <Card className="plans-card">
          <PlanFacts plan={plan} />
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={9}>
            <Card className="plans-card">
              <Typography.Title level={2} className="plans-h2" id="plan-sections-title">
                {m("sections.title")}
              </Typography.Title>
              <QueryState
                query={sections}
                isEmpty={(data) => data.length === 0}
                empty={m("sections.empty")}
                skeletonRows={10}
              >
                {() => <SectionNav nodes={tree} total={total} selected={selected?.id ?? null} onSelect={select} />}
              </QueryState>
            </Card>
          </Col>
          <Col xs={24} lg={15}>
            <Card className="plans-card">
              <Typography.Title level={2} className="plans-h2" id="plan-tasks-title" tabIndex={-1} ref={tasksHeading}>
                {selected ? m("tasks.titleOf", { section: sectionTitle(selected) }) : m("tasks.title")}
              </Typography.Title>
              <SectionTasks planId={plan.id} sectionId={selected?.id ?? null} />
            </Card>
          </Col>
        </Row>
      </div>
    </div>
  );
}

function PlanFacts({ plan }: { plan: Plan }) {
  const m = useMessages();
  const graph = usePlanGraph();
  const byId = new Map((graph.data?.plans ?? []).map((p) => [p.id, p]));
  const parents = plan.parent_ids.map((id) => byId.get(id)).filter((p) => p !== undefined);
  const children = (graph.data?.edges ?? [])
    .filter((edge) => edge.parent_id === plan.id)
    .map((edge) => byId.get(edge.plan_id))
    .filter((p) => p !== undefined);
  const links = (list: Plan[]) =>
    list.length === 0 ? (
      m("plan.none")
    ) : (
      <ul className="plan-links">
        {list.map((p) => (
          <li key={p.id}>
            <Link to={paths.plan(p.id)}>{planName(p)}</Link>
          </li>
        ))}
      </ul>
    );
  return (
    <Descriptions
      className="plan-facts"
      column={{ xs: 1, md: 2 }}
      size="small"
      items={[
        { key: "symbol", label: m("col.symbol"), children: plan.symbol || "—" },
        { key: "kind", label: m("plan.kind"), children: plan.kind },
        {
          key: "issued",
          label: m("col.issued"),
          children: plan.issued_on ? formatDate(plan.issued_on) : (plan.issued_text ?? "—"),
        },
        { key: "issuer", label: m("col.issuer"), children: plan.issuer },
        { key: "tasks", label: m("col.tasks"), children: plan.task_count },
        { key: "implements", label: m("plan.implements"), children: links(parents) },
        ...(children.length
          ? [{ key: "implementedBy", label: m("plan.implementedBy"), children: links(children) }]
          : []),
      ]}
    />
  );
}
