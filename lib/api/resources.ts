import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { unstorableInput, zodFieldErrors } from "@/lib/auth/guard";
import { createAccount, updateAccount } from "@/lib/deals/accounts";
import { createDeal, updateDeal } from "@/lib/deals/deals";
import { logCustomerRequest, updateCustomerRequest } from "@/lib/deals/requests";
import { visibleDeals } from "@/lib/deals/visibility";
import { themeDetail } from "@/lib/signals/queries";
import { loadVersion } from "@/lib/strategy/content";
import { accountSchema, dealFormSchema, standaloneRequestSchema } from "@/lib/validations/deal";
import { decodeCursor, pageOf } from "@/lib/api/pagination";
import type {
  AccountResource, DealResource, RequestResource, ScoreResource, ThemeSummary,
  accountListQuerySchema, dealCreateSchema, dealListQuerySchema, dealPatchSchema, requestListQuerySchema, themeListQuerySchema,
} from "@/lib/api/schemas";

// What /api/v1 reads and writes. Writes go through the same domain functions as the forms
// (lib/deals/*), so a deal created through the API is validated and scored exactly like one saved
// in the browser. Every query is scoped to the actor's organisation (and, for deals, to what the
// actor may see); a record of another organisation is simply "not found".

const iso = (d: Date) => d.toISOString();
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const lower = <T extends string>(v: T) => v.toLowerCase() as Lowercase<T>;

/** The query string, validated: bad values are 400s with the parameter as the field path. */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL): z.output<S> {
  const query = Object.fromEntries(url.searchParams);
  const unstorable = unstorableInput(query);
  if (unstorable) throw new AppError("VALIDATION_FAILED", "Some query parameters need attention.", { fieldErrors: unstorable });
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "Some query parameters need attention.", { fieldErrors: zodFieldErrors(parsed.error) });
  return parsed.data;
}

/** A path id: anything but a UUID cannot name a record, so it is "not found" too. */
export function idParam(params: Record<string, string | string[]>, name: string, what: string): string {
  const value = params[name];
  if (typeof value !== "string" || !z.uuid().safeParse(value).success) throw notFound(what);
  return value;
}

/** Only the keys the caller sent, laid over the current values (PATCH). */
function overlay(current: Record<string, unknown>, json: unknown, keys: string[]): Record<string, unknown> {
  const sent = (json ?? {}) as Record<string, unknown>;
  const out = { ...current };
  for (const key of keys) if (Object.hasOwn(sent, key)) out[key] = sent[key];
  return out;
}

// ---- deals ----------------------------------------------------------------------------------

const dealInclude = {
  owner: { select: { id: true, name: true, email: true } },
  lineItems: { orderBy: { position: "asc" } },
  commitments: { orderBy: { position: "asc" } },
  requests: { orderBy: { position: "asc" }, select: { id: true, text: true, themeId: true } },
} satisfies Prisma.DealInclude;
type DealRow = Prisma.DealGetPayload<{ include: typeof dealInclude }>;

function toDeal(d: DealRow): DealResource {
  return {
    id: d.id, externalId: d.externalId, name: d.name, accountId: d.accountId, owner: d.owner, teamId: d.teamId,
    stage: lower(d.stage), expectedCloseDate: day(d.expectedCloseDate), primaryCriterion: d.primaryCriterion as DealResource["primaryCriterion"],
    notes: d.notes, amount: d.amount, revision: d.revision, score: d.score, offStrategy: d.offStrategy, reviewState: d.reviewState,
    lineItems: d.lineItems.map((l) => ({ productKey: l.productKey, productName: l.productName, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct })),
    commitments: d.commitments.map((c) => ({ text: c.text, kind: c.kind as DealResource["commitments"][number]["kind"], dueDate: day(c.dueDate) })),
    requests: d.requests,
    createdAt: iso(d.createdAt), updatedAt: iso(d.updatedAt),
  };
}

export async function listDeals(actor: Actor, q: z.output<typeof dealListQuerySchema>) {
  const scope = await visibleDeals(actor);
  const after = decodeCursor(q.cursor, ["date", "string"]);
  const rows = await db.deal.findMany({
    where: {
      AND: [
        scope,
        q.stage ? { stage: q.stage.toUpperCase() as Uppercase<typeof q.stage> } : {},
        q.offStrategy ? { offStrategy: q.offStrategy === "true" } : {},
        q.accountId ? { accountId: q.accountId } : {},
        q.externalId ? { externalId: q.externalId } : {},
        after ? { OR: [{ createdAt: { lt: after[0] } }, { createdAt: after[0], id: { lt: after[1] } }] } : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    include: dealInclude,
  });
  return pageOf(rows.map(toDeal), q.limit, (d) => [d.createdAt, d.id]);
}

export async function getDeal(actor: Actor, dealId: string): Promise<DealResource> {
  const scope = await visibleDeals(actor);
  const deal = await db.deal.findFirst({ where: { AND: [scope, { id: dealId }] }, include: dealInclude });
  if (!deal) throw notFound("That deal");
  return toDeal(deal);
}

/** The owner named by e-mail: an active user of the actor's organisation. Only tokens name others. */
async function ownerFor(actor: Actor, email: string | undefined) {
  if (!email || (!actor.token && email.toLowerCase() === actor.email.toLowerCase())) return undefined;
  const refuse = (message: string) => new AppError("VALIDATION_FAILED", message, { fieldErrors: { ownerEmail: [message] } });
  if (!actor.token) throw refuse("Signed in, you create deals as yourself; only an API token can name another owner.");
  const user = await db.user.findFirst({
    where: { organizationId: actor.organizationId, active: true, email: { equals: email, mode: "insensitive" } },
    select: { id: true, teamId: true },
  });
  if (!user) throw refuse("No active user of your organisation has that e-mail.");
  return { userId: user.id, teamId: user.teamId };
}

export async function createDealFromApi(actor: Actor, body: z.output<typeof dealCreateSchema>): Promise<DealResource> {
  const { ownerEmail, ...form } = body;
  const owner = await ownerFor(actor, ownerEmail);
  const created = await createDeal(actor, form, { owner });
  return getDeal(actor, created.id);
}

export async function patchDealFromApi(actor: Actor, dealId: string, patch: z.output<typeof dealPatchSchema>, json: unknown): Promise<DealResource> {
  const current = await getDeal(actor, dealId);
  const base = {
    accountId: current.accountId, name: current.name, stage: current.stage, expectedCloseDate: current.expectedCloseDate,
    primaryCriterion: current.primaryCriterion, notes: current.notes, externalId: current.externalId,
    lineItems: current.lineItems.map(({ productKey, quantity, unitPrice, discountPct }) => ({ productKey, quantity, unitPrice, discountPct })),
    commitments: current.commitments, requests: current.requests.map((r) => ({ text: r.text })),
  };
  const form = dealFormSchema.parse(overlay(base, json, Object.keys(dealFormSchema.shape)));
  await updateDeal(actor, { ...form, dealId: current.id, revision: patch.revision ?? current.revision });
  return getDeal(actor, current.id);
}

// ---- scores ---------------------------------------------------------------------------------

async function visibleDealId(actor: Actor, dealId: string) {
  const scope = await visibleDeals(actor);
  const deal = await db.deal.findFirst({ where: { AND: [scope, { id: dealId }] }, select: { id: true } });
  if (!deal) throw notFound("That deal");
  return deal.id;
}

async function toScores(actor: Actor, rows: Prisma.DealScoreGetPayload<object>[]): Promise<ScoreResource[]> {
  const versions = await db.strategyVersion.findMany({
    where: { organizationId: actor.organizationId, id: { in: [...new Set(rows.map((r) => r.strategyVersionId))] } },
    select: { id: true, number: true },
  });
  const number = new Map(versions.map((v) => [v.id, v.number]));
  return rows.map((s) => ({
    id: s.id, dealId: s.dealId, score: s.score, offStrategy: s.offStrategy,
    subScores: s.subScores as ScoreResource["subScores"], findings: s.findings as ScoreResource["findings"], requestInsights: (s.requestInsights ?? []) as ScoreResource["requestInsights"],
    strategyVersion: { id: s.strategyVersionId, number: number.get(s.strategyVersionId) ?? null }, dealRevision: s.dealRevision, createdAt: iso(s.createdAt),
  }));
}

/** A deal's scores, newest first: one per saved revision and per published strategy version. */
export async function listScores(actor: Actor, dealId: string, q: { limit: number; cursor?: string }) {
  const id = await visibleDealId(actor, dealId);
  const after = decodeCursor(q.cursor, ["date", "string"]);
  const rows = await db.dealScore.findMany({
    where: { dealId: id, organizationId: actor.organizationId, ...(after ? { OR: [{ createdAt: { lt: after[0] } }, { createdAt: after[0], id: { lt: after[1] } }] } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  return pageOf(await toScores(actor, rows), q.limit, (s) => [s.createdAt, s.id]);
}

export async function latestScore(actor: Actor, dealId: string): Promise<ScoreResource> {
  const id = await visibleDealId(actor, dealId);
  const row = await db.dealScore.findFirst({ where: { dealId: id, organizationId: actor.organizationId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  if (!row) throw new AppError("NOT_FOUND", "This deal has no score yet: no strategy was published when it was saved.");
  return (await toScores(actor, [row]))[0]!;
}

// ---- accounts -------------------------------------------------------------------------------

type AccountRow = Prisma.CustomerAccountGetPayload<object>;
const toAccount = (a: AccountRow): AccountResource => ({
  id: a.id, externalId: a.externalId, name: a.name, industry: a.industry, employees: a.employees, revenue: a.revenue, region: a.region,
  createdAt: iso(a.createdAt), updatedAt: iso(a.updatedAt),
});

/** Accounts by name (the index they are stored in), then id. */
export async function listAccounts(actor: Actor, q: z.output<typeof accountListQuerySchema>) {
  const after = decodeCursor(q.cursor, ["string", "string"]);
  const rows = await db.customerAccount.findMany({
    where: {
      organizationId: actor.organizationId,
      ...(q.externalId ? { externalId: q.externalId } : {}),
      ...(q.q ? { name: { contains: q.q, mode: "insensitive" } } : {}),
      ...(after ? { OR: [{ name: { gt: after[0] } }, { name: after[0], id: { gt: after[1] } }] } : {}),
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: q.limit + 1,
  });
  return pageOf(rows.map(toAccount), q.limit, (a) => [a.name, a.id]);
}

export async function getAccount(actor: Actor, accountId: string): Promise<AccountResource> {
  const account = await db.customerAccount.findFirst({ where: { id: accountId, organizationId: actor.organizationId } });
  if (!account) throw notFound("That account");
  return toAccount(account);
}

export async function createAccountFromApi(actor: Actor, body: z.output<typeof accountSchema>) {
  return toAccount(await createAccount(actor, body));
}

export async function patchAccountFromApi(actor: Actor, accountId: string, json: unknown) {
  const current = await getAccount(actor, accountId);
  const { name, industry, employees, revenue, region, externalId } = current;
  const input = accountSchema.parse(overlay({ name, industry, employees, revenue, region, externalId }, json, Object.keys(accountSchema.shape)));
  return toAccount(await updateAccount(actor, { ...input, accountId: current.id }));
}

// ---- customer requests ----------------------------------------------------------------------

type RequestRow = Prisma.CustomerRequestGetPayload<object>;
const toRequest = (r: RequestRow): RequestResource => ({
  id: r.id, accountId: r.accountId, dealId: r.dealId, authorId: r.authorId, text: r.text, insight: r.insight,
  capabilityKey: r.capabilityKey, themeId: r.themeId, createdAt: iso(r.createdAt),
});

/** Requests logged alone, and those on deals the actor may see. */
async function visibleRequests(actor: Actor): Promise<Prisma.CustomerRequestWhereInput> {
  return { organizationId: actor.organizationId, OR: [{ dealId: null }, { deal: await visibleDeals(actor) }] };
}

export async function listRequests(actor: Actor, q: z.output<typeof requestListQuerySchema>) {
  const after = decodeCursor(q.cursor, ["date", "string"]);
  const rows = await db.customerRequest.findMany({
    where: {
      AND: [
        await visibleRequests(actor),
        q.accountId ? { accountId: q.accountId } : {},
        q.dealId ? { dealId: q.dealId } : {},
        q.themeId ? { themeId: q.themeId } : {},
        after ? { OR: [{ createdAt: { lt: after[0] } }, { createdAt: after[0], id: { lt: after[1] } }] } : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  return pageOf(rows.map(toRequest), q.limit, (r) => [r.createdAt, r.id]);
}

export async function getRequest(actor: Actor, requestId: string): Promise<RequestResource> {
  const row = await db.customerRequest.findFirst({ where: { AND: [await visibleRequests(actor), { id: requestId }] } });
  if (!row) throw notFound("That request");
  return toRequest(row);
}

export async function createRequestFromApi(actor: Actor, body: z.output<typeof standaloneRequestSchema>) {
  const created = await logCustomerRequest(actor, body);
  return getRequest(actor, created.id);
}

export async function patchRequestFromApi(actor: Actor, requestId: string, json: unknown) {
  const current = await getRequest(actor, requestId);
  const input = standaloneRequestSchema.parse(overlay({ accountId: current.accountId, text: current.text }, json, Object.keys(standaloneRequestSchema.shape)));
  await updateCustomerRequest(actor, { ...input, requestId: current.id });
  return getRequest(actor, current.id);
}

// ---- strategy versions ----------------------------------------------------------------------

/** Published versions, newest first (a draft is not part of the API). */
export async function listVersions(actor: Actor, q: { limit: number; cursor?: string }) {
  const after = decodeCursor(q.cursor, ["string"]);
  const before = after ? Number(after[0]) : null;
  const rows = await db.strategyVersion.findMany({
    where: { organizationId: actor.organizationId, status: "PUBLISHED", ...(before !== null && Number.isInteger(before) ? { number: { lt: before } } : {}) },
    orderBy: { number: "desc" },
    take: q.limit + 1,
    select: { id: true, number: true, changeNote: true, publishedAt: true },
  });
  const data = rows.map((v) => ({ id: v.id, number: v.number!, changeNote: v.changeNote, publishedAt: v.publishedAt ? iso(v.publishedAt) : null }));
  return pageOf(data, q.limit, (v) => [String(v.number)]);
}

export async function getVersion(actor: Actor, raw: string | string[] | undefined) {
  const number = typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Number(raw) : null;
  const v = number === null ? null : await loadVersion(actor.organizationId, { number });
  if (!v || v.status !== "published") throw notFound("That strategy version");
  return {
    id: v.id, number: v.number!, changeNote: v.changeNote, publishedAt: v.publishedAt ? iso(v.publishedAt) : null,
    mission: v.mission, valueProposition: v.valueProposition, segments: v.segments, capabilities: v.capabilities,
    guardrails: v.guardrails, products: v.products, targets: v.targets,
  };
}

// ---- themes ---------------------------------------------------------------------------------

export async function listThemes(actor: Actor, q: z.output<typeof themeListQuerySchema>) {
  const after = decodeCursor(q.cursor, ["date", "string"]);
  const rows = await db.requestTheme.findMany({
    where: {
      organizationId: actor.organizationId, mergedIntoId: null,
      ...(q.status ? { status: q.status } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after[0] } }, { createdAt: after[0], id: { lt: after[1] } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    select: { id: true, name: true, status: true, answer: true, answeredAt: true, capabilityKey: true, size: true, createdAt: true, updatedAt: true },
  });
  const data = rows.map((t): ThemeSummary => ({
    ...t, status: t.status as ThemeSummary["status"], answeredAt: t.answeredAt ? iso(t.answeredAt) : null, createdAt: iso(t.createdAt), updatedAt: iso(t.updatedAt),
  }));
  return pageOf(data, q.limit, (t) => [t.createdAt, t.id]);
}

export async function getTheme(actor: Actor, themeId: string) {
  const { theme, figures, trend, segments, members } = await themeDetail(actor, themeId);
  return { theme, figures, trend, segments, members };
}
