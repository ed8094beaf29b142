// The environment every Keel process gets: a stable AUTH_SECRET kept in .keel/ (so sessions
// survive a restart), host trust for `next start`, and no telemetry lookups (offline machines).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export function appEnv(databaseUrl, extra = {}) {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? localSecret(),
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
}

function localSecret() {
  const file = path.resolve(".keel/auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

const SOURCES = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.ts",
  "package.json", "package-lock.json", "proxy.ts", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when .next holds a production build newer than every source file. */
export function buildIsFresh() {
  const buildId = path.resolve(".next/BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.resolve(s)) <= built);
}
