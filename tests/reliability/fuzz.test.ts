import { mkdirSync, writeFileSync } from "node:fs";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { beforeAll, expect, it } from "vitest";
import { createApiTokenAction } from "@/app/(app)/admin/api-tokens/actions";
import { createAccountAction, createDealAction, logRequestAction, previewScoreAction, updateAccountAction, updateDealAction } from "@/app/(app)/deals/actions";
import * as accounts from "@/app/api/v1/accounts/route";
import * as account from "@/app/api/v1/accounts/[id]/route";
import * as deals from "@/app/api/v1/deals/route";
import * as deal from "@/app/api/v1/deals/[id]/route";
import * as requests from "@/app/api/v1/requests/route";
import { accountCreateSchema, dealCreateSchema, dealPatchSchema, requestCreateSchema } from "@/lib/api/schemas";
import { accountSchema, dealFormSchema, standaloneRequestSchema, updateAccountSchema, updateDealSchema } from "@/lib/validations/deal";
import { dealForm } from "../factories/deals";
import { ok, orgWithStrategy } from "../integration/fixtures";
import { as, db } from "../integration/helpers";

// Fuzzing (issue 10): KEEL_FUZZ_RUNS (default 10,000) malformed and hostile requests, half through
// /api/v1 with a real write token, half through the server actions as a signed-in rep. Every answer
// must be a typed 2xx/4xx (never a 5xx or a thrown error), every validation error names field paths,
// and afterwards the organisation holds exactly what the accepted requests wrote.

const RUNS = Number(process.env.KEEL_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.KEEL_FUZZ_SEED ?? 20261123);

/** The URL path of an id; params carry the id itself (a lone surrogate cannot be percent-encoded). */
const enc = (id: string) => { try { return encodeURIComponent(id); } catch { return "bad-id"; } };

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

// ---- hostile values ---------------------------------------------------------------------------
const NASTY = [
  "", " ", "\u0000", "a\u0000b", "\ud800", "x\udfffy", "\ud83d", "\u202eevil\u202c", "\u200b\u200c\u200d\ufeff", "مرحبا بالعالم", "עברית",
  "'; DROP TABLE \"Deal\"; --", "' OR '1'='1", "1; SELECT pg_sleep(5)--", "\\x00\\'", "$1", "%s%s%n", "${process.env}",
  "<script>window.__pwned=1</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", "javascript:alert(1)",
  "../../../../etc/passwd", "null", "undefined", "NaN", "-1", "1e309", "0x10", "🏳️‍🌈👨‍👩‍👧‍👦", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
  "00000000-0000-0000-0000-000000000000", "not-a-uuid", "ffffffff-ffff-ffff-ffff-ffffffffffff", "123e4567-e89b-12d3-a456-42661417400",
];
const hugeString = fc.integer({ min: 201, max: 300_000 }).chain((n) => fc.constantFrom("a", "é", "😀", "<", "'").map((c) => c.repeat(n)));
const codeUnitString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const hostileString = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 30 }), codeUnitString, hugeString,
  fc.tuple(fc.constantFrom(...NASTY), fc.string({ maxLength: 10 })).map(([a, b]) => a + b));
const hostileNumber = fc.oneof(fc.constantFrom(-1, 0, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 63, 1e21, 0.000001, 101, -101, 1_000_000_001, 1e12 + 1),
  fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 }));
const deep = fc.integer({ min: 100, max: 1_000 }).map((n) => { let v: unknown = "x"; for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v }; return v; });
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString }, { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, [], {}, [null], { $ne: null }) },
  { weight: 1, arbitrary: deep }, { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 120 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

/** Sets `path` (a.b.0.c) of a copy of `obj` to `value` (undefined deletes); copies only along the path. */
function setPath(obj: unknown, path: (string | number)[], value: unknown): unknown {
  const clone = (v: unknown) => (Array.isArray(v) ? [...v] : v !== null && typeof v === "object" ? { ...(v as object) } : {}) as Record<string | number, unknown>;
  const copy = clone(obj);
  let node = copy;
  for (const key of path.slice(0, -1)) {
    node[key] = clone(node[key]);
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

const DEAL_PATHS = [["name"], ["accountId"], ["stage"], ["expectedCloseDate"], ["primaryCriterion"], ["notes"], ["externalId"], ["lineItems"], ["lineItems", 0, "productKey"],
  ["lineItems", 0, "quantity"], ["lineItems", 0, "unitPrice"], ["lineItems", 0, "discountPct"], ["commitments", 0, "text"], ["commitments", 0, "kind"], ["commitments", 0, "dueDate"],
  ["requests"], ["requests", 0, "text"], ["ownerEmail"], ["revision"], ["zzUnknown"]] as (string | number)[][];
const ACCOUNT_PATHS = [["name"], ["industry"], ["employees"], ["revenue"], ["region"], ["externalId"], ["zzUnknown"]] as (string | number)[][];
const REQUEST_PATHS = [["accountId"], ["text"], ["zzUnknown"]] as (string | number)[][];

/** A valid body with 0–3 fields replaced by hostile values (0: a valid request, so writes happen). */
const mutated = (base: fc.Arbitrary<unknown>, paths: (string | number)[][]) =>
  fc.tuple(base, fc.array(fc.tuple(fc.constantFrom(...paths), fc.option(hostileValue, { nil: undefined, freq: 6 })), { maxLength: 3 })).map(([b, muts]) =>
    muts.reduce((acc, [p, v]) => setPath(acc, p, v), b));

const TARGETS = ["api:POST /deals", "api:PATCH /deals/:id", "api:POST /accounts", "api:PATCH /accounts/:id", "api:POST /requests", "api:GET /deals?", "api:raw",
  "action:createDeal", "action:updateDeal", "action:createAccount", "action:updateAccount", "action:logRequest", "action:previewScore"] as const;

let org: Awaited<ReturnType<typeof orgWithStrategy>>;
let token: string;

beforeAll(async () => {
  process.env.KEEL_API_RATE_LIMIT = "100000000";
  org = await orgWithStrategy();
  token = (await as(org.admin.id, () => ok<{ token: string }>(createApiTokenAction({ name: "fuzz", scope: "write" })))).token;
}, 120_000);

it(`survives ${RUNS} hostile requests with typed 4xx answers and writes exactly what was accepted`, async () => {
  const orgId = org.organization.id;
  const countAll = async () => ({
    deals: await db.deal.count({ where: { organizationId: orgId } }),
    accounts: await db.customerAccount.count({ where: { organizationId: orgId } }),
    standaloneRequests: await db.customerRequest.count({ where: { organizationId: orgId, dealId: null } }),
  });
  const before = await countAll();
  const seedDeal = await as(org.rep.id, () => ok<{ id: string; revision: number }>(createDealAction(dealForm(org.account.id, org.productKey))));
  const dealIds = [seedDeal.id];
  const accountIds = [org.account.id];
  const requestIds = new Set<string>();
  const expectedName = new Map<string, string>([[seedDeal.id, dealForm(org.account.id, org.productKey).name], [org.account.id, "Festival Co"]]);
  const created = { deals: 1, accounts: 0, standaloneRequests: 0 };
  const failures: string[] = [];
  const statuses: Record<string, number> = {};
  let accepted = 0;
  let rejected = 0;
  const fail = (what: string) => { if (failures.length < 50) failures.push(what.slice(0, 400)); };

  const validDeal = fc.constant(null).map(() => dealForm(org.account.id, org.productKey, { name: `Fuzz deal ${Math.random().toString(36).slice(2, 8)}` }) as unknown);
  const validAccount = fc.constant({ name: "Fuzz account", industry: "Events", employees: "40", revenue: "", region: "EU" } as unknown);
  const validRequest = fc.constant({ accountId: org.account.id, text: "Fuzz request" } as unknown);
  const sample = fc.sample(
    fc.record({
      target: fc.constantFrom(...TARGETS),
      deal: mutated(validDeal, DEAL_PATHS), account: mutated(validAccount, ACCOUNT_PATHS), request: mutated(validRequest, REQUEST_PATHS),
      pick: fc.nat(), badId: fc.oneof(hostileString, fc.uuid()), idem: fc.option(fc.oneof(fc.uuid(), hostileString), { freq: 3 }),
      query: fc.array(fc.tuple(fc.constantFrom("limit", "cursor", "stage", "offStrategy", "accountId", "externalId", "x"), hostileString), { maxLength: 4 }),
      raw: fc.oneof(fc.string(), fc.integer({ min: 100, max: 200_000 }).map((n) => "[".repeat(n) + "]".repeat(n)), fc.integer({ min: 100, max: 200_000 }).map((n) => '{"a":'.repeat(n) + "1" + "}".repeat(n)), fc.constantFrom("{", "null", "[]", "\"x\"", "1", "{\"name\":\"\\ud800\"}", "\u0000")),
    }),
    { numRuns: RUNS, seed: SEED },
  );

  const api = async (label: string, handler: Handler, method: string, path: string, body: unknown, opts: { params?: Record<string, string>; raw?: string; idem?: string | null; query?: string } = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    const text = opts.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (text !== undefined) headers["content-type"] = "application/json";
    if (opts.idem != null) { try { new Headers({ "idempotency-key": opts.idem }); headers["idempotency-key"] = opts.idem; } catch { /* not sendable as a header */ } }
    let status = 0;
    let json: { data?: { id: string; name?: string }; error?: { code?: string; fields?: { path: string }[] } } | null = null;
    try {
      const url = `http://localhost/api/v1${path}${opts.query ? `?${opts.query}` : ""}`;
      const res = await as(null, () => handler(new NextRequest(url, { method, body: text, headers }), { params: Promise.resolve(opts.params ?? {}) }));
      status = res.status;
      const t = await res.text();
      json = t ? JSON.parse(t) : null;
    } catch (error) {
      fail(`${label}: threw ${String(error).slice(0, 200)}`);
      return null;
    }
    statuses[`${status}`] = (statuses[`${status}`] ?? 0) + 1;
    if (status >= 500) fail(`${label}: ${status} ${JSON.stringify(json).slice(0, 200)} for ${String(text).slice(0, 200)}`);
    else if (status >= 400) {
      rejected++;
      if (typeof json?.error?.code !== "string") fail(`${label}: ${status} without an error code`);
      else if (json.error.code === "VALIDATION_FAILED" && !(json.error.fields?.length && json.error.fields.every((f) => typeof f.path === "string" && f.path.length > 0))) fail(`${label}: validation error without field paths: ${JSON.stringify(json).slice(0, 200)}`);
    } else accepted++;
    return status < 300 ? json : null;
  };
  const action = async (label: string, fn: (input: unknown) => Promise<unknown>, input: unknown) => {
    let r: { ok: boolean; code?: string; data?: { id: string; name?: string }; fieldErrors?: Record<string, string[]> };
    try {
      r = (await as(org.rep.id, () => fn(input))) as typeof r;
    } catch (error) {
      fail(`${label}: threw ${String(error).slice(0, 200)}`);
      return null;
    }
    statuses[r.ok ? "action ok" : `action ${r.code}`] = (statuses[r.ok ? "action ok" : `action ${r.code}`] ?? 0) + 1;
    if (r.ok) { accepted++; return r; }
    rejected++;
    if (r.code === "INTERNAL") fail(`${label}: INTERNAL for ${JSON.stringify(input).slice(0, 200)}`);
    if (r.code === "VALIDATION_FAILED" && !Object.keys(r.fieldErrors ?? {}).length) fail(`${label}: validation error without field paths`);
    return r;
  };
  const parsedName = (schema: { safeParse: (v: unknown) => { success: boolean; data?: unknown } }, body: unknown) => {
    const p = schema.safeParse(body);
    return p.success ? (p.data as { name?: string }).name : undefined;
  };
  const mustReject = (label: string, schema: { safeParse: (v: unknown) => { success: boolean } }, body: unknown, got: unknown) => {
    if (got && !schema.safeParse(body).success) fail(`${label}: accepted a body its schema rejects: ${JSON.stringify(body).slice(0, 200)}`);
  };

  for (const s of sample) {
    const existingDeal = dealIds[s.pick % dealIds.length]!;
    const existingAccount = accountIds[s.pick % accountIds.length]!;
    const id = s.pick % 3 === 0 ? String(s.badId) : null;
    switch (s.target) {
      case "api:POST /deals": {
        const r = await api(s.target, deals.POST as Handler, "POST", "/deals", s.deal, { idem: s.idem });
        mustReject(s.target, dealCreateSchema, s.deal, r);
        if (r?.data && !dealIds.includes(r.data.id)) { dealIds.push(r.data.id); created.deals++; expectedName.set(r.data.id, parsedName(dealCreateSchema, s.deal)!); }
        break;
      }
      case "api:PATCH /deals/:id": {
        const target = id ?? existingDeal;
        const body = s.pick % 2 ? s.deal : { name: (s.deal as { name?: unknown }).name };
        const r = await api(s.target, deal.PATCH as Handler, "PATCH", `/deals/${enc(target)}`, body, { params: { id: target } });
        mustReject(s.target, dealPatchSchema, body, r);
        if (r?.data) { const n = parsedName(dealPatchSchema, body); if (n !== undefined) expectedName.set(target, n); }
        break;
      }
      case "api:POST /accounts": {
        const r = await api(s.target, accounts.POST as Handler, "POST", "/accounts", s.account, { idem: s.idem });
        mustReject(s.target, accountCreateSchema, s.account, r);
        if (r?.data && !accountIds.includes(r.data.id)) { accountIds.push(r.data.id); created.accounts++; expectedName.set(r.data.id, parsedName(accountCreateSchema, s.account)!); }
        break;
      }
      case "api:PATCH /accounts/:id": {
        const target = id ?? existingAccount;
        const r = await api(s.target, account.PATCH as Handler, "PATCH", `/accounts/${enc(target)}`, s.account, { params: { id: target } });
        if (r?.data) { const n = parsedName(accountSchema.partial(), s.account); if (n !== undefined) expectedName.set(target, n); }
        break;
      }
      case "api:POST /requests": {
        const r = await api(s.target, requests.POST as Handler, "POST", "/requests", s.request, { idem: s.idem });
        mustReject(s.target, requestCreateSchema, s.request, r);
        // A replayed Idempotency-Key answers the first request's 201 again: count each request once.
        if (r?.data && !requestIds.has(r.data.id)) { requestIds.add(r.data.id); created.standaloneRequests++; }
        break;
      }
      case "api:GET /deals?": {
        const q = new URLSearchParams();
        for (const [k, v] of s.query) q.append(k, v.slice(0, 5000));
        await api(s.target, deals.GET as Handler, "GET", "/deals", undefined, { query: q.toString() });
        break;
      }
      case "api:raw": {
        const r = await api(s.target, deals.POST as Handler, "POST", "/deals", undefined, { raw: s.raw, idem: s.idem });
        if (r) fail(`api:raw accepted ${s.raw.slice(0, 100)}`);
        break;
      }
      case "action:createDeal": {
        const r = await action(s.target, createDealAction, s.deal);
        mustReject(s.target, dealFormSchema, s.deal, r?.ok);
        if (r?.ok && r.data) { dealIds.push(r.data.id); created.deals++; expectedName.set(r.data.id, parsedName(dealFormSchema, s.deal)!); }
        break;
      }
      case "action:updateDeal": {
        const current = await db.deal.findUnique({ where: { id: existingDeal }, select: { revision: true } });
        const input = { ...(s.deal as object), dealId: id ?? existingDeal, revision: s.pick % 5 ? current!.revision : s.pick };
        const r = await action(s.target, updateDealAction, input);
        mustReject(s.target, updateDealSchema, input, r?.ok);
        if (r?.ok) expectedName.set(existingDeal, parsedName(updateDealSchema, input)!);
        break;
      }
      case "action:createAccount": {
        const r = await action(s.target, createAccountAction, s.account);
        mustReject(s.target, accountSchema, s.account, r?.ok);
        if (r?.ok && r.data) { accountIds.push(r.data.id); created.accounts++; expectedName.set(r.data.id, parsedName(accountSchema, s.account)!); }
        break;
      }
      case "action:updateAccount": {
        const input = { ...(s.account as object), accountId: id ?? existingAccount };
        const r = await action(s.target, updateAccountAction, input);
        mustReject(s.target, updateAccountSchema, input, r?.ok);
        if (r?.ok) expectedName.set(existingAccount, parsedName(updateAccountSchema, input)!);
        break;
      }
      case "action:logRequest": {
        const r = await action(s.target, logRequestAction, s.request);
        mustReject(s.target, standaloneRequestSchema, s.request, r?.ok);
        if (r?.ok) created.standaloneRequests++;
        break;
      }
      case "action:previewScore":
        await action(s.target, previewScoreAction, s.deal);
        break;
    }
  }

  // The database holds exactly what the accepted requests wrote.
  const after = await countAll();
  for (const k of Object.keys(created) as (keyof typeof created)[]) {
    if (after[k] !== before[k] + created[k]) fail(`${k}: ${after[k]} rows, expected ${before[k]} + ${created[k]} accepted`);
  }
  const storedDeals = await db.deal.findMany({ where: { organizationId: orgId }, select: { id: true, name: true } });
  const storedAccounts = await db.customerAccount.findMany({ where: { organizationId: orgId }, select: { id: true, name: true } });
  const stored = new Map([...storedDeals, ...storedAccounts].map((r) => [r.id, r.name]));
  let roundTripped = 0;
  for (const [rid, name] of expectedName) {
    if (!stored.has(rid)) fail(`accepted record ${rid} is missing`);
    else if (stored.get(rid) !== name) fail(`record ${rid}: stored name ${JSON.stringify(stored.get(rid)).slice(0, 80)} differs from the accepted ${JSON.stringify(name).slice(0, 80)}`);
    else roundTripped++;
  }
  for (const d of storedDeals) if (!dealIds.includes(d.id)) fail(`deal ${d.id} was written by no accepted request`);

  const report = { area: "fuzzing", cases: sample.length, failures: failures.length, accepted, rejected, statuses, created, roundTripped, seed: SEED, failureSamples: failures.slice(0, 10) };
  if (process.env.KEEL_RELIABILITY_OUT) {
    mkdirSync(process.env.KEEL_RELIABILITY_OUT, { recursive: true });
    writeFileSync(`${process.env.KEEL_RELIABILITY_OUT}/fuzz.json`, JSON.stringify(report, null, 2));
  }
  console.log(`fuzz: ${sample.length} requests (seed ${SEED}), ${accepted} accepted, ${rejected} rejected, statuses ${JSON.stringify(statuses)}`);
  expect(failures).toEqual([]);
}, 1_800_000);
