// Reporting period codes as the indicators API reads them: 2026-Q4, 2026-H2, 2026.
export type PeriodKind = "quarter" | "half" | "year";

export interface Period {
  code: string;
  kind: PeriodKind;
  year: number;
  number: number;
}

const MONTHS: Record<PeriodKind, number> = { quarter: 3, half: 6, year: 12 };
const COUNT: Record<PeriodKind, number> = { quarter: 4, half: 2, year: 1 };

function make(kind: PeriodKind, year: number, number: number): Period {
  const code = kind === "year" ? String(year) : `${year}-${kind === "quarter" ? "Q" : "H"}${number}`;
  return { code, kind, year, number };
}

/** The period of this kind holding `today` (YYYY-MM-DD, the province's date). */
export function periodOf(kind: PeriodKind, today: string): Period {
  const [year = "1970", month = "1"] = today.split("-");
  return make(kind, Number(year), Math.floor((Number(month) - 1) / MONTHS[kind]) + 1);
}

export function previousPeriod(period: Period): Period {
  if (period.number > 1) return make(period.kind, period.year, period.number - 1);
  return make(period.kind, period.year - 1, COUNT[period.kind]);
}

/** The periods a user may pick: this and the last three quarters, this and the last half-year, this and last year. */
export function periodChoices(today: string): Record<PeriodKind, Period[]> {
  const back = (first: Period, n: number) => {
    const out = [first];
    while (out.length < n) out.push(previousPeriod(out[out.length - 1] ?? first));
    return out;
  };
  return {
    quarter: back(periodOf("quarter", today), 4),
    half: back(periodOf("half", today), 2),
    year: back(periodOf("year", today), 2),
  };
}

const ROMAN = ["I", "II", "III", "IV"];

/** The label the API itself uses (`Quý IV/2026`, `6 tháng cuối năm 2026`, `Năm 2026`) or its English twin. */
export function periodLabel(period: Period, lang: "vi" | "en"): string {
  if (lang === "en") {
    if (period.kind === "quarter") return `Q${period.number} ${period.year}`;
    if (period.kind === "half") return `H${period.number} ${period.year}`;
    return `Year ${period.year}`;
  }
  if (period.kind === "quarter") return `Quý ${ROMAN[period.number - 1] ?? period.number}/${period.year}`;
  if (period.kind === "half") return `6 tháng ${period.number === 1 ? "đầu" : "cuối"} năm ${period.year}`;
  return `Năm ${period.year}`;
}
