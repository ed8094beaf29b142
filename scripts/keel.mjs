#!/usr/bin/env node
// One entry point for running Keel: `npm start`, `npm run dev`, `npm run db:migrate`, `npm run db:seed`,
// and `node scripts/keel.mjs with-db -- <command>`. Each brings up PostgreSQL (embedded unless
// DATABASE_URL is set), applies migrations, and stops the database cleanly on Ctrl-C.
import { spawn } from "node:child_process";
import net from "node:net";
import { ensureDatabase } from "./lib/database.mjs";
import { migrate } from "./lib/migrator.mjs";
import { appEnv, buildIsFresh } from "./lib/app-env.mjs";
import { run, bin } from "./lib/run.mjs";

const [command = "start", ...rest] = process.argv.slice(2);
const PORT = Number(process.env.PORT ?? 3000);
const log = (message) => console.log(`keel · ${message}`);

async function main() {
  if (!["start", "dev", "migrate", "seed", "with-db"].includes(command)) {
    console.error(`Unknown command "${command}". Use start, dev, migrate, seed or with-db -- <command>.`);
    process.exit(2);
  }
  if ((command === "start" || command === "dev") && (await portInUse(PORT))) {
    console.error(`keel · port ${PORT} is already in use (another Keel or app?). Stop it, or start on another port: PORT=3001 npm start`);
    process.exit(1);
  }
  const db = await ensureDatabase({ log });
  let child = null;
  let stopping = false;
  const shutdown = async (code) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    if (db.embedded && !db.reused) log("stopping PostgreSQL…");
    await db.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const applied = await migrate(db.url, { log });
    if (!applied.length) log("database schema is up to date");
  } catch (error) {
    console.error(`keel · ${error.message}`);
    return shutdown(1);
  }
  const env = appEnv(db.url);

  if (command === "migrate") return shutdown(0);
  if (command === "with-db") {
    const [cmd, ...args] = rest[0] === "--" ? rest.slice(1) : rest;
    if (!cmd) return shutdown(2);
    const code = await run(cmd, args, { env });
    return shutdown(code);
  }

  // Seeds the demo organisation when the database is empty, and prints the demo logins.
  const seeded = await run(bin("tsx"), ["--tsconfig", "scripts/tsconfig.json", "prisma/seed.ts"], { env });
  if (seeded !== 0) return shutdown(seeded);
  if (command === "seed") return shutdown(0);

  if (command === "start" && !buildIsFresh()) {
    log("building the production app (only when the sources changed)…");
    const built = await run(bin("next"), ["build"], { env });
    if (built !== 0) return shutdown(built);
  }
  child = spawn(bin("next"), [command === "dev" ? "dev" : "start", "-p", String(PORT)], {
    stdio: ["ignore", "inherit", "inherit"],
    env,
  });
  child.on("exit", (code) => void shutdown(code ?? 0));
  await waitForPort(PORT);
  log(`Keel is running on http://localhost:${PORT}  (Ctrl-C stops the app and the database)`);
}

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

function waitForPort(port) {
  return new Promise((resolve) => {
    const attempt = () => {
      const socket = net.connect({ port, host: "127.0.0.1" });
      socket.once("connect", () => (socket.destroy(), resolve()));
      socket.once("error", () => setTimeout(attempt, 200));
    };
    attempt();
  });
}

main().catch((error) => {
  console.error(`keel · ${error?.message ?? error}`);
  process.exit(1);
});
