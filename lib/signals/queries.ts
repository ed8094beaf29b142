import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/sessions";
import { rawPool } from "@/lib/db-raw";
import { isoDay } from "@/lib/dates";
import { notFound } from "@/lib/errors";
import { PERIODS, PERIOD_LABEL, periodRange } from "@/lib/dashboard/filters";
import { SIGNAL_RANKS } from "@/lib/validations/signals";
import { partNames } from "@/lib/strategy/part-names";

// The read side of market signals, in SQL: themes with the money behind them, enablement gaps,
// roadmap demand. "Revenue at stake" is the open value of the distinct deals carrying a theme's
// requests; a request logged against an account alone counts for accounts and reps, not revenue.

const OPEN = ["PROSPECTING", "QUALIFYING", "PROPOSAL", "NEGOTIATION"];

export const signalFiltersSchema = z.object({
  period: z.enum(PERIODS).default("12m").catch("12m"),
  segment: z.union([z.uuid(), z.literal("none")]).optional().catch(undefined),
  rank: z.enum(SIGNAL_RANKS).default("revenue").catch("revenue"),
});
export type SignalFilters = z.output<typeof signalFiltersSchema>;

export interface ThemeRow {
  id: string;
  name: string;
  status: string;
  answer: string | null;
  requests: number;
  accounts: number;
  reps: number;
  revenue: number;
  inTarget: number;
  outOfTarget: number;
  first: string;
  latest: string;
}

function requestFilter(organizationId: string, filters: SignalFilters, now: Date) {
  const range = periodRange(filters.period, now);
  const values: unknown[] = [organizationId];
  const where = [`r."organizationId" = $1`];
  if (range.from) {
    values.push(range.from);
    where.push(`r."createdAt" >= $${values.length}`);
  }
  // The segment is the deal's; a request without a deal has none.
  if (filters.segment === "none") where.push(`(r."dealId" IS NULL OR EXISTS (SELECT 1 FROM "Deal" d WHERE d.id = r."dealId" AND d."segmentKey" IS NULL))`);
  else if (filters.segment) {
    values.push(filters.segment);
    where.push(`EXISTS (SELECT 1 FROM "Deal" d WHERE d.id = r."dealId" AND d."segmentKey" = $${values.length}::uuid)`);
  }
  return { where: where.join(" AND "), values };
}

/** Leadership's board: the themes, ranked by revenue at stake or by distinct accounts. */
export async function signalBoard(actor: Actor, filters: SignalFilters, now = new Date()): Promise<{ periodLabel: string; themes: ThemeRow[] }> {
  const f = requestFilter(actor.organizationId, filters, now);
  const pool = rawPool();
  // Two statements at once, each streamed from its own covering index: per theme, its requests,
  // accounts and reps; and per (theme, deal), so each deal's open value counts once per theme.
  const [per, money] = await Promise.all([
    pool.query(
      `SELECT r."themeId" AS id, count(*) AS requests, count(DISTINCT r."accountId") AS accounts, count(DISTINCT r."authorId") AS reps,
         min(r."createdAt") AS first, max(r."createdAt") AS latest
       FROM "CustomerRequest" r WHERE ${f.where} AND r."themeId" IS NOT NULL GROUP BY 1`,
      f.values,
    ),
    pool.query(
      `SELECT x."themeId" AS id, sum(d.amount) FILTER (WHERE d.stage = ANY($${f.values.length + 1}::"DealStage"[])) AS revenue,
         sum(x.n) FILTER (WHERE d."inTargetSegment") AS in_target, sum(x.n) FILTER (WHERE NOT d."inTargetSegment") AS out_target
       FROM (SELECT r."themeId", r."dealId", count(*) AS n FROM "CustomerRequest" r
             WHERE ${f.where} AND r."themeId" IS NOT NULL AND r."dealId" IS NOT NULL GROUP BY 1, 2) x
       JOIN "Deal" d ON d.id = x."dealId" GROUP BY 1`,
      [...f.values, OPEN],
    ),
  ]);
  const ids = per.rows.map((r) => r.id as string);
  const { rows: themes } = ids.length
    ? await pool.query(`SELECT id, name, status, answer FROM "RequestTheme" WHERE id = ANY($1::uuid[])`, [ids])
    : { rows: [] };
  const byId = new Map(themes.map((t) => [t.id as string, t]));
  const cash = new Map(money.rows.map((m) => [m.id as string, m]));
  const rows: ThemeRow[] = per.rows.map((r) => {
    const t = byId.get(r.id)!;
    const m = cash.get(r.id);
    return {
      id: r.id, name: t.name, status: t.status, answer: t.answer, requests: Number(r.requests), accounts: Number(r.accounts), reps: Number(r.reps),
      revenue: Number(m?.revenue ?? 0), inTarget: Number(m?.in_target ?? 0), outOfTarget: Number(m?.out_target ?? 0), first: isoDay(r.first)!, latest: isoDay(r.latest)!,
    };
  });
  const key = (t: ThemeRow) => (filters.rank === "accounts" ? [t.accounts, t.revenue] : [t.revenue, t.accounts]);
  rows.sort((a, b) => {
    const [a1, a2] = key(a);
    const [b1, b2] = key(b);
    return b1! - a1! || b2! - a2! || a.name.localeCompare(b.name);
  });
  return { periodLabel: PERIOD_LABEL[filters.period], themes: rows.slice(0, 200) };
}

export interface ThemeMember {
  id: string;
  text: string;
  createdAt: string;
  account: string;
  rep: string | null;
  dealId: string | null;
  deal: string | null;
  similarity: number | null;
  shared: string[];
  pinned: boolean;
}

/** Everything about one theme: figures, trend, segments, members (with why each is there). */
export async function themeDetail(actor: Actor, themeId: string) {
  if (!z.uuid().safeParse(themeId).success) throw notFound("That theme");
  const pool = rawPool();
  const { rows: [theme] } = await pool.query(
    `SELECT t.*, u.name AS "answeredBy", m.name AS "mergedInto" FROM "RequestTheme" t
     LEFT JOIN "User" u ON u.id = t."answeredById" LEFT JOIN "RequestTheme" m ON m.id = t."mergedIntoId"
     WHERE t.id = $1 AND t."organizationId" = $2`, [themeId, actor.organizationId]);
  if (!theme) throw notFound("That theme");
  const [figures, trend, segments, members, others, parts] = await Promise.all([
    pool.query(
      `SELECT count(*) AS requests, count(DISTINCT r."accountId") AS accounts, count(DISTINCT r."authorId") AS reps, min(r."createdAt") AS first, max(r."createdAt") AS latest,
         (SELECT COALESCE(sum(amount), 0) FROM (SELECT DISTINCT d.id, d.amount FROM "CustomerRequest" x JOIN "Deal" d ON d.id = x."dealId" WHERE x."themeId" = $1 AND d.stage = ANY($2::"DealStage"[])) o) AS revenue
       FROM "CustomerRequest" r WHERE r."themeId" = $1`, [themeId, OPEN]),
    pool.query(`SELECT to_char(date_trunc('week', "createdAt"), 'YYYY-MM-DD') AS week, count(*) AS requests FROM "CustomerRequest" WHERE "themeId" = $1 GROUP BY 1 ORDER BY 1`, [themeId]),
    pool.query(
      `SELECT d."segmentKey" AS key, bool_or(d."inTargetSegment") AS target, count(*) AS requests
       FROM "CustomerRequest" r LEFT JOIN "Deal" d ON d.id = r."dealId" WHERE r."themeId" = $1 GROUP BY d."segmentKey" ORDER BY requests DESC`, [themeId]),
    pool.query(
      `SELECT r.id, r.text, r."createdAt", a.name AS account, u.name AS rep, r."dealId", d.name AS deal, r."themeSimilarity" AS similarity, r."themeShared" AS shared, r."themePinned" AS pinned
       FROM "CustomerRequest" r JOIN "CustomerAccount" a ON a.id = r."accountId" LEFT JOIN "User" u ON u.id = r."authorId" LEFT JOIN "Deal" d ON d.id = r."dealId"
       WHERE r."themeId" = $1 ORDER BY r."createdAt" DESC LIMIT 100`, [themeId]),
    pool.query(`SELECT id, name, size FROM "RequestTheme" WHERE "organizationId" = $1 AND id <> $2 AND "mergedIntoId" IS NULL AND size > 0 ORDER BY name LIMIT 500`, [actor.organizationId, themeId]),
    partNames(actor.organizationId),
  ]);
  const f = figures.rows[0];
  return {
    theme: {
      id: theme.id as string, name: theme.name as string, status: theme.status as string, answer: theme.answer as string | null,
      answeredBy: theme.answeredBy as string | null, answeredAt: theme.answeredAt ? isoDay(theme.answeredAt) : null,
      capabilityKey: theme.capabilityKey as string | null, mergedInto: theme.mergedIntoId ? { id: theme.mergedIntoId as string, name: theme.mergedInto as string } : null,
      concepts: Object.entries(theme.concepts as Record<string, number>).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([concept, count]) => ({ concept, count })),
    },
    figures: {
      requests: Number(f.requests), accounts: Number(f.accounts), reps: Number(f.reps), revenue: Number(f.revenue),
      first: f.first ? isoDay(f.first) : null, latest: f.latest ? isoDay(f.latest) : null,
    },
    trend: trend.rows.map((r) => ({ week: r.week as string, requests: Number(r.requests) })),
    segments: segments.rows.map((r) => ({ key: r.key as string | null, name: r.key ? parts.segments.get(r.key) ?? "Removed segment" : "No segment (no deal, or no match)", target: r.target as boolean | null, requests: Number(r.requests) })),
    members: members.rows.map((r): ThemeMember => ({
      id: r.id, text: r.text, createdAt: isoDay(r.createdAt)!, account: r.account, rep: r.rep, dealId: r.dealId, deal: r.deal,
      similarity: r.similarity, shared: r.shared ?? [], pinned: r.pinned,
    })),
    others: others.rows.map((r) => ({ id: r.id as string, name: r.name as string, size: Number(r.size) })),
  };
}

/** Requests for what the product already does: per capability and rep, with the rep's team. */
export async function enablementGaps(actor: Actor, filters: SignalFilters, now = new Date()) {
  const f = requestFilter(actor.organizationId, filters, now);
  const { rows } = await rawPool().query(
    `SELECT r."capabilityKey" AS key, r."authorId" AS rep_id, u.name AS rep, t.name AS team, count(*) AS requests, max(r.text) AS example
     FROM "CustomerRequest" r LEFT JOIN "Deal" d ON d.id = r."dealId" LEFT JOIN "User" u ON u.id = r."authorId" LEFT JOIN "Team" t ON t.id = u."teamId"
     WHERE ${f.where} AND r.insight = 'enablement_gap'
     GROUP BY r."capabilityKey", r."authorId", u.name, t.name ORDER BY requests DESC, rep LIMIT 200`,
    f.values,
  );
  const parts = await partNames(actor.organizationId);
  return rows.map((r) => ({ capability: parts.catalog.get(r.key)?.name ?? "Removed capability", rep: (r.rep as string | null) ?? "Former user", team: (r.team as string | null) ?? "No team", requests: Number(r.requests), example: r.example as string }));
}

/** Requests that match a roadmap capability: demand for what is planned. */
export async function roadmapDemand(actor: Actor, filters: SignalFilters, now = new Date()) {
  const f = requestFilter(actor.organizationId, filters, now);
  f.values.push(OPEN);
  const { rows } = await rawPool().query(
    `WITH m AS (
       SELECT r."capabilityKey", r."accountId", r."dealId", d.amount, d.stage
       FROM "CustomerRequest" r LEFT JOIN "Deal" d ON d.id = r."dealId"
       WHERE ${f.where} AND r.insight = 'roadmap_demand'
     ), money AS (
       SELECT "capabilityKey", sum(amount) AS revenue FROM (SELECT DISTINCT "capabilityKey", "dealId", amount FROM m WHERE stage = ANY($${f.values.length}::"DealStage"[])) x GROUP BY 1
     )
     SELECT m."capabilityKey" AS key, count(*) AS requests, count(DISTINCT m."accountId") AS accounts, COALESCE(max(money.revenue), 0) AS revenue
     FROM m LEFT JOIN money ON money."capabilityKey" = m."capabilityKey"
     GROUP BY m."capabilityKey" ORDER BY accounts DESC LIMIT 100`,
    f.values,
  );
  const parts = await partNames(actor.organizationId);
  return rows.map((r) => ({ capability: parts.catalog.get(r.key)?.name ?? "Removed capability", requests: Number(r.requests), accounts: Number(r.accounts), revenue: Number(r.revenue) }));
}

/** Leadership's answers on a deal's requests, for the deal page (reps see why, not the board). */
export async function answersForDeal(dealId: string, organizationId: string) {
  const { rows } = await rawPool().query(
    `SELECT r.id, t.name, t.status, t.answer FROM "CustomerRequest" r JOIN "RequestTheme" t ON t.id = r."themeId"
     WHERE r."dealId" = $1 AND r."organizationId" = $2 AND t.status <> 'open'`, [dealId, organizationId]);
  return new Map(rows.map((r) => [r.id as string, { theme: r.name as string, status: r.status as string, answer: r.answer as string | null }]));
}

/** A rep's own requests, newest first, with leadership's answer when there is one. */
export async function myRequests(actor: Actor, take = 50) {
  const { rows } = await rawPool().query(
    `SELECT r.id, r.text, r."createdAt", a.name AS account, d.id AS "dealId", d.name AS deal, r.insight, t.status, t.answer, t.name AS theme
     FROM "CustomerRequest" r JOIN "CustomerAccount" a ON a.id = r."accountId" LEFT JOIN "Deal" d ON d.id = r."dealId" LEFT JOIN "RequestTheme" t ON t.id = r."themeId"
     WHERE r."organizationId" = $1 AND r."authorId" = $2 ORDER BY r."createdAt" DESC LIMIT $3`,
    [actor.organizationId, actor.userId, take],
  );
  return rows.map((r) => ({
    id: r.id as string, text: r.text as string, createdAt: isoDay(r.createdAt)!, account: r.account as string, dealId: r.dealId as string | null, deal: r.deal as string | null,
    insight: r.insight as string | null, status: (r.status as string | null) ?? null, answer: r.answer as string | null, theme: r.theme as string | null,
  }));
}
