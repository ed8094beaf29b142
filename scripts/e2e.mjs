#!/usr/bin/env node
// `npm run test:e2e [-- playwright args]`: the Playwright suite alone.
import { ensureDatabase } from "./lib/database.mjs";
import { runE2E } from "./lib/e2e.mjs";

const db = await ensureDatabase({ log: () => {} });
let code = 1;
try {
  code = await runE2E(db.url, process.argv.slice(2));
} finally {
  await db.stop();
}
process.exit(code);
