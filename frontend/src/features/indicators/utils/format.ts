import type { Lang } from "../../../lib/i18n";
import { formatNumber } from "../../../lib/format";
import { comparatorSign } from "../i18n";
import type { Comparator } from "../api/types";

/** A number the API sends as a decimal string ("66.1500"), written the reader's way with its unit: "66,15 %". */
export function formatQuantity(value: string | number | null | undefined, unitLabel: string | null | undefined, lang: Lang) {
  if (value === null || value === undefined || value === "") return "";
  const number = typeof value === "number" ? value : Number(value);
  const text = Number.isFinite(number) ? formatNumber(number, lang) : String(value);
  return unitLabel ? `${text} ${unitLabel}` : text;
}

export interface TargetLike {
  comparator: Comparator;
  /** `target_value` on an indicator, `value` on a series target point. */
  value: string | null;
  low: string | null;
  high: string | null;
}

/** "≥ 80 %", "80–90 %", "= 2 mô hình"; null for a qualitative target (the sentence itself says it). */
export function formatTarget(target: TargetLike, unitLabel: string | null | undefined, lang: Lang): string | null {
  if (target.comparator === "qualitative") return null;
  if (target.comparator === "range") {
    if (target.low === null || target.high === null) return null;
    const low = formatNumber(Number(target.low), lang);
    return `${low}–${formatQuantity(target.high, unitLabel, lang)}`;
  }
  if (target.value === null) return null;
  return `${comparatorSign(target.comparator)} ${formatQuantity(target.value, unitLabel, lang)}`;
}

export function indicatorTarget(indicator: {
  comparator: Comparator;
  target_value: string | null;
  target_low: string | null;
  target_high: string | null;
}): TargetLike {
  return {
    comparator: indicator.comparator,
    value: indicator.target_value,
    low: indicator.target_low,
    high: indicator.target_high,
  };
}
