import "server-only";
import type { Tx } from "@/lib/db";
import { isoDay } from "@/lib/dates";
import pg from "pg";
import type { Queryable } from "@/lib/db-raw";
import { dealFacts, scoreDeal } from "@/lib/scoring";
import type { DealInput, StrategySnapshot } from "@/lib/scoring/types";
import { snapshotFor } from "@/lib/deals/scoring";
import type { JobRow } from "@/lib/jobs/queue";
import { runBatch } from "@/lib/jobs/batches";
import { enqueueFlaggedDealsRaw } from "@/lib/webhooks/outbox";
import { flaggedDealData } from "@/lib/webhooks/payloads";

export const RESCORE_KIND = "rescore";
export const RESCORE_BATCH = 1000;
const OPEN_STAGES = ["PROSPECTING", "QUALIFYING", "PROPOSAL", "NEGOTIATION"];
const NIL_UUID = "00000000-0000-0000-0000-000000000000";

type DealRow = {
  id: string; revision: number; stage: string; expectedCloseDate: Date | null; primaryCriterion: string | null;
  name: string; industry: string | null; employees: number | null; revenue: number | null; region: string | null;
} & CurrentFacts;
/** What the deal row says now: what-if compares against it. */
export type CurrentFacts = {
  score: number | null; offStrategy: boolean; amount: number; ownerId: string; teamId: string | null; findingRules: string[] | null;
};
export type RescoreBatch = { id: string; revision: number; input: DealInput; current: CurrentFacts }[];
/** What scoring and writing scores need of a deal. */
export type ScoredBatch = { id: string; revision: number; input: DealInput }[];

const DEAL_COLUMNS = `d."id", d."revision", d."stage"::text AS stage, d."expectedCloseDate", d."primaryCriterion",
       d."score", d."offStrategy", d."amount", d."ownerId", d."teamId", d."findingRules",
       a."name", a."industry", a."employees", a."revenue", a."region"
     FROM "Deal" d JOIN "CustomerAccount" a ON a."id" = d."accountId"`;

/**
 * Open deals after `cursor` (by id), with what the engine needs: four queries per batch. With a
 * `versionId`, only deals not yet scored against it (a deal saved after the publish already was).
 */
export async function loadBatch(q: Queryable, organizationId: string, cursor: string | null, limit = RESCORE_BATCH, versionId: string | null = null): Promise<RescoreBatch> {
  const { rows: deals } = await q.query<DealRow>(
    `SELECT ${DEAL_COLUMNS}
     WHERE d."organizationId" = $1 AND d."stage"::text = ANY($2) AND d."id" > $3
       AND ($5::uuid IS NULL OR d."scoredVersionId" IS DISTINCT FROM $5::uuid)
     ORDER BY d."id" LIMIT $4`,
    [organizationId, OPEN_STAGES, cursor ?? NIL_UUID, limit, versionId],
  );
  return withInputs(q, deals);
}

/** The same for named deals of one organisation (in any stage). */
export async function loadDeals(q: Queryable, organizationId: string, ids: string[]): Promise<RescoreBatch> {
  const { rows: deals } = await q.query<DealRow>(
    `SELECT ${DEAL_COLUMNS} WHERE d."organizationId" = $1 AND d."id" = ANY($2::uuid[]) ORDER BY d."id"`, [organizationId, ids]);
  return withInputs(q, deals);
}

async function withInputs(q: Queryable, deals: DealRow[]): Promise<RescoreBatch> {
  if (!deals.length) return [];
  const ids = deals.map((d) => d.id);
  const read = <T extends pg.QueryResultRow>(sql: string) => q.query<T>(sql, [ids]);
  const queries = [
    () => read<{ dealId: string; productKey: string; quantity: number; unitPrice: number; discountPct: number }>(
      `SELECT "dealId", "productKey", "quantity", "unitPrice", "discountPct" FROM "DealLineItem" WHERE "dealId" = ANY($1::uuid[]) ORDER BY "dealId", "position"`),
    () => read<{ dealId: string; text: string; kind: string; dueDate: Date | null }>(
      `SELECT "dealId", "text", "kind", "dueDate" FROM "Commitment" WHERE "dealId" = ANY($1::uuid[]) ORDER BY "dealId", "position"`),
    () => read<{ dealId: string; text: string }>(
      `SELECT "dealId", "text" FROM "CustomerRequest" WHERE "dealId" = ANY($1::uuid[]) ORDER BY "dealId", "position"`),
  ] as const;
  // From a pool (a read-ahead), the three run side by side on their own connections; inside a
  // transaction they run one after the other, as its one connection would anyway.
  const [lines, commitments, requests] = q instanceof pg.Pool
    ? await Promise.all([queries[0](), queries[1](), queries[2]()])
    : [await queries[0](), await queries[1](), await queries[2]()];
  const group = <T extends { dealId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) (map.get(r.dealId) ?? map.set(r.dealId, []).get(r.dealId)!).push(r);
    return map;
  };
  const [byLine, byCommitment, byRequest] = [group(lines.rows), group(commitments.rows), group(requests.rows)];
  return deals.map((d) => ({
    id: d.id,
    revision: d.revision,
    input: {
      account: { name: d.name, industry: d.industry, employees: d.employees, revenue: d.revenue, region: d.region },
      stage: d.stage.toLowerCase(),
      expectedCloseDate: isoDay(d.expectedCloseDate),
      lineItems: (byLine.get(d.id) ?? []).map((l) => ({ productId: l.productKey, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct })),
      primaryCriterion: d.primaryCriterion,
      commitments: (byCommitment.get(d.id) ?? []).map((c) => ({ text: c.text, kind: c.kind, dueDate: isoDay(c.dueDate) })),
      requests: (byRequest.get(d.id) ?? []).map((r) => ({ text: r.text })),
    } as DealInput,
    current: { score: d.score, offStrategy: d.offStrategy, amount: d.amount, ownerId: d.ownerId, teamId: d.teamId, findingRules: d.findingRules },
  }));
}

export const scoreBatch = (batch: ScoredBatch, snapshot: StrategySnapshot) => batch.map((d) => scoreDeal(d.input, snapshot));

/** Appends a batch's scores and mirrors them on the deals, in two statements. */
export async function writeScores(q: Queryable, organizationId: string, snapshot: StrategySnapshot, batch: ScoredBatch, results = scoreBatch(batch, snapshot)) {
  if (!batch.length) return;
  // One JSON document for the batch, unpacked by PostgreSQL: much cheaper than 1,000 JSON strings
  // escaped into a text[] literal and parsed again one by one.
  const rows = JSON.stringify(batch.map((d, i) => ({ d: d.id, r: d.revision, s: results[i]!.score, o: results[i]!.offStrategy, sub: results[i]!.subScores, f: results[i]!.findings, ins: results[i]!.requestInsights })));
  await q.query(
    `INSERT INTO "DealScore" ("organizationId", "dealId", "strategyVersionId", "dealRevision", "score", "offStrategy", "subScores", "findings", "requestInsights")
     SELECT $1, t.d, $2, t.r, t.s, t.o, t.sub, t.f, t.ins
     FROM jsonb_to_recordset($3::jsonb) AS t(d uuid, r int, s int, o bool, sub jsonb, f jsonb, ins jsonb)`,
    [organizationId, snapshot.versionId, rows],
  );
  // A deal saved meanwhile (newer revision) keeps its own, newer score.
  const facts = JSON.stringify(batch.map((d, i) => {
    const r = results[i]!;
    const f = dealFacts(d.input, snapshot, r);
    return { id: d.id, rev: d.revision, s: r.score, o: r.offStrategy, seg: f.segmentKey, tgt: f.inTargetSegment, prod: f.productKey, disc: f.discountPct, allow: f.allowancePct, rules: f.findingRules, keys: f.criticalKeys, pi: f.promiseIssues };
  }));
  await q.query(
    `UPDATE "Deal" d SET "score" = t.s, "offStrategy" = t.o, "scoredVersionId" = $1, "segmentKey" = t.seg, "inTargetSegment" = t.tgt,
       "productKey" = t.prod, "discountPct" = t.disc, "allowancePct" = t.allow, "findingRules" = t.rules, "criticalKeys" = t.keys, "promiseIssues" = t.pi
     FROM jsonb_to_recordset($2::jsonb) AS t(id uuid, rev int, s int, o bool, seg uuid, tgt bool, prod uuid, disc float8, allow float8, rules text[], keys text[], pi int)
     WHERE d."id" = t.id AND d."revision" = t.rev`,
    [snapshot.versionId, facts],
  );
}

/** Runs one batch of a re-score job (lib/jobs/batches.ts). Returns false when nothing is left. */
export async function runRescoreBatch(job: JobRow): Promise<boolean> {
  const { versionId, batch: batchSize } = job.payload as { versionId: string; batch?: number };
  // KEEL_RESCORE_BATCH: smaller batches for fault tests (kill -9 between two committed batches).
  const limit = batchSize ?? (Number(process.env.KEEL_RESCORE_BATCH) || RESCORE_BATCH);
  const snapshot = await snapshotFor(job.organizationId, versionId);
  if (!snapshot) throw new Error(`strategy version ${versionId} not found`);
  return runBatch(job, {
    load: (q, cursor) => loadBatch(q, job.organizationId, cursor, limit, versionId),
    compute: (batch) => scoreBatch(batch, snapshot),
    write: async (tx, batch, results) => {
      await writeScores(tx, job.organizationId, snapshot, batch, results);
      // Deals this batch turned off-strategy: webhook events in the same transaction (one statement).
      const flagged = batch.flatMap((d, i) => (results[i]!.offStrategy && !d.current.offStrategy ? [{ d, r: results[i]! }] : []));
      await enqueueFlaggedDealsRaw(tx, job.organizationId, flagged.map(({ d, r }) => ({
        id: d.id, revision: d.revision,
        data: flaggedDealData({ id: d.id, name: "", revision: d.revision, ownerId: d.current.ownerId, teamId: d.current.teamId }, r, "rescored", snapshot.versionId),
      })));
    },
  });
}

export async function countOpenDeals(tx: Tx, organizationId: string) {
  return tx.deal.count({ where: { organizationId, stage: { in: ["PROSPECTING", "QUALIFYING", "PROPOSAL", "NEGOTIATION"] } } });
}
