import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Finding, ScoreResult } from "@/lib/scoring/types";
import { visibleDeals } from "@/lib/deals/visibility";
import { z } from "zod";
import { DEAL_STAGES } from "@/lib/scoring/types";

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

export async function listDeals(actor: Actor, query: DealListQuery) {
  const scope = await visibleDeals(actor);
  const where: Prisma.DealWhereInput = {
    AND: [
      scope,
      query.stage ? { stage: query.stage.toUpperCase() as Uppercase<typeof query.stage> } : {},
      query.band ? { score: { gte: SCORE_BANDS[query.band][0], lte: SCORE_BANDS[query.band][1] } } : {},
      query.offStrategy ? { offStrategy: true } : {},
      query.from || query.to ? { expectedCloseDate: { ...(query.from ? { gte: new Date(query.from) } : {}), ...(query.to ? { lte: new Date(query.to) } : {}) } } : {},
      query.q ? { OR: [{ name: { contains: query.q, mode: "insensitive" } }, { account: { name: { contains: query.q, mode: "insensitive" } } }] } : {},
    ],
  };
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
