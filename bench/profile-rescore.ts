// Splits one re-score pass into read, score and write time (diagnostics for bench/rescore.ts).
// Usage: DATABASE_URL=<a database kept by BENCH_KEEP=1 npm run bench:rescore> npx tsx --tsconfig scripts/tsconfig.json bench/profile-rescore.ts
import { performance } from "node:perf_hooks";

async function main() {
  const { db } = await import("../lib/db");
  const { rawPool } = await import("../lib/db-raw");
  const { loadBatch, writeScores } = await import("../lib/jobs/rescore");
  const { snapshotFor } = await import("../lib/deals/scoring");
  const { scoreDeal } = await import("../lib/scoring");
  const org = await db.organization.findFirstOrThrow();
  const version = await db.strategyVersion.findFirstOrThrow({ where: { organizationId: org.id, status: "PUBLISHED" } });
  const snapshot = (await snapshotFor(org.id, version.id))!;
  const t = { read: 0, score: 0, write: 0, bytes: 0, n: 0 };
  for (let cursor: string | null = null; ;) {
    let s = performance.now();
    const batch = await loadBatch(rawPool(), org.id, cursor, 1000, version.id);
    t.read += performance.now() - s;
    if (!batch.length) break;
    s = performance.now();
    const results = batch.map((d) => scoreDeal(d.input, snapshot));
    t.score += performance.now() - s;
    t.bytes += results.reduce((n, r) => n + JSON.stringify(r.findings).length, 0);
    s = performance.now();
    await writeScores(rawPool(), org.id, snapshot, batch);
    t.write += performance.now() - s;
    t.n += batch.length;
    cursor = batch[batch.length - 1]!.id;
  }
  console.log({ deals: t.n, readMs: Math.round(t.read), scoreMs: Math.round(t.score), writeMs: Math.round(t.write), findingsBytesPerDeal: Math.round(t.bytes / t.n) });
  await db.$disconnect();
  await rawPool().end();
}
void main();
