import "server-only";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db-raw";
import type { Actor } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record";
import { AppError, notFound } from "@/lib/errors";
import { runBatch } from "@/lib/jobs/batches";
import { cancelJob, enqueueJob, type JobRow } from "@/lib/jobs/queue";
import { endWalk, nextOpenDeals } from "@/lib/jobs/deal-stream";
import { countOpenDeals } from "@/lib/jobs/rescore";
import type { StrategySnapshot } from "@/lib/scoring/types";
import { compareVersions } from "@/lib/strategy/compare";
import { latestPublished, loadVersion } from "@/lib/strategy/content";
import { toSnapshot } from "@/lib/strategy/snapshot";
import { compareBatch, describeChanges, type ComparedBatch, type DimensionRow, type WhatIfSummary } from "@/lib/whatif/compare";

export const WHATIF_KIND = "whatif";
export const WHATIF_BATCH = 2000;

/** What a run keeps of the draft: the strategy as scored, and what it changes from the version it started from. */
export type RunStrategy = { strategy: StrategySnapshot; basedOn: number | null; changes: string[] };

/**
 * Starts a what-if run of the open pipeline against the organisation's draft, as the caller saw it
 * (`revision`). One run at a time per organisation: a run still going is cancelled.
 */
export async function startWhatIf(actor: Actor, input: { versionId: string; revision: number }): Promise<{ runId: string; total: number }> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`whatif:${actor.organizationId}`}))`;
    const draft = await loadVersion(actor.organizationId, { id: input.versionId }, tx);
    if (!draft) throw notFound("That strategy draft");
    if (draft.status !== "draft") throw new AppError("CONFLICT", "This version is already published. What-if runs on a draft: start the next draft first.");
    if (draft.revision !== input.revision) {
      throw new AppError("CONFLICT", "The draft changed since you opened it. Reload the page to run what-if on the latest draft.");
    }
    // There is one draft at a time, so it always starts from the latest published version.
    const base = await latestPublished(actor.organizationId, tx);
    const strategy: RunStrategy = {
      strategy: toSnapshot(draft),
      basedOn: base?.number ?? null,
      changes: base ? describeChanges(compareVersions(base, draft)) : [],
    };
    const running = await tx.job.findMany({ where: { organizationId: actor.organizationId, kind: WHATIF_KIND, status: { in: ["queued", "running"] } }, select: { id: true } });
    await tx.job.updateMany({ where: { id: { in: running.map((j) => j.id) } }, data: { status: "cancelled", finishedAt: new Date(), lockedUntil: null } });
    const total = await countOpenDeals(tx, actor.organizationId);
    const runId = randomUUID();
    const job = await enqueueJob(tx, { organizationId: actor.organizationId, kind: WHATIF_KIND, payload: { runId }, total });
    await tx.whatIfRun.create({
      data: {
        id: runId, organizationId: actor.organizationId, versionId: draft.id, versionRevision: draft.revision, jobId: job.id,
        snapshot: strategy as never, createdById: actor.userId,
      },
    });
    await recordAudit(tx, actor, { action: "strategy.whatif.run", entityType: "StrategyVersion", entityId: draft.id, after: { revision: draft.revision, deals: total } });
    return { runId, total };
  });
}

/** Cancels a run that is still going; its partial results are never shown. */
export async function cancelWhatIf(actor: Actor, runId: string): Promise<boolean> {
  const run = await db.whatIfRun.findFirst({ where: { id: runId, organizationId: actor.organizationId }, select: { jobId: true } });
  if (!run) throw notFound("That what-if run");
  return run.jobId ? cancelJob(actor.organizationId, run.jobId) : false;
}

// A run's strategy never changes: parse it once per process.
const strategies = new Map<string, RunStrategy>();

async function runStrategy(runId: string): Promise<{ organizationId: string; strategy: RunStrategy } | null> {
  const run = await db.whatIfRun.findUnique({ where: { id: runId }, select: { organizationId: true, snapshot: true } });
  if (!run) return null;
  let strategy = strategies.get(runId);
  if (!strategy) {
    if (strategies.size > 20) strategies.clear();
    strategy = run.snapshot as unknown as RunStrategy;
    strategies.set(runId, strategy);
  }
  return { organizationId: run.organizationId, strategy };
}

/** One batch of a what-if job (lib/jobs/batches.ts): score against the draft, store beside the current score. */
export async function runWhatIfBatch(job: JobRow): Promise<boolean> {
  const { runId, batch: batchSize } = job.payload as { runId: string; batch?: number };
  const run = await runStrategy(runId);
  if (!run) return false; // replaced by a newer run meanwhile
  const draft = run.strategy.strategy;
  const more = await runBatch(job, {
    // One streamed walk of the pipeline (lib/jobs/deal-stream.ts), not a lookup per batch.
    load: (_q, cursor) => nextOpenDeals(job.id, job.organizationId, runId, cursor, batchSize ?? WHATIF_BATCH),
    compute: (batch) => compareBatch(batch, draft),
    write: (tx, _batch, rows) => insertResults(tx, runId, job.organizationId, rows),
    finish: async (tx) => {
      const summary = await summarize(tx, runId);
      await tx.query(`UPDATE "WhatIfRun" SET "summary" = $2, "finishedAt" = now() WHERE "id" = $1`, [runId, JSON.stringify(summary)]);
    },
  }).catch(async (error: unknown) => {
    await endWalk(job.id);
    throw error;
  });
  if (!more) {
    await endWalk(job.id); // cancelled (a finished walk has closed itself)
    // Only the latest complete run is kept: older ones (and their rows) go once this one is done,
    // after its result is already visible.
    await db.$executeRaw`DELETE FROM "WhatIfRun" r WHERE r."organizationId" = ${job.organizationId}::uuid AND r."id" <> ${runId}::uuid
      AND EXISTS (SELECT 1 FROM "WhatIfRun" me WHERE me."id" = ${runId}::uuid AND me."summary" IS NOT NULL AND r."createdAt" < me."createdAt")`;
  }
  return more;
}

const copyArray = (joined: string) => `{${joined}}`; // rule ids: letters, dots and underscores only
const copyValue = (v: string | number | boolean | null) => (v === null ? "\\N" : v === true ? "t" : v === false ? "f" : String(v));

/**
 * Appends a batch's rows with COPY (text format): several times cheaper for PostgreSQL than
 * unpacking a dozen array parameters, and the write is most of a what-if's database time.
 */
export async function insertResults(tx: Queryable, runId: string, organizationId: string, r: ComparedBatch) {
  if (!r.dealId.length) return;
  let text = "";
  for (let i = 0; i < r.dealId.length; i++) {
    text += [runId, organizationId, r.dealId[i]!, r.revision[i]!, r.amount[i]!, r.ownerId[i]!, r.teamId[i]!, r.segmentKey[i]!, r.productKey[i]!,
      r.scoreBefore[i]!, r.offBefore[i]!, r.scoreAfter[i]!, r.offAfter[i]!].map(copyValue).join("\t")
      + `\t${copyArray(r.rulesAdded[i]!)}\t${copyArray(r.rulesRemoved[i]!)}\t${copyArray(r.criticalRules[i]!)}\n`;
  }
  const copy = (tx as pg.PoolClient).query(copyFrom(
    `COPY "WhatIfResult" ("runId", "organizationId", "dealId", "dealRevision", "amount", "ownerId", "teamId", "segmentKey", "productKey",
       "scoreBefore", "offBefore", "scoreAfter", "offAfter", "rulesAdded", "rulesRemoved", "criticalRules") FROM STDIN`));
  await pipeline(Readable.from([text]), copy);
}

const MOVES = `
  count(*)::int AS deals, COALESCE(sum("amount"), 0)::float8 AS value,
  count(*) FILTER (WHERE NOT "offBefore" AND "offAfter")::int AS "toOffDeals",
  COALESCE(sum("amount") FILTER (WHERE NOT "offBefore" AND "offAfter"), 0)::float8 AS "toOffValue",
  count(*) FILTER (WHERE "offBefore" AND NOT "offAfter")::int AS "toAlignedDeals",
  COALESCE(sum("amount") FILTER (WHERE "offBefore" AND NOT "offAfter"), 0)::float8 AS "toAlignedValue"`;

type MoveRow = { deals: number; value: number; toOffDeals: number; toOffValue: number; toAlignedDeals: number; toAlignedValue: number };
const movement = (r: MoveRow) => ({ toOff: { deals: r.toOffDeals, value: r.toOffValue }, toAligned: { deals: r.toAlignedDeals, value: r.toAlignedValue } });

/** The run's comparison, from its rows: four scans, whatever the pipeline's size. */
export async function summarize(q: Queryable, runId: string): Promise<WhatIfSummary> {
  const { rows: [total] } = await q.query<MoveRow & { offBeforeDeals: number; offBeforeValue: number; offAfterDeals: number; offAfterValue: number; avgBefore: number | null; avgAfter: number | null; scoreChanged: number }>(
    `SELECT ${MOVES},
       count(*) FILTER (WHERE "offBefore")::int AS "offBeforeDeals", COALESCE(sum("amount") FILTER (WHERE "offBefore"), 0)::float8 AS "offBeforeValue",
       count(*) FILTER (WHERE "offAfter")::int AS "offAfterDeals", COALESCE(sum("amount") FILTER (WHERE "offAfter"), 0)::float8 AS "offAfterValue",
       avg("scoreBefore")::float8 AS "avgBefore", avg("scoreAfter")::float8 AS "avgAfter",
       count(*) FILTER (WHERE "scoreBefore" IS DISTINCT FROM "scoreAfter")::int AS "scoreChanged"
     FROM "WhatIfResult" WHERE "runId" = $1`, [runId]);
  const { rows: dims } = await q.query<MoveRow & { dim: number; key: string | null; avgDelta: number | null }>(
    `SELECT GROUPING("teamId", "ownerId", "segmentKey", "productKey") AS dim,
       COALESCE("teamId", "ownerId", "segmentKey", "productKey")::text AS key, ${MOVES},
       avg("scoreAfter" - "scoreBefore")::float8 AS "avgDelta"
     FROM "WhatIfResult" WHERE "runId" = $1
     GROUP BY GROUPING SETS (("teamId"), ("ownerId"), ("segmentKey"), ("productKey"))`, [runId]);
  const { rows: rules } = await q.query<{ rule: string; toOffDeals: number; toOffValue: number; toAlignedDeals: number; toAlignedValue: number }>(
    `SELECT rule, sum(o)::int AS "toOffDeals", sum(ov)::float8 AS "toOffValue", sum(a)::int AS "toAlignedDeals", sum(av)::float8 AS "toAlignedValue"
     FROM (
       SELECT unnest("criticalRules") AS rule, 1 AS o, "amount" AS ov, 0 AS a, 0::float8 AS av
         FROM "WhatIfResult" WHERE "runId" = $1 AND NOT "offBefore" AND "offAfter"
       UNION ALL
       SELECT unnest("rulesRemoved"), 0, 0, 1, "amount"
         FROM "WhatIfResult" WHERE "runId" = $1 AND "offBefore" AND NOT "offAfter"
     ) x GROUP BY rule ORDER BY sum(ov) + sum(av) DESC`, [runId]);
  const { rows: movers } = await q.query<{ dealId: string; amount: number; scoreBefore: number | null; scoreAfter: number; offBefore: boolean; offAfter: boolean }>(
    `SELECT "dealId", "amount", "scoreBefore", "scoreAfter", "offBefore", "offAfter" FROM "WhatIfResult"
     WHERE "runId" = $1 AND ("scoreBefore" IS DISTINCT FROM "scoreAfter" OR "offBefore" <> "offAfter")
     ORDER BY ("offBefore" <> "offAfter") DESC, abs("scoreAfter" - COALESCE("scoreBefore", "scoreAfter")) DESC, "amount" DESC, "dealId" LIMIT 10`, [runId]);
  // GROUPING(a, b, c, d) is a bit mask, the last column lowest: 0b0111 means grouped by teamId only.
  const pick = (mask: number): DimensionRow[] => dims
    .filter((d) => d.dim === mask)
    .map((d) => ({ key: d.key, deals: d.deals, value: d.value, ...movement(d), avgDelta: d.avgDelta }))
    .sort((a, b) => b.toOff.value + b.toAligned.value - (a.toOff.value + a.toAligned.value) || Math.abs(b.avgDelta ?? 0) - Math.abs(a.avgDelta ?? 0));
  const t = total!;
  return {
    deals: t.deals,
    value: t.value,
    offBefore: { deals: t.offBeforeDeals, value: t.offBeforeValue },
    offAfter: { deals: t.offAfterDeals, value: t.offAfterValue },
    avgBefore: t.avgBefore,
    avgAfter: t.avgAfter,
    ...movement(t),
    scoreChanged: t.scoreChanged,
    rules: rules.map((r) => ({ rule: r.rule, ...movement({ ...r, deals: 0, value: 0 }) })),
    teams: pick(0b0111),
    reps: pick(0b1011),
    segments: pick(0b1101),
    products: pick(0b1110),
    movers,
  };
}
