import { z } from "zod";
import { DEAL_STAGES } from "@/lib/scoring/types";

// The dashboards' filters live in the URL, so a view can be shared; the deal list reads the same
// names, so a drill-down link is the dashboard's filter plus the clicked row's. Unknown or
// malformed values fall back to the default rather than failing the page.

export const PERIODS = ["30d", "90d", "qtd", "ytd", "12m", "all"] as const;
export type Period = (typeof PERIODS)[number];

export const PERIOD_LABEL: Record<Period, string> = {
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  qtd: "This quarter",
  ytd: "This year",
  "12m": "Last 12 months",
  all: "All time",
};

const uuid = z.uuid().optional().catch(undefined);

export const dashboardFiltersSchema = z.object({
  period: z.enum(PERIODS).default("90d").catch("90d"),
  team: uuid,
  rep: uuid,
  segment: z.union([z.uuid(), z.literal("none")]).optional().catch(undefined),
  stage: z.enum(DEAL_STAGES).optional().catch(undefined),
  product: uuid,
});
export type DashboardFilters = z.output<typeof dashboardFiltersSchema>;

export const FILTER_KEYS = ["period", "team", "rep", "segment", "stage", "product"] as const satisfies readonly (keyof DashboardFilters)[];

/** Reads one value per key from Next's searchParams. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

export interface PeriodRange {
  from: Date | null;
  to: Date;
  /** The period of the same length just before, for "change from the previous period". */
  previous: { from: Date; to: Date } | null;
}

const DAY = 86_400_000;

function startOfDayUtc(d: Date) {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** Deals logged (created) from `from` (inclusive) to `to` (exclusive); `now` is passed in for tests. */
export function periodRange(period: Period, now: Date): PeriodRange {
  const to = new Date(startOfDayUtc(now).getTime() + DAY);
  let from: Date | null;
  switch (period) {
    case "30d":
      from = new Date(to.getTime() - 30 * DAY);
      break;
    case "90d":
      from = new Date(to.getTime() - 90 * DAY);
      break;
    case "12m":
      from = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate() + 1));
      break;
    case "qtd":
      from = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
      break;
    case "ytd":
      from = new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
      break;
    case "all":
      from = null;
  }
  const previous = from ? { from: new Date(from.getTime() - (to.getTime() - from.getTime())), to: from } : null;
  return { from, to, previous };
}

/** A dashboard or deal-list URL with these filters plus `extra`; defaults are left out. */
export function filterHref(path: string, filters: Partial<DashboardFilters>, extra: Record<string, string | number | undefined | null> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const v = filters[key];
    if (v !== undefined && !(key === "period" && v === "90d" && path !== "/deals")) params.set(key, String(v));
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}
