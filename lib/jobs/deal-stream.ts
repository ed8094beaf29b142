import "server-only";
import type pg from "pg";
import { rawPool } from "@/lib/db-raw";
import type { RescoreBatch } from "@/lib/jobs/rescore";
import type { DealInput } from "@/lib/scoring/types";

// Every open deal of an organisation with what the engine needs, as ONE query read through a
// cursor: the children come from three sequential scans hashed by deal id, instead of three index
// probes per deal per batch (several times faster on a million deals), at the price of one open
// read-only transaction for the length of the walk, which also gives it one consistent snapshot.
// The walk has no order (ordering a million rows is a long sort before the first row, and a cursor
// cannot use parallel workers); a walk that resumes skips the deals its run already holds.
const OPEN_STAGES = ["PROSPECTING", "QUALIFYING", "PROPOSAL", "NEGOTIATION"];

// Each row is one JSON array, parsed by JSON.parse (native), not a dozen columns of PostgreSQL arrays
// parsed in JavaScript: on a million rows that parsing was most of the walk's time.
const STREAM_SQL = `
  SELECT json_build_array(d."id", d."revision", d."stage"::text, to_char(d."expectedCloseDate", 'YYYY-MM-DD'), d."primaryCriterion",
    d."score", d."offStrategy", d."amount", d."ownerId", d."teamId", d."findingRules",
    a."name", a."industry", a."employees", a."revenue", a."region", l.items, c.items, r.items) AS j
  FROM "Deal" d
  JOIN "CustomerAccount" a ON a."id" = d."accountId"
  LEFT JOIN (
    SELECT "dealId", json_agg(json_build_array("productKey", "quantity", "unitPrice", "discountPct") ORDER BY "position") AS items
    FROM "DealLineItem" WHERE "organizationId" = $1 GROUP BY "dealId"
  ) l ON l."dealId" = d."id"
  LEFT JOIN (
    SELECT "dealId", json_agg(json_build_array("text", "kind", to_char("dueDate", 'YYYY-MM-DD')) ORDER BY "position") AS items
    FROM "Commitment" WHERE "organizationId" = $1 GROUP BY "dealId"
  ) c ON c."dealId" = d."id"
  LEFT JOIN (
    SELECT "dealId", json_agg("text" ORDER BY "position") AS items
    FROM "CustomerRequest" WHERE "organizationId" = $1 AND "dealId" IS NOT NULL GROUP BY "dealId"
  ) r ON r."dealId" = d."id"
  WHERE d."organizationId" = $1 AND d."stage" = ANY($2::"DealStage"[])
    AND NOT EXISTS (SELECT 1 FROM "WhatIfResult" w WHERE w."runId" = $3 AND w."dealId" = d."id")`;

type StreamRow = [
  id: string, revision: number, stage: string, expectedCloseDate: string | null, primaryCriterion: string | null,
  score: number | null, offStrategy: boolean, amount: number, ownerId: string, teamId: string | null, findingRules: string[] | null,
  name: string, industry: string | null, employees: number | null, revenue: number | null, region: string | null,
  lines: [string, number, number, number][] | null, commitments: [string, string, string | null][] | null, requests: string[] | null,
];

const toItem = ([id, revision, stage, expectedCloseDate, primaryCriterion, score, offStrategy, amount, ownerId, teamId, findingRules,
  name, industry, employees, revenue, region, lines, commitments, requests]: StreamRow): RescoreBatch[number] => ({
  id,
  revision,
  input: {
    account: { name, industry, employees, revenue, region },
    stage: stage.toLowerCase(),
    expectedCloseDate,
    lineItems: (lines ?? []).map(([productId, quantity, unitPrice, discountPct]) => ({ productId, quantity, unitPrice, discountPct })),
    primaryCriterion,
    commitments: (commitments ?? []).map(([text, kind, dueDate]) => ({ text, kind, dueDate })),
    requests: (requests ?? []).map((text) => ({ text })),
  } as DealInput,
  current: { score, offStrategy, amount, ownerId, teamId, findingRules },
});

type Stream = { client: pg.PoolClient; position: string | null; used: number; closed: boolean };
const streams = new Map<string, Stream>();
const IDLE_MS = 120_000;

async function close(key: string) {
  const s = streams.get(key);
  streams.delete(key);
  if (!s || s.closed) return;
  s.closed = true;
  await s.client.query("ROLLBACK").catch(() => {});
  s.client.release();
}

/**
 * The next `limit` open deals of what-if run `runId` not yet in its results, from the walk `key`
 * (its job id). `position` is the last deal the caller got (null at the start); the walk's cursor
 * stays open between calls, and a call from another position (a batch that rolled back, a job
 * resumed elsewhere) reopens it, skipping what the run already holds. [] at the end, which closes it.
 */
export async function nextOpenDeals(key: string, organizationId: string, runId: string, position: string | null, limit: number): Promise<RescoreBatch> {
  for (const [k, s] of streams) if (Date.now() - s.used > IDLE_MS) await close(k); // abandoned walks
  let s = streams.get(key);
  if (s && s.position !== position) {
    await close(key);
    s = undefined;
  }
  if (!s) {
    const client = await rawPool().connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      // A cursor is planned for its first rows by default (index probes per deal); this walk reads them all.
      await client.query("SET LOCAL work_mem = '64MB'; SET LOCAL cursor_tuple_fraction = 1");
      await client.query(`DECLARE walk NO SCROLL CURSOR FOR ${STREAM_SQL}`, [organizationId, OPEN_STAGES, runId]);
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      client.release();
      throw error;
    }
    s = { client, position, used: Date.now(), closed: false };
    streams.set(key, s);
  }
  const { rows } = await s.client.query<{ j: StreamRow }>(`FETCH ${Math.max(1, Math.floor(limit))} FROM walk`);
  s.used = Date.now();
  if (!rows.length) {
    await close(key);
    return [];
  }
  s.position = rows[rows.length - 1]!.j[0];
  return rows.map((r) => toItem(r.j));
}

/** Ends a walk early (a cancelled or failed job). */
export const endWalk = (key: string) => close(key);
