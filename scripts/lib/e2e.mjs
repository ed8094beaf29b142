// Runs the Playwright suite against a production build served by `next start`, on a throwaway
// database (created, migrated, seeded with the demo organisation, dropped afterwards).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { withDatabase } from "./database.mjs";
import { migrate } from "./migrator.mjs";
import { appEnv, buildIsFresh } from "./app-env.mjs";
import { findChromium, NO_CHROMIUM_MESSAGE } from "./chromium.mjs";
import { bin, run } from "./run.mjs";

async function admin(serverUrl, sql) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function runE2E(serverUrl, extraArgs = []) {
  const chromium = await findChromium();
  if (!chromium) {
    console.error(NO_CHROMIUM_MESSAGE);
    return 1;
  }
  const name = `keel_e2e_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  try {
    const url = withDatabase(serverUrl, name);
    await migrate(url);
    // KEEL_WEBHOOKS_ALLOW_HTTP and _PRIVATE: tests/e2e/webhooks.spec.ts receives deliveries on http://127.0.0.1.
    const env = appEnv(url, { KEEL_CHROMIUM: chromium, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1", KEEL_WEBHOOKS_ALLOW_HTTP: "1", KEEL_WEBHOOKS_ALLOW_PRIVATE: "1" });
    const seeded = await run(bin("tsx"), ["--tsconfig", "scripts/tsconfig.json", "prisma/seed.ts"], { env: { ...env, KEEL_SEED_EMPTY_ORG: "1" }, quiet: true });
    if (seeded !== 0) return seeded;
    if (!buildIsFresh()) {
      console.log("e2e: building the production app…");
      const built = await run(bin("next"), ["build"], { env });
      if (built !== 0) return built;
    }
    return await run(bin("playwright"), ["test", ...extraArgs], { env });
  } finally {
    await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  }
}
