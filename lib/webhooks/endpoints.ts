import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { envelope } from "@/lib/webhooks/outbox";
import { generateSecret } from "@/lib/webhooks/sign";
import { TEST_EVENT, type WebhookEvent } from "@/lib/webhooks/events";

// Admin side of webhooks (Admin → Webhooks). Every query is scoped by the actor's organisation:
// another organisation's endpoint or delivery is NOT_FOUND. The secret is shown once, when the
// endpoint is created (like API tokens); it is stored because signing needs it, and never shown
// again or written to the audit log. A lost secret: create a new endpoint and delete the old one.

export type DeliveryState = "pending" | "retrying" | "delivered" | "gave_up";

export async function listWebhookEndpoints(actor: Actor) {
  const endpoints = await db.webhookEndpoint.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, url: true, description: true, events: true, active: true, createdAt: true, disabledAt: true },
  });
  return endpoints.map((e) => ({ ...e, events: e.events as WebhookEvent[] }));
}

export async function createWebhookEndpoint(actor: Actor, input: { url: string; description: string; events: WebhookEvent[] }) {
  const secret = generateSecret();
  return db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: { organizationId: actor.organizationId, url: input.url, description: input.description, events: input.events, secret, createdById: actor.userId },
      select: { id: true, url: true, events: true },
    });
    await recordAudit(tx, actor, { action: "webhook.create", entityType: "WebhookEndpoint", entityId: row.id, after: { url: row.url, events: row.events, description: input.description } });
    return { ...row, secret };
  });
}

async function ownEndpoint(tx: Prisma.TransactionClient, actor: Actor, endpointId: string) {
  const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, organizationId: actor.organizationId }, select: { id: true, url: true, active: true, events: true } });
  if (!endpoint) throw notFound("That webhook endpoint");
  return endpoint;
}

/** Disabling stops new events for it; its pending deliveries wait and resume once it is enabled. */
export async function setWebhookEndpointActive(actor: Actor, input: { endpointId: string; active: boolean }) {
  return db.$transaction(async (tx) => {
    const before = await ownEndpoint(tx, actor, input.endpointId);
    await tx.webhookEndpoint.update({ where: { id: before.id }, data: { active: input.active, disabledAt: input.active ? null : new Date() } });
    await recordAudit(tx, actor, { action: input.active ? "webhook.enable" : "webhook.disable", entityType: "WebhookEndpoint", entityId: before.id, before: { active: before.active }, after: { active: input.active } });
    return { id: before.id, url: before.url, active: input.active };
  });
}

/** Deletes the endpoint and its deliveries. */
export async function deleteWebhookEndpoint(actor: Actor, input: { endpointId: string }) {
  return db.$transaction(async (tx) => {
    const before = await ownEndpoint(tx, actor, input.endpointId);
    await tx.webhookEndpoint.delete({ where: { id: before.id } });
    await recordAudit(tx, actor, { action: "webhook.delete", entityType: "WebhookEndpoint", entityId: before.id, before: { url: before.url, events: before.events } });
    return before;
  });
}

/** Enqueues a "webhook.test" event for this one endpoint (a disabled one is refused: nothing would send it). */
export async function sendTestWebhook(actor: Actor, input: { endpointId: string }) {
  return db.$transaction(async (tx) => {
    const endpoint = await ownEndpoint(tx, actor, input.endpointId);
    if (!endpoint.active) throw new AppError("CONFLICT", "Enable the endpoint first: a disabled endpoint receives nothing.");
    const body = envelope(actor.organizationId, TEST_EVENT, { message: "A test event from Keel. Verify its signature, then answer 2xx.", endpointId: endpoint.id, sentById: actor.userId });
    const delivery = await tx.webhookDelivery.create({
      data: { organizationId: actor.organizationId, endpointId: endpoint.id, event: TEST_EVENT, eventId: body.id, payload: body as unknown as Prisma.InputJsonValue },
      select: { id: true },
    });
    return { deliveryId: delivery.id };
  });
}

/** Sends a delivery's event again, as a new delivery (same event id) with a fresh set of attempts. */
export async function redeliverWebhook(actor: Actor, input: { deliveryId: string }) {
  return db.$transaction(async (tx) => {
    const d = await tx.webhookDelivery.findFirst({ where: { id: input.deliveryId, organizationId: actor.organizationId } });
    if (!d) throw notFound("That delivery");
    const copy = await tx.webhookDelivery.create({
      data: { organizationId: d.organizationId, endpointId: d.endpointId, event: d.event, eventId: d.eventId, payload: d.payload as Prisma.InputJsonValue },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "webhook.redeliver", entityType: "WebhookDelivery", entityId: d.id, after: { deliveryId: copy.id, event: d.event } });
    return { deliveryId: copy.id };
  });
}

export function deliveryState(d: { status: string; attempts: number }): DeliveryState {
  if (d.status === "delivered") return "delivered";
  if (d.status === "gave_up") return "gave_up";
  return d.attempts > 0 ? "retrying" : "pending";
}

/** The latest deliveries of the organisation (or one endpoint), newest first. */
export async function listWebhookDeliveries(actor: Actor, { endpointId, take = 50 }: { endpointId?: string; take?: number } = {}) {
  const rows = await db.webhookDelivery.findMany({
    where: { organizationId: actor.organizationId, ...(endpointId ? { endpointId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true, endpointId: true, event: true, eventId: true, status: true, attempts: true, nextAttemptAt: true, lastAttemptAt: true,
      lastStatus: true, lastError: true, deliveredAt: true, createdAt: true, endpoint: { select: { url: true, active: true } },
    },
  });
  return rows.map((r) => ({ ...r, state: deliveryState(r) }));
}

/** True while a listed delivery of an active endpoint is due within 90 s (the page then refreshes itself). */
export function sendingSoon(deliveries: { state: DeliveryState; nextAttemptAt: Date; endpoint: { active: boolean } }[], now = Date.now()): boolean {
  return deliveries.some((d) => d.endpoint.active && (d.state === "pending" || d.state === "retrying") && d.nextAttemptAt.getTime() < now + 90_000);
}
