// Pure formatting for the dashboards: figures by unit, changes against the previous period, weeks.
// Money reuses the deal pages' formatAmount so amounts read the same everywhere.
import { formatAmount } from "@/components/deals/format";
import type { Unit } from "@/lib/dashboard/types";

/** Typographic minus, as the findings list uses ("−5 points"). */
export const MINUS = "\u2212";
export const NO_DATA = "—";

const whole = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

const isNumber = (n: number | null | undefined): n is number => typeof n === "number" && Number.isFinite(n);

/**
 * A figure as the dashboards show it: money "€1,250,000", percent "73 %", count "1,204",
 * score "72" (0–100), points "4.5 pts". null (or NaN) → "—".
 */
export function formatFigure(value: number | null | undefined, unit: Unit): string {
  if (!isNumber(value)) return NO_DATA;
  switch (unit) {
    case "money":
      return formatAmount(value);
    case "percent":
      return `${whole.format(value)} %`;
    case "count":
    case "score":
      return whole.format(value);
    case "points":
      return `${oneDecimal.format(value)} pts`;
  }
}

/** Decimals a change is shown with; a change that rounds to 0 at this precision is "no change". */
const DELTA_DECIMALS: Record<Unit, number> = { money: 0, percent: 1, count: 0, score: 1, points: 1 };

export type ChangeDirection = "up" | "down" | "flat";

export interface Change {
  /** value − previous, unrounded. */
  delta: number;
  direction: ChangeDirection;
  /** "+4.2 pts", "−€12,000", "+3", "no change". */
  text: string;
}

/** The change from previous to value, or null when either is missing (not comparable). */
export function computeChange(value: number | null | undefined, previous: number | null | undefined, unit: Unit): Change | null {
  if (!isNumber(value) || !isNumber(previous)) return null;
  const delta = value - previous;
  const factor = 10 ** DELTA_DECIMALS[unit];
  const rounded = Math.round(Math.abs(delta) * factor) / factor;
  if (rounded === 0) return { delta, direction: "flat", text: "no change" };
  const sign = delta > 0 ? "+" : MINUS;
  let magnitude: string;
  switch (unit) {
    case "money":
      magnitude = formatAmount(rounded);
      break;
    case "count":
      magnitude = whole.format(rounded);
      break;
    case "percent":
    case "score":
    case "points":
      // A change of a percentage is in percentage points, not per cent.
      magnitude = `${oneDecimal.format(rounded)} pts`;
      break;
  }
  return { delta, direction: delta > 0 ? "up" : "down", text: `${sign}${magnitude}` };
}

export type ChangeTone = "good" | "bad" | "neutral";

/** Whether a change is good news, given which direction is better. */
export function changeTone(direction: ChangeDirection, better: "up" | "down"): ChangeTone {
  if (direction === "flat") return "neutral";
  return direction === better ? "good" : "bad";
}

const compactMoney = new Intl.NumberFormat("en", { style: "currency", currency: "EUR", notation: "compact", maximumFractionDigits: 1 });

/** Axis ticks: "€1.2M", "€350K". Same currency as formatAmount. */
export const formatCompactAmount = (n: number) => compactMoney.format(n);

/** "73 %" or "—". */
export const formatPercent = (n: number | null | undefined) => formatFigure(n, "percent");

/** Discounts keep one decimal ("12.5 %"): policy allowances are often fractional. */
export const formatDiscount = (n: number | null | undefined) => (isNumber(n) ? `${oneDecimal.format(n)} %` : NO_DATA);

const weekShort = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const weekLong = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

const parseDay = (iso: string) => {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** Week axis tick from the ISO date of its Monday: "6 Jan". Unparseable input is returned as is. */
export function formatWeek(iso: string): string {
  const d = parseDay(iso);
  return d ? weekShort.format(d) : iso;
}

/** "Week of 6 January 2025". */
export function formatWeekLong(iso: string): string {
  const d = parseDay(iso);
  return d ? `Week of ${weekLong.format(d)}` : iso;
}

/** Shortens a category label for an axis tick; the tooltip and the table show it in full. */
export function truncateLabel(label: string, max = 20): string {
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}
