// Re-scoring after a publish, end to end (read, score, write), on N open deals (default 100,000)
// with 3 commitments, 2 requests and a line item each: `npm run bench:rescore`.
// Baseline, measured in the same run on the same rows: a plain streaming read (the same batched
// queries, nothing scored or written). Creates and drops its own database; prints figures only.
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { ensureDatabase, withDatabase } from "../scripts/lib/database.mjs";
import { migrate } from "../scripts/lib/migrator.mjs";
import { publishBenchStrategy } from "./strategy-fixture";

const N = Number(process.env.BENCH_DEALS ?? 100_000);
const PROMISES = [
  "Abandoned basket e-mails from day one", "Our AI will set prices automatically", "We will build a custom integration",
  "Hosting on-premise in their data centre", "Audience segmentation for their CRM", "A mobile app for scanning",
  "Checkout reminders in three languages", "Dedicated account manager", "We do NOT offer on-premise hosting",
];
const REQUESTS = ["Remind people who left tickets in the basket", "Seat maps for the arena", "Export to Excel", "Dynamic pricing for peak nights"];

async function main() {
  const server = await ensureDatabase({ log: () => {} });
  const name = `keel_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = withDatabase(server.url, name);
  try {
    await migrate(url);
    process.env.DATABASE_URL = url;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    console.log(`Seeding ${N.toLocaleString("en")} open deals…`);
    const t0 = performance.now();
    const { rows: [org] } = await c.query(`INSERT INTO "Organization" (name, slug) VALUES ('Bench', 'bench') RETURNING id`);
    const { rows: [user] } = await c.query(`INSERT INTO "User" ("organizationId", email, name, "passwordHash", role, "updatedAt") VALUES ($1, 'rep@bench.test', 'Rep', 'x', 'REP', now()) RETURNING id`, [org.id]);
    const { versionId, productKey } = await publishBenchStrategy(c, org.id);
    const version = { id: versionId };
    const product = { key: productKey };
    await c.query(`INSERT INTO "CustomerAccount" ("organizationId", name, industry, employees, region, "updatedAt") SELECT $1, 'Account ' || g, CASE WHEN g % 5 = 0 THEN 'Government' ELSE 'Live events' END, 20 + g % 900, 'EU', now() FROM generate_series(1, 5000) g`, [org.id]);
    await c.query(`
      INSERT INTO "Deal" ("organizationId", "accountId", "ownerId", name, stage, amount, "updatedAt")
      SELECT $1, a.id, $2, 'Deal ' || g, (ARRAY['PROSPECTING','QUALIFYING','PROPOSAL','NEGOTIATION'])[1 + g % 4]::"DealStage", 1000 + g % 50000, now()
      FROM generate_series(1, $3::int) g JOIN LATERAL (SELECT id FROM "CustomerAccount" WHERE "organizationId" = $1 OFFSET (g % 5000) LIMIT 1) a ON true`, [org.id, user.id, N]);
    await c.query(`INSERT INTO "DealLineItem" ("organizationId","dealId",position,"productKey","productName",quantity,"unitPrice","discountPct") SELECT $1, id, 0, $2, 'Insight Pro', 1, 24000, (hashtext(id::text) & 31) FROM "Deal"`, [org.id, product.key]);
    await c.query(`INSERT INTO "Commitment" ("organizationId","dealId",position,text,kind) SELECT $1, d.id, p, ($2::text[])[1 + (abs(hashtext(d.id::text || p)) % $3)], CASE WHEN p = 2 THEN 'custom_work' ELSE 'feature' END FROM "Deal" d, generate_series(0, 2) p`, [org.id, PROMISES, PROMISES.length]);
    await c.query(`INSERT INTO "CustomerRequest" ("organizationId","accountId","dealId",position,text) SELECT $1, d."accountId", d.id, p, ($2::text[])[1 + (abs(hashtext(d.id::text || p)) % $3)] FROM "Deal" d, generate_series(0, 1) p`, [org.id, REQUESTS, REQUESTS.length]);
    await c.query("ANALYZE");
    console.log(`  seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const { db } = await import("../lib/db");
    const { rawPool } = await import("../lib/db-raw");
    const { loadBatch, runRescoreBatch, RESCORE_BATCH } = await import("../lib/jobs/rescore");

    // Baseline: the same batched reads, streamed through, nothing scored or written.
    let t = performance.now();
    let read = 0;
    for (let cursor: string | null = null; ;) {
      const batch = await loadBatch(rawPool(), org.id, cursor, RESCORE_BATCH, version.id);
      if (!batch.length) break;
      read += batch.length;
      cursor = batch[batch.length - 1]!.id;
    }
    const readSeconds = (performance.now() - t) / 1000;

    // The real thing: the job a publish enqueues, batch by batch (read, score, write, progress).
    const job = await db.job.create({ data: { organizationId: org.id, kind: "rescore", status: "running", payload: { versionId: version.id }, total: N } });
    t = performance.now();
    const row = { id: job.id, organizationId: org.id, kind: "rescore", status: "running", payload: { versionId: version.id }, total: N, done: 0, cursor: null };
    while (await runRescoreBatch(row)) { /* one committed batch per call */ }
    const fullSeconds = (performance.now() - t) / 1000;
    const { rows: [check] } = await c.query(`SELECT count(*)::int AS scores, count(*) FILTER (WHERE "offStrategy")::int AS off FROM "DealScore"`);

    console.log(`\nRe-score after publish — ${N.toLocaleString("en")} open deals, 200 capabilities, 20 guardrails, batches of ${RESCORE_BATCH} (${os.cpus().length} cores)`);
    console.log(`  plain streaming read (baseline)   ${readSeconds.toFixed(2)} s   ${(read / readSeconds).toFixed(0)} deals/s`);
    console.log(`  read + score + write (re-score)   ${fullSeconds.toFixed(2)} s   ${(N / fullSeconds).toFixed(0)} deals/s`);
    console.log(`  ratio re-score / read             ${(fullSeconds / readSeconds).toFixed(2)}×`);
    console.log(`  target ≤ 30 s: ${fullSeconds <= 30 ? "met" : "NOT met"}; scores written ${check.scores.toLocaleString("en")} (${check.off.toLocaleString("en")} off-strategy)`);
    await db.$disconnect();
    await rawPool().end();
    await c.end();
  } finally {
    if (process.env.BENCH_KEEP) console.log(`kept database ${url}`);
    else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
