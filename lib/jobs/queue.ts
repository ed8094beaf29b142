import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// Jobs live in PostgreSQL: any app instance may run them (FOR UPDATE SKIP LOCKED), and a job whose
// runner died is picked up again once its lease (lockedUntil) runs out, resuming from its cursor.
export const LEASE_SECONDS = Number(process.env.KEEL_JOB_LEASE_SECONDS ?? 60) || 60;

export type JobRow = {
  id: string; organizationId: string; kind: string; status: string; payload: Prisma.JsonValue;
  total: number; done: number; cursor: string | null;
};

export async function enqueueJob(tx: Tx, job: { organizationId: string; kind: string; payload: Prisma.InputJsonValue; total?: number }) {
  return tx.job.create({ data: { ...job, total: job.total ?? 0 } });
}

/** Takes the oldest runnable job and leases it to this runner. */
export async function claimJob(kinds: string[]): Promise<JobRow | null> {
  const rows = await db.$queryRaw<JobRow[]>`
    UPDATE "Job" SET "status" = 'running', "startedAt" = COALESCE("startedAt", now()),
      "lockedUntil" = now() + make_interval(secs => ${LEASE_SECONDS})
    WHERE "id" = (
      SELECT "id" FROM "Job"
      WHERE "kind" = ANY(${kinds}::text[]) AND ("status" = 'queued' OR ("status" = 'running' AND "lockedUntil" < now()))
      ORDER BY "createdAt" FOR UPDATE SKIP LOCKED LIMIT 1
    )
    RETURNING "id", "organizationId", "kind", "status", "payload", "total", "done", "cursor"`;
  return rows[0] ?? null;
}


export async function finishJob(jobId: string, error?: string) {
  // On success every item is done, including those another path had already handled (e.g. deals
  // saved, and so scored, after the publish): progress reads 100 %.
  await db.$executeRaw`
    UPDATE "Job" SET "status" = ${error ? "failed" : "done"}, "error" = ${error ?? null}, "finishedAt" = now(), "lockedUntil" = NULL,
      "done" = CASE WHEN ${!error} THEN GREATEST("done", "total") ELSE "done" END
    WHERE "id" = ${jobId}::uuid AND "status" <> 'cancelled'`;
}

/** Stops a queued or running job: its runner sees this before its next batch and stops there. */
export async function cancelJob(organizationId: string, jobId: string): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE "Job" SET "status" = 'cancelled', "finishedAt" = now(), "lockedUntil" = NULL
    WHERE "id" = ${jobId}::uuid AND "organizationId" = ${organizationId}::uuid AND "status" IN ('queued', 'running')`;
  return n > 0;
}

export async function latestJob(organizationId: string, kind: string) {
  return db.job.findFirst({
    where: { organizationId, kind },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, total: true, done: true, error: true, createdAt: true, finishedAt: true, payload: true },
  });
}
