import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDealAction, reviewDealAction, updateDealAction } from "@/app/(app)/deals/actions";
import { publishAction, saveSectionAction, startDraftAction } from "@/app/(app)/strategy/actions";
import {
  createWebhookAction, deleteWebhookAction, redeliverWebhookAction, sendTestWebhookAction, setWebhookActiveAction,
} from "@/app/(app)/admin/webhooks/actions";
import { runJobsUntilIdle } from "@/lib/jobs/worker";
import { deliverDueWebhooks, purgeOldDeliveries, RETENTION_DAYS, sendDelivery } from "@/lib/webhooks/deliver";
import { listWebhookDeliveries, listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { BACKOFF_SECONDS, MAX_ATTEMPTS, type WebhookEvent } from "@/lib/webhooks/events";
import { enqueueWebhookEvent } from "@/lib/webhooks/outbox";
import { verifySignature } from "@/lib/webhooks/sign";
import { dealForm } from "../factories/deals";
import { actorOf, ok, orgWithStrategy } from "./fixtures";
import { as, db } from "./helpers";

// Webhooks end to end against the real database and a real HTTP receiver on 127.0.0.1: the outbox
// is written in the event's transaction, the runner signs and sends, retries with backoff, gives up.

type Received = { headers: IncomingHttpHeaders; body: string; path: string };

/** A local receiver: answers with the next queued status (200 when none), records every request. */
async function receiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body, path: req.url ?? "/" });
      const status = statuses.shift() ?? 200;
      if (status >= 300 && status < 400) res.setHeader("location", `${url}/elsewhere`);
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "nope");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, statuses, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

type Org = Awaited<ReturnType<typeof orgWithStrategy>>;
type Created = { id: string; url: string; events: string[]; secret: string };
const ON_PREMISE = [{ text: "We will host it on-premise", kind: "feature" as const, dueDate: null }];

async function addEndpoint(org: Org, url: string, events: WebhookEvent[]) {
  return as(org.admin.id, () => ok<Created>(createWebhookAction({ url, description: "test", events })));
}
/** Registers `url` as organisation A's admin, expects it to be accepted, and removes it again. */
async function acceptsAndRemoves(url: string) {
  const created = await as(A.admin.id, () => createWebhookAction({ url, events: ["review.decided"] }));
  expect(created.ok, url).toBe(true);
  if (created.ok) await as(A.admin.id, () => ok(deleteWebhookAction({ endpointId: (created.data as Created).id })));
}
const deliveriesOf = (endpointId: string) => db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" } });

let A: Org;
let B: Org;
let rx: Awaited<ReturnType<typeof receiver>>;
beforeAll(async () => {
  [A, B] = [await orgWithStrategy(), await orgWithStrategy()];
  rx = await receiver();
});
afterAll(async () => {
  await rx.close();
});

describe("registering endpoints", () => {
  it("validates the URL and the events, and refuses http:// in production unless allowed", async () => {
    const bad = await as(A.admin.id, () => createWebhookAction({ url: "ftp://example.com/x", events: ["review.decided"] }));
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    expect(bad.ok ? null : bad.fieldErrors?.url).toBeTruthy();
    const none = await as(A.admin.id, () => createWebhookAction({ url: "https://example.com/x" }));
    expect(none.ok ? null : none.fieldErrors?.events).toEqual(["Choose at least one event."]);
    const unknown = await as(A.admin.id, () => createWebhookAction({ url: "https://example.com/x", events: ["deal.deleted"] }));
    expect(unknown).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    const creds = await as(A.admin.id, () => createWebhookAction({ url: "https://user:pw@example.com/x", events: ["review.decided"] }));
    expect(creds).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });

    vi.stubEnv("NODE_ENV", "production");
    try {
      const http = await as(A.admin.id, () => createWebhookAction({ url: "http://example.com/x", events: ["review.decided"] }));
      expect(http.ok ? null : http.fieldErrors?.url).toEqual(["Use an https:// URL: deliveries carry deal data."]);
      vi.stubEnv("KEEL_WEBHOOKS_ALLOW_HTTP", "1");
      await acceptsAndRemoves("http://example.com/allowed");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("refuses this machine and private networks in production unless allowed, however the address is written", async () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      const refused = "Use a public address: Keel does not send events to this machine or to private networks.";
      for (const url of [
        "https://127.0.0.1/x", "https://localhost:8443/x", "https://api.localhost/x", "https://10.0.0.5/x", "https://192.168.1.20/x",
        "https://169.254.169.254/latest/meta-data", "https://2130706433/x", "https://0x7f.1/x", "https://127.1/x", "https://[::1]/x", "https://[::ffff:7f00:1]/x",
      ]) {
        const result = await as(A.admin.id, () => createWebhookAction({ url, events: ["review.decided"] }));
        expect(result.ok ? url : result.fieldErrors?.url, url).toEqual([refused]);
      }
      await acceptsAndRemoves("https://hooks.example.com/keel");
      vi.stubEnv("KEEL_WEBHOOKS_ALLOW_PRIVATE", "1");
      await acceptsAndRemoves("https://10.0.0.5/x");
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await db.webhookEndpoint.count({ where: { organizationId: A.organization.id, url: { contains: "10.0.0.5" } } })).toBe(0);
  });

  it("lets only admins manage endpoints (FORBIDDEN for the other roles) and keeps organisations apart (NOT_FOUND)", async () => {
    for (const user of [A.leader, A.manager, A.rep]) {
      expect(await as(user.id, () => createWebhookAction({ url: "https://example.com/x", events: ["review.decided"] }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    const endpoint = await addEndpoint(A, `${rx.url}/isolation`, ["review.decided"]);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    for (const user of [A.leader, A.manager, A.rep]) {
      expect(await as(user.id, () => sendTestWebhookAction({ endpointId: endpoint.id }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await as(user.id, () => deleteWebhookAction({ endpointId: endpoint.id }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    const test = await as(A.admin.id, () => ok<{ deliveryId: string }>(sendTestWebhookAction({ endpointId: endpoint.id })));

    // B's admin sees none of A's endpoints or deliveries and reaches none of them by id.
    const bAdmin = await actorOf(B.admin.id);
    expect((await listWebhookEndpoints(bAdmin)).map((e) => e.id)).not.toContain(endpoint.id);
    expect((await listWebhookDeliveries(bAdmin)).map((d) => d.id)).not.toContain(test.deliveryId);
    expect(await as(B.admin.id, () => setWebhookActiveAction({ endpointId: endpoint.id, active: "false" }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await as(B.admin.id, () => sendTestWebhookAction({ endpointId: endpoint.id }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await as(B.admin.id, () => deleteWebhookAction({ endpointId: endpoint.id }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await as(B.admin.id, () => redeliverWebhookAction({ deliveryId: test.deliveryId }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({ active: true });
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
    // The secret never reaches the audit log.
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: endpoint.id, action: "webhook.create" } });
    expect(JSON.stringify(audit.after)).not.toContain(endpoint.secret);

    await as(A.admin.id, () => ok(deleteWebhookAction({ endpointId: endpoint.id })));
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
  });
});

describe("events enqueue deliveries in the transaction of the change", () => {
  it("writes one delivery per subscribed, active endpoint when a deal becomes off-strategy, a review is decided, a version is published", async () => {
    const org = await orgWithStrategy();
    const flagged = await addEndpoint(org, `${rx.url}/flagged`, ["deal.flagged_off_strategy", "review.decided"]);
    const published = await addEndpoint(org, `${rx.url}/published`, ["strategy.published"]);
    const disabled = await addEndpoint(org, `${rx.url}/disabled`, ["deal.flagged_off_strategy", "review.decided", "strategy.published"]);
    await as(org.admin.id, () => ok(setWebhookActiveAction({ endpointId: disabled.id, active: "false" })));

    // An aligned deal: nothing. An off-strategy one: exactly one delivery, to the subscribed endpoint.
    const aligned = await as(org.rep.id, () => ok<{ id: string; revision: number }>(createDealAction(dealForm(org.account.id, org.productKey, { name: "Aligned" }))));
    expect(await db.webhookDelivery.count({ where: { organizationId: org.organization.id } })).toBe(0);
    const bad = await as(org.rep.id, () => ok<{ id: string; revision: number; score: { score: number } | null }>(createDealAction(dealForm(org.account.id, org.productKey, { name: "On-prem", commitments: ON_PREMISE }))));
    let rows = await deliveriesOf(flagged.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event: "deal.flagged_off_strategy", status: "pending", attempts: 0 });
    expect(rows[0]!.payload).toMatchObject({
      id: rows[0]!.eventId, type: "deal.flagged_off_strategy", organizationId: org.organization.id,
      data: { source: "saved", deal: { id: bad.id, name: "On-prem", revision: 0, ownerId: org.rep.id, score: bad.score!.score, path: `/deals/${bad.id}` }, strategyVersionId: org.v1.id },
    });
    expect((rows[0]!.payload as { data: { findings: { severity: string }[] } }).data.findings.some((f) => f.severity === "critical")).toBe(true);
    expect(await deliveriesOf(published.id)).toHaveLength(0);
    expect(await deliveriesOf(disabled.id)).toHaveLength(0);

    // Still off-strategy after an edit: no new event. Aligned, then off-strategy again: a new one.
    await as(org.rep.id, () => ok(updateDealAction({ ...dealForm(org.account.id, org.productKey, { name: "On-prem", commitments: ON_PREMISE }), dealId: bad.id, revision: 0 })));
    expect(await deliveriesOf(flagged.id)).toHaveLength(1);
    await as(org.rep.id, () => ok(updateDealAction({ ...dealForm(org.account.id, org.productKey, { name: "Aligned now" }), dealId: aligned.id, revision: 0 })));
    await as(org.rep.id, () => ok(updateDealAction({ ...dealForm(org.account.id, org.productKey, { name: "Aligned now", commitments: ON_PREMISE }), dealId: aligned.id, revision: 1 })));
    rows = await deliveriesOf(flagged.id);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.payload).toMatchObject({ data: { source: "saved", deal: { id: aligned.id, revision: 2 } } });

    // A review decision (not a comment).
    await as(org.manager.id, () => ok(reviewDealAction({ dealId: bad.id, kind: "comment", body: "Hm.", revision: 1 })));
    expect(await deliveriesOf(flagged.id)).toHaveLength(2);
    await as(org.manager.id, () => ok(reviewDealAction({ dealId: bad.id, kind: "approve_exception", body: "Strategic logo.", revision: 1 })));
    rows = await deliveriesOf(flagged.id);
    expect(rows).toHaveLength(3);
    expect(rows[2]!.payload).toMatchObject({ type: "review.decided", data: { decision: "approve_exception", body: "Strategic logo.", reviewerId: org.manager.id, deal: { id: bad.id, revision: 1 } } });

    // Publishing: strategy.published at once; the re-score then flags the deals v2 turns off-strategy
    // (v2 stops offering abandoned-basket e-mails, which this aligned deal promises).
    const basket = await as(org.rep.id, () => ok<{ id: string; score: { offStrategy: boolean } | null }>(createDealAction(dealForm(org.account.id, org.productKey, { name: "Basket e-mails" }))));
    expect(basket.score!.offStrategy).toBe(false);
    const { versionId, revision } = await as(org.leader.id, () => ok<{ versionId: string; revision: number }>(startDraftAction(undefined)));
    const caps = (await db.strategyCapability.findMany({ where: { versionId }, orderBy: { position: "asc" } })).map((c) => ({
      key: c.key, name: c.name, description: c.description, aliases: c.aliases, status: c.name === "Abandoned basket e-mails" ? "not_offered" : c.status.toLowerCase(), expectedDate: c.expectedDate?.toISOString().slice(0, 10) ?? null,
    }));
    const saved = await as(org.leader.id, () => ok<{ revision: number }>(saveSectionAction({ section: "capabilities", versionId, revision, data: { capabilities: caps } })));
    await as(org.leader.id, () => ok(publishAction({ versionId, revision: saved.revision, changeNote: "Basket e-mails retired" })));
    const pub = await deliveriesOf(published.id);
    expect(pub).toHaveLength(1);
    expect(pub[0]!.payload).toMatchObject({ type: "strategy.published", data: { version: { id: versionId, number: 2, changeNote: "Basket e-mails retired" } } });
    expect(await deliveriesOf(flagged.id)).toHaveLength(3); // re-scoring has not run yet

    const before = await db.deal.findMany({ where: { organizationId: org.organization.id }, select: { id: true, name: true, offStrategy: true } });
    await runJobsUntilIdle();
    const after = await db.deal.findMany({ where: { organizationId: org.organization.id }, select: { id: true, offStrategy: true } });
    const newlyFlagged = before.filter((d) => !d.offStrategy && after.find((a) => a.id === d.id)!.offStrategy);
    rows = (await deliveriesOf(flagged.id)).filter((r) => (r.payload as { data: { source?: string } }).data.source === "rescored");
    expect(newlyFlagged.map((d) => d.id)).toEqual([basket.id]);
    expect(rows.map((r) => (r.payload as { data: { deal: { id: string } } }).data.deal.id).sort()).toEqual(newlyFlagged.map((d) => d.id).sort());
    for (const r of rows) {
      const deal = newlyFlagged.find((d) => d.id === (r.payload as { data: { deal: { id: string } } }).data.deal.id)!;
      expect(r.payload).toMatchObject({ type: "deal.flagged_off_strategy", data: { deal: { name: deal.name }, strategyVersionId: versionId } });
    }
    expect(new Set(rows.map((r) => r.eventId)).size).toBe(rows.length);
    expect(await deliveriesOf(disabled.id)).toHaveLength(0);
  });

  it("enqueues nothing when the change rolls back, and nothing for organisations without an endpoint", async () => {
    const org = await orgWithStrategy();
    const endpoint = await addEndpoint(org, `${rx.url}/rollback`, ["review.decided"]);
    await expect(db.$transaction(async (tx) => {
      expect(await enqueueWebhookEvent(tx, org.organization.id, "review.decided", { x: 1 })).toBe(1);
      throw new Error("the change failed");
    })).rejects.toThrow("the change failed");
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);
    // A decision refused by the domain (stale revision) rolls back: no delivery either.
    const deal = await as(org.rep.id, () => ok<{ id: string }>(createDealAction(dealForm(org.account.id, org.productKey, { commitments: ON_PREMISE }))));
    expect(await as(org.manager.id, () => reviewDealAction({ dealId: deal.id, kind: "request_changes", body: "x", revision: 7 }))).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);

    // B has no endpoint: its off-strategy deals and publishes write no delivery.
    await as(B.rep.id, () => ok(createDealAction(dealForm(B.account.id, B.productKey, { commitments: ON_PREMISE }))));
    expect(await db.webhookDelivery.count({ where: { organizationId: B.organization.id } })).toBe(0);
  });
});

describe("the runner", () => {
  it("signs deliveries (HMAC-SHA256 over timestamp.body), retries a 500 after the backoff, then delivers", async () => {
    const org = await orgWithStrategy();
    const endpoint = await addEndpoint(org, `${rx.url}/flaky`, ["review.decided"]);
    const deal = await as(org.rep.id, () => ok<{ id: string }>(createDealAction(dealForm(org.account.id, org.productKey, { commitments: ON_PREMISE }))));
    await as(org.manager.id, () => ok(reviewDealAction({ dealId: deal.id, kind: "request_changes", body: "Offer our EU cloud.", revision: 0 })));
    const [queued] = await deliveriesOf(endpoint.id);

    rx.statuses.push(500);
    const seen = rx.received.length;
    expect(await deliverDueWebhooks({ organizationId: org.organization.id })).toBe(1);
    const first = rx.received[seen]!;
    expect(first.path).toBe("/flaky");
    expect(first.headers["keel-event"]).toBe("review.decided");
    expect(first.headers["keel-delivery"]).toBe(queued!.id);
    expect(first.headers["content-type"]).toBe("application/json");
    expect(verifySignature(endpoint.secret, first.body, first.headers["keel-signature"] as string)).toBe(true);
    expect(verifySignature("whsec_wrong", first.body, first.headers["keel-signature"] as string)).toBe(false);
    expect(verifySignature(endpoint.secret, first.body.replace("Offer", "Deny"), first.headers["keel-signature"] as string)).toBe(false);
    expect(JSON.parse(first.body)).toMatchObject({ id: queued!.eventId, type: "review.decided", data: { decision: "request_changes", deal: { id: deal.id } } });

    let row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: queued!.id } });
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatus: 500, lastError: "HTTP 500", lockedUntil: null });
    expect((row.nextAttemptAt.getTime() - row.lastAttemptAt!.getTime()) / 1000).toBeCloseTo(BACKOFF_SECONDS[0], -1);
    expect((await listWebhookDeliveries(await actorOf(org.admin.id))).find((d) => d.id === row.id)!.state).toBe("retrying");
    // Not due yet: nothing is sent.
    expect(await deliverDueWebhooks({ organizationId: org.organization.id })).toBe(0);
    expect(rx.received.length).toBe(seen + 1);

    // A minute later (moved back in the database), the retry succeeds.
    await db.webhookDelivery.update({ where: { id: row.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    expect(await deliverDueWebhooks({ organizationId: org.organization.id })).toBe(1);
    row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: queued!.id } });
    expect(row).toMatchObject({ status: "delivered", attempts: 2, lastStatus: 200, lastError: null });
    expect(row.deliveredAt).not.toBeNull();
    const second = rx.received[seen + 1]!;
    expect(second.headers["keel-delivery"]).toBe(queued!.id);
    expect(verifySignature(endpoint.secret, second.body, second.headers["keel-signature"] as string)).toBe(true);
  });

  it("gives up on a dead endpoint after the maximum number of attempts, with the backoff between them; redeliver starts over", async () => {
    const org = await orgWithStrategy();
    const dead = await receiver();
    await dead.close(); // nothing listens on its port any more
    const endpoint = await addEndpoint(org, `${dead.url}/gone`, ["review.decided"]);
    const test = await as(org.admin.id, () => ok<{ deliveryId: string }>(sendTestWebhookAction({ endpointId: endpoint.id })));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await deliverDueWebhooks({ organizationId: org.organization.id })).toBe(1);
      const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: test.deliveryId } });
      expect(row.attempts).toBe(attempt);
      expect(row.lastStatus).toBeNull();
      expect(row.lastError).toBe("ECONNREFUSED");
      if (attempt < MAX_ATTEMPTS) {
        expect(row.status).toBe("pending");
        expect((row.nextAttemptAt.getTime() - row.lastAttemptAt!.getTime()) / 1000).toBeCloseTo(BACKOFF_SECONDS[attempt - 1]!, -1);
        await db.webhookDelivery.update({ where: { id: row.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
      } else {
        expect(row.status).toBe("gave_up");
      }
    }
    expect(await deliverDueWebhooks({ organizationId: org.organization.id })).toBe(0);
    const listed = (await listWebhookDeliveries(await actorOf(org.admin.id))).find((d) => d.id === test.deliveryId)!;
    expect(listed).toMatchObject({ state: "gave_up", attempts: MAX_ATTEMPTS });

    const again = await as(org.admin.id, () => ok<{ deliveryId: string }>(redeliverWebhookAction({ deliveryId: test.deliveryId })));
    const copy = await db.webhookDelivery.findUniqueOrThrow({ where: { id: again.deliveryId } });
    expect(copy).toMatchObject({ status: "pending", attempts: 0, event: "webhook.test", endpointId: endpoint.id });
    expect(copy.eventId).toBe((await db.webhookDelivery.findUniqueOrThrow({ where: { id: test.deliveryId } })).eventId);
  });

  it("follows no redirect, times out quickly, and waits while its endpoint is disabled", async () => {
    const org = await orgWithStrategy();
    const endpoint = await addEndpoint(org, `${rx.url}/moved`, ["review.decided"]);
    const test = await as(org.admin.id, () => ok<{ deliveryId: string }>(sendTestWebhookAction({ endpointId: endpoint.id })));
    rx.statuses.push(302);
    const seen = rx.received.length;
    expect(await deliverDueWebhooks({ organizationId: org.organization.id })).toBe(1);
    expect(rx.received.length).toBe(seen + 1); // the redirect target was never asked
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: test.deliveryId } })).toMatchObject({ status: "pending", lastStatus: 302, lastError: expect.stringMatching(/not followed/) });

    // A receiver that never answers.
    const hanging = createServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/slow`;
    const started = Date.now();
    const result = await sendDelivery({ id: test.deliveryId, event: "webhook.test", payload: { x: 1 }, url, secret: endpoint.secret }, 300);
    expect(result).toEqual({ ok: false, status: null, error: "No answer within 0.3 s" });
    expect(Date.now() - started).toBeLessThan(3000);
    hanging.closeAllConnections();
    await new Promise<void>((resolve) => hanging.close(() => resolve()));

    // Disabled: its due delivery waits (and a test event is refused); enabled again, it is sent.
    await db.webhookDelivery.update({ where: { id: test.deliveryId }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    await as(org.admin.id, () => ok(setWebhookActiveAction({ endpointId: endpoint.id, active: "false" })));
    expect(await as(org.admin.id, () => sendTestWebhookAction({ endpointId: endpoint.id }))).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await deliverDueWebhooks({ organizationId: org.organization.id })).toBe(0);
    await as(org.admin.id, () => ok(setWebhookActiveAction({ endpointId: endpoint.id, active: "true" })));
    expect(await deliverDueWebhooks({ organizationId: org.organization.id })).toBe(1);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: test.deliveryId } })).toMatchObject({ status: "delivered", attempts: 2 });
  });

  it("never connects to a private or local address in production, whether written as a number or resolved from a name", async () => {
    const endpoint = await addEndpoint(A, `${rx.url}/private`, ["review.decided"]);
    const port = new URL(rx.url).port;
    const attempt = (url: string) => sendDelivery({ id: crypto.randomUUID(), event: "webhook.test", payload: { x: 1 }, url, secret: endpoint.secret }, 2000);
    const seen = rx.received.length;
    vi.stubEnv("NODE_ENV", "production");
    try {
      // The endpoint was saved while that was allowed (or its name pointed elsewhere then): each attempt checks again.
      expect(await attempt(`${rx.url}/private`)).toEqual({ ok: false, status: null, error: "Refused: 127.0.0.1 is a private or local address" });
      // A name is refused on what it resolves to, at connection time (a later DNS change is caught too).
      expect(await attempt(`http://localhost:${port}/private`)).toEqual({ ok: false, status: null, error: expect.stringMatching(/^Refused: localhost resolves to (127\.0\.0\.1|::1), a private or local address$/) });
      expect(rx.received.length).toBe(seen);
      vi.stubEnv("KEEL_WEBHOOKS_ALLOW_PRIVATE", "1");
      expect(await attempt(`http://localhost:${port}/private`)).toEqual({ ok: true, status: 200, error: null });
      expect(rx.received.length).toBe(seen + 1);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it(`deletes finished deliveries after ${RETENTION_DAYS} days, never one still to be sent`, async () => {
    const org = await orgWithStrategy();
    const endpoint = await addEndpoint(org, `${rx.url}/kept`, ["review.decided"]);
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    const make = (status: string, createdAt: Date) =>
      db.webhookDelivery.create({
        data: { organizationId: org.organization.id, endpointId: endpoint.id, event: "review.decided", eventId: crypto.randomUUID(), payload: {}, status, createdAt, nextAttemptAt: createdAt },
      });
    const oldDelivered = await make("delivered", daysAgo(RETENTION_DAYS + 10));
    const oldGaveUp = await make("gave_up", daysAgo(RETENTION_DAYS + 1));
    const oldPending = await make("pending", daysAgo(RETENTION_DAYS + 10)); // still retrying: kept
    const recent = await make("delivered", daysAgo(RETENTION_DAYS - 1));
    expect(await purgeOldDeliveries()).toBeGreaterThanOrEqual(2);
    const left = (await deliveriesOf(endpoint.id)).map((d) => d.id);
    expect(left).not.toContain(oldDelivered.id);
    expect(left).not.toContain(oldGaveUp.id);
    expect(left.sort()).toEqual([oldPending.id, recent.id].sort());
  });
});
