// Dashboards on a large organisation: `npm run bench:dashboard` (after
// `npm run db:generate-demo -- --deals 1000000`, which fills the organisation `scale`).
//
// Prints, for the manager dashboard (one team), the pipeline dashboard of the whole organisation
// and the leadership view:
//   - the server response (full HTML of the page through `next start`, signed in), median;
//   - the same SQL statements the page's data functions issue, run bare with node-postgres with
//     the same concurrency, median, in the same run; and the ratio of the two;
// then Lighthouse (desktop) performance and accessibility on the manager dashboard, and the
// dashboard route's first-load JavaScript (every script the page loads, gzipped).
import { gzipSync } from "node:zlib";
import os from "node:os";
import pg from "pg";
import { ensureDatabase } from "../scripts/lib/database.mjs";
import { median, startApp } from "./app-server";
import { findChromium } from "../scripts/lib/chromium.mjs";
import { recordSql, timeBare } from "./sql-capture";

const ORG = process.env.BENCH_ORG ?? "scale";
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;

async function lighthouse(chromePath: string, cookie: string) {
  const { default: run } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
  try {
    const result = await run(`${BASE}/dashboard`, {
      port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"],
      extraHeaders: { Cookie: cookie }, formFactor: "desktop", screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
      throttlingMethod: "simulate", throttling: { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 },
    });
    const c = result!.lhr.categories;
    return { performance: Math.round((c.performance!.score ?? 0) * 100), accessibility: Math.round((c.accessibility!.score ?? 0) * 100) };
  } finally {
    chrome.kill();
  }
}

async function firstLoadJs(cookie: string) {
  const html = await (await fetch(`${BASE}/dashboard`, { headers: { cookie } })).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  return { files: srcs.length, raw, gz };
}

async function main() {
  const server = await ensureDatabase({ log: () => {} });
  const url = process.env.DATABASE_URL ?? server.url;
  process.env.DATABASE_URL = url;
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const { rows: [org] } = await pool.query<{ id: string; deals: string }>(
    `SELECT o.id, (SELECT count(*) FROM "Deal" WHERE "organizationId" = o.id) AS deals FROM "Organization" o WHERE slug = $1`, [ORG]);
  if (!org) {
    console.error(`No organisation "${ORG}". Run: npm run db:generate-demo -- --deals 1000000`);
    process.exit(1);
  }
  const { rows: [team] } = await pool.query<{ name: string; deals: string }>(
    `SELECT t.name, count(d.id) AS deals FROM "Team" t JOIN "User" u ON u.id = t."managerId" LEFT JOIN "Deal" d ON d."teamId" = t.id WHERE u.email = $1 GROUP BY t.name`, [`manager1@${ORG}.test`]);
  console.log(`Dashboards on organisation "${ORG}": ${Number(org.deals).toLocaleString("en")} deals; manager1's team ${team?.name} has ${Number(team?.deals ?? 0).toLocaleString("en")}.`);
  console.log(`Machine: ${os.cpus().length} cores, Node ${process.version}; ${RUNS} runs each, medians.\n`);

  const app = await startApp(url, PORT, { KEEL_WORKER: "off" });
  const timePage = app.timePage;
  try {
    const managerCookie = await app.signIn(`manager1@${ORG}.test`);
    const leaderCookie = await app.signIn(`leader@${ORG}.test`);

    const { db } = await import("../lib/db");
    const { managerDashboard, leadershipView } = await import("../lib/dashboard/queries");
    const { dashboardFiltersSchema } = await import("../lib/dashboard/filters");
    const actorOf = async (email: string) => {
      const u = await db.user.findUniqueOrThrow({ where: { email }, include: { organization: true } });
      return { userId: u.id, organizationId: u.organizationId, organizationName: u.organization.name, role: u.role, teamId: u.teamId, name: u.name, email: u.email };
    };
    const manager = await actorOf(`manager1@${ORG}.test`);
    const leader = await actorOf(`leader@${ORG}.test`);
    const filters = dashboardFiltersSchema.parse({});

    const views = [
      { name: "Manager dashboard (one team)", path: "/dashboard", cookie: managerCookie, target: 300, data: () => managerDashboard(manager, filters) },
      { name: "Pipeline dashboard (organisation)", path: "/dashboard", cookie: leaderCookie, target: 500, data: () => managerDashboard(leader, filters) },
      { name: "Leadership view", path: "/dashboard/leadership", cookie: leaderCookie, target: 500, data: () => leadershipView(leader, filters) },
    ];
    const rows: string[][] = [];
    for (const v of views) {
      const waves = await recordSql(v.data);
      for (let i = 0; i < 3; i++) { await timePage(v.path, v.cookie); await timeBare(pool, waves); }
      const page: number[] = [];
      const bare: number[] = [];
      // Interleaved, so both see the same machine state.
      for (let i = 0; i < RUNS; i++) {
        page.push(await timePage(v.path, v.cookie));
        bare.push(await timeBare(pool, waves));
      }
      const p = median(page);
      const b = median(bare);
      rows.push([v.name, `${p.toFixed(0)} ms`, `≤ ${v.target} ms`, p <= v.target ? "met" : "NOT met", `${b.toFixed(0)} ms (${waves.flat().length} statements)`, `${(p / b).toFixed(2)}×`]);
    }
    console.log("| View | Server response (median) | Target | | Same SQL bare (median) | Ratio |");
    console.log("|---|---|---|---|---|---|");
    for (const r of rows) console.log(`| ${r.join(" | ")} |`);

    const js = await firstLoadJs(managerCookie);
    console.log(`\nFirst-load JavaScript of /dashboard: ${js.files} files, ${(js.raw / 1024).toFixed(0)} kB raw, ${(js.gz / 1024).toFixed(1)} kB gzipped (target ≤ 250 kB): ${js.gz / 1024 <= 250 ? "met" : "NOT met"}`);

    const chrome = await findChromium();
    if (chrome && !process.env.BENCH_SKIP_LIGHTHOUSE) {
      const lh = await lighthouse(chrome, managerCookie);
      console.log(`Lighthouse (desktop) on /dashboard as a manager: performance ${lh.performance} (target ≥ 90: ${lh.performance >= 90 ? "met" : "NOT met"}), accessibility ${lh.accessibility} (target ≥ 95: ${lh.accessibility >= 95 ? "met" : "NOT met"})`);
    } else {
      console.log("Lighthouse skipped (no Chromium found, or BENCH_SKIP_LIGHTHOUSE set).");
    }
    await db.$disconnect();
  } finally {
    app.stop();
    await pool.end();
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
