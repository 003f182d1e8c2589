import { CloseOutlined } from "@ant-design/icons";
import { Button, Tag } from "antd";

import { useAgencyNames } from "../../../../lib/directory";
import { usePlanSections, usePlans } from "../../api/list";
import type { TaskFilters } from "../../api/types";
import { useMessages } from "../../i18n";

interface Chip {
  key: string;
  label: string;
  clear: Partial<TaskFilters>;
}

/** Filters that usually arrive in a link (agency, plan, section…) as named chips the user can remove. */
interface FilterChipsProps {
  filters: TaskFilters;
  onChange: (patch: Partial<TaskFilters>) => void;
  /** The plan of the listed tasks: names a section that came in a link without its plan. */
  listedPlanId?: string;
}

export function FilterChips({ filters, onChange, listedPlanId }: FilterChipsProps) {
  const t = useMessages();
  const agencies = useAgencyNames();
  const plans = usePlans();
  const sections = usePlanSections(filters.section_id ? (filters.plan_id ?? listedPlanId) : undefined);
  const unknown = t("chip.unknown");
  const chips: Chip[] = [];

  if (filters.agency_id) {
    const name = agencies.get(filters.agency_id)?.name ?? unknown;
    chips.push({
      key: "agency_id",
      label: t(filters.include_sub_agencies === false ? "chip.agency" : "chip.agencySub", { name }),
      clear: { agency_id: undefined, include_sub_agencies: undefined },
    });
  }
  if (filters.plan_id) {
    const plan = plans.data?.find((item) => item.id === filters.plan_id);
    const name = plan ? `${plan.kind} ${plan.symbol}`.trim() : unknown;
    chips.push({ key: "plan_id", label: t("chip.plan", { name }), clear: { plan_id: undefined, section_id: undefined } });
  }
  if (filters.section_id) {
    const section = sections.data?.find((item) => item.id === filters.section_id);
    const name = section ? `${section.number} ${section.title}`.trim() : unknown;
    chips.push({ key: "section_id", label: t("chip.section", { name }), clear: { section_id: undefined } });
  }
  if (filters.missing) {
    const name = t(`clarity.${filters.missing}`);
    chips.push({ key: "missing", label: t("chip.missing", { name }), clear: { missing: undefined } });
  }
  if (filters.deadline_needs_review) {
    chips.push({ key: "deadline_needs_review", label: t("chip.needsReview"), clear: { deadline_needs_review: undefined } });
  }
  if (filters.deadline_kind) {
    const kind = filters.deadline_kind as "date";
    const name = t(`deadline.kind.${kind}`);
    chips.push({ key: "deadline_kind", label: t("chip.kind", { name }), clear: { deadline_kind: undefined } });
  }

  if (chips.length === 0) return null;
  return (
    <div className="task-chips" role="group" aria-label={t("chip.label")} data-testid="task-filter-chips">
      <span className="task-muted">{t("chip.label")}:</span>
      {chips.map((chip) => (
        <Tag key={chip.key} color="blue" className="task-chip">
          {chip.label}
          <Button
            type="text"
            size="small"
            className="task-chip__remove"
            icon={<CloseOutlined aria-hidden />}
            aria-label={t("chip.remove", { name: chip.label })}
            onClick={() => onChange(chip.clear)}
          />
        </Tag>
      ))}
    </div>
  );
}
