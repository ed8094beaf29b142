import "server-only";
import { rawPool } from "@/lib/db-raw";
import { isoDay } from "@/lib/dates";
import { METRIC_LABEL, TARGET_METRICS } from "@/lib/validations/strategy";
import { type DashboardFilters, filterHref } from "@/lib/dashboard/filters";
import type { DashboardScope } from "@/lib/dashboard/queries";
import type { TargetProgress, Unit } from "@/lib/dashboard/types";

// Target attainment. A target's deals are those expected to close in its period (a quarter like
// 2026-Q4 or a month like 2026-11), in its scope (company, team or rep). Revenue is projected from
// what is won plus open value weighted by stage; counts are projected linearly over the period;
// shares and averages are what the period's deals show now.

type Metric = (typeof TARGET_METRICS)[number];

const STAGE_PROBABILITY: Record<string, number> = { PROSPECTING: 0.1, QUALIFYING: 0.2, PROPOSAL: 0.4, NEGOTIATION: 0.6 };

const UNIT: Record<Metric, Unit> = {
  revenue: "money", new_logos: "count", target_segment_share: "percent", avg_alignment_score: "score", avg_discount: "percent", off_strategy_count: "count",
};
const AT_MOST = new Set<Metric>(["avg_discount", "off_strategy_count"]);

/** The calendar bounds of a target period, [start, end). */
export function periodBounds(period: string): { start: Date; end: Date } | null {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) {
    const year = Number(q[1]);
    const first = (Number(q[2]) - 1) * 3;
    return { start: new Date(Date.UTC(year, first, 1)), end: new Date(Date.UTC(year, first + 3, 1)) };
  }
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]) - 1;
    return { start: new Date(Date.UTC(year, month, 1)), end: new Date(Date.UTC(year, month + 1, 1)) };
  }
  return null;
}

export const currentPeriods = (now: Date) => {
  const y = now.getUTCFullYear();
  return [`${y}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`, `${y}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`];
};

type Actuals = { won: number; weighted: number; newLogos: number; inTarget: number; value: number; avgScore: number | null; discount: number | null; offStrategy: number };

/**
 * Status of one target: met, on track (projection reaches it), at risk (within 10 % of it),
 * off track, or no data. Pure, so it is unit-tested on its own.
 */
export function targetStatus(direction: "atLeast" | "atMost", target: number, actual: number | null, projected: number | null): TargetProgress["status"] {
  if (actual === null) return "no_data";
  if (direction === "atLeast") {
    if (actual >= target) return "met";
    const p = projected ?? actual;
    if (p >= target) return "on_track";
    return p >= target * 0.9 ? "at_risk" : "off_track";
  }
  const p = projected ?? actual;
  if (p <= target) return "on_track";
  return p <= target * 1.1 ? "at_risk" : "off_track";
}

export async function computeTargets(scope: DashboardScope, filters: Pick<DashboardFilters, "rep">, now: Date): Promise<TargetProgress[]> {
  const pool = rawPool();
  const org = scope.organizationId;
  const { rows: targets } = await pool.query<{ id: string; period: string; scope: "COMPANY" | "TEAM" | "REP"; scopeId: string | null; metric: Metric; value: number; scopeName: string | null }>(
    `SELECT t.id, t.period, t.scope, t."scopeId", t.metric, t.value, COALESCE(tm.name, u.name) AS "scopeName"
     FROM "StrategyTarget" t
     LEFT JOIN "Team" tm ON t.scope = 'TEAM' AND tm.id = t."scopeId"
     LEFT JOIN "User" u ON t.scope = 'REP' AND u.id = t."scopeId"
     WHERE t."organizationId" = $1 AND t.period = ANY($2::text[]) AND t."versionId" = (
       SELECT id FROM "StrategyVersion" WHERE "organizationId" = $1 AND status = 'PUBLISHED' ORDER BY number DESC LIMIT 1)
     ORDER BY t.position`,
    [org, currentPeriods(now)],
  );

  // Which targets this scope shows.
  let repTeams = new Map<string, string | null>();
  if (scope.kind !== "org" || filters.rep) {
    const { rows } = await pool.query<{ id: string; teamId: string | null }>(`SELECT id, "teamId" FROM "User" WHERE "organizationId" = $1`, [org]);
    repTeams = new Map(rows.map((r) => [r.id, r.teamId]));
  }
  const visible = targets.filter((t) => {
    if (filters.rep) return t.scope === "REP" && t.scopeId === filters.rep;
    switch (scope.kind) {
      case "org":
        return t.scope === "COMPANY";
      case "teams":
        return (t.scope === "TEAM" && scope.teamIds.includes(t.scopeId ?? "")) || (t.scope === "REP" && scope.teamIds.includes(repTeams.get(t.scopeId ?? "") ?? ""));
      case "rep":
        return (t.scope === "REP" && t.scopeId === scope.userId) || (t.scope === "TEAM" && t.scopeId === repTeams.get(scope.userId));
    }
  });
  if (!visible.length) return [];

  // One scan per period over the scope's deals only: the company, every team and every rep at once
  // (GROUPING SETS). New logos cost an index probe per won deal, so only when a target asks.
  const scopeSql =
    filters.rep ? `AND d."ownerId" = $8`
    : scope.kind === "teams" ? `AND d."teamId" = ANY($8::uuid[])`
    : scope.kind === "rep" ? `AND (d."ownerId" = $8 OR d."teamId" = $9)`
    : "";
  const scopeValues =
    filters.rep ? [filters.rep]
    : scope.kind === "teams" ? [scope.teamIds]
    : scope.kind === "rep" ? [scope.userId, repTeams.get(scope.userId) ?? null]
    : [];
  const logos = visible.some((t) => t.metric === "new_logos");
  const actuals = new Map<string, Actuals>();
  for (const period of new Set(visible.map((t) => t.period))) {
    const bounds = periodBounds(period)!;
    const { rows } = await pool.query<{ team: string | null; owner: string | null; gt: number; go: number; won: number | null; weighted: number | null; new_logos: string; in_target: number | null; value: number | null; avg_score: number | null; discount: number | null; off: string }>(
      `${logos ? `WITH fresh AS (
         -- Accounts won in the period that had never been won before: one index probe per account.
         SELECT c."accountId" FROM (SELECT DISTINCT d."accountId" FROM "Deal" d
           WHERE d."organizationId" = $1 AND d."expectedCloseDate" >= $2 AND d."expectedCloseDate" < $3 AND d.stage = 'WON' ${scopeSql}) c
         WHERE NOT EXISTS (SELECT 1 FROM "Deal" e WHERE e."accountId" = c."accountId" AND e.stage = 'WON' AND e."expectedCloseDate" < $2))` : ""}
       SELECT d."teamId" AS team, d."ownerId" AS owner, GROUPING(d."teamId") AS gt, GROUPING(d."ownerId") AS go,
         sum(d.amount) FILTER (WHERE d.stage = 'WON') AS won,
         sum(d.amount * CASE d.stage WHEN 'PROSPECTING' THEN $4::float8 WHEN 'QUALIFYING' THEN $5::float8 WHEN 'PROPOSAL' THEN $6::float8 WHEN 'NEGOTIATION' THEN $7::float8 ELSE 0 END) AS weighted,
         ${logos ? `count(DISTINCT d."accountId") FILTER (WHERE d.stage = 'WON' AND fresh."accountId" IS NOT NULL)` : "0"} AS new_logos,
         sum(d.amount) FILTER (WHERE d."inTargetSegment" AND d.stage <> 'LOST') AS in_target,
         sum(d.amount) FILTER (WHERE d.stage <> 'LOST') AS value,
         avg(d.score) FILTER (WHERE d.stage <> 'LOST') AS avg_score,
         sum(d."discountPct" * d.amount) FILTER (WHERE d."discountPct" IS NOT NULL AND d.stage <> 'LOST') / NULLIF(sum(d.amount) FILTER (WHERE d."discountPct" IS NOT NULL AND d.stage <> 'LOST'), 0) AS discount,
         count(*) FILTER (WHERE d."offStrategy" AND d.stage <> 'LOST') AS off
       FROM "Deal" d
       ${logos ? `LEFT JOIN fresh ON fresh."accountId" = d."accountId"` : ""}
       WHERE d."organizationId" = $1 AND d."expectedCloseDate" >= $2 AND d."expectedCloseDate" < $3 ${scopeSql}
       GROUP BY GROUPING SETS ((), (d."teamId"), (d."ownerId"))`,
      [org, isoDay(bounds.start), isoDay(bounds.end), STAGE_PROBABILITY.PROSPECTING, STAGE_PROBABILITY.QUALIFYING, STAGE_PROBABILITY.PROPOSAL, STAGE_PROBABILITY.NEGOTIATION, ...scopeValues],
    );
    for (const r of rows) {
      const key = r.gt === 1 && r.go === 1 ? "COMPANY" : r.gt === 0 ? `TEAM:${r.team}` : `REP:${r.owner}`;
      actuals.set(`${period}|${key}`, {
        won: Number(r.won ?? 0), weighted: Number(r.weighted ?? 0), newLogos: Number(r.new_logos), inTarget: Number(r.in_target ?? 0),
        value: Number(r.value ?? 0), avgScore: r.avg_score === null ? null : Number(r.avg_score), discount: r.discount === null ? null : Number(r.discount), offStrategy: Number(r.off),
      });
    }
  }

  return visible.map((t) => {
    const bounds = periodBounds(t.period)!;
    const span = bounds.end.getTime() - bounds.start.getTime();
    const elapsed = Math.min(1, Math.max(0.01, (now.getTime() - bounds.start.getTime()) / span));
    const a = actuals.get(`${t.period}|${t.scope === "COMPANY" ? "COMPANY" : `${t.scope}:${t.scopeId}`}`);
    const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
    let actual: number | null = null;
    let projected: number | null = null;
    if (a) {
      switch (t.metric) {
        case "revenue": actual = a.won; projected = a.won + a.weighted; break;
        case "new_logos": actual = a.newLogos; projected = a.newLogos / elapsed; break;
        case "target_segment_share": actual = a.value > 0 ? (100 * a.inTarget) / a.value : null; projected = actual; break;
        case "avg_alignment_score": actual = a.avgScore; projected = actual; break;
        case "avg_discount": actual = a.discount; projected = actual; break;
        case "off_strategy_count": actual = a.offStrategy; projected = a.offStrategy / elapsed; break;
      }
    }
    const direction = AT_MOST.has(t.metric) ? "atMost" : "atLeast";
    const progress = actual === null ? 0 : direction === "atLeast" ? (t.value > 0 ? Math.min(1, actual / t.value) : 1) : actual <= t.value ? 1 : Math.max(0, t.value / actual);
    const scopeLabel = t.scope === "COMPANY" ? "Company" : t.scopeName ?? (t.scope === "TEAM" ? "Removed team" : "Former user");
    const extra: Record<string, string> = { from: isoDay(bounds.start)!, to: isoDay(new Date(bounds.end.getTime() - 86_400_000))! };
    if (t.scope === "TEAM" && t.scopeId) extra.team = t.scopeId;
    if (t.scope === "REP" && t.scopeId) extra.rep = t.scopeId;
    return {
      id: t.id,
      label: METRIC_LABEL[t.metric].replace(/ \((%|at most)\)$/, ""),
      scopeLabel,
      period: t.period,
      unit: UNIT[t.metric],
      direction,
      target: t.value,
      actual: round(actual),
      projected: round(projected),
      progress,
      status: targetStatus(direction, t.value, actual, projected),
      href: filterHref("/deals", {}, extra),
    };
  });
}
