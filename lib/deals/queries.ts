import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Finding, ScoreResult } from "@/lib/scoring/types";
import { visibleDeals } from "@/lib/deals/visibility";
import { z } from "zod";
import { DEAL_STAGES } from "@/lib/scoring/types";
import { OPEN_STAGES, STAGE_LABEL } from "@/lib/validations/deal";
import { PERIODS, PERIOD_LABEL, periodRange, type Period } from "@/lib/dashboard/filters";
import { ruleLabel } from "@/lib/dashboard/labels";
import { partNames } from "@/lib/strategy/part-names";

export const DEAL_PAGE_SIZE = 25;
export const SCORE_BANDS = { low: [0, 49], mid: [50, 79], high: [80, 100] } as const;

// The list's filters live in the URL; unknown or malformed values fall back to "all".
export const dealListQuerySchema = z.object({
  stage: z.enum(DEAL_STAGES).optional().catch(undefined),
  band: z.enum(["low", "mid", "high"]).optional().catch(undefined),
  offStrategy: z.literal("1").optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  // Drill-down filters from the dashboards (lib/dashboard/filters.ts uses the same names).
  period: z.enum(PERIODS).optional().catch(undefined),
  cfrom: z.iso.date().optional().catch(undefined),
  cto: z.iso.date().optional().catch(undefined),
  team: z.union([z.uuid(), z.literal("managed")]).optional().catch(undefined),
  rep: z.uuid().optional().catch(undefined),
  segment: z.union([z.uuid(), z.literal("none")]).optional().catch(undefined),
  product: z.uuid().optional().catch(undefined),
  rule: z.string().regex(/^[a-z_]+\.[a-z_]+$/).max(80).optional().catch(undefined),
  promise: z.uuid().optional().catch(undefined),
  open: z.literal("1").optional().catch(undefined),
  aligned: z.literal("1").optional().catch(undefined),
  promises: z.literal("1").optional().catch(undefined),
  over: z.literal("1").optional().catch(undefined),
  approved: z.literal("1").optional().catch(undefined),
  smin: z.coerce.number().int().min(0).max(100).optional().catch(undefined),
  smax: z.coerce.number().int().min(0).max(100).optional().catch(undefined),
  sort: z.enum(["updated", "score", "amount", "close", "name"]).default("updated").catch("updated"),
  dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type DealListQuery = z.output<typeof dealListQuerySchema>;

const ORDER: Record<DealListQuery["sort"], (dir: "asc" | "desc") => Prisma.DealOrderByWithRelationInput[]> = {
  updated: (dir) => [{ updatedAt: dir }, { id: dir }],
  score: (dir) => [{ score: { sort: dir, nulls: "last" } }, { id: dir }],
  amount: (dir) => [{ amount: dir }, { id: dir }],
  close: (dir) => [{ expectedCloseDate: { sort: dir, nulls: "last" } }, { id: dir }],
  name: (dir) => [{ name: dir }, { id: dir }],
};

const DAY = 86_400_000;
const OPEN_STAGE_VALUES = OPEN_STAGES.map((s) => s.toUpperCase() as Uppercase<(typeof OPEN_STAGES)[number]>);

/** The list's filters as Prisma conditions, for the list, its CSV export and tests. */
export function dealFilterWhere(query: Partial<DealListQuery>, now = new Date(), managedTeams: string[] = []): Prisma.DealWhereInput[] {
  const created = query.period ? periodRange(query.period, now) : null;
  return [
    created ? { createdAt: { ...(created.from ? { gte: created.from } : {}), lt: created.to } } : {},
    query.cfrom || query.cto
      ? { createdAt: { ...(query.cfrom ? { gte: new Date(query.cfrom) } : {}), ...(query.cto ? { lt: new Date(new Date(query.cto).getTime() + DAY) } : {}) } }
      : {},
    query.team === "managed" ? { teamId: { in: managedTeams } } : query.team ? { teamId: query.team } : {},
    query.rep ? { ownerId: query.rep } : {},
    query.segment === "none" ? { segmentKey: null } : query.segment ? { segmentKey: query.segment } : {},
    query.product ? { productKey: query.product } : {},
    query.rule ? { findingRules: { has: query.rule } } : {},
    query.promise ? { criticalKeys: { has: query.promise } } : {},
    query.open ? { stage: { in: OPEN_STAGE_VALUES } } : {},
    query.aligned ? { offStrategy: false } : {},
    query.promises ? { promiseIssues: { gt: 0 } } : {},
    query.over ? { discountPct: { gt: db.deal.fields.allowancePct } } : {},
    query.approved ? { reviewState: "approved", offStrategy: true } : {},
    query.smin !== undefined || query.smax !== undefined ? { score: { ...(query.smin !== undefined ? { gte: query.smin } : {}), ...(query.smax !== undefined ? { lte: query.smax } : {}) } } : {},
  ];
}

/** Every filter of the list (its own and the dashboards' drill-down ones) as Prisma conditions. */
async function listConditions(actor: Actor, query: DealListQuery): Promise<Prisma.DealWhereInput[]> {
  // "managed": the teams the actor manages (a manager's team dashboard drills down with it).
  const managed = query.team === "managed"
    ? (await db.team.findMany({ where: { organizationId: actor.organizationId, managerId: actor.userId }, select: { id: true } })).map((t) => t.id)
    : [];
  return [
    ...dealFilterWhere(query, new Date(), managed),
    query.stage ? { stage: query.stage.toUpperCase() as Uppercase<typeof query.stage> } : {},
    query.band ? { score: { gte: SCORE_BANDS[query.band][0], lte: SCORE_BANDS[query.band][1] } } : {},
    query.offStrategy ? { offStrategy: true } : {},
    query.from || query.to ? { expectedCloseDate: { ...(query.from ? { gte: new Date(query.from) } : {}), ...(query.to ? { lte: new Date(query.to) } : {}) } } : {},
    query.q ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { account: { name: { contains: query.q, mode: "insensitive" } } }] } : {},
  ];
}

export async function listDeals(actor: Actor, query: DealListQuery) {
  const scope = await visibleDeals(actor);
  const where: Prisma.DealWhereInput = { AND: [scope, ...(await listConditions(actor, query))] };
  const [rows, total, byStage] = await Promise.all([
    db.deal.findMany({
      where,
      orderBy: ORDER[query.sort](query.dir),
      skip: (query.page - 1) * DEAL_PAGE_SIZE,
      take: DEAL_PAGE_SIZE,
      select: {
        id: true, name: true, stage: true, amount: true, score: true, offStrategy: true, reviewState: true, expectedCloseDate: true, updatedAt: true,
        account: { select: { name: true } }, owner: { select: { name: true } },
      },
    }),
    db.deal.count({ where }),
    db.deal.groupBy({ by: ["stage"], where, _sum: { amount: true }, _count: { _all: true } }),
  ]);
  return {
    rows,
    total,
    pages: Math.max(1, Math.ceil(total / DEAL_PAGE_SIZE)),
    byStage: byStage.map((s) => ({ stage: s.stage, amount: s._sum.amount ?? 0, count: s._count._all })),
  };
}

export type StoredScore = Omit<ScoreResult, "findings"> & { findings: Finding[] };

export async function getDeal(actor: Actor, dealId: string) {
  const scope = await visibleDeals(actor);
  const deal = await db.deal.findFirst({
    where: { AND: [scope, { id: dealId }] },
    include: {
      account: true,
      owner: { select: { id: true, name: true } },
      lineItems: { orderBy: { position: "asc" } },
      commitments: { orderBy: { position: "asc" } },
      requests: { orderBy: { position: "asc" } },
      scores: { orderBy: { createdAt: "desc" }, take: 50 },
      reviews: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!deal) throw notFound("That deal");
  const versionIds = [...new Set(deal.scores.map((s) => s.strategyVersionId))];
  const authorIds = [...new Set(deal.reviews.map((r) => r.authorId))];
  const [versions, authors] = await Promise.all([
    db.strategyVersion.findMany({ where: { organizationId: actor.organizationId, id: { in: versionIds } }, select: { id: true, number: true } }),
    db.user.findMany({ where: { organizationId: actor.organizationId, id: { in: authorIds } }, select: { id: true, name: true } }),
  ]);
  const versionNumber = new Map(versions.map((v) => [v.id, v.number]));
  const authorName = new Map(authors.map((a) => [a.id, a.name]));
  return {
    ...deal,
    scores: deal.scores.map((s) => ({ ...s, versionNumber: versionNumber.get(s.strategyVersionId) ?? null, findings: s.findings as unknown as Finding[] })),
    reviews: deal.reviews.map((r) => ({ ...r, authorName: authorName.get(r.authorId) ?? "—" })),
  };
}

/** A manager's queue: visible off-strategy deals not approved at their current revision, worst first. */
export async function reviewQueue(actor: Actor, take = 50) {
  const scope = await visibleDeals(actor);
  const rows = await db.deal.findMany({
    where: { AND: [scope, { offStrategy: true, stage: { notIn: ["WON", "LOST"] } }, { OR: [{ reviewState: null }, { reviewState: { not: "approved" } }] }] },
    orderBy: [{ score: "asc" }, { amount: "desc" }],
    take,
    select: {
      id: true, name: true, amount: true, score: true, revision: true, approvedRevision: true, reviewState: true, updatedAt: true,
      account: { select: { name: true } }, owner: { select: { name: true } },
      scores: { orderBy: { createdAt: "desc" }, take: 1, select: { findings: true } },
    },
  });
  return rows.map(({ scores, ...d }) => ({ ...d, findings: ((scores[0]?.findings ?? []) as unknown as Finding[]).filter((f) => f.severity !== "info") }));
}

export const DRILL_KEYS = ["period", "cfrom", "cto", "team", "rep", "segment", "product", "rule", "promise", "open", "aligned", "promises", "over", "approved", "smin", "smax"] as const;

/** The drill-down filters in force, each with a label a person can read ("Rep: Rita Rep"). */
export async function describeDrillDown(actor: Actor, query: DealListQuery): Promise<{ key: (typeof DRILL_KEYS)[number]; label: string; value: string }[]> {
  const org = actor.organizationId;
  // Names of strategy parts by key, read once and only when a chip needs one.
  let parts: Awaited<ReturnType<typeof partNames>> | null = null;
  const part = async () => (parts ??= await partNames(org));
  const out: { key: (typeof DRILL_KEYS)[number]; label: string; value: string }[] = [];
  for (const key of DRILL_KEYS) {
    const v = query[key];
    if (v === undefined) continue;
    const value = String(v);
    switch (key) {
      case "period": out.push({ key, value, label: `Logged: ${PERIOD_LABEL[v as Period].toLowerCase()}` }); break;
      case "cfrom": out.push({ key, value, label: `Logged from ${value}` }); break;
      case "cto": out.push({ key, value, label: `Logged until ${value}` }); break;
      case "team": {
        if (value === "managed") {
          out.push({ key, value, label: "Team: the teams you manage" });
          break;
        }
        const t = await db.team.findFirst({ where: { id: value, organizationId: org }, select: { name: true } });
        out.push({ key, value, label: `Team: ${t?.name ?? "unknown"}` });
        break;
      }
      case "rep": {
        const u = await db.user.findFirst({ where: { id: value, organizationId: org }, select: { name: true } });
        out.push({ key, value, label: `Rep: ${u?.name ?? "unknown"}` });
        break;
      }
      case "segment": out.push({ key, value, label: `Segment: ${value === "none" ? "none" : (await part()).segments.get(value) ?? "removed"}` }); break;
      case "product": out.push({ key, value, label: `Product: ${(await part()).products.get(value) ?? "removed"}` }); break;
      case "rule": out.push({ key, value, label: `Finding: ${ruleLabel(value)}` }); break;
      case "promise": {
        const name = (await part()).catalog.get(value)?.name;
        out.push({ key, value, label: `Promised: ${name ?? "removed item"}` });
        break;
      }
      case "open": out.push({ key, value, label: "Open deals" }); break;
      case "aligned": out.push({ key, value, label: "Aligned (no critical finding)" }); break;
      case "promises": out.push({ key, value, label: "With off-strategy promises" }); break;
      case "over": out.push({ key, value, label: "Discount over allowance" }); break;
      case "approved": out.push({ key, value, label: "Approved exceptions" }); break;
      case "smin": out.push({ key, value, label: `Score ≥ ${value}` }); break;
      case "smax": out.push({ key, value, label: `Score ≤ ${value}` }); break;
    }
  }
  return out;
}

export const DEAL_EXPORT_HEADER = ["Deal id", "Deal", "Account", "Owner", "Stage", "Value", "Expected close", "Logged", "Score", "Off-strategy", "Findings", "Review"];

/** The filtered deal list, in the list's order, as CSV rows, read in pages so large exports stream. */
export async function* exportDeals(actor: Actor, query: DealListQuery, pageSize = 2000): AsyncGenerator<(string | number | boolean | null)[]> {
  const scope = await visibleDeals(actor);
  const where: Prisma.DealWhereInput = { AND: [scope, ...(await listConditions(actor, query))] };
  for (let skip = 0; ; skip += pageSize) {
    const rows = await db.deal.findMany({
      where, orderBy: ORDER[query.sort](query.dir), skip, take: pageSize,
      select: {
        id: true, name: true, stage: true, amount: true, score: true, offStrategy: true, reviewState: true, expectedCloseDate: true, createdAt: true, findingRules: true,
        account: { select: { name: true } }, owner: { select: { name: true } },
      },
    });
    for (const d of rows) {
      yield [
        d.id, d.name, d.account.name, d.owner.name, STAGE_LABEL[d.stage.toLowerCase() as keyof typeof STAGE_LABEL], d.amount,
        d.expectedCloseDate?.toISOString().slice(0, 10) ?? null, d.createdAt.toISOString().slice(0, 10), d.score, d.offStrategy,
        d.findingRules.map(ruleLabel).join("; "), d.reviewState,
      ];
    }
    if (rows.length < pageSize) return;
  }
}
