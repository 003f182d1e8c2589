import { FilterOutlined } from "@ant-design/icons";
import { Button, Checkbox, DatePicker, Form, Grid, Radio, Select, Switch } from "antd";
import dayjs from "dayjs";
import { useId, useState } from "react";

import { AgencySelect } from "../../../../components/AgencySelect";
import { usePlans } from "../../api/list";
import { TASK_STATUSES, type TaskFilters } from "../../api/types";
import { useMessages } from "../../i18n";
import { SearchBox } from "./SearchBox";

type DeadlineWindow = "" | "overdue" | "range" | `${number}`;

const WINDOW_CLEARED: Partial<TaskFilters> = {
  overdue: undefined,
  due_within_days: undefined,
  due_from: undefined,
  due_to: undefined,
};

function windowOf(filters: TaskFilters): DeadlineWindow {
  if (filters.overdue) return "overdue";
  if (filters.due_within_days !== undefined && filters.due_within_days !== null) return `${filters.due_within_days}`;
  if (filters.due_from || filters.due_to) return "range";
  return "";
}

interface TaskFiltersPanelProps {
  filters: TaskFilters;
  onChange: (patch: Partial<TaskFilters>) => void;
}

/** Every control writes straight to the address (the API's parameter names), so the list follows it. */
export function TaskFiltersPanel({ filters, onChange }: TaskFiltersPanelProps) {
  const t = useMessages();
  const ids = useId();
  const narrow = !(Grid.useBreakpoint().md ?? true);
  const [open, setOpen] = useState(false);
  // "between dates" is a choice before any date is picked: it lives here until a date reaches the address
  const [rangeMode, setRangeMode] = useState(false);
  const plans = usePlans();
  const deadlineWindow = windowOf(filters) || (rangeMode ? "range" : "");
  // a link may ask for another horizon (due_within_days=14): offer it beside 7 and 30
  const linkedDays = filters.due_within_days;
  const windowDays = [7, 30, ...(linkedDays && ![7, 30].includes(linkedDays) ? [linkedDays] : [])];
  const moreCount = [
    filters.status?.length,
    filters.plan_id,
    deadlineWindow,
    filters.unclear,
    filters.priority,
    filters.mine === false,
    filters.agency_id,
    filters.sort,
  ].filter(Boolean).length;
  const showMore = !narrow || open;
  const id = (name: string) => `${ids}-${name}`;

  return (
    <Form layout="vertical" className="task-filters" component="section" aria-label={t("filter.region")}>
      <div className="task-filters__top">
        <SearchBox value={filters.q ?? undefined} onSearch={(q) => onChange({ q })} />
        <Form.Item label={t("filter.role")} htmlFor={id("role")}>
          <Radio.Group
            id={id("role")}
            aria-label={t("filter.role")}
            optionType="button"
            buttonStyle="solid"
            value={filters.role ?? "any"}
            onChange={(event) => {
              const role = event.target.value as NonNullable<TaskFilters["role"]>;
              onChange({ role: role === "any" ? undefined : role });
            }}
            options={[
              { value: "any", label: t("filter.roleAny") },
              { value: "lead", label: t("filter.roleLead") },
              { value: "coordinator", label: t("filter.roleCoordinator") },
            ]}
          />
        </Form.Item>
      </div>
      {narrow && (
        <Button
          icon={<FilterOutlined aria-hidden />}
          aria-expanded={open}
          aria-controls={id("more")}
          onClick={() => setOpen((value) => !value)}
        >
          {moreCount > 0 ? t("filter.moreCount", { count: moreCount }) : t("filter.more")}
        </Button>
      )}
      <div id={id("more")} hidden={!showMore} className="task-filters__grid">
        <Form.Item label={t("filter.status")} htmlFor={id("status")}>
          <Select
            id={id("status")}
            mode="multiple"
            allowClear
            placeholder={t("filter.statusPlaceholder")}
            value={filters.status ?? []}
            onChange={(status) => onChange({ status: status.length > 0 ? status : undefined })}
            options={TASK_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
            maxTagCount="responsive"
          />
        </Form.Item>
        <Form.Item label={t("filter.plan")} htmlFor={id("plan")}>
          <Select
            id={id("plan")}
            allowClear
            loading={plans.isPending}
            placeholder={t("filter.planPlaceholder")}
            value={filters.plan_id ?? undefined}
            onChange={(planId?: string) => onChange({ plan_id: planId, section_id: undefined })}
            options={(plans.data ?? []).map((plan) => ({
              value: plan.id,
              label: `${plan.kind} ${plan.symbol}`.trim() || plan.title,
            }))}
            showSearch={{ optionFilterProp: "label" }}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        <Form.Item label={t("filter.deadline")} htmlFor={id("deadline")}>
          <Select<DeadlineWindow>
            id={id("deadline")}
            value={deadlineWindow}
            onChange={(value) => {
              setRangeMode(value === "range");
              if (value === "overdue") onChange({ ...WINDOW_CLEARED, overdue: true });
              else if (value === "range") onChange({ ...WINDOW_CLEARED, due_from: filters.due_from, due_to: filters.due_to });
              else if (value === "") onChange(WINDOW_CLEARED);
              else onChange({ ...WINDOW_CLEARED, due_within_days: Number(value) });
            }}
            options={[
              { value: "", label: t("filter.deadlineAny") },
              { value: "overdue", label: t("filter.overdue") },
              ...windowDays.map((days) => ({ value: `${days}` as DeadlineWindow, label: t("filter.dueWithin", { days }) })),
              { value: "range", label: t("filter.dueRange") },
            ]}
          />
        </Form.Item>
        {deadlineWindow === "range" && (
          <Form.Item label={t("filter.dueRangeLabel")} htmlFor={id("range")}>
            <DatePicker.RangePicker
              id={{ start: id("range"), end: id("range-end") }}
              format="DD/MM/YYYY"
              allowEmpty={[true, true]}
              placeholder={[t("filter.dueFrom"), t("filter.dueTo")]}
              value={[filters.due_from ? dayjs(filters.due_from) : null, filters.due_to ? dayjs(filters.due_to) : null]}
              onChange={(range) =>
                onChange({
                  due_from: range?.[0]?.format("YYYY-MM-DD") ?? undefined,
                  due_to: range?.[1]?.format("YYYY-MM-DD") ?? undefined,
                })
              }
              style={{ width: "100%" }}
            />
          </Form.Item>
        )}
        <Form.Item label={t("filter.agency")} htmlFor={id("agency")}>
          <AgencySelect
            id={id("agency")}
            value={filters.agency_id ?? undefined}
            onChange={(agencyId) => onChange({ agency_id: agencyId, include_sub_agencies: undefined })}
          />
        </Form.Item>
        <Form.Item label={t("filter.sort")} htmlFor={id("sort")}>
          <Select
            id={id("sort")}
            value={filters.sort ?? "due"}
            onChange={(sort) => onChange({ sort: sort === "due" ? undefined : sort })}
            options={[
              { value: "due", label: t("filter.sortDue") },
              { value: "plan_order", label: t("filter.sortPlan") },
              { value: "-updated", label: t("filter.sortUpdated") },
            ]}
          />
        </Form.Item>
        <div className="task-filters__checks">
          <Checkbox
            checked={filters.unclear === true}
            onChange={(event) => onChange({ unclear: event.target.checked ? true : undefined })}
          >
            {t("filter.unclear")}
          </Checkbox>
          <Checkbox
            checked={filters.priority === true}
            onChange={(event) => onChange({ priority: event.target.checked ? true : undefined })}
          >
            {t("filter.priority")}
          </Checkbox>
          <label className="task-switch" htmlFor={id("mine")}>
            <Switch
              id={id("mine")}
              size="small"
              checked={filters.mine !== false}
              onChange={(mine) => onChange({ mine })}
            />{" "}
            {t("filter.mine")}
          </label>
        </div>
      </div>
    </Form>
  );
}
