import "server-only";
import type { Tx } from "@/lib/db";
import { isoDay } from "@/lib/dates";
import { rawPool, rawTransaction, type Queryable } from "@/lib/db-raw";
import { dealFacts, scoreDeal } from "@/lib/scoring";
import type { DealInput, StrategySnapshot } from "@/lib/scoring/types";
import { snapshotFor } from "@/lib/deals/scoring";
import { LEASE_SECONDS, type JobRow } from "@/lib/jobs/queue";

export const RESCORE_KIND = "rescore";
export const RESCORE_BATCH = 1000;
const OPEN_STAGES = ["PROSPECTING", "QUALIFYING", "PROPOSAL", "NEGOTIATION"];
const NIL_UUID = "00000000-0000-0000-0000-000000000000";

type DealRow = {
  id: string; revision: number; stage: string; expectedCloseDate: Date | null; primaryCriterion: string | null;
  name: string; industry: string | null; employees: number | null; revenue: number | null; region: string | null;
};
export type RescoreBatch = { id: string; revision: number; input: DealInput }[];

/**
 * Open deals after `cursor` (by id) not yet scored against `versionId` (a deal saved after the
 * publish already was), with what the engine needs: four queries per batch.
 */
export async function loadBatch(q: Queryable, organizationId: string, cursor: string | null, limit = RESCORE_BATCH, versionId: string | null = null): Promise<RescoreBatch> {
  const { rows: deals } = await q.query<DealRow>(
    `SELECT d."id", d."revision", d."stage"::text AS stage, d."expectedCloseDate", d."primaryCriterion",
       a."name", a."industry", a."employees", a."revenue", a."region"
     FROM "Deal" d JOIN "CustomerAccount" a ON a."id" = d."accountId"
     WHERE d."organizationId" = $1 AND d."stage"::text = ANY($2) AND d."id" > $3
       AND d."scoredVersionId" IS DISTINCT FROM $5::uuid
     ORDER BY d."id" LIMIT $4`,
    [organizationId, OPEN_STAGES, cursor ?? NIL_UUID, limit, versionId],
  );
  if (!deals.length) return [];
  const ids = deals.map((d) => d.id);
  // One after the other: a transaction's connection runs one query at a time anyway.
  const lines = await q.query<{ dealId: string; productKey: string; quantity: number; unitPrice: number; discountPct: number }>(
    `SELECT "dealId", "productKey", "quantity", "unitPrice", "discountPct" FROM "DealLineItem" WHERE "dealId" = ANY($1::uuid[]) ORDER BY "dealId", "position"`, [ids]);
  const commitments = await q.query<{ dealId: string; text: string; kind: string; dueDate: Date | null }>(
    `SELECT "dealId", "text", "kind", "dueDate" FROM "Commitment" WHERE "dealId" = ANY($1::uuid[]) ORDER BY "dealId", "position"`, [ids]);
  const requests = await q.query<{ dealId: string; text: string }>(
    `SELECT "dealId", "text" FROM "CustomerRequest" WHERE "dealId" = ANY($1::uuid[]) ORDER BY "dealId", "position"`, [ids]);
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
  }));
}

export const scoreBatch = (batch: RescoreBatch, snapshot: StrategySnapshot) => batch.map((d) => scoreDeal(d.input, snapshot));

/** Appends a batch's scores and mirrors them on the deals, in two statements. */
export async function writeScores(q: Queryable, organizationId: string, snapshot: StrategySnapshot, batch: RescoreBatch, results = scoreBatch(batch, snapshot)) {
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

// The next batch, read (and scored) ahead while the current one is written: PostgreSQL writes on
// one core while the engine scores on the other.
type Ahead = { batch: RescoreBatch; results: ReturnType<typeof scoreBatch> };
const prefetched = new Map<string, { cursor: string | null; ahead: Promise<Ahead> }>();

/**
 * Runs one batch of a re-score job: the batch's scores, the job's progress and cursor commit
 * together, so a runner killed mid-batch leaves nothing half-written and the next one resumes.
 * Returns false when the job has nothing left.
 */
export async function runRescoreBatch(job: JobRow): Promise<boolean> {
  const { versionId, batch: batchSize } = job.payload as { versionId: string; batch?: number };
  const limit = batchSize ?? RESCORE_BATCH;
  const snapshot = await snapshotFor(job.organizationId, versionId);
  if (!snapshot) throw new Error(`strategy version ${versionId} not found`);
  return rawTransaction(async (tx) => {
    // Safe without waiting for the WAL flush: a batch and the job's cursor commit atomically, so a
    // commit lost in a crash loses both, and the next runner simply redoes that batch.
    await tx.query("SET LOCAL synchronous_commit = off");
    const { rows: [state] } = await tx.query<{ cursor: string | null; done: number }>(`SELECT "cursor", "done" FROM "Job" WHERE "id" = $1 FOR UPDATE`, [job.id]);
    const early = prefetched.get(job.id);
    prefetched.delete(job.id);
    const current = early && early.cursor === state!.cursor
      ? await early.ahead.catch(() => null)
      : null;
    const batch = current?.batch ?? (await loadBatch(tx, job.organizationId, state!.cursor, limit, versionId));
    if (!batch.length) return false;
    const cursor = batch[batch.length - 1]!.id;
    const writing = writeScores(tx, job.organizationId, snapshot, batch, current?.results ?? scoreBatch(batch, snapshot));
    const ahead = loadBatch(rawPool(), job.organizationId, cursor, limit, versionId).then((next) => ({ batch: next, results: scoreBatch(next, snapshot) }));
    ahead.catch(() => {}); // a failed read-ahead is simply read again by the next batch
    prefetched.set(job.id, { cursor, ahead });
    await writing;
    await tx.query(
      `UPDATE "Job" SET "cursor" = $2, "done" = $3, "lockedUntil" = now() + make_interval(secs => $4) WHERE "id" = $1`,
      [job.id, cursor, state!.done + batch.length, LEASE_SECONDS],
    );
    return true;
  });
}

export async function countOpenDeals(tx: Tx, organizationId: string) {
  return tx.deal.count({ where: { organizationId, stage: { in: ["PROSPECTING", "QUALIFYING", "PROPOSAL", "NEGOTIATION"] } } });
}
