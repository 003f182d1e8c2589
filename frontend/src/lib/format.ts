// How the app writes dates and numbers: dd/mm/yyyy in the province's time zone, Vietnamese digit grouping.
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** `2026-11-24` or an instant → `24/11/2026`; a calendar date is never shifted by a time zone. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const plain = DATE_ONLY.exec(value);
  if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : dateFormat.format(instant);
}

/** An instant as the province's clock shows it: `24/11/2026 08:30`. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "";
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  return `${dateFormat.format(instant)} ${timeFormat.format(instant)}`;
}

/** Today in the province, as the API's `YYYY-MM-DD`. */
export function todayInProvince(now: Date = new Date()): string {
  const [day, month, year] = dateFormat.format(now).split("/");
  return `${year}-${month}-${day}`;
}

export function formatNumber(value: number | null | undefined, lang: "vi" | "en" = "vi", digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "";
  return new Intl.NumberFormat(lang === "en" ? "en-US" : "vi-VN", { maximumFractionDigits: digits }).format(value);
}

/** Strips Vietnamese diacritics so `chuyen doi so` finds `chuyển đổi số` in client-side filters too. */
export function foldAccents(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}
