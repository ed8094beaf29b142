import { NextResponse } from "next/server";
import { withApi } from "@/lib/auth/guard";
import { latestJob } from "@/lib/jobs/queue";
import { RESCORE_KIND } from "@/lib/jobs/rescore";

// GET /api/jobs/rescore — progress of the latest re-scoring of open deals (leadership).
export const GET = withApi({ permission: "strategy:publish" }, async ({ actor }) => {
  const job = await latestJob(actor!.organizationId, RESCORE_KIND);
  if (!job) return NextResponse.json({ job: null });
  const { number } = job.payload as { number?: number };
  return NextResponse.json({
    job: { status: job.status, done: job.done, total: job.total, version: number ?? null, error: job.error, createdAt: job.createdAt, finishedAt: job.finishedAt },
  });
});
