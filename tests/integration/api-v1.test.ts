import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/(app)/admin/api-tokens/actions";
import { createDealAction } from "@/app/(app)/deals/actions";
import * as accounts from "@/app/api/v1/accounts/route";
import * as account from "@/app/api/v1/accounts/[id]/route";
import * as deals from "@/app/api/v1/deals/route";
import * as deal from "@/app/api/v1/deals/[id]/route";
import * as scores from "@/app/api/v1/deals/[id]/scores/route";
import * as latest from "@/app/api/v1/deals/[id]/scores/latest/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as requests from "@/app/api/v1/requests/route";
import * as requestOne from "@/app/api/v1/requests/[id]/route";
import * as versions from "@/app/api/v1/strategy/versions/route";
import * as version from "@/app/api/v1/strategy/versions/[number]/route";
import * as themes from "@/app/api/v1/themes/route";
import * as theme from "@/app/api/v1/themes/[id]/route";
import { dealForm } from "../factories/deals";
import { ok, orgWithStrategy } from "./fixtures";
import { as, db } from "./helpers";

// /api/v1 end to end through the route handlers and the real database: tokens created by the
// admin action, every endpoint, scopes, bad tokens, bad input, pagination, idempotency, the rate
// limit, and organisation isolation.

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Call = { token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string>; params?: Record<string, string>; query?: string };

async function call(handler: Handler, method: string, path: string, opts: Call = {}) {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await handler(new NextRequest(`http://localhost/api/v1${path}${opts.query ? `?${opts.query}` : ""}`, { method, body, headers }), { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
}
// Calls without a session: a token (or nothing) is the only credential.
const anon = <T>(fn: () => Promise<T>) => as(null, fn);

type Org = Awaited<ReturnType<typeof orgWithStrategy>>;
let A: Org;
let B: Org;
let readA: string;
let writeA: string;
let writeB: string;
let aDeal: { id: string; revision: number };

async function newToken(org: Org, scope: "read" | "write", name = `${scope} token`) {
  return as(org.admin.id, () => ok<{ id: string; token: string; prefix: string }>(createApiTokenAction({ name, scope })));
}

beforeAll(async () => {
  A = await orgWithStrategy();
  B = await orgWithStrategy();
  readA = (await newToken(A, "read")).token;
  writeA = (await newToken(A, "write")).token;
  writeB = (await newToken(B, "write")).token;
  aDeal = await as(A.rep.id, () => ok<{ id: string; revision: number }>(createDealAction(dealForm(A.account.id, A.productKey))));
});

afterEach(() => {
  delete process.env.KEEL_API_RATE_LIMIT;
});

describe("API tokens", () => {
  it("are stored as a SHA-256 hash with a visible prefix, and only admins create them", async () => {
    const created = await newToken(A, "read", "Warehouse");
    expect(created.token).toMatch(/^keel_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(created.token.startsWith(row.prefix)).toBe(true);
    expect(await as(A.leader.id, () => createApiTokenAction({ name: "x", scope: "read" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await as(A.admin.id, () => createApiTokenAction({ name: "", scope: "admin" }))).toMatchObject({ ok: false, code: "VALIDATION_FAILED", fieldErrors: { name: expect.any(Array), scope: expect.any(Array) } });
  });

  it("records when a token was last used", async () => {
    const t = await newToken(A, "read");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt).toBeNull();
    await anon(() => call(deals.GET, "GET", "/deals", { token: t.token }));
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuses a missing, malformed, unknown or revoked token with 401", async () => {
    expect((await anon(() => call(deals.GET, "GET", "/deals"))).status).toBe(401);
    const malformed = await anon(() => call(deals.GET, "GET", "/deals", { headers: { authorization: "Token abc" } }));
    expect(malformed.status).toBe(401);
    const unknown = await anon(() => call(deals.GET, "GET", "/deals", { token: "keel_not-a-real-token" }));
    expect(unknown.status).toBe(401);
    expect(unknown.json.error.code).toBe("UNAUTHENTICATED");
    expect(unknown.headers.get("www-authenticate")).toMatch(/^Bearer/);

    const t = await newToken(A, "write");
    expect((await anon(() => call(deals.GET, "GET", "/deals", { token: t.token }))).status).toBe(200);
    expect(await as(B.admin.id, () => revokeApiTokenAction({ tokenId: t.id }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await as(A.admin.id, () => revokeApiTokenAction({ tokenId: t.id }))).toMatchObject({ ok: true });
    const revoked = await anon(() => call(deals.GET, "GET", "/deals", { token: t.token }));
    expect(revoked.status).toBe(401);
    expect(revoked.json.error.message).toMatch(/revoked/);
  });
});

describe("scopes", () => {
  it("a read token reads everything and writes nothing (403)", async () => {
    expect((await anon(() => call(deals.GET, "GET", "/deals", { token: readA }))).status).toBe(200);
    const refused = await anon(() => call(deals.POST, "POST", "/deals", { token: readA, body: dealForm(A.account.id, A.productKey) }));
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/scope \(read\)/) });
    expect((await anon(() => call(account.PATCH, "PATCH", `/accounts/${A.account.id}`, { token: readA, body: { name: "No" }, params: { id: A.account.id } }))).status).toBe(403);
    expect((await anon(() => call(requests.POST, "POST", "/requests", { token: readA, body: { accountId: A.account.id, text: "x" } }))).status).toBe(403);
    expect(await db.deal.count({ where: { organizationId: A.organization.id } })).toBe(1);
  });

  it("a browser session keeps working on the same routes", async () => {
    const res = await as(A.rep.id, () => call(deals.GET, "GET", "/deals"));
    expect(res.status).toBe(200);
    expect(res.json.data.map((d: { id: string }) => d.id)).toContain(aDeal.id);
    // A session creates deals as itself; only a token names another owner.
    const other = await as(A.rep.id, () => call(deals.POST, "POST", "/deals", { body: { ...dealForm(A.account.id, A.productKey), ownerEmail: A.otherRep.email } }));
    expect(other.status).toBe(400);
    expect(other.json.error.fieldErrors).toHaveProperty("ownerEmail");
  });
});

describe("deals", () => {
  it("creates a scored deal for the named owner, reads it, updates it and keeps the score history", async () => {
    const created = await anon(() => call(deals.POST, "POST", "/deals", { token: writeA, body: { ...dealForm(A.account.id, A.productKey, { name: "API deal", externalId: "crm-1" }), ownerEmail: A.rep.email.toUpperCase() } }));
    expect(created.status).toBe(201);
    const d = created.json.data;
    expect(d).toMatchObject({ name: "API deal", externalId: "crm-1", stage: "proposal", revision: 0, owner: { id: A.rep.id }, teamId: A.team.id, amount: 45600 });
    expect(d.score).toEqual(expect.any(Number));
    expect(d.lineItems[0]).toMatchObject({ productKey: A.productKey, productName: "Insight Pro", quantity: 2 });
    // Scored in the same transaction, as from the form.
    const stored = await db.dealScore.findMany({ where: { dealId: d.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.score).toBe(d.score);
    // The audit log names the token's creator.
    expect(await db.auditLog.count({ where: { entityId: d.id, action: "deal.create", actorId: A.admin.id } })).toBe(1);

    const read = await anon(() => call(deal.GET, "GET", `/deals/${d.id}`, { token: readA, params: { id: d.id } }));
    expect(read.status).toBe(200);
    expect(read.json.data.id).toBe(d.id);
    const filtered = await anon(() => call(deals.GET, "GET", "/deals", { token: readA, query: "externalId=crm-1" }));
    expect(filtered.json.data.map((x: { id: string }) => x.id)).toEqual([d.id]);

    const patched = await anon(() => call(deal.PATCH, "PATCH", `/deals/${d.id}`, { token: writeA, body: { stage: "negotiation", revision: 0 }, params: { id: d.id } }));
    expect(patched.status).toBe(200);
    expect(patched.json.data).toMatchObject({ stage: "negotiation", revision: 1, name: "API deal", externalId: "crm-1" });
    expect(patched.json.data.lineItems).toHaveLength(1); // omitted fields keep their value
    const stale = await anon(() => call(deal.PATCH, "PATCH", `/deals/${d.id}`, { token: writeA, body: { stage: "won", revision: 0 }, params: { id: d.id } }));
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("CONFLICT");

    const history = await anon(() => call(scores.GET, "GET", `/deals/${d.id}/scores`, { token: readA, params: { id: d.id } }));
    expect(history.status).toBe(200);
    expect(history.json.data.map((s: { dealRevision: number }) => s.dealRevision)).toEqual([1, 0]);
    expect(history.json.data[0]).toMatchObject({ strategyVersion: { number: 1 }, findings: expect.any(Array), subScores: expect.any(Object) });
    const current = await anon(() => call(latest.GET, "GET", `/deals/${d.id}/scores/latest`, { token: readA, params: { id: d.id } }));
    expect(current.json.data).toMatchObject({ dealRevision: 1, score: patched.json.data.score });
  });

  it("defaults the owner to the token's creator and refuses an owner from another organisation", async () => {
    const mine = await anon(() => call(deals.POST, "POST", "/deals", { token: writeA, body: dealForm(A.account.id, A.productKey, { name: "Owned by admin" }) }));
    expect(mine.status).toBe(201);
    expect(mine.json.data.owner.id).toBe(A.admin.id);
    const foreign = await anon(() => call(deals.POST, "POST", "/deals", { token: writeA, body: { ...dealForm(A.account.id, A.productKey), ownerEmail: B.rep.email } }));
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.fieldErrors.ownerEmail).toEqual(["No active user of your organisation has that e-mail."]);
  });

  it("answers bad input with 400 and every problem by its field path", async () => {
    const bad = dealForm(A.account.id, A.productKey, { name: "" });
    bad.lineItems[0]!.quantity = -1;
    const res = await anon(() => call(deals.POST, "POST", "/deals", { token: writeA, body: { ...bad, stage: "maybe" } }));
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(res.json.error.fieldErrors).sort()).toEqual(["lineItems.0.quantity", "name", "stage"]);
    expect(res.json.error.fields).toContainEqual({ path: "lineItems.0.quantity", message: "The quantity must be more than 0." });

    const unknownProduct = await anon(() => call(deals.POST, "POST", "/deals", { token: writeA, body: dealForm(A.account.id, B.productKey) }));
    expect(unknownProduct.status).toBe(400);
    expect(unknownProduct.json.error.fieldErrors).toHaveProperty(["lineItems.0.productKey"]);

    const notJson = await anon(() => call(deals.POST, "POST", "/deals", { token: writeA, rawBody: "{oops" }));
    expect(notJson.status).toBe(400);
    const patch = await anon(() => call(deal.PATCH, "PATCH", `/deals/${aDeal.id}`, { token: writeA, body: { commitments: [{ text: "", kind: "feature" }] }, params: { id: aDeal.id } }));
    expect(patch.status).toBe(400);
    expect(patch.json.error.fieldErrors).toHaveProperty(["commitments.0.text"]);
    const query = await anon(() => call(deals.GET, "GET", "/deals", { token: readA, query: "limit=0&stage=maybe" }));
    expect(query.status).toBe(400);
    expect(Object.keys(query.json.error.fieldErrors).sort()).toEqual(["limit", "stage"]);
    expect((await anon(() => call(deal.GET, "GET", "/deals/not-a-uuid", { token: readA, params: { id: "not-a-uuid" } }))).status).toBe(404);
  });
});

describe("accounts and customer requests", () => {
  it("creates, reads, lists and updates accounts", async () => {
    const created = await anon(() => call(accounts.POST, "POST", "/accounts", { token: writeA, body: { name: "Harbour Hotels", industry: "Hospitality", employees: 800, region: "EU", externalId: "acc-9" } }));
    expect(created.status).toBe(201);
    const id = created.json.data.id;
    expect(created.json.data).toMatchObject({ name: "Harbour Hotels", employees: 800, revenue: null });
    const patched = await anon(() => call(account.PATCH, "PATCH", `/accounts/${id}`, { token: writeA, body: { employees: 950 }, params: { id } }));
    expect(patched.json.data).toMatchObject({ name: "Harbour Hotels", employees: 950, industry: "Hospitality", externalId: "acc-9" });
    const invalid = await anon(() => call(account.PATCH, "PATCH", `/accounts/${id}`, { token: writeA, body: { employees: -1 }, params: { id } }));
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.fieldErrors).toHaveProperty("employees");
    expect((await anon(() => call(account.GET, "GET", `/accounts/${id}`, { token: readA, params: { id } }))).json.data.employees).toBe(950);
    const listed = await anon(() => call(accounts.GET, "GET", "/accounts", { token: readA, query: "externalId=acc-9" }));
    expect(listed.json).toMatchObject({ data: [{ id }], nextCursor: null });
  });

  it("logs, reads, lists and updates a customer request; one on a deal changes with its deal", async () => {
    const created = await anon(() => call(requests.POST, "POST", "/requests", { token: writeA, body: { accountId: A.account.id, text: "Seat maps for every venue" } }));
    expect(created.status).toBe(201);
    const id = created.json.data.id;
    expect(created.json.data).toMatchObject({ accountId: A.account.id, dealId: null, authorId: A.admin.id, text: "Seat maps for every venue" });
    const patched = await anon(() => call(requestOne.PATCH, "PATCH", `/requests/${id}`, { token: writeA, body: { text: "Interactive seat maps for every venue" }, params: { id } }));
    expect(patched.status).toBe(200);
    expect(patched.json.data.text).toBe("Interactive seat maps for every venue");
    expect((await anon(() => call(requestOne.GET, "GET", `/requests/${id}`, { token: readA, params: { id } }))).json.data.text).toBe("Interactive seat maps for every venue");
    const listed = await anon(() => call(requests.GET, "GET", "/requests", { token: readA, query: `accountId=${A.account.id}&limit=100` }));
    expect(listed.json.data.map((r: { id: string }) => r.id)).toContain(id);

    const onDeal = await db.customerRequest.findFirstOrThrow({ where: { dealId: aDeal.id } });
    const refused = await anon(() => call(requestOne.PATCH, "PATCH", `/requests/${onDeal.id}`, { token: writeA, body: { text: "Changed" }, params: { id: onDeal.id } }));
    expect(refused.status).toBe(409);
  });
});

describe("strategy versions and themes", () => {
  it("lists and reads published versions", async () => {
    const list = await anon(() => call(versions.GET, "GET", "/strategy/versions", { token: readA }));
    expect(list.json).toMatchObject({ data: [{ number: 1, id: A.v1.id, changeNote: "v1" }], nextCursor: null });
    const one = await anon(() => call(version.GET, "GET", "/strategy/versions/1", { token: readA, params: { number: "1" } }));
    expect(one.status).toBe(200);
    expect(one.json.data.products.map((p: { name: string }) => p.name)).toContain("Insight Pro");
    expect(one.json.data.valueProposition.valuePosition).toBe(60);
    expect((await anon(() => call(version.GET, "GET", "/strategy/versions/7", { token: readA, params: { number: "7" } }))).status).toBe(404);
  });

  it("lists and reads themes", async () => {
    const themeId = (await db.customerRequest.findFirstOrThrow({ where: { dealId: aDeal.id } })).themeId!;
    expect(themeId).toBeTruthy();
    const list = await anon(() => call(themes.GET, "GET", "/themes", { token: readA }));
    expect(list.status).toBe(200);
    expect(list.json.data.map((t: { id: string }) => t.id)).toContain(themeId);
    const one = await anon(() => call(theme.GET, "GET", `/themes/${themeId}`, { token: readA, params: { id: themeId } }));
    expect(one.status).toBe(200);
    expect(one.json.data.theme.id).toBe(themeId);
    expect(one.json.data.figures.requests).toBeGreaterThan(0);
    expect(one.json.data.members.map((m: { dealId: string }) => m.dealId)).toContain(aDeal.id);
  });
});

describe("pagination", () => {
  it("walks a list page by page with nextCursor, without repeats or gaps", async () => {
    const org = await orgWithStrategy();
    const t = (await newToken(org, "write")).token;
    for (const name of ["Acme", "Bolt", "Cirrus", "Delta", "Echo"]) {
      expect((await anon(() => call(accounts.POST, "POST", "/accounts", { token: t, body: { name } }))).status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { json: { data: { name: string }[]; nextCursor: string | null } } = await anon(() => call(accounts.GET, "GET", "/accounts", { token: t, query: `limit=2${cursor ? `&cursor=${cursor}` : ""}` }));
      seen.push(...res.json.data.map((a) => a.name));
      cursor = res.json.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(["Acme", "Bolt", "Cirrus", "Delta", "Echo", "Festival Co"]);
    expect(pages).toBe(3);
    const bad = await anon(() => call(accounts.GET, "GET", "/accounts", { token: t, query: "cursor=nonsense" }));
    expect(bad.status).toBe(400);
    expect(bad.json.error.fieldErrors).toHaveProperty("cursor");

    // Deals: newest first.
    for (const name of ["One", "Two", "Three"]) {
      await anon(() => call(deals.POST, "POST", "/deals", { token: t, body: dealForm(org.account.id, org.productKey, { name }) }));
    }
    const first = await anon(() => call(deals.GET, "GET", "/deals", { token: t, query: "limit=2" }));
    const second = await anon(() => call(deals.GET, "GET", "/deals", { token: t, query: `limit=2&cursor=${first.json.nextCursor}` }));
    expect([...first.json.data, ...second.json.data].map((d: { name: string }) => d.name)).toEqual(["Three", "Two", "One"]);
    expect(second.json.nextCursor).toBeNull();
  });
});

describe("idempotency keys", () => {
  it("replay the stored response for the same key and body, and refuse the same key with another body", async () => {
    const key = `key-${Date.now()}`;
    const body = { name: "Idempotent Inc", region: "EU" };
    const first = await anon(() => call(accounts.POST, "POST", "/accounts", { token: writeA, body, headers: { "Idempotency-Key": key } }));
    expect(first.status).toBe(201);
    const again = await anon(() => call(accounts.POST, "POST", "/accounts", { token: writeA, body: { region: "EU", name: "Idempotent Inc" }, headers: { "Idempotency-Key": key } }));
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json).toEqual(first.json);
    expect(await db.customerAccount.count({ where: { organizationId: A.organization.id, name: "Idempotent Inc" } })).toBe(1);

    const conflict = await anon(() => call(accounts.POST, "POST", "/accounts", { token: writeA, body: { name: "Something else" }, headers: { "Idempotency-Key": key } }));
    expect(conflict.status).toBe(409);
    expect(conflict.json.error.code).toBe("CONFLICT");
    // Keys are per caller: another token may use the same key.
    const other = await anon(() => call(accounts.POST, "POST", "/accounts", { token: writeB, body, headers: { "Idempotency-Key": key } }));
    expect(other.status).toBe(201);
    expect(other.json.data.id).not.toBe(first.json.data.id);

    const dealKey = `deal-${Date.now()}`;
    const d1 = await anon(() => call(deals.POST, "POST", "/deals", { token: writeA, body: dealForm(A.account.id, A.productKey, { name: "Once" }), headers: { "Idempotency-Key": dealKey } }));
    const d2 = await anon(() => call(deals.POST, "POST", "/deals", { token: writeA, body: dealForm(A.account.id, A.productKey, { name: "Once" }), headers: { "Idempotency-Key": dealKey } }));
    expect(d2.json.data.id).toBe(d1.json.data.id);
    expect(await db.deal.count({ where: { organizationId: A.organization.id, name: "Once" } })).toBe(1);
  });
});

describe("rate limits", () => {
  it("answer 429 with Retry-After past the token's limit, counted in PostgreSQL", async () => {
    process.env.KEEL_API_RATE_LIMIT = "3";
    const t = await newToken(A, "read");
    for (let i = 0; i < 3; i++) {
      const res = await anon(() => call(deals.GET, "GET", "/deals", { token: t.token }));
      expect(res.status).toBe(200);
      expect(res.headers.get("x-ratelimit-remaining")).toBe(String(2 - i));
    }
    const limited = await anon(() => call(deals.GET, "GET", "/deals", { token: t.token }));
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: `api:${t.id}` } })).count).toBe(4);
    // Another token has its own window.
    const fresh = await newToken(A, "read");
    expect((await anon(() => call(deals.GET, "GET", "/deals", { token: fresh.token }))).status).toBe(200);
  });
});

describe("organisation isolation", () => {
  it("a token of organisation B never reads or changes organisation A's records: 404", async () => {
    const request = await db.customerRequest.findFirstOrThrow({ where: { dealId: aDeal.id } });
    const p = { id: aDeal.id };
    const results = {
      getDeal: await anon(() => call(deal.GET, "GET", `/deals/${aDeal.id}`, { token: writeB, params: p })),
      patchDeal: await anon(() => call(deal.PATCH, "PATCH", `/deals/${aDeal.id}`, { token: writeB, body: { name: "Taken over" }, params: p })),
      scores: await anon(() => call(scores.GET, "GET", `/deals/${aDeal.id}/scores`, { token: writeB, params: p })),
      latest: await anon(() => call(latest.GET, "GET", `/deals/${aDeal.id}/scores/latest`, { token: writeB, params: p })),
      getAccount: await anon(() => call(account.GET, "GET", `/accounts/${A.account.id}`, { token: writeB, params: { id: A.account.id } })),
      patchAccount: await anon(() => call(account.PATCH, "PATCH", `/accounts/${A.account.id}`, { token: writeB, body: { name: "Taken over" }, params: { id: A.account.id } })),
      getRequest: await anon(() => call(requestOne.GET, "GET", `/requests/${request.id}`, { token: writeB, params: { id: request.id } })),
      patchRequest: await anon(() => call(requestOne.PATCH, "PATCH", `/requests/${request.id}`, { token: writeB, body: { text: "Taken over" }, params: { id: request.id } })),
      theme: await anon(() => call(theme.GET, "GET", `/themes/${request.themeId}`, { token: writeB, params: { id: request.themeId! } })),
    };
    for (const [name, res] of Object.entries(results)) expect(`${name}: ${res.status}`).toBe(`${name}: 404`);

    // Creating on A's account is refused as a field error; lists show only B's records.
    const create = await anon(() => call(deals.POST, "POST", "/deals", { token: writeB, body: dealForm(A.account.id, B.productKey) }));
    expect(create.status).toBe(400);
    expect(create.json.error.fieldErrors).toHaveProperty("accountId");
    const req = await anon(() => call(requests.POST, "POST", "/requests", { token: writeB, body: { accountId: A.account.id, text: "hi" } }));
    expect(req.status).toBe(400);
    const lists = [
      await anon(() => call(deals.GET, "GET", "/deals", { token: writeB, query: "limit=100" })),
      await anon(() => call(accounts.GET, "GET", "/accounts", { token: writeB, query: "limit=100" })),
      await anon(() => call(requests.GET, "GET", "/requests", { token: writeB, query: "limit=100" })),
      await anon(() => call(versions.GET, "GET", "/strategy/versions", { token: writeB })),
      await anon(() => call(themes.GET, "GET", "/themes", { token: writeB, query: "limit=100" })),
    ];
    const text = JSON.stringify(lists.map((l) => l.json));
    for (const id of [aDeal.id, A.account.id, request.id, A.v1.id, request.themeId!]) expect(text).not.toContain(id);

    expect((await db.deal.findUniqueOrThrow({ where: { id: aDeal.id } })).name).not.toBe("Taken over");
    expect((await db.customerAccount.findUniqueOrThrow({ where: { id: A.account.id } })).name).not.toBe("Taken over");
  });
});


describe("the OpenAPI document", () => {
  it("is public, OpenAPI 3.1, and describes every endpoint from the zod schemas", async () => {
    const res = await anon(() => call(openapi.GET, "GET", "/openapi.json"));
    expect(res.status).toBe(200);
    const doc = res.json;
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/accounts", "/accounts/{id}", "/deals", "/deals/{id}", "/deals/{id}/scores", "/deals/{id}/scores/latest",
      "/requests", "/requests/{id}", "/strategy/versions", "/strategy/versions/{number}", "/themes", "/themes/{id}",
    ]);
    const dealCreate = doc.components.schemas.DealCreate;
    expect(dealCreate.properties.lineItems.items.properties.quantity).toMatchObject({ type: "number", exclusiveMinimum: 0 });
    expect(dealCreate.properties.stage.enum).toContain("negotiation");
    expect(dealCreate.properties).toHaveProperty("ownerEmail");
    expect(doc.paths["/deals"].post.parameters.map((p: { name: string }) => p.name)).toContain("Idempotency-Key");
    expect(doc.paths["/deals"].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["limit", "cursor", "stage"]));
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
  });
});
