import "server-only";
import type { Actor } from "@/lib/auth/sessions";
import { rawPool } from "@/lib/db-raw";
import { isoDay } from "@/lib/dates";
import { STAGE_LABEL } from "@/lib/validations/deal";
import { DEAL_STAGES } from "@/lib/scoring/types";
import { type DashboardFilters, PERIOD_LABEL, type PeriodRange, filterHref, periodRange } from "@/lib/dashboard/filters";
import { computeTargets } from "@/lib/dashboard/targets";
import { ruleLabel } from "@/lib/dashboard/labels";
import { partNames } from "@/lib/strategy/part-names";
import type {
  BreakdownRow, Headline, LeadershipView, ManagerDashboard, RecurringPromise, RepFinding, RepView, RuleRow, ScatterPoint, ScoreBucket, StageRisk, WeekPoint,
} from "@/lib/dashboard/types";

// Every figure here is computed by PostgreSQL (GROUP BY, GROUPING SETS, FILTER), over the deal
// columns that mirror the latest score (lib/scoring/facts.ts); nothing loads deals into Node.
// Scope is the caller's: a rep their own deals, a manager their teams', leadership the organisation.


const OPEN = ["PROSPECTING", "QUALIFYING", "PROPOSAL", "NEGOTIATION"];
const lower = (s: string) => s.toLowerCase() as (typeof DEAL_STAGES)[number];

/** Collects positional parameters as a query is assembled. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export type DashboardScope =
  | { kind: "org"; organizationId: string; label: string }
  | { kind: "teams"; organizationId: string; teamIds: string[]; label: string }
  | { kind: "rep"; organizationId: string; userId: string; label: string };

/**
 * What an actor's dashboard covers. A team filter narrows leadership to that team; a manager may
 * pick one of their own teams only (any other id leaves them on all of theirs).
 */
export async function dashboardScope(actor: Actor, filters: Pick<DashboardFilters, "team">): Promise<DashboardScope> {
  const org = actor.organizationId;
  if (actor.role === "REP") return { kind: "rep", organizationId: org, userId: actor.userId, label: actor.name };
  const pool = rawPool();
  if (actor.role === "MANAGER") {
    const { rows } = await pool.query<{ id: string; name: string }>(
      `SELECT id, name FROM "Team" WHERE "organizationId" = $1 AND "managerId" = $2 ORDER BY name`, [org, actor.userId]);
    const picked = rows.find((t) => t.id === filters.team);
    if (picked) return { kind: "teams", organizationId: org, teamIds: [picked.id], label: picked.name };
    return { kind: "teams", organizationId: org, teamIds: rows.map((t) => t.id), label: rows.length === 1 ? rows[0]!.name : "Your teams" };
  }
  if (filters.team) {
    const { rows } = await pool.query<{ name: string }>(`SELECT name FROM "Team" WHERE "organizationId" = $1 AND id = $2`, [org, filters.team]);
    if (rows[0]) return { kind: "teams", organizationId: org, teamIds: [filters.team], label: rows[0].name };
  }
  return { kind: "org", organizationId: org, label: actor.organizationName };
}

/** The scope and filter conditions (not the period) as SQL over `d`, the Deal table. */
function conditions(p: Params, scope: DashboardScope, filters: Partial<DashboardFilters>): string[] {
  const where = [`d."organizationId" = ${p.add(scope.organizationId)}`];
  if (scope.kind === "rep") where.push(`d."ownerId" = ${p.add(scope.userId)}`);
  if (scope.kind === "teams") {
    where.push(`d."teamId" = ANY(${p.add(scope.teamIds)}::uuid[])`);
  }
  if (filters.rep) where.push(`d."ownerId" = ${p.add(filters.rep)}`);
  if (filters.segment === "none") where.push(`d."segmentKey" IS NULL`);
  else if (filters.segment) where.push(`d."segmentKey" = ${p.add(filters.segment)}`);
  if (filters.stage) where.push(`d."stage" = ${p.add(filters.stage.toUpperCase())}::"DealStage"`);
  if (filters.product) where.push(`d."productKey" = ${p.add(filters.product)}`);
  return where;
}

/**
 * A deal-list link for a figure: the dashboard's filters plus the row's, with the period turned
 * into the dates it covered, so the list shows exactly the deals that were counted.
 */
function drillHref(filters: Partial<DashboardFilters>, range: PeriodRange, extra: Record<string, string | number | undefined>, scope?: DashboardScope): string {
  const dates = { cfrom: range.from ? isoDay(range.from)! : undefined, cto: isoDay(new Date(range.to.getTime() - 86_400_000))! };
  // A team dashboard counts its teams' deals; the list must too (a manager's own deals outside them are not counted).
  const team = scope?.kind === "teams" ? (scope.teamIds.length === 1 ? scope.teamIds[0] : "managed") : filters.team;
  return filterHref("/deals", { ...filters, team: undefined, period: undefined }, { team, ...dates, ...extra });
}

/** The deal-list link of one week, clipped to the period (a week can start before it). */
function weekHref(filters: Partial<DashboardFilters>, range: PeriodRange, week: string, scope?: DashboardScope): string {
  const start = new Date(`${week}T00:00:00Z`);
  const from = range.from && range.from > start ? range.from : start;
  const end = new Date(Math.min(start.getTime() + 7 * 86_400_000, range.to.getTime()) - 86_400_000);
  return drillHref(filters, range, { cfrom: isoDay(from)!, cto: isoDay(end)! }, scope);
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

async function names(table: "User" | "Team", organizationId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { rows } = await rawPool().query<{ id: string; name: string }>(
    `SELECT id, name FROM "${table}" WHERE "organizationId" = $1 AND id = ANY($2::uuid[])`, [organizationId, ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

type GroupRow = {
  gmask: number; week: string | null; bucket: number | null; owner: string | null; team: string | null; seg: string | null; prod: string | null; stage: string | null;
  deals: string; value: number | null; aligned: number | null; off_value: number | null; avg_score: number | null;
};

// GROUPING(wk, bucket, owner, team, seg, prod, stage): bit 6 is wk … bit 0 is stage; a set's own bit is 0.
const SETS = ["week", "bucket", "rep", "team", "segment", "product", "stage"] as const;
function setOf(mask: number): (typeof SETS)[number] {
  const i = SETS.findIndex((_, index) => (mask & (1 << (SETS.length - 1 - index))) === 0);
  return SETS[i]!;
}
function keyOf(r: GroupRow): string {
  switch (setOf(r.gmask)) {
    case "week": return r.week!;
    case "bucket": return String(r.bucket);
    case "rep": return r.owner!;
    case "team": return r.team ?? "none";
    case "segment": return r.seg ?? "none";
    case "product": return r.prod ?? "none";
    case "stage": return r.stage!;
  }
}

/** The manager dashboard: headline figures, breakdowns, scatter, stages and targets, for one scope (resolved here unless the caller has it). */
export async function managerDashboard(actor: Actor, filters: DashboardFilters, now = new Date(), known?: DashboardScope): Promise<ManagerDashboard> {
  const scope = known ?? (await dashboardScope(actor, filters));
  const range = periodRange(filters.period, now);
  const pool = rawPool();

  // 1. Headline figures for this period and the previous one, in one scan of both.
  const hp = new Params();
  const hWhere = conditions(hp, scope, filters);
  const from = range.previous?.from ?? range.from;
  if (from) hWhere.push(`d."createdAt" >= ${hp.add(from)}`);
  hWhere.push(`d."createdAt" < ${hp.add(range.to)}`);
  const cur = range.from ? `d."createdAt" >= ${hp.add(range.from)}` : "true";
  const open = `d."stage" = ANY(${hp.add(OPEN)}::"DealStage"[])`;
  const headlineSql = `
    SELECT (${cur}) AS current,
      sum(d.amount) FILTER (WHERE ${open}) AS pipeline,
      sum(d.amount) FILTER (WHERE ${open} AND NOT d."offStrategy") AS aligned,
      sum(d."promiseIssues") FILTER (WHERE ${open}) AS promises,
      sum((d."discountPct" - d."allowancePct") * d.amount) FILTER (WHERE d."discountPct" IS NOT NULL) / NULLIF(sum(d.amount) FILTER (WHERE d."discountPct" IS NOT NULL), 0) AS over_policy,
      count(*) FILTER (WHERE d."reviewState" = 'approved' AND d."offStrategy") AS approved
    FROM "Deal" d WHERE ${hWhere.join(" AND ")} GROUP BY 1`;

  // 2. Every breakdown of the period's deals in one scan: GROUPING SETS.
  const bp = new Params();
  const bWhere = conditions(bp, scope, filters);
  if (range.from) bWhere.push(`d."createdAt" >= ${bp.add(range.from)}`);
  bWhere.push(`d."createdAt" < ${bp.add(range.to)}`);
  // Grouped on the raw columns (no per-row casts); GROUPING() tells which set a row belongs to, and
  // a NULL key within a set means "no team / no segment / no product".
  const breakdownSql = `
    SELECT GROUPING(wk, bucket, owner, team, seg, prod, stage) AS gmask, to_char(wk, 'YYYY-MM-DD') AS week, bucket, owner, team, seg, prod, stage,
      count(*) AS deals, sum(amount) AS value, sum(amount) FILTER (WHERE NOT off) AS aligned,
      sum(amount) FILTER (WHERE off) AS off_value, avg(score) AS avg_score
    FROM (SELECT date_trunc('week', d."createdAt") AS wk, LEAST(d.score / 10, 9) AS bucket, d."ownerId" AS owner, d."teamId" AS team,
            d."segmentKey" AS seg, d."productKey" AS prod, d.stage, d.amount, d."offStrategy" AS off, d.score
          FROM "Deal" d WHERE ${bWhere.join(" AND ")}) f
    GROUP BY GROUPING SETS ((wk), (bucket), (owner), (team), (seg), (prod), (stage))`;

  // 3. Findings by rule, and 4. the scatter of discounts (the largest deals), same filter.
  const ruleSql = `SELECT r AS k, count(*) AS deals, sum(d.amount) AS value FROM "Deal" d, unnest(d."findingRules") r WHERE ${bWhere.join(" AND ")} GROUP BY r ORDER BY deals DESC`;
  // The 300 largest from the covering index first; only those 300 rows are read for their names.
  const scatterSql = `SELECT t.id, n.name, t."discountPct", t."allowancePct", t.amount, t."offStrategy"
    FROM (SELECT d.id, d."discountPct", d."allowancePct", d.amount, d."offStrategy" FROM "Deal" d
          WHERE ${bWhere.join(" AND ")} AND d."discountPct" IS NOT NULL ORDER BY d.amount DESC LIMIT 300) t
    JOIN "Deal" n ON n.id = t.id ORDER BY t.amount DESC`;

  const [headline, groups, rules, scatter, labels, targets] = await Promise.all([
    pool.query<{ current: boolean; pipeline: number | null; aligned: number | null; promises: string | null; over_policy: number | null; approved: string }>(headlineSql, hp.values),
    pool.query<GroupRow>(breakdownSql, bp.values),
    pool.query<{ k: string; deals: string; value: number | null }>(ruleSql, bp.values),
    pool.query<{ id: string; name: string; discountPct: number; allowancePct: number; amount: number; offStrategy: boolean }>(scatterSql, bp.values),
    partNames(scope.organizationId),
    computeTargets(scope, filters, now),
  ]);

  const link = (extra: Record<string, string | number | undefined>) => drillHref(filters, range, extra, scope);
  const h = (current: boolean) => headline.rows.find((r) => r.current === current);
  const now_ = h(true);
  const prev = range.previous ? h(false) : undefined;
  const figure = (row: typeof now_) => ({
    pipeline: row ? num(row.pipeline) : 0,
    aligned: row ? pct(num(row.aligned), num(row.pipeline)) : null,
    promises: row ? num(row.promises) : 0,
    overPolicy: row ? numOrNull(row.over_policy) : null,
    approved: row ? num(row.approved) : 0,
  });
  const a = figure(now_);
  const b = range.previous ? figure(prev) : null;
  const headlines: Headline[] = [
    { key: "pipeline", label: "Open pipeline", value: a.pipeline, previous: b?.pipeline ?? null, unit: "money", better: "up", hint: "Deals logged in the period and still open", href: link({ open: 1 }) },
    { key: "alignedShare", label: "Aligned share", value: a.aligned, previous: b?.aligned ?? null, unit: "percent", better: "up", hint: "Of open pipeline value, with no critical finding", href: link({ open: 1, aligned: 1 }) },
    { key: "offStrategyPromises", label: "Off-strategy promises", value: a.promises, previous: b?.promises ?? null, unit: "count", better: "down", hint: "Critical findings on promises in open deals", href: link({ open: 1, promises: 1 }) },
    { key: "discountOverPolicy", label: "Discount against policy", value: a.overPolicy, previous: b?.overPolicy ?? null, unit: "points", better: "down", hint: "Average discount minus allowance, weighted by value", href: link({ over: 1 }) },
    { key: "approvedExceptions", label: "Approved exceptions", value: a.approved, previous: b?.approved ?? null, unit: "count", better: "down", hint: "Off-strategy deals a manager approved", href: link({ approved: 1 }) },
  ];

  const keyed = groups.rows.map((r) => ({ ...r, g: setOf(r.gmask), k: keyOf(r) }));
  const byGroup = (g: (typeof SETS)[number]) => keyed.filter((r) => r.g === g);
  const [reps, teams] = await Promise.all([
    names("User", scope.organizationId, byGroup("rep").map((r) => r.k!).filter(Boolean)),
    names("Team", scope.organizationId, byGroup("team").map((r) => r.k!).filter((k) => k !== "none")),
  ]);
  const breakdown = (g: (typeof SETS)[number], label: (k: string) => string, param: string): BreakdownRow[] =>
    byGroup(g)
      .map((r) => ({
        key: r.k!, label: label(r.k!), deals: num(r.deals), value: num(r.value),
        alignedShare: pct(num(r.aligned), num(r.value)), avgScore: numOrNull(r.avg_score),
        href: link({ [param]: r.k! }),
      }))
      .sort((x, y) => y.value - x.value);

  const weekly: WeekPoint[] = byGroup("week")
    .map((r) => ({
      week: r.k!, deals: num(r.deals), value: num(r.value), alignedShare: pct(num(r.aligned), num(r.value)), avgScore: numOrNull(r.avg_score),
      href: weekHref(filters, range, r.k!, scope),
    }))
    .sort((x, y) => x.week.localeCompare(y.week));

  const buckets = new Map(byGroup("bucket").map((r) => [Number(r.k), r]));
  const distribution: ScoreBucket[] = Array.from({ length: 10 }, (_, i) => {
    const r = buckets.get(i);
    const lo = i * 10;
    const hi = i === 9 ? 100 : lo + 9;
    return { label: `${lo}–${hi}`, from: lo, to: hi, deals: num(r?.deals), value: num(r?.value), href: link({ smin: lo, smax: hi }) };
  });

  const stageRows = new Map(byGroup("stage").map((r) => [r.k!, r]));
  const stages: StageRisk[] = OPEN.map((s) => {
    const r = stageRows.get(s);
    return { stage: lower(s), label: STAGE_LABEL[lower(s)], value: num(r?.value), atRisk: num(r?.off_value), deals: num(r?.deals), href: link({ stage: lower(s), offStrategy: 1 }) };
  });

  const byRule: RuleRow[] = rules.rows.map((r) => ({
    ruleId: r.k, label: ruleLabel(r.k), deals: num(r.deals), value: num(r.value), href: link({ rule: r.k }),
  }));

  const points: ScatterPoint[] = scatter.rows.map((r) => ({
    id: r.id, name: r.name, discountPct: r.discountPct, allowancePct: r.allowancePct, amount: r.amount, offStrategy: r.offStrategy, href: `/deals/${r.id}`,
  }));

  return {
    scopeLabel: scope.label,
    periodLabel: PERIOD_LABEL[filters.period],
    headlines,
    weekly,
    distribution,
    byRule,
    byRep: breakdown("rep", (k) => reps.get(k) ?? "Former user", "rep"),
    byTeam: breakdown("team", (k) => (k === "none" ? "No team" : teams.get(k) ?? "Removed team"), "team"),
    bySegment: breakdown("segment", (k) => (k === "none" ? "No segment" : labels.segments.get(k) ?? "Removed segment"), "segment"),
    byProduct: breakdown("product", (k) => (k === "none" ? "No product" : labels.products.get(k) ?? "Removed product"), "product"),
    scatter: points,
    stages,
    targets,
  };
}

/** Leadership: adoption of the current strategy, alignment by team over time, recurring promises. */
export async function leadershipView(actor: Actor, filters: DashboardFilters, now = new Date()): Promise<LeadershipView> {
  const org = actor.organizationId;
  const range = periodRange(filters.period, now);
  const pool = rawPool();
  const p = new Params();
  const where = conditions(p, { kind: "org", organizationId: org, label: "" }, { ...filters, team: undefined });
  if (range.from) where.push(`d."createdAt" >= ${p.add(range.from)}`);
  where.push(`d."createdAt" < ${p.add(range.to)}`);

  const [version, adoption, questions, trend, recurring, labels, teams] = await Promise.all([
    pool.query<{ id: string; number: number; publishedAt: Date }>(
      `SELECT id, number, "publishedAt" FROM "StrategyVersion" WHERE "organizationId" = $1 AND status = 'PUBLISHED' ORDER BY number DESC LIMIT 1`, [org]),
    pool.query<{ teamId: string | null; team: string | null; members: string; acknowledged: string }>(
      `SELECT u."teamId", t.name AS team, count(*) AS members, count(a.id) AS acknowledged
       FROM "User" u LEFT JOIN "Team" t ON t.id = u."teamId"
       LEFT JOIN "StrategyAcknowledgement" a ON a."userId" = u.id AND a."versionId" = (
         SELECT id FROM "StrategyVersion" WHERE "organizationId" = $1 AND status = 'PUBLISHED' ORDER BY number DESC LIMIT 1)
       WHERE u."organizationId" = $1 AND u.active
       GROUP BY u."teamId", t.name ORDER BY t.name NULLS LAST`, [org]),
    pool.query<{ id: string; section: string; body: string; author: string; createdAt: Date; total: string }>(
      `SELECT q.id, q.section, q.body, u.name AS author, q."createdAt", count(*) OVER () AS total
       FROM "StrategyQuestion" q JOIN "User" u ON u.id = q."authorId"
       WHERE q."organizationId" = $1 AND q.answer IS NULL ORDER BY q."createdAt" DESC LIMIT 5`, [org]),
    pool.query<{ wk: string; team: string | null; value: number; aligned: number | null }>(
      `SELECT to_char(date_trunc('week', d."createdAt"), 'YYYY-MM-DD') AS wk, d."teamId" AS team, sum(d.amount) AS value,
         sum(d.amount) FILTER (WHERE NOT d."offStrategy") AS aligned
       FROM "Deal" d WHERE ${where.join(" AND ")} GROUP BY 1, 2 ORDER BY 1`, p.values),
    pool.query<{ k: string; reps: string; deals: string; value: number }>(
      `SELECT k, count(DISTINCT d."ownerId") AS reps, count(*) AS deals, sum(d.amount) AS value
       FROM "Deal" d, unnest(d."criticalKeys") k WHERE ${where.join(" AND ")}
       GROUP BY k ORDER BY reps DESC, deals DESC LIMIT 10`, p.values),
    partNames(org),
    pool.query<{ id: string; name: string }>(`SELECT id, name FROM "Team" WHERE "organizationId" = $1 ORDER BY name`, [org]),
  ]);

  const teamList = teams.rows.map((t) => ({ id: t.id, name: t.name }));
  if (trend.rows.some((r) => r.team === null)) teamList.push({ id: "none", name: "No team" });
  const weeks = new Map<string, Record<string, number | null>>();
  for (const r of trend.rows) {
    const values = weeks.get(r.wk) ?? {};
    values[r.team ?? "none"] = pct(num(r.aligned), num(r.value));
    weeks.set(r.wk, values);
  }
  const v = version.rows[0];
  return {
    periodLabel: PERIOD_LABEL[filters.period],
    version: v ? { number: v.number, publishedAt: v.publishedAt.toISOString() } : null,
    adoption: adoption.rows.map((r) => ({
      teamId: r.teamId, team: r.team ?? "No team", members: num(r.members), acknowledged: num(r.acknowledged),
      share: pct(num(r.acknowledged), num(r.members)),
    })),
    openQuestions: questions.rows.map((q) => ({ id: q.id, section: q.section, body: q.body, author: q.author, createdAt: q.createdAt.toISOString() })),
    openQuestionCount: questions.rows[0] ? num(questions.rows[0].total) : 0,
    teamTrend: {
      teams: teamList.filter((t) => trend.rows.some((r) => (r.team ?? "none") === t.id)),
      points: [...weeks].map(([week, values]) => ({ week, values })),
    },
    recurring: recurring.rows.map((r): RecurringPromise => {
      const part = labels.catalog.get(r.k);
      return {
        key: r.k, name: part?.name ?? "Removed from the strategy", kind: part?.kind ?? "unknown",
        reps: num(r.reps), deals: num(r.deals), value: num(r.value), href: drillHref({}, range, { promise: r.k }),
      };
    }),
  };
}

/** A rep's own view: score trend, open findings with their remedies, targets. */
export async function repView(actor: Actor, filters: DashboardFilters, now = new Date()): Promise<RepView> {
  const scope: DashboardScope = { kind: "rep", organizationId: actor.organizationId, userId: actor.userId, label: actor.name };
  const range = periodRange(filters.period, now);
  const pool = rawPool();
  const p = new Params();
  const where = conditions(p, scope, {});
  if (range.from) where.push(`d."createdAt" >= ${p.add(range.from)}`);
  where.push(`d."createdAt" < ${p.add(range.to)}`);

  const [trend, totals, findings, targets] = await Promise.all([
    pool.query<{ wk: string; deals: string; value: number; aligned: number | null; avg_score: number | null }>(
      `SELECT to_char(date_trunc('week', d."createdAt"), 'YYYY-MM-DD') AS wk, count(*) AS deals, sum(d.amount) AS value,
         sum(d.amount) FILTER (WHERE NOT d."offStrategy") AS aligned, avg(d.score) AS avg_score
       FROM "Deal" d WHERE ${where.join(" AND ")} GROUP BY 1 ORDER BY 1`, p.values),
    pool.query<{ pipeline: number | null; aligned: number | null; promises: string | null; avg_score: number | null }>(
      `SELECT sum(d.amount) AS pipeline, sum(d.amount) FILTER (WHERE NOT d."offStrategy") AS aligned, sum(d."promiseIssues") AS promises, avg(d.score) AS avg_score
       FROM "Deal" d WHERE d."organizationId" = $1 AND d."ownerId" = $2 AND d.stage = ANY($3::"DealStage"[])`, [actor.organizationId, actor.userId, OPEN]),
    // The latest score of each open deal that has findings, worst first.
    pool.query<{ id: string; name: string; score: number; findings: { severity: RepFinding["severity"]; message: string; remedy: string; points: number }[] }>(
      `SELECT d.id, d.name, d.score, s.findings FROM "Deal" d
       CROSS JOIN LATERAL (SELECT findings FROM "DealScore" WHERE "dealId" = d.id ORDER BY "createdAt" DESC LIMIT 1) s
       WHERE d."organizationId" = $1 AND d."ownerId" = $2 AND d.stage = ANY($3::"DealStage"[]) AND cardinality(d."findingRules") > 0
       ORDER BY d.score ASC, d."updatedAt" DESC LIMIT 8`, [actor.organizationId, actor.userId, OPEN]),
    computeTargets(scope, filters, now),
  ]);

  const t = totals.rows[0];
  const headlines: Headline[] = [
    { key: "pipeline", label: "My open pipeline", value: num(t?.pipeline), previous: null, unit: "money", better: "up", hint: "All your open deals", href: "/deals?open=1" },
    { key: "alignedShare", label: "Aligned share", value: pct(num(t?.aligned), num(t?.pipeline)), previous: null, unit: "percent", better: "up", hint: "Of your open pipeline, with no critical finding", href: "/deals?open=1&aligned=1" },
    { key: "offStrategyPromises", label: "Off-strategy promises", value: num(t?.promises), previous: null, unit: "count", better: "down", hint: "Critical findings on your promises", href: "/deals?open=1&promises=1" },
  ];
  return {
    periodLabel: PERIOD_LABEL[filters.period],
    headlines,
    trend: trend.rows.map((r) => ({
      week: r.wk, deals: num(r.deals), value: num(r.value), alignedShare: pct(num(r.aligned), num(r.value)), avgScore: numOrNull(r.avg_score),
      href: weekHref({}, range, r.wk),
    })),
    findings: findings.rows.flatMap((d) =>
      d.findings.filter((f) => f.points > 0).map((f) => ({ dealId: d.id, dealName: d.name, severity: f.severity, message: f.message, remedy: f.remedy, points: f.points })),
    ),
    targets,
  };
}
