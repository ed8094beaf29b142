import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { Queryable } from "@/lib/db-raw";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WebhookEvent } from "@/lib/webhooks/events";

// The outbox (ADR 11): an event writes one WebhookDelivery per subscribed, active endpoint inside
// the transaction that makes the change, so a rolled-back change sends nothing and a committed one
// is never lost. The runner (lib/webhooks/deliver.ts) sends them. An organisation without an
// endpoint for the event costs one indexed read of its (tiny) endpoint list and writes nothing.

export type WebhookEnvelope = { id: string; type: string; createdAt: string; organizationId: string; data: Prisma.InputJsonValue };

export function envelope(organizationId: string, type: string, data: Prisma.InputJsonValue, createdAt = new Date()): WebhookEnvelope {
  return { id: randomUUID(), type, createdAt: createdAt.toISOString(), organizationId, data };
}

/** Enqueues one event (Prisma transaction). Returns how many deliveries it wrote. */
export async function enqueueWebhookEvent(tx: Tx, organizationId: string, event: WebhookEvent, data: Prisma.InputJsonValue): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { organizationId, active: true, events: { has: event } },
    select: { id: true },
  });
  if (!endpoints.length) return 0;
  const body = envelope(organizationId, event, data);
  const { count } = await tx.webhookDelivery.createMany({
    data: endpoints.map((e) => ({ organizationId, endpointId: e.id, event, eventId: body.id, payload: body as unknown as Prisma.InputJsonValue })),
  });
  return count;
}

/**
 * "deal.flagged_off_strategy" for many deals in one statement (a re-score batch, node-postgres
 * transaction). Only deals still at the scored revision and now off-strategy get an event: a deal
 * saved meanwhile kept its own, newer score (and raised its own event when it was saved). The
 * deal's name is taken from the row (the batch reads only what scoring needs).
 */
export async function enqueueFlaggedDealsRaw(
  q: Queryable,
  organizationId: string,
  deals: { id: string; revision: number; data: Prisma.InputJsonValue }[],
): Promise<number> {
  if (!deals.length) return 0;
  const { rows: endpoints } = await q.query<{ id: string }>(
    `SELECT "id" FROM "WebhookEndpoint" WHERE "organizationId" = $1 AND "active" AND $2 = ANY("events")`, [organizationId, FLAGGED]);
  if (!endpoints.length) return 0;
  const now = new Date();
  const events = deals.map((d) => ({ d: d.id, r: d.revision, e: envelope(organizationId, FLAGGED, d.data, now) }));
  const result = await q.query(
    `INSERT INTO "WebhookDelivery" ("organizationId", "endpointId", "event", "eventId", "payload")
     SELECT $1, ep.id, $2, (t.e->>'id')::uuid, jsonb_set(t.e, '{data,deal,name}', to_jsonb(deal."name"))
     FROM jsonb_to_recordset($3::jsonb) AS t(d uuid, r int, e jsonb)
     JOIN "Deal" deal ON deal."id" = t.d AND deal."revision" = t.r AND deal."offStrategy" AND deal."organizationId" = $1
     CROSS JOIN unnest($4::uuid[]) AS ep(id)`,
    [organizationId, FLAGGED, JSON.stringify(events), endpoints.map((e) => e.id)],
  );
  return result.rowCount ?? 0;
}

const FLAGGED: WebhookEvent = "deal.flagged_off_strategy";
