// CSV import end to end on N generated deals (default 100,000): stage the file (papaparse stream
// → ImportRow), extract, apply (accounts, reps, deals) and score every deal, as the job runs it:
// `npm run bench:import`. Baseline, measured in the same run on the same file: a plain papaparse
// streaming parse that keeps nothing. Creates and drops its own database; prints figures only.
import { createReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Papa from "papaparse";
import pg from "pg";
import { ensureDatabase, withDatabase } from "../scripts/lib/database.mjs";
import { migrate } from "../scripts/lib/migrator.mjs";
import { publishBenchStrategy } from "./strategy-fixture";

const N = Number(process.env.BENCH_DEALS ?? 100_000);
const STAGES = ["Prospecting", "Qualification", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost"];

function csv(): string {
  const lines = ["Opportunity ID,Opportunity Name,Stage,Close Date,Amount,Account ID,Account Name,Industry,Employees,Owner Email,Owner Name,Team,Product"];
  for (let i = 1; i <= N; i++) {
    const a = i % 5000;
    lines.push(`OPP-${i},"Deal ${i}, renewal",${STAGES[i % 6]},${(i % 28) + 1}.${(i % 12) + 1}.2027,"$${(1000 + (i % 50000)).toLocaleString("en")}.00",ACC-${a},Account ${a},${a % 5 ? "Live events" : "Government"},${20 + (a % 900)},rep${i % 40}@bench.test,Rep ${i % 40},Team ${i % 4},Insight Pro`);
  }
  return lines.join("\r\n");
}

async function plainParse(file: string): Promise<number> {
  let rows = 0;
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: true });
  createReadStream(file, { encoding: "utf8" }).pipe(parser);
  for await (const row of parser as AsyncIterable<string[]>) if (row.length) rows++;
  return rows - 1;
}

async function main() {
  const server = await ensureDatabase({ log: () => {} });
  const name = `keel_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = withDatabase(server.url, name);
  const dir = await mkdtemp(path.join(os.tmpdir(), "keel-import-bench-"));
  process.env.KEEL_IMPORT_DIR = dir;
  try {
    await migrate(url);
    process.env.DATABASE_URL = url;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const { rows: [org] } = await c.query(`INSERT INTO "Organization" (name, slug) VALUES ('Bench', 'bench') RETURNING id`);
    const { rows: [user] } = await c.query(`INSERT INTO "User" ("organizationId", email, name, "passwordHash", role, "updatedAt") VALUES ($1, 'admin@bench.test', 'Admin', 'x', 'ADMIN', now()) RETURNING id`, [org.id]);
    await publishBenchStrategy(c, org.id);

    const text = csv();
    const { runId, fileId } = await (async () => {
      const { rows: [run] } = await c.query(`INSERT INTO "ImportRun" ("organizationId", "createdById", "updatedAt") VALUES ($1, $2, now()) RETURNING id`, [org.id, user.id]);
      const { rows: [file] } = await c.query(`INSERT INTO "ImportFile" ("organizationId", "runId", position, name) VALUES ($1, $2, 0, 'deals.csv') RETURNING id`, [org.id, run.id]);
      return { runId: run.id as string, fileId: file.id as string };
    })();
    const { filePath, stageFile } = await import("../lib/imports/stage");
    await rm(path.dirname(filePath(runId, fileId)), { recursive: true, force: true });
    await import("node:fs/promises").then((fs) => fs.mkdir(path.dirname(filePath(runId, fileId)), { recursive: true }));
    await writeFile(filePath(runId, fileId), text);
    console.log(`Importing ${N.toLocaleString("en")} deals (${(text.length / 1024 / 1024).toFixed(1)} MB)…`);

    const p0 = performance.now();
    const parsed = await plainParse(filePath(runId, fileId));
    const parseMs = performance.now() - p0;

    const t0 = performance.now();
    await stageFile(runId, fileId);
    const staged = performance.now();
    const { prepareImport, startImport } = await import("../lib/imports/runs");
    const { actorForSession, createSession } = await import("../lib/auth/sessions");
    const actor = (await actorForSession(await createSession(user.id)))!;
    const analysis = await prepareImport(actor, { runId });
    if (analysis.blocking.length) throw new Error(analysis.blocking.join(" "));
    await startImport(actor, { runId, settings: analysis.settings });
    const { runJobsUntilIdle } = await import("../lib/jobs/worker");
    await runJobsUntilIdle();
    const total = performance.now() - t0;
    const { rows: [r] } = await c.query(`SELECT count(*)::int AS deals, count(*) FILTER (WHERE score IS NOT NULL)::int AS scored FROM "Deal" WHERE "organizationId" = $1`, [org.id]);
    const rate = N / (total / 1000);
    const parseRate = parsed / (parseMs / 1000);
    console.log(`plain papaparse stream: ${parsed.toLocaleString("en")} rows in ${(parseMs / 1000).toFixed(2)} s = ${Math.round(parseRate).toLocaleString("en")} rows/s`);
    console.log(`import (stage ${((staged - t0) / 1000).toFixed(1)} s + job): ${r.deals.toLocaleString("en")} deals, ${r.scored.toLocaleString("en")} scored, in ${(total / 1000).toFixed(1)} s = ${Math.round(rate).toLocaleString("en")} rows/s`);
    console.log(`ratio import / plain parse: ${(rate / parseRate).toFixed(3)} (${(parseRate / rate).toFixed(1)}× slower)`);
    await c.end();
    const { db } = await import("../lib/db");
    const { rawPool } = await import("../lib/db-raw");
    await db.$disconnect();
    await rawPool().end();
  } finally {
    await rm(dir, { recursive: true, force: true });
    if (process.env.KEEP_BENCH_DB) console.log(`kept database ${name}`);
    else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
