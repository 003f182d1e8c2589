import { Button, Empty, Grid, Skeleton } from "antd";
import { useMemo, useState } from "react";

import { PageHeader } from "../../../../components/PageHeader";
import { ProblemAlert } from "../../../../components/ProblemAlert";
import { useMe } from "../../../../lib/me";
import { usePlans, useTaskList } from "../../api/list";
import { useTaskFilters } from "../../hooks/use-task-filters";
import { useMessages } from "../../i18n";
import "../tasks.css";
import { ExportButton } from "./ExportButton";
import { FilterChips } from "./FilterChips";
import { SavedFilters } from "./SavedFilters";
import { TaskFiltersPanel } from "./TaskFiltersPanel";
import { TaskCards, TaskTable } from "./TaskTable";

/** "Việc của đơn vị": the caller's tasks as lead or coordinator, filtered through the address bar. */
export function TaskListPage() {
  const t = useMessages();
  const me = useMe();
  const { filters, search, active, update, clear, applySearch } = useTaskFilters();
  const list = useTaskList(filters);
  const plans = usePlans();
  const narrow = !(Grid.useBreakpoint().md ?? true);
  const [exportError, setExportError] = useState<unknown>(null);

  const tasks = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const planSymbols = useMemo(
    () => new Map((plans.data ?? []).map((plan) => [plan.id, plan.symbol || plan.kind])),
    [plans.data],
  );

  return (
    <div className="page task-list">
      <PageHeader
        title={t("list.title")}
        subtitle={filters.mine === false ? t("list.subtitleAll") : t("list.subtitle")}
        actions={
          <>
            <SavedFilters userId={me.data?.id} search={search} onApply={applySearch} />
            <ExportButton filters={filters} onError={setExportError} />
          </>
        }
      />
      {exportError ? <ProblemAlert error={exportError} /> : null}
      <TaskFiltersPanel filters={filters} onChange={update} />
      <FilterChips filters={filters} onChange={update} listedPlanId={tasks[0]?.plan_id} />
      <section aria-label={t("list.table")} aria-busy={list.isFetching}>
        {list.isPending ? (
          <div role="status" aria-busy="true">
            <Skeleton active title={false} paragraph={{ rows: 8 }} />
          </div>
        ) : list.error && tasks.length === 0 ? (
          <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : tasks.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={active ? t("list.emptyFiltered") : me.data?.agency ? t("list.emptyAll") : t("list.emptyNone")}
          >
            {active && <Button onClick={clear}>{t("list.clearFilters")}</Button>}
          </Empty>
        ) : (
          <>
            {narrow ? (
              <TaskCards tasks={tasks} planSymbols={planSymbols} />
            ) : (
              <TaskTable tasks={tasks} planSymbols={planSymbols} />
            )}
            {list.error ? <ProblemAlert error={list.error} onRetry={() => void list.fetchNextPage()} /> : null}
            <div className="task-list__footer">
              <span className="task-muted" role="status">
                {t("list.count", { count: tasks.length })}
              </span>
              <span className="task-actions">
                {active && <Button onClick={clear}>{t("list.clearFilters")}</Button>}
                {list.hasNextPage && (
                  <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                    {t("list.more")}
                  </Button>
                )}
              </span>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
