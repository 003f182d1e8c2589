import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router-dom";

import type { TaskFilters } from "../api/types";
import { filtersFromParams, hasActiveFilters, paramsFromFilters } from "./task-filters";

/** The list's filter state, kept in the address bar so a link or a reload opens the same list. */
export function useTaskFilters() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(search)), [search]);

  const replace = useCallback(
    (next: TaskFilters) => setParams(paramsFromFilters(next), { replace: true }),
    [setParams],
  );
  const update = useCallback(
    (patch: Partial<TaskFilters>) => replace({ ...filtersFromParams(new URLSearchParams(search)), ...patch }),
    [replace, search],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  const applySearch = useCallback(
    (saved: string) => setParams(paramsFromFilters(filtersFromParams(new URLSearchParams(saved))), { replace: true }),
    [setParams],
  );

  return {
    filters,
    /** The canonical address form of the filters (for saving them). */
    search: paramsFromFilters(filters).toString(),
    active: hasActiveFilters(filters),
    update,
    replace,
    clear,
    applySearch,
  };
}
