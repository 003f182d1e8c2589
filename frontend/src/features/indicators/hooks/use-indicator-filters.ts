import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router-dom";

import type { IndicatorFilters, IndicatorStatus, Sector } from "../api/types";
import { PARTS, SECTORS, STATUSES, type Part } from "../i18n";

export const FILTER_KEYS = [
  "plan",
  "sector",
  "milestone",
  "part",
  "status",
  "monitoring_agency_id",
  "contributing_agency_id",
  "needs_review",
  "q",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(value: string | null, max: number): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

/**
 * The list's filters from the address bar, under the API's own names, so a link such as
 * `/indicators?plan=7316-KH-UBND&status=at_risk` opens the filtered list. What the API would refuse is dropped.
 */
export function filtersFromSearch(params: URLSearchParams): IndicatorFilters {
  const filters: IndicatorFilters = {};
  const plan = text(params.get("plan"), 60);
  if (plan) filters.plan = plan;
  const sector = params.get("sector");
  if (sector && (SECTORS as string[]).includes(sector)) filters.sector = sector as Sector;
  const milestone = Number(params.get("milestone"));
  if (Number.isInteger(milestone) && milestone >= 2000 && milestone <= 2100) filters.milestone = milestone;
  const part = params.get("part");
  if (part && (PARTS as readonly string[]).includes(part)) filters.part = part as Part;
  const statuses = params.getAll("status").filter((s): s is IndicatorStatus => (STATUSES as string[]).includes(s));
  if (statuses.length > 0) filters.status = [...new Set(statuses)];
  for (const key of ["monitoring_agency_id", "contributing_agency_id"] as const) {
    const id = params.get(key)?.trim();
    if (id && UUID.test(id)) filters[key] = id;
  }
  const review = params.get("needs_review");
  if (review === "true" || review === "false") filters.needs_review = review === "true";
  const q = text(params.get("q"), 200);
  if (q) filters.q = q;
  return filters;
}

type FilterValue = string | number | boolean | string[] | null | undefined;

/** Reads and writes the list's filters in the URL; other search parameters are left alone. */
export function useIndicatorFilters() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // keyed on the text, so the object (and the query key built from it) is stable between renders
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(search)), [search]);

  const setFilter = useCallback(
    (key: FilterKey, value: FilterValue, { replace = false }: { replace?: boolean } = {}) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete(key);
          for (const item of Array.isArray(value) ? value : [value]) {
            if (item === undefined || item === null || item === "" || item === false) continue;
            next.append(key, String(item));
          }
          return next;
        },
        { replace },
      );
    },
    [setParams],
  );

  const reset = useCallback(() => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      FILTER_KEYS.forEach((key) => next.delete(key));
      return next;
    });
  }, [setParams]);

  const active = FILTER_KEYS.some((key) => params.has(key));
  return { filters, setFilter, reset, active };
}
