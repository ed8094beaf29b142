import "server-only";
import pg from "pg";

// A plain node-postgres pool for bulk work (re-scoring, imports), where Prisma's per-row mapping
// costs more than the work itself. Same database, same transactions semantics, fewer layers.
const globalForPool = globalThis as unknown as { keelRawPool?: pg.Pool };

export function rawPool(): pg.Pool {
  if (!globalForPool.keelRawPool) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 8 });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next checkout.
    pool.on("error", (error) => console.error("[keel] idle database connection lost:", error.message));
    globalForPool.keelRawPool = pool;
  }
  return globalForPool.keelRawPool;
}

export type Queryable = Pick<pg.PoolClient, "query">;

/** Runs `fn` in one transaction on a pooled connection; rolls back on any error. */
export async function rawTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await rawPool().connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
