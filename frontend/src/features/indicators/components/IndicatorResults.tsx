import { ExclamationCircleOutlined } from "@ant-design/icons";
import { Button, Grid, Table, Tooltip, Typography, type TableColumnsType } from "antd";
import { useMemo } from "react";
import { Link } from "react-router-dom";

import { QueryState } from "../../../components/QueryState";
import { paths } from "../../../config/paths";
import { useIndicatorList, usePlans } from "../api/indicators";
import type { IndicatorFilters, IndicatorRead } from "../api/types";
import { useMessages, useVocabulary } from "../i18n";
import { formatQuantity, formatTarget, indicatorTarget } from "../utils/format";
import { periodLabel } from "../utils/periods";
import { StatusTag } from "./StatusTag";

interface SectorGroup {
  sector: IndicatorRead["sector"];
  label: string;
  items: IndicatorRead[];
}

/** Groups in the order the API lists them (by plan, milestone, number), a sector where it first appears. */
export function groupBySector(items: readonly IndicatorRead[]): SectorGroup[] {
  const groups = new Map<string, SectorGroup>();
  for (const item of items) {
    const group = groups.get(item.sector) ?? { sector: item.sector, label: item.sector_label, items: [] };
    group.items.push(item);
    groups.set(item.sector, group);
  }
  return [...groups.values()];
}

function useCells() {
  const t = useMessages();
  const { lang } = useVocabulary();
  const plans = usePlans();
  const symbols = useMemo(
    () => new Map((plans.data ?? []).map((plan) => [plan.key, plan.symbol.startsWith("/") ? plan.key : plan.symbol])),
    [plans.data],
  );
  return {
    name: (item: IndicatorRead) => (
      <>
        <Link to={paths.indicator(item.id)} className="indicator-name">
          {item.text}
        </Link>
        <div className="indicator-muted indicator-small">
          {symbols.get(item.plan_key) ?? item.plan_key}
          {item.needs_review && (
            <Tooltip title={t("detail.reviewFlag")}>
              <ExclamationCircleOutlined className="indicator-flag" aria-label={t("detail.reviewFlag")} role="img" />
            </Tooltip>
          )}
        </div>
      </>
    ),
    target: (item: IndicatorRead) => (
      <>
        <div>{t("target.milestone", { year: item.milestone_year })}</div>
        <strong className="indicator-nowrap">{formatTarget(indicatorTarget(item), item.unit_label, lang) ?? item.target_text ?? t("target.qualitative")}</strong>
      </>
    ),
    latest: (item: IndicatorRead) =>
      item.current_value !== null && item.current_period ? (
        <>
          <strong className="indicator-nowrap">{formatQuantity(item.current_value, item.unit_label, lang)}</strong>
          <div className="indicator-muted indicator-small">{periodLabel(item.current_period, lang)}</div>
        </>
      ) : (
        <span className="indicator-muted">{t("latest.none")}</span>
      ),
    monitoring: (item: IndicatorRead) => item.monitoring_agency?.name ?? item.monitoring_text,
  };
}

function GroupTable({ items }: { items: IndicatorRead[] }) {
  const t = useMessages();
  const cells = useCells();
  const columns: TableColumnsType<IndicatorRead> = [
    { key: "tt", title: t("col.tt"), width: 64, render: (_, item) => item.tt || "—" },
    { key: "name", title: t("col.name"), render: (_, item) => cells.name(item) },
    { key: "target", title: t("col.target"), width: 150, render: (_, item) => cells.target(item) },
    { key: "latest", title: t("col.latest"), width: 150, render: (_, item) => cells.latest(item) },
    { key: "status", title: t("col.status"), width: 170, render: (_, item) => <StatusTag status={item.status} /> },
    { key: "monitoring", title: t("col.monitoring"), width: 190, render: (_, item) => cells.monitoring(item) },
  ];
  return (
    <Table<IndicatorRead>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      scroll={{ x: 900 }}
      tableLayout="fixed"
    />
  );
}

function GroupCards({ items }: { items: IndicatorRead[] }) {
  const t = useMessages();
  const cells = useCells();
  return (
    <ul className="indicator-cards">
      {items.map((item) => (
        <li key={item.id} className="indicator-card">
          <div className="indicator-card__head">
            {item.tt && <span className="indicator-card__tt">{item.tt}</span>}
            <StatusTag status={item.status} />
          </div>
          {cells.name(item)}
          <dl className="indicator-card__facts">
            <div>
              <dt>{t("col.target")}</dt>
              <dd>{cells.target(item)}</dd>
            </div>
            <div>
              <dt>{t("col.latest")}</dt>
              <dd>{cells.latest(item)}</dd>
            </div>
            <div>
              <dt>{t("col.monitoring")}</dt>
              <dd>{cells.monitoring(item)}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** The filtered indicators, sector by sector: a table on a wide screen, cards on a phone; "Xem thêm" pages on. */
export function IndicatorResults({ filters }: { filters: IndicatorFilters }) {
  const t = useMessages();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useIndicatorList(filters);
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const groups = useMemo(() => groupBySector(items), [items]);

  return (
    <section
      aria-labelledby="indicator-list-title"
      aria-busy={list.isPlaceholderData}
      className={list.isPlaceholderData ? "indicator-results indicator-results--stale" : "indicator-results"}
    >
      <Typography.Title level={2} id="indicator-list-title" className="indicator-section-title">
        {t("list.heading")}
      </Typography.Title>
      <QueryState
        query={{ data: list.data, error: list.error, isPending: list.isPending, refetch: list.refetch }}
        isEmpty={() => items.length === 0}
        empty={t("list.empty")}
        skeletonRows={10}
      >
        {() => (
          <>
            {groups.map((group) => (
              <section key={group.sector} className="indicator-group" aria-labelledby={`indicator-group-${group.sector}`}>
                <Typography.Title level={3} id={`indicator-group-${group.sector}`} className="indicator-group__title">
                  {group.label}{" "}
                  <span className="indicator-muted indicator-small">({t("list.groupCount", { count: group.items.length })})</span>
                </Typography.Title>
                {phone ? <GroupCards items={group.items} /> : <GroupTable items={group.items} />}
              </section>
            ))}
            <div className="indicator-more">
              <span className="indicator-muted" role="status">
                {t("list.shown", { count: items.length })}
              </span>
              {list.hasNextPage && (
                <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  {t("list.more")}
                </Button>
              )}
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}
