import { CloseOutlined, FilterOutlined, SearchOutlined } from "@ant-design/icons";
import { Button, Checkbox, Col, Form, Grid, Input, Row, Select } from "antd";
import { useEffect, useRef, useState } from "react";

import { AgencySelect } from "../../../components/AgencySelect";
import { useAgencyNames } from "../../../lib/directory";
import { foldAccents } from "../../../lib/format";
import { usePlans } from "../api/indicators";
import type { IndicatorFilters } from "../api/types";
import type { FilterKey } from "../hooks/use-indicator-filters";
import { PARTS, SECTORS, STATUSES, useMessages, useVocabulary } from "../i18n";

const MILESTONES = [2025, 2026, 2030, 2035, 2045];
const SEARCH_DELAY_MS = 400;

interface FilterBarProps {
  filters: IndicatorFilters;
  active: boolean;
  setFilter: (key: FilterKey, value: string | number | boolean | string[] | null | undefined, options?: { replace?: boolean }) => void;
  reset: () => void;
}

function selectSearch(input: string, option?: { label?: unknown }) {
  return foldAccents(String(option?.label ?? "")).includes(foldAccents(input));
}

/** Types into the URL's `q` once the typing pauses; follows the URL when it changes elsewhere (reset, a link). */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const t = useMessages();
  const [text, setText] = useState(value);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    setText((current) => (current.trim() === value ? current : value));
  }, [value]);
  useEffect(() => () => {
    if (pending.current) clearTimeout(pending.current);
  }, []);

  const change = (next: string) => {
    setText(next);
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(() => onSearch(next.trim()), SEARCH_DELAY_MS);
  };

  return (
    <Input
      id="indicator-filter-q"
      type="search"
      value={text}
      allowClear
      prefix={<SearchOutlined aria-hidden="true" />}
      placeholder={t("filter.searchPlaceholder")}
      onChange={(event) => change(event.target.value)}
      onPressEnter={() => {
        if (pending.current) clearTimeout(pending.current);
        onSearch(text.trim());
      }}
    />
  );
}

function AgencyChips({ filters, setFilter }: Pick<FilterBarProps, "filters" | "setFilter">) {
  const t = useMessages();
  const agencies = useAgencyNames();
  const chips = [
    { key: "monitoring_agency_id" as const, template: "filter.chipMonitoring" as const },
    { key: "contributing_agency_id" as const, template: "filter.chipContributing" as const },
  ].filter(({ key }) => filters[key]);
  if (chips.length === 0) return null;
  return (
    <ul className="indicator-chips" aria-label={t("filter.title")}>
      {chips.map(({ key, template }) => {
        const id = filters[key] ?? "";
        const text = t(template, { name: agencies.get(id)?.name ?? t("filter.unknownAgency") });
        return (
          <li key={key} className="indicator-chip">
            <span>{text}</span>
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined aria-hidden="true" />}
              aria-label={t("filter.chipRemove", { name: text })}
              onClick={() => setFilter(key, null)}
            />
          </li>
        );
      })}
    </ul>
  );
}

/** Every filter of the list, each a labelled control bound to its URL search parameter. */
export function IndicatorFilterBar({ filters, active, setFilter, reset }: FilterBarProps) {
  const t = useMessages();
  const vocabulary = useVocabulary();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [open, setOpen] = useState(false);
  const plans = usePlans();

  const milestones = [...new Set([...MILESTONES, ...(filters.milestone ? [filters.milestone] : [])])].sort();
  const col = { xs: 24, sm: 12, lg: 6 };
  const showAll = !phone || open;

  return (
    <section className="indicator-filters" aria-label={t("filter.title")}>
      <Form layout="vertical" component="div" className="indicator-filters__form">
        <Row gutter={[12, 0]}>
          <Col xs={24} lg={12}>
            <Form.Item label={t("filter.search")} htmlFor="indicator-filter-q">
              <SearchBox value={filters.q ?? ""} onSearch={(q) => setFilter("q", q, { replace: true })} />
            </Form.Item>
          </Col>
          {phone && (
            <Col xs={24}>
              <Button
                block
                icon={<FilterOutlined aria-hidden="true" />}
                aria-expanded={open}
                aria-controls="indicator-filter-more"
                onClick={() => setOpen((v) => !v)}
                className="indicator-filters__toggle"
              >
                {t("filter.title")}
              </Button>
            </Col>
          )}
          {showAll && (
            <>
              <Col {...col} lg={12}>
                <Form.Item label={t("filter.plan")} htmlFor="indicator-filter-plan">
                  <Select
                    id="indicator-filter-plan"
                    allowClear
                    loading={plans.isPending}
                    value={filters.plan}
                    placeholder={t("filter.planAll")}
                    onChange={(value?: string) => setFilter("plan", value)}
                    showSearch={{ filterOption: selectSearch }}
                    options={(plans.data ?? []).map((plan) => ({
                      value: plan.key,
                      label: `${plan.symbol.startsWith("/") ? plan.key : plan.symbol} — ${plan.title}`,
                      title: plan.title,
                    }))}
                    popupMatchSelectWidth={false}
                    styles={{ popup: { root: { maxWidth: "min(40rem, 92vw)" } } }}
                  />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
        {showAll && (
          <div id="indicator-filter-more">
            <Row gutter={[12, 0]}>
              <Col {...col}>
                <Form.Item label={t("filter.sector")} htmlFor="indicator-filter-sector">
                  <Select
                    id="indicator-filter-sector"
                    allowClear
                    value={filters.sector}
                    placeholder={t("filter.sectorAll")}
                    onChange={(value?: string) => setFilter("sector", value)}
                    showSearch={{ filterOption: selectSearch }}
                    options={SECTORS.map((sector) => ({ value: sector, label: vocabulary.sector(sector) }))}
                  />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item label={t("filter.milestone")} htmlFor="indicator-filter-milestone">
                  <Select
                    id="indicator-filter-milestone"
                    allowClear
                    value={filters.milestone}
                    placeholder={t("filter.milestoneAll")}
                    onChange={(value?: number) => setFilter("milestone", value)}
                    options={milestones.map((year) => ({ value: year, label: t("filter.milestoneOption", { year }) }))}
                  />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item label={t("filter.part")} htmlFor="indicator-filter-part">
                  <Select
                    id="indicator-filter-part"
                    allowClear
                    value={filters.part ?? undefined}
                    placeholder={t("filter.partAll")}
                    onChange={(value?: string) => setFilter("part", value)}
                    options={PARTS.map((part) => ({ value: part, label: t(`part.${part}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item label={t("filter.status")} htmlFor="indicator-filter-status">
                  <Select
                    id="indicator-filter-status"
                    mode="multiple"
                    allowClear
                    value={filters.status ?? []}
                    placeholder={t("filter.statusAll")}
                    onChange={(value: string[]) => setFilter("status", value)}
                    options={STATUSES.map((status) => ({ value: status, label: vocabulary.status(status) }))}
                    maxTagCount="responsive"
                  />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item label={t("filter.monitoring")} htmlFor="indicator-filter-monitoring">
                  <AgencySelect
                    id="indicator-filter-monitoring"
                    value={filters.monitoring_agency_id ?? undefined}
                    onChange={(value) => setFilter("monitoring_agency_id", value)}
                  />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item label={t("filter.contributing")} htmlFor="indicator-filter-contributing">
                  <AgencySelect
                    id="indicator-filter-contributing"
                    value={filters.contributing_agency_id ?? undefined}
                    onChange={(value) => setFilter("contributing_agency_id", value)}
                  />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item label=" " colon={false} className="indicator-filters__check">
                  <Checkbox
                    checked={filters.needs_review === true}
                    onChange={(event) => setFilter("needs_review", event.target.checked ? true : null)}
                  >
                    {t("filter.needsReview")}
                  </Checkbox>
                </Form.Item>
              </Col>
              {active && (
                <Col {...col}>
                  <Form.Item label=" " colon={false}>
                    <Button onClick={reset}>{t("filter.reset")}</Button>
                  </Form.Item>
                </Col>
              )}
            </Row>
          </div>
        )}
      </Form>
      <AgencyChips filters={filters} setFilter={setFilter} />
    </section>
  );
}
