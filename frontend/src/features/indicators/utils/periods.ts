import type { Lang } from "../../../lib/i18n";
import type { Periodicity } from "../api/types";

// The API's period codes: "2026" (year), "2026-H2" (half-year), "2026-Q4" (quarter).
const CODE = /^(\d{4})(?:-([QH])([1-4]))?$/;
const ROMAN = ["I", "II", "III", "IV"];
const PER_YEAR: Record<Periodicity, number> = { year: 1, half_year: 2, quarter: 4 };

export interface PeriodParts {
  year: number;
  kind: Periodicity;
  number: number;
}

export function parsePeriod(code: string): PeriodParts | null {
  const found = CODE.exec(code.trim().toUpperCase());
  if (!found) return null;
  const year = Number(found[1]);
  if (!found[2]) return { year, kind: "year", number: 1 };
  return { year, kind: found[2] === "Q" ? "quarter" : "half_year", number: Number(found[3]) };
}

export function periodCode({ year, kind, number }: PeriodParts): string {
  if (kind === "year") return String(year);
  return `${year}-${kind === "quarter" ? "Q" : "H"}${number}`;
}

/** "Quý IV/2026", "6 tháng cuối năm 2026", "Năm 2026" — the API's own wording. */
export function periodLabel(code: string, lang: Lang): string {
  const period = parsePeriod(code);
  if (!period) return code;
  const { year, kind, number } = period;
  if (lang === "en") {
    if (kind === "quarter") return `Q${number} ${year}`;
    if (kind === "half_year") return `${number === 1 ? "First" : "Second"} half of ${year}`;
    return `Year ${year}`;
  }
  if (kind === "quarter") return `Quý ${ROMAN[number - 1] ?? number}/${year}`;
  if (kind === "half_year") return `6 tháng ${number === 1 ? "đầu" : "cuối"} năm ${year}`;
  return `Năm ${year}`;
}

/** The period of this kind holding the day (`YYYY-MM-DD`, the province's today). */
export function currentPeriod(kind: Periodicity, today: string): PeriodParts {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return { year, kind, number: Math.floor((month - 1) / (12 / PER_YEAR[kind])) + 1 };
}

function previous({ year, kind, number }: PeriodParts): PeriodParts {
  return number > 1 ? { year, kind, number: number - 1 } : { year: year - 1, kind, number: PER_YEAR[kind] };
}

/** The periods an agency may report now, newest first: the one under way and those before it (the API refuses later ones). */
export function reportablePeriods(kind: Periodicity, today: string, count = 3 * PER_YEAR[kind] + 1): string[] {
  const out: string[] = [];
  let period = currentPeriod(kind, today);
  for (let i = 0; i < count; i += 1) {
    out.push(periodCode(period));
    period = previous(period);
  }
  return out;
}

/** The last period of a year for this kind, where a milestone's target sits on a period axis. */
export function lastPeriodOfYear(year: number, kind: Periodicity): string {
  return periodCode({ year, kind, number: PER_YEAR[kind] });
}

/** Every period code from `first` to `last` inclusive (same kind). */
export function periodsBetween(first: string, last: string): string[] {
  const start = parsePeriod(first);
  const end = parsePeriod(last);
  if (!start || !end || start.kind !== end.kind) return [];
  const out: string[] = [];
  let period = start;
  const key = (p: PeriodParts) => p.year * 10 + p.number;
  while (key(period) <= key(end) && out.length < 400) {
    out.push(periodCode(period));
    period = period.number < PER_YEAR[period.kind]
      ? { ...period, number: period.number + 1 }
      : { year: period.year + 1, kind: period.kind, number: 1 };
  }
  return out;
}
