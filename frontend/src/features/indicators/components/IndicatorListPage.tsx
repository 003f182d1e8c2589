import { PageHeader } from "../../../components/PageHeader";
import type { IndicatorStatus } from "../api/types";
import { useIndicatorFilters } from "../hooks/use-indicator-filters";
import { useMessages } from "../i18n";
import { IndicatorFilterBar } from "./IndicatorFilterBar";
import { IndicatorResults } from "./IndicatorResults";
import { ExportButton, ReviewQueueLink } from "./ListActions";
import { ScorecardSummary } from "./ScorecardSummary";
import "./indicators.css";

/** "Chỉ tiêu": the filtered list with its summary, the plan's export and the way to the review queue. */
export function IndicatorListPage() {
  const t = useMessages();
  const { filters, setFilter, reset, active } = useIndicatorFilters();

  const toggleStatus = (status: IndicatorStatus) => {
    const current = filters.status ?? [];
    setFilter("status", current.includes(status) ? current.filter((s) => s !== status) : [...current, status]);
  };

  return (
    <div className="indicator-page">
      <PageHeader
        title={t("list.title")}
        subtitle={t("list.subtitle")}
        actions={
          <>
            <ReviewQueueLink />
            {filters.plan && <ExportButton planKey={filters.plan} />}
          </>
        }
      />
      <IndicatorFilterBar filters={filters} active={active} setFilter={setFilter} reset={reset} />
      <ScorecardSummary filters={filters} onToggleStatus={toggleStatus} />
      <IndicatorResults filters={filters} />
    </div>
  );
}
