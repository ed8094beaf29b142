import "server-only";
import http from "node:http";
import https from "node:https";
import { db } from "@/lib/db";
import { BACKOFF_SECONDS, MAX_ATTEMPTS } from "@/lib/webhooks/events";
import { signatureHeader } from "@/lib/webhooks/sign";
import { guardedLookup, literalDestinationError, webhookPrivateAllowed } from "@/lib/webhooks/address";

// The webhook runner (ADR 11). The outbox rows are the queue: a runner claims due deliveries with
// `FOR UPDATE SKIP LOCKED` and a short lease, so several app instances never send the same one at
// once, and a delivery whose runner died is sent again when its lease runs out (at-least-once:
// receivers deduplicate by the Keel-Delivery header or the event id). Each attempt has a short
// timeout, follows no redirects, never goes to a private or local address in production
// (address.ts), and records its status or error; a failure is retried after 1 min, 5 min, 30 min,
// 2 h and 12 h, then the delivery gives up.

export const REQUEST_TIMEOUT_MS = Number(process.env.KEEL_WEBHOOK_TIMEOUT_MS ?? 10_000);
const LEASE_SECONDS = Math.ceil(REQUEST_TIMEOUT_MS / 1000) + 30;
const CLAIM_BATCH = 20;

type Claimed = {
  id: string; endpointId: string; event: string; payload: unknown; attempts: number; url: string; secret: string;
};

/** Leases up to `limit` due deliveries of active endpoints to this runner and counts the attempt. */
export async function claimDeliveries(limit = CLAIM_BATCH, where: { organizationId?: string } = {}): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT d."id" FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e."id" = d."endpointId"
      WHERE d."status" = 'pending' AND d."nextAttemptAt" <= now() AND (d."lockedUntil" IS NULL OR d."lockedUntil" < now())
        AND e."active" AND (${where.organizationId ?? null}::uuid IS NULL OR d."organizationId" = ${where.organizationId ?? null}::uuid)
      ORDER BY d."nextAttemptAt" LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE "WebhookDelivery" w SET "lockedUntil" = now() + make_interval(secs => ${LEASE_SECONDS}), "attempts" = w."attempts" + 1, "lastAttemptAt" = now()
    FROM due, "WebhookEndpoint" e
    WHERE w."id" = due."id" AND e."id" = w."endpointId"
    RETURNING w."id", w."endpointId", w."event", w."payload", w."attempts", e."url", e."secret"`;
}

export type AttemptResult = { ok: boolean; status: number | null; error: string | null };

type Answer = { status: number; location: string | null };

/**
 * POSTs `body` and resolves with the answer's status once its headers arrive (the body is not
 * read: the connection is closed). Redirects are not followed. Unless private destinations are
 * allowed, the connection goes only to addresses address.ts does not block, checked on the
 * addresses actually resolved.
 */
function post(url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<Answer> {
  const guard = !webhookPrivateAllowed();
  const literal = guard ? literalDestinationError(url) : null;
  if (literal) return Promise.reject(literal);
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, ...(guard ? { lookup: guardedLookup } : {}) },
      (res) => {
        clearTimeout(timer);
        res.destroy(); // only the status counts: a receiver that streams a long body is not read
        resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null });
      },
    );
    const timer = setTimeout(() => request.destroy(Object.assign(new Error(`No answer within ${timeoutMs / 1000} s`), { name: "TimeoutError" })), timeoutMs);
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
}

/** One HTTP attempt: POST the signed JSON body, no redirects, a short timeout. */
export async function sendDelivery(d: Pick<Claimed, "id" | "event" | "payload" | "url" | "secret">, timeoutMs = REQUEST_TIMEOUT_MS): Promise<AttemptResult> {
  const body = JSON.stringify(d.payload);
  try {
    const res = await post(
      new URL(d.url),
      {
        "content-type": "application/json",
        "user-agent": "Keel-Webhooks/1",
        "keel-event": d.event,
        "keel-delivery": d.id,
        "keel-signature": signatureHeader(d.secret, body),
      },
      body,
      timeoutMs,
    );
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, error: null };
    const error = res.status >= 300 && res.status < 400 ? `Redirect to ${res.location ?? "?"} not followed` : `HTTP ${res.status}`;
    return { ok: false, status: res.status, error };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    // A system error by its code (ECONNREFUSED); ours (the timeout, a blocked address) by their message.
    const message = e.code ?? e.message;
    return { ok: false, status: null, error: String(message).slice(0, 500) };
  }
}

/** Records an attempt: delivered, retrying later (backoff), or given up after MAX_ATTEMPTS. */
export async function recordAttempt(d: Pick<Claimed, "id" | "attempts">, result: AttemptResult) {
  if (result.ok) {
    await db.$executeRaw`
      UPDATE "WebhookDelivery" SET "status" = 'delivered', "deliveredAt" = now(), "lockedUntil" = NULL, "lastStatus" = ${result.status}, "lastError" = NULL
      WHERE "id" = ${d.id}::uuid`;
    return;
  }
  const giveUp = d.attempts >= MAX_ATTEMPTS;
  const wait = BACKOFF_SECONDS[Math.min(d.attempts, BACKOFF_SECONDS.length) - 1] ?? BACKOFF_SECONDS[0];
  await db.$executeRaw`
    UPDATE "WebhookDelivery" SET "status" = ${giveUp ? "gave_up" : "pending"}, "lockedUntil" = NULL, "lastStatus" = ${result.status}, "lastError" = ${result.error},
      "nextAttemptAt" = CASE WHEN ${giveUp} THEN "nextAttemptAt" ELSE now() + make_interval(secs => ${wait}) END
    WHERE "id" = ${d.id}::uuid`;
}

/** Sends every due delivery, a claimed batch at a time (in parallel within a batch); returns how many were attempted. */
export async function deliverDueWebhooks(options: { organizationId?: string; maxBatches?: number } = {}): Promise<number> {
  let attempted = 0;
  for (let i = 0; i < (options.maxBatches ?? Infinity); i++) {
    const batch = await claimDeliveries(CLAIM_BATCH, options);
    if (!batch.length) break;
    await Promise.all(batch.map(async (d) => recordAttempt(d, await sendDelivery(d))));
    attempted += batch.length;
  }
  return attempted;
}

/** Deliveries that are finished (delivered, or given up) are kept this long, then deleted. */
export const RETENTION_DAYS = 30;
const PURGE_BATCH = 5_000;
const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Deletes finished deliveries older than `days`, a batch at a time so no single statement holds
 * many locks; pending ones (still to be sent or retried) are never deleted. Returns how many went.
 * Without it the outbox grows by one row per event and endpoint for ever.
 */
export async function purgeOldDeliveries(days = RETENTION_DAYS): Promise<number> {
  let purged = 0;
  for (;;) {
    const n = await db.$executeRaw`
      DELETE FROM "WebhookDelivery" WHERE "id" IN (
        SELECT "id" FROM "WebhookDelivery"
        WHERE "status" IN ('delivered', 'gave_up') AND "createdAt" < now() - make_interval(days => ${days}::int)
        LIMIT ${PURGE_BATCH}::int
      )`;
    purged += n;
    if (n < PURGE_BATCH) return purged;
  }
}

let running = false;
let timer: NodeJS.Timeout | null = null;
let lastPurge = 0;

/** Runs the webhook runner now unless it is already running (e.g. after "Send test event"). */
export function kickWebhooks() {
  if (running || process.env.KEEL_WORKER === "off") return;
  running = true;
  const purge = Date.now() - lastPurge >= PURGE_EVERY_MS;
  if (purge) lastPurge = Date.now();
  (purge ? purgeOldDeliveries().then(() => deliverDueWebhooks()) : deliverDueWebhooks())
    .catch((error) => console.error("[keel] webhook runner error", error))
    .finally(() => {
      running = false;
    });
}

/** Its own loop beside the job runner, so deliveries never wait behind a long re-score job. */
export function startWebhookRunner(intervalMs = 2000) {
  if (timer) return;
  timer = setInterval(kickWebhooks, intervalMs);
  timer.unref();
  kickWebhooks();
}
