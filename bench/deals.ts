// Deal list, deal page and deal creation with N deals in one organisation (default 1,000,000;
// 50 reps in 8 teams, 5,000 accounts): `npm run bench:deals`. Each figure is the median
// server-side time of the app's own data function, next to the bare SQL for the same rows
// measured in the same run. The generated database is kept (keel_bench_deals_<N>) and reused by
// later runs, since generating a million deals takes minutes; BENCH_FRESH=1 regenerates it.
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { ensureDatabase, withDatabase } from "../scripts/lib/database.mjs";
import { migrate } from "../scripts/lib/migrator.mjs";
import { publishBenchStrategy } from "./strategy-fixture";

const N = Number(process.env.BENCH_DEALS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function generate(c: pg.Client) {
  const t0 = performance.now();
  const { rows: [org] } = await c.query(`INSERT INTO "Organization" (name, slug) VALUES ('Bench', 'bench') RETURNING id`);
  await c.query(`INSERT INTO "User" ("organizationId", email, name, "passwordHash", role, "updatedAt") VALUES ($1, 'leader@bench.test', 'Leader', 'x', 'LEADER', now())`, [org.id]);
  await c.query(`INSERT INTO "Team" ("organizationId", name) SELECT $1, 'Team ' || t FROM generate_series(1, 8) t`, [org.id]);
  await c.query(`INSERT INTO "User" ("organizationId", email, name, "passwordHash", role, "teamId", "updatedAt")
    SELECT $1, 'rep' || r || '@bench.test', 'Rep ' || r, 'x', 'REP', (SELECT id FROM "Team" WHERE name = 'Team ' || (1 + r % 8) AND "organizationId" = $1), now() FROM generate_series(1, 50) r`, [org.id]);
  await c.query(`INSERT INTO "CustomerAccount" ("organizationId", name, industry, employees, region, "updatedAt")
    SELECT $1, 'Account ' || g, (ARRAY['Live events','Ticketing','Government','Sports'])[1 + g % 4], 20 + g % 900, 'EU', now() FROM generate_series(1, 5000) g`, [org.id]);
  // Deals over two years, spread over reps and accounts; scores mirrored as the app would.
  await c.query(`
    WITH reps AS (SELECT id, "teamId", row_number() OVER (ORDER BY email) - 1 AS i FROM "User" WHERE "organizationId" = $1 AND role = 'REP'),
         accts AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS i FROM "CustomerAccount" WHERE "organizationId" = $1)
    INSERT INTO "Deal" ("organizationId", "accountId", "ownerId", "teamId", name, stage, "expectedCloseDate", amount, score, "offStrategy", "createdAt", "updatedAt")
    SELECT $1, a.id, r.id, r."teamId", 'Deal ' || g,
      (ARRAY['PROSPECTING','QUALIFYING','PROPOSAL','NEGOTIATION','WON','LOST'])[1 + g % 6]::"DealStage",
      date '2025-01-01' + (g % 730), 1000 + (g * 37) % 90000, (g * 13) % 101, (g * 13) % 101 < 40,
      now() - make_interval(days => g % 730), now() - make_interval(days => g % 730, secs => g % 86400)
    FROM generate_series(1, $2::int) g
    JOIN reps r ON r.i = g % 50
    JOIN accts a ON a.i = g % 5000`, [org.id, N]);
  await c.query(`INSERT INTO "Commitment" ("organizationId","dealId",position,text,kind) SELECT $1, id, 0, 'Abandoned basket e-mails', 'feature' FROM "Deal" WHERE "organizationId" = $1`, [org.id]);
  await publishBenchStrategy(c, org.id);
  await c.query("ANALYZE");
  console.log(`  generated ${N.toLocaleString("en")} deals in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

async function time(fn: () => Promise<unknown>) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function main() {
  const server = await ensureDatabase({ log: () => {} });
  const name = `keel_bench_deals_${N}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount;
  if (exists && process.env.BENCH_FRESH) await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
  if (!exists || process.env.BENCH_FRESH) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(server.url, name);
  await migrate(url);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  if (!(await c.query(`SELECT 1 FROM "Organization" WHERE slug = 'bench'`)).rowCount) {
    console.log(`Generating ${N.toLocaleString("en")} deals (kept for later runs)…`);
    await generate(c);
  }
  process.env.DATABASE_URL = url;
  process.env.KEEL_WORKER = "off";
  const { db } = await import("../lib/db");
  const { listDeals, getDeal, dealListQuerySchema } = await import("../lib/deals/queries");
  const { createDeal } = await import("../lib/deals/deals");
  const { actorForSession, createSession } = await import("../lib/auth/sessions");

  const org = (await c.query(`SELECT id FROM "Organization" WHERE slug = 'bench'`)).rows[0];
  const rep = (await c.query(`SELECT id FROM "User" WHERE email = 'rep7@bench.test'`)).rows[0];
  const actor = (await actorForSession(await createSession(rep.id)))!;
  const repDeals = Number((await c.query(`SELECT count(*) FROM "Deal" WHERE "ownerId" = $1`, [rep.id])).rows[0].count);
  const sample = (await c.query(`SELECT id FROM "Deal" WHERE "ownerId" = $1 ORDER BY random() LIMIT $2`, [rep.id, RUNS])).rows.map((r) => r.id as string);
  const account = (await c.query(`SELECT id FROM "CustomerAccount" WHERE "organizationId" = $1 LIMIT 1`, [org.id])).rows[0];
  const query = dealListQuerySchema.parse({});

  // Warm-up: connections, plans, caches.
  for (let i = 0; i < 5; i++) {
    await listDeals(actor, query);
    await getDeal(actor, sample[i % sample.length]!);
  }
  const bareList = async () => {
    await c.query(`SELECT d.id, d.name, d.stage, d.amount, d.score, d."offStrategy", d."expectedCloseDate", d."updatedAt", a.name AS account FROM "Deal" d JOIN "CustomerAccount" a ON a.id = d."accountId" WHERE d."organizationId" = $1 AND d."ownerId" = $2 ORDER BY d."updatedAt" DESC, d.id DESC LIMIT 25`, [org.id, rep.id]);
    await c.query(`SELECT count(*) FROM "Deal" WHERE "organizationId" = $1 AND "ownerId" = $2`, [org.id, rep.id]);
    await c.query(`SELECT stage, sum(amount), count(*) FROM "Deal" WHERE "organizationId" = $1 AND "ownerId" = $2 GROUP BY stage`, [org.id, rep.id]);
  };
  const bareDeal = async (id: string) => {
    await c.query(`SELECT d.*, a.* FROM "Deal" d JOIN "CustomerAccount" a ON a.id = d."accountId" WHERE d.id = $1 AND d."ownerId" = $2`, [id, rep.id]);
    for (const t of ["DealLineItem", "Commitment", "CustomerRequest", "DealReview"]) await c.query(`SELECT * FROM "${t}" WHERE "dealId" = $1`, [id]);
    await c.query(`SELECT * FROM "DealScore" WHERE "dealId" = $1 ORDER BY "createdAt" DESC LIMIT 50`, [id]);
  };
  const figures: Record<string, { app: number[]; bare: number[] }> = { list: { app: [], bare: [] }, page: { app: [], bare: [] }, create: { app: [], bare: [] } };
  for (let i = 0; i < RUNS; i++) {
    figures.list!.app.push(await time(() => listDeals(actor, query)));
    figures.list!.bare.push(await time(bareList));
    figures.page!.app.push(await time(() => getDeal(actor, sample[i]!)));
    figures.page!.bare.push(await time(() => bareDeal(sample[i]!)));
    const form = {
      accountId: account.id, name: `Bench ${i}`, stage: "proposal" as const, expectedCloseDate: "2027-01-31", primaryCriterion: "quality" as const, notes: "", externalId: null,
      lineItems: [], requests: [],
      commitments: ["Abandoned basket e-mails", "We will host it on-premise", "AI sets prices automatically", "Custom integration with the box office", "Audience segmentation"].map((text) => ({ text, kind: "feature" as const, dueDate: null })),
    };
    figures.create!.app.push(await time(async () => {
      const created = await createDeal(actor, form);
      if (!created.score) throw new Error("the bench deal was not scored: is a strategy published?");
    }));
    figures.create!.bare.push(await time(async () => {
      await c.query("BEGIN");
      const { rows: [d] } = await c.query(`INSERT INTO "Deal" ("organizationId","accountId","ownerId",name,stage,"updatedAt") VALUES ($1,$2,$3,'bare','PROPOSAL',now()) RETURNING id`, [org.id, account.id, rep.id]);
      await c.query(`INSERT INTO "Commitment" ("organizationId","dealId",position,text,kind) SELECT $1, $2, p, 'x', 'feature' FROM generate_series(0,4) p`, [org.id, d.id]);
      await c.query("COMMIT");
    }));
  }
  const total = Number((await c.query(`SELECT count(*) FROM "Deal" WHERE "organizationId" = $1`, [org.id])).rows[0].count);
  console.log(`\nDeals — ${total.toLocaleString("en")} deals in the organisation; the rep owns ${repDeals.toLocaleString("en")}; median of ${RUNS} (${os.cpus().length} cores)`);
  for (const [label, target, key] of [["rep's deal list (page 1, totals per stage)", 150, "list"], ["deal page (deal, items, promises, scores, reviews)", 150, "page"], ["create a deal with 5 promises, scored", 50, "create"]] as const) {
    const app = median(figures[key]!.app);
    const bare = median(figures[key]!.bare);
    console.log(`  ${label.padEnd(52)} app ${app.toFixed(1).padStart(6)} ms   bare SQL ${bare.toFixed(1).padStart(6)} ms   ratio ${(app / bare).toFixed(2)}×   target ≤ ${target} ms: ${app <= target ? "met" : "NOT met"}`);
  }
  await c.query(`DELETE FROM "Deal" WHERE name LIKE 'Bench %' OR name = 'bare'`);
  await db.$disconnect();
  await c.end();
  await server.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
