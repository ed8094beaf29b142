#!/usr/bin/env node
// `npm test`: type check, lint, unit and integration tests (vitest, real PostgreSQL), and
// end-to-end tests (Playwright, real Chromium). Stops at the first failing step and ends with one
// line that counts every test: "N passed, N failed".
import { existsSync, readFileSync, rmSync } from "node:fs";
import { ensureDatabase } from "./lib/database.mjs";
import { runE2E } from "./lib/e2e.mjs";
import { bin, run } from "./lib/run.mjs";

const VITEST_JSON = ".keel/vitest.json";
const PLAYWRIGHT_JSON = ".keel/playwright.json";
const t0 = Date.now();
const summary = [];
let passed = 0;
let failed = 0;

function count() {
  if (existsSync(VITEST_JSON)) {
    const r = JSON.parse(readFileSync(VITEST_JSON, "utf8"));
    passed += r.numPassedTests ?? 0;
    failed += (r.numFailedTests ?? 0) + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0);
  }
  if (existsSync(PLAYWRIGHT_JSON)) {
    const s = JSON.parse(readFileSync(PLAYWRIGHT_JSON, "utf8")).stats ?? {};
    passed += (s.expected ?? 0) + (s.flaky ?? 0);
    failed += s.unexpected ?? 0;
  }
}

async function step(name, fn) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const code = await fn();
  summary.push(`${code === 0 ? "ok  " : "FAIL"} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return code;
}

async function main() {
  rmSync(VITEST_JSON, { force: true });
  rmSync(PLAYWRIGHT_JSON, { force: true });
  // Route types first: tsc also checks Next's generated .next/types, which go stale when routes move.
  let code = await step("type check (next typegen, tsc)", async () => (await run(bin("next"), ["typegen"], { quiet: true })) || run(bin("tsc"), ["--noEmit"]));
  if (code === 0) code = await step("lint (eslint)", () => run(bin("eslint"), ["."]));
  if (code !== 0) return finish(code);

  const db = await ensureDatabase({ log: (m) => console.log(`keel · ${m}`) });
  try {
    code = await step("unit and integration tests (vitest, PostgreSQL)", () =>
      run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`], {
        env: { ...process.env, DATABASE_URL: db.url },
      }),
    );
    if (code === 0) code = await step("end-to-end tests (Playwright, Chromium)", () => runE2E(db.url));
  } finally {
    await db.stop();
  }
  return finish(code);
}

function finish(code) {
  count();
  console.log(`\nSummary (${((Date.now() - t0) / 1000).toFixed(0)} s):`);
  for (const line of summary) console.log(`  ${line}`);
  if (code !== 0 && failed === 0) failed = 1; // a step failed outside any counted test
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(code === 0 && failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
