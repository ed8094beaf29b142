// Captures the SQL an app data function sends through the raw pool, to replay it bare: the
// "same SQL run bare" baseline of bench/dashboard.ts and bench/signals.ts.
import { performance } from "node:perf_hooks";
import type pg from "pg";

export type Recorded = { text: string; values?: unknown[] };

/** The SQL a data function issues through the app's raw pool, in the order issued. */
export async function recordSql(fn: () => Promise<unknown>): Promise<Recorded[][]> {
  const { rawPool } = await import("../lib/db-raw");
  const pool = rawPool();
  const waves: Recorded[][] = [];
  let wave: Recorded[] = [];
  let timer: NodeJS.Timeout | null = null;
  const original = pool.query.bind(pool);
  // Queries issued in the same tick run concurrently in the app: record them as one wave.
  (pool as unknown as { query: unknown }).query = (text: string | { text: string; values?: unknown[] }, values?: unknown[]) => {
    wave.push(typeof text === "string" ? { text, values } : { text: text.text, values: text.values });
    if (!timer) timer = setTimeout(() => { waves.push(wave); wave = []; timer = null; }, 0);
    return original(text as string, values as unknown[]);
  };
  try {
    await fn();
  } finally {
    (pool as unknown as { query: unknown }).query = original;
  }
  await new Promise((r) => setTimeout(r, 5));
  if (wave.length) waves.push(wave);
  return waves;
}

/** Replays recorded waves on a bare pool, each wave's statements concurrently, as the app ran them. */
export async function timeBare(pool: pg.Pool, waves: Recorded[][]) {
  const t = performance.now();
  for (const wave of waves) await Promise.all(wave.map((q) => pool.query(q.text, q.values as unknown[])));
  return performance.now() - t;
}
