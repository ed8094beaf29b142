// What-if on a whole pipeline: `npm run bench:whatif`, after
// `npm run db:generate-demo -- --deals 1000000 --open --org-slug scale-open` (1,000,000 open deals).
//
// Prints, in one run on the same rows:
//   - the baseline: a plain streaming read of every open deal (the job's own walk,
//     lib/jobs/deal-stream.ts, nothing scored or written);
//   - the what-if end to end, as leadership starts it: queued by startWhatIf, picked up by the
//     worker inside `next start`, scored, written and summarised; from the job's creation to the
//     run's summary, by the database's clock; and its ratio to the baseline;
//   - the manager dashboard served by that same app instance, median, idle and while the what-if
//     runs (a manager reloading it about once a second), and the ratio of the two (target: within 2×).
import os from "node:os";
import { performance } from "node:perf_hooks";
import { ensureDatabase } from "../scripts/lib/database.mjs";
import { median, startApp } from "./app-server";

const ORG = process.env.BENCH_ORG ?? "scale-open";
const PORT = Number(process.env.BENCH_PORT ?? 3310);
const RUNS = Number(process.env.BENCH_RUNS ?? 11);

async function main() {
  const server = await ensureDatabase({ log: () => {} });
  const url = process.env.DATABASE_URL ?? server.url;
  process.env.DATABASE_URL = url;
  const { db } = await import("../lib/db");
  const { rawPool } = await import("../lib/db-raw");
  const { nextOpenDeals } = await import("../lib/jobs/deal-stream");
  const { ensureDraft, saveSection } = await import("../lib/strategy/draft");
  const { startWhatIf, WHATIF_BATCH } = await import("../lib/whatif/run");

  const org = await db.organization.findUnique({ where: { slug: ORG } });
  if (!org) {
    console.error(`No organisation "${ORG}". Run: npm run db:generate-demo -- --deals 1000000 --open --org-slug ${ORG}`);
    process.exit(1);
  }
  const open = await db.deal.count({ where: { organizationId: org.id, stage: { in: ["PROSPECTING", "QUALIFYING", "PROPOSAL", "NEGOTIATION"] } } });
  const leaderRow = await db.user.findUniqueOrThrow({ where: { email: `leader@${ORG}.test` } });
  const leader = { userId: leaderRow.id, organizationId: org.id, organizationName: org.name, role: leaderRow.role, teamId: leaderRow.teamId, name: leaderRow.name, email: leaderRow.email };
  console.log(`What-if on organisation "${ORG}": ${open.toLocaleString("en")} open deals; batches of ${WHATIF_BATCH.toLocaleString("en")}.`);
  console.log(`Machine: ${os.cpus().length} cores, Node ${process.version}.\n`);

  // The draft: the value position moves to "sell it for more" and one available capability is withdrawn.
  const draft = await ensureDraft(leader as never);
  const position = draft.valueProposition.valuePosition === 80 ? 20 : 80;
  let { revision } = await saveSection(leader as never, { section: "valueProposition", versionId: draft.id, revision: draft.revision, data: { ...draft.valueProposition, valuePosition: position } });
  const withdrawn = draft.capabilities.find((c) => c.status === "available");
  if (withdrawn) {
    const capabilities = draft.capabilities.map((c) => (c.key === withdrawn.key ? { ...c, status: "not_offered" as const } : c));
    ({ revision } = await saveSection(leader as never, { section: "capabilities", versionId: draft.id, revision, data: { capabilities } as never }));
  }
  console.log(`Draft: value position ${draft.valueProposition.valuePosition} → ${position}${withdrawn ? `; "${withdrawn.name}" no longer offered` : ""}.`);

  // Baseline: the job's own streamed walk of the open deals, read through, nothing scored or written.
  let t = performance.now();
  let read = 0;
  for (let cursor: string | null = null; ;) {
    const batch = await nextOpenDeals("bench-baseline", org.id, "00000000-0000-0000-0000-000000000000", cursor, WHATIF_BATCH);
    if (!batch.length) break;
    read += batch.length;
    cursor = batch[batch.length - 1]!.id;
  }
  const readSeconds = (performance.now() - t) / 1000;
  console.log(`Plain streaming read: ${read.toLocaleString("en")} deals in ${readSeconds.toFixed(1)} s.`);

  const app = await startApp(url, PORT);
  try {
    const cookie = await app.signIn(`manager1@${ORG}.test`);
    for (let i = 0; i < 3; i++) await app.timePage("/dashboard", cookie);
    const idle: number[] = [];
    for (let i = 0; i < RUNS; i++) idle.push(await app.timePage("/dashboard", cookie));

    // As leadership starts it: the app's worker (in `next start`) picks the job up.
    const { runId } = await startWhatIf(leader as never, { versionId: draft.id, revision });
    t = performance.now();
    const busy: number[] = [];
    let summary: unknown = null;
    while (!summary) {
      // A manager looking at the dashboard about once a second meanwhile.
      const ms = await app.timePage("/dashboard", cookie);
      busy.push(ms);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - ms)));
      const run = await db.whatIfRun.findUnique({ where: { id: runId }, select: { summary: true } });
      if (!run) throw new Error("the run disappeared");
      summary = run.summary;
      const job = await db.whatIfRun.findUniqueOrThrow({ where: { id: runId } }).then((r) => db.job.findUniqueOrThrow({ where: { id: r.jobId! } }));
      if (job.status === "failed" || job.status === "cancelled") throw new Error(`what-if ${job.status}: ${job.error}`);
      if ((performance.now() - t) / 1000 > 600) throw new Error("what-if did not finish in 10 minutes");
    }
    const { rows: [timing] } = await rawPool().query<{ seconds: number; done: number }>(
      `SELECT extract(epoch FROM r."finishedAt" - j."createdAt")::float8 AS seconds, j."done"
       FROM "WhatIfRun" r JOIN "Job" j ON j."id" = r."jobId" WHERE r."id" = $1`, [runId]);
    const s = summary as { deals: number; toOff: { deals: number; value: number }; toAligned: { deals: number }; value: number };
    const idleMs = median(idle);
    const busyMs = median(busy);
    console.log(`\n| Figure | Value | Target |`);
    console.log(`|---|---|---|`);
    console.log(`| What-if end to end (${s.deals.toLocaleString("en")} open deals, queued → summary) | ${timing!.seconds.toFixed(1)} s (${(s.deals / timing!.seconds).toFixed(0)} deals/s) | ≤ 60 s: ${timing!.seconds <= 60 ? "met" : "NOT met"} |`);
    console.log(`| Plain streaming read of the same rows (baseline) | ${readSeconds.toFixed(1)} s | |`);
    console.log(`| Ratio what-if / read | ${(timing!.seconds / readSeconds).toFixed(2)}× | |`);
    console.log(`| Manager dashboard, idle (median of ${idle.length}) | ${idleMs.toFixed(0)} ms | |`);
    console.log(`| Manager dashboard during the what-if (median of ${busy.length}) | ${busyMs.toFixed(0)} ms | ≤ 2× idle: ${busyMs <= 2 * idleMs ? "met" : "NOT met"} (${(busyMs / idleMs).toFixed(2)}×) |`);
    console.log(`\nResult: ${s.toOff.deals.toLocaleString("en")} deals turn off-strategy (${((s.toOff.value / s.value) * 100).toFixed(1)} % of pipeline value), ${s.toAligned.deals.toLocaleString("en")} turn aligned.`);
  } finally {
    app.stop();
    await db.$disconnect();
    await rawPool().end();
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
