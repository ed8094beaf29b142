import "server-only";
import { rawPool, rawTransaction, type Queryable } from "@/lib/db-raw";
import { LEASE_SECONDS, type JobRow } from "@/lib/jobs/queue";

/**
 * A job that walks its rows in id order, a batch at a time: read, compute (CPU, in this process),
 * write. Re-scoring after a publish and what-if runs are both this shape.
 */
export type BatchedWork<B extends { id: string }, R> = {
  load: (q: Queryable, cursor: string | null) => Promise<B[]>;
  compute: (batch: B[]) => R;
  write: (tx: Queryable, batch: B[], computed: R) => Promise<void>;
  /** Runs in the transaction that finds nothing left, before the job is marked done. */
  finish?: (tx: Queryable) => Promise<void>;
};

// The next batch, read (and computed) ahead while the current one is written: PostgreSQL writes on
// one core while the engine scores on the other.
type Ahead = { batch: { id: string }[]; computed: unknown };
const prefetched = new Map<string, { cursor: string | null; ahead: Promise<Ahead> }>();

/**
 * Runs one batch: the batch's writes, the job's progress and its cursor commit together, so a
 * runner killed mid-batch leaves nothing half-written and the next one resumes where this stopped.
 * Returns false when the job has nothing left or was cancelled.
 */
export async function runBatch<B extends { id: string }, R>(job: JobRow, work: BatchedWork<B, R>): Promise<boolean> {
  return rawTransaction(async (tx) => {
    // Safe without waiting for the WAL flush: a batch and the job's cursor commit atomically, so a
    // commit lost in a crash loses both, and the next runner simply redoes that batch.
    await tx.query("SET LOCAL synchronous_commit = off");
    const { rows: [state] } = await tx.query<{ cursor: string | null; done: number; status: string }>(
      `SELECT "cursor", "done", "status" FROM "Job" WHERE "id" = $1 FOR UPDATE`, [job.id]);
    const early = prefetched.get(job.id);
    prefetched.delete(job.id);
    if (!state || state.status === "cancelled") return false;
    const current = early && early.cursor === state.cursor ? ((await early.ahead.catch(() => null)) as { batch: B[]; computed: R } | null) : null;
    const batch = current?.batch ?? (await work.load(tx, state.cursor));
    if (!batch.length) {
      await work.finish?.(tx);
      return false;
    }
    const cursor = batch[batch.length - 1]!.id;
    const writing = work.write(tx, batch, current ? current.computed : work.compute(batch));
    const ahead = work.load(rawPool(), cursor).then((next) => ({ batch: next, computed: work.compute(next) }));
    ahead.catch(() => {}); // a failed read-ahead is simply read again by the next batch
    prefetched.set(job.id, { cursor, ahead });
    await writing;
    await tx.query(
      `UPDATE "Job" SET "cursor" = $2, "done" = $3, "lockedUntil" = now() + make_interval(secs => $4) WHERE "id" = $1`,
      [job.id, cursor, state.done + batch.length, LEASE_SECONDS],
    );
    return true;
  });
}
