// Formatting shared by the brief, the versions list and the comparison. Dates are shown in UTC so
// the server and every reader agree on the day.
import { METRIC_LABEL } from "@/lib/validations/strategy";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

export const formatDate = (d: Date | string | null | undefined) => (d ? dateFormat.format(typeof d === "string" ? new Date(d) : d) : "—");
export const formatDateTime = (d: Date | null | undefined) => (d ? `${dateTimeFormat.format(d)} UTC` : "—");
export const formatNumber = (n: number | null | undefined) => (n === null || n === undefined ? "—" : numberFormat.format(n));

export function formatMoney(amount: number, currency: string) {
  try {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency, maximumFractionDigits: 2 }).format(amount);
  } catch {
    return `${numberFormat.format(amount)} ${currency}`;
  }
}

/** "50–499", "500+", "up to 49", "any" for a range where null means open. */
export function formatRange(min: number | null, max: number | null, unit = "") {
  const u = unit ? ` ${unit}` : "";
  if ((min === null || min === 0) && max === null) return "any size";
  if (max === null) return `${formatNumber(min)}+${u}`;
  if (min === null || min === 0) return `up to ${formatNumber(max)}${u}`;
  return `${formatNumber(min)}–${formatNumber(max)}${u}`;
}

const PERCENT = new Set(["target_segment_share", "avg_discount"]);
export function formatTargetValue(metric: keyof typeof METRIC_LABEL, value: number) {
  return PERCENT.has(metric) ? `${formatNumber(value)} %` : formatNumber(value);
}

/** "2027-Q1" stays; "2027-01" → "January 2027". */
export function formatPeriod(period: string) {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period.replace("-", " ");
  return new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${period}-01T00:00:00Z`));
}
