import { WarningOutlined } from "@ant-design/icons";
import { Button, Descriptions, Tag, type DescriptionsProps } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";

import { paths, withQuery } from "../../../config/paths";
import type { IndicatorDetail } from "../api/types";
import { useMessages, useVocabulary } from "../i18n";
import { formatQuantity, formatTarget, indicatorTarget } from "../utils/format";
import { periodLabel } from "../utils/periods";
import { StatusTag } from "./StatusTag";

const SHOWN_CONTRIBUTORS = 6;

function Contributors({ indicator }: { indicator: IndicatorDetail }) {
  const t = useMessages();
  const [all, setAll] = useState(false);
  const names = indicator.contributors.map((share) => share.agency.name);
  if (names.length === 0) return <>{t("detail.none")}</>;
  const shown = all ? names : names.slice(0, SHOWN_CONTRIBUTORS);
  return (
    <>
      <span>{shown.join("; ")}</span>
      {names.length > SHOWN_CONTRIBUTORS && (
        <Button type="link" size="small" onClick={() => setAll((v) => !v)} aria-expanded={all}>
          {all ? t("detail.contributorsLess") : t("detail.contributorsMore", { count: names.length })}
        </Button>
      )}
    </>
  );
}

/** What the indicator is, who follows it, who reports it, and where else the same metric is targeted. */
export function IndicatorFacts({ indicator, planSymbol }: { indicator: IndicatorDetail; planSymbol: string }) {
  const t = useMessages();
  const vocabulary = useVocabulary();
  const { lang } = vocabulary;
  const target = formatTarget(indicatorTarget(indicator), indicator.unit_label, lang) ?? indicator.target_text ?? t("target.qualitative");

  const items: DescriptionsProps["items"] = [
    {
      key: "plan",
      label: t("detail.plan"),
      children: <Link to={withQuery(paths.indicators, { plan: indicator.plan_key })}>{planSymbol}</Link>,
    },
    {
      key: "sector",
      label: t("detail.sector"),
      children: <Link to={withQuery(paths.indicators, { sector: indicator.sector })}>{indicator.sector_label}</Link>,
    },
    { key: "part", label: t("detail.part"), children: indicator.part_label ?? t("detail.none") },
    { key: "unit", label: t("detail.unit"), children: indicator.unit_label ?? t("detail.none") },
    {
      key: "target",
      label: t("detail.targets"),
      children: (
        <>
          {t("target.milestone", { year: indicator.milestone_year })}: <strong className="indicator-nowrap">{target}</strong>
        </>
      ),
    },
    {
      key: "status",
      label: t("detail.status"),
      children: (
        <>
          <StatusTag status={indicator.status} />
          {indicator.current_value !== null && indicator.current_period && (
            <span className="indicator-current">
              {t("detail.currentValue")}: <strong className="indicator-nowrap">{formatQuantity(indicator.current_value, indicator.unit_label, lang)}</strong> (
              {periodLabel(indicator.current_period, lang)})
            </span>
          )}
        </>
      ),
    },
    {
      key: "monitoring",
      label: t("detail.monitoring"),
      children: indicator.monitoring_agency ? (
        <Link to={withQuery(paths.indicators, { monitoring_agency_id: indicator.monitoring_agency.id })}>
          {indicator.monitoring_agency.name}
        </Link>
      ) : (
        indicator.monitoring_text
      ),
    },
    { key: "contributors", label: t("detail.contributors"), children: <Contributors indicator={indicator} /> },
    { key: "periodicity", label: t("detail.periodicity"), children: t(`periodicity.${indicator.periodicity}`) },
  ];
  if (indicator.baseline_value !== null) {
    items.push({
      key: "baseline",
      label: t("detail.baseline"),
      children: t("detail.baselineValue", {
        value: formatQuantity(indicator.baseline_value, indicator.unit_label, lang),
        year: indicator.baseline_year ?? "—",
      }),
    });
  }
  if (indicator.parent_id) {
    items.push({ key: "parent", label: t("detail.parent"), children: <Link to={paths.indicator(indicator.parent_id)}>{t("detail.parentLink")}</Link> });
  }
  if (indicator.parts.length > 0) {
    items.push({
      key: "parts",
      label: t("detail.parts"),
      children: (
        <ul className="indicator-links">
          {indicator.parts.map((part) => (
            <li key={part.id}>
              <Link to={paths.indicator(part.id)}>
                {part.tt ? `${part.tt}. ` : ""}
                {part.text}
              </Link>{" "}
              <StatusTag status={part.status} />
            </li>
          ))}
        </ul>
      ),
    });
  }
  if (indicator.linked.length > 0) {
    items.push({
      key: "linked",
      label: t("detail.linked"),
      children: (
        <ul className="indicator-links">
          {indicator.linked.map((link) => (
            <li key={link.indicator_id}>
              <Link to={paths.indicator(link.indicator_id)}>
                {link.plan_symbol}
                {link.tt ? ` · ${link.tt}` : ""} · {t("target.milestone", { year: link.milestone_year })}:{" "}
                {formatTarget(indicatorTarget(link), indicator.unit_label, lang) ?? t("target.qualitative")}
              </Link>
              {link.conflict && (
                <Tag color="warning" icon={<WarningOutlined aria-hidden="true" />} className="indicator-conflict">
                  {t("detail.conflict")}
                </Tag>
              )}
            </li>
          ))}
        </ul>
      ),
    });
  }

  return (
    <Descriptions
      className="indicator-facts"
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2 }}
      items={items}
    />
  );
}
