import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Cell } from "@/lib/csv/write";
import { visibleDeals } from "@/lib/deals/visibility";
import { THEME_STATUS_LABEL } from "@/lib/validations/signals";

// CSV exports of accounts and customer requests, with the same filters (and scope) as their lists
// (/deals/accounts, /deals/requests) and the API's. Read in keyset pages so large exports stream.

const DAY = 86_400_000;
const text = z.string().trim().max(200).optional().catch(undefined).transform((v) => v || undefined);
const uuid = z.uuid().optional().catch(undefined);

// ---- accounts -------------------------------------------------------------------------------

export const accountListQuerySchema = z.object({
  q: text,
  region: text,
  industry: text,
  externalId: text,
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type AccountListQuery = z.output<typeof accountListQuerySchema>;
export const ACCOUNT_PAGE_SIZE = 50;

/** Accounts belong to the organisation: everyone who reads deals sees them all (lib/deals/accounts.ts). */
function accountWhere(actor: Actor, q: Partial<AccountListQuery>): Prisma.CustomerAccountWhereInput {
  return {
    organizationId: actor.organizationId,
    ...(q.q ? { name: { contains: q.q, mode: "insensitive" } } : {}),
    ...(q.region ? { region: { equals: q.region, mode: "insensitive" } } : {}),
    ...(q.industry ? { industry: { contains: q.industry, mode: "insensitive" } } : {}),
    ...(q.externalId ? { externalId: q.externalId } : {}),
  };
}

export async function listAccountsPage(actor: Actor, q: AccountListQuery) {
  const where = accountWhere(actor, q);
  const [rows, total] = await Promise.all([
    db.customerAccount.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], skip: (q.page - 1) * ACCOUNT_PAGE_SIZE, take: ACCOUNT_PAGE_SIZE }),
    db.customerAccount.count({ where }),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / ACCOUNT_PAGE_SIZE)) };
}

export const ACCOUNT_EXPORT_HEADER = ["Account id", "Account", "Industry", "Employees", "Revenue", "Region", "External id", "Created"];

export async function* exportAccounts(actor: Actor, q: Partial<AccountListQuery>, pageSize = 2000): AsyncGenerator<Cell[]> {
  const where = accountWhere(actor, q);
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const rows: Awaited<ReturnType<typeof db.customerAccount.findMany>> = await db.customerAccount.findMany({
      where: after ? { AND: [where, { OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] }] } : where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: pageSize,
    });
    for (const a of rows) yield [a.id, a.name, a.industry, a.employees, a.revenue, a.region, a.externalId, a.createdAt.toISOString().slice(0, 10)];
    if (rows.length < pageSize) return;
    after = { name: rows[rows.length - 1]!.name, id: rows[rows.length - 1]!.id };
  }
}

// ---- customer requests ----------------------------------------------------------------------

export const requestListQuerySchema = z.object({
  q: text,
  accountId: uuid,
  dealId: uuid,
  themeId: uuid,
  /** Only the requests the actor logged (the list on /deals/requests). */
  mine: z.literal("1").optional().catch(undefined),
  /** Requests logged without a deal ("1") or only those on deals ("0"). */
  standalone: z.enum(["0", "1"]).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});
export type RequestListQuery = z.output<typeof requestListQuerySchema>;

/** Requests logged alone, and those on deals the actor may see (as the API's list). */
async function requestWhere(actor: Actor, q: Partial<RequestListQuery>): Promise<Prisma.CustomerRequestWhereInput> {
  return {
    AND: [
      { organizationId: actor.organizationId, OR: [{ dealId: null }, { deal: await visibleDeals(actor) }] },
      q.q ? { text: { contains: q.q, mode: "insensitive" } } : {},
      q.accountId ? { accountId: q.accountId } : {},
      q.dealId ? { dealId: q.dealId } : {},
      q.themeId ? { themeId: q.themeId } : {},
      q.mine ? { authorId: actor.userId } : {},
      q.standalone === "1" ? { dealId: null } : q.standalone === "0" ? { dealId: { not: null } } : {},
      q.from || q.to ? { createdAt: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(new Date(q.to).getTime() + DAY) } : {}) } } : {},
    ],
  };
}

export const REQUEST_EXPORT_HEADER = ["Request id", "Request", "Account", "Deal", "Logged by", "Logged", "Insight", "Theme", "Theme status", "Leadership's answer"];

function requestPage(where: Prisma.CustomerRequestWhereInput, after: { createdAt: Date; id: string } | null, take: number) {
  return db.customerRequest.findMany({
    where: after ? { AND: [where, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] } : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true, text: true, createdAt: true, authorId: true, insight: true,
      account: { select: { name: true } }, deal: { select: { name: true } }, theme: { select: { name: true, status: true, answer: true } },
    },
  });
}

export async function* exportRequests(actor: Actor, q: Partial<RequestListQuery>, pageSize = 2000): AsyncGenerator<Cell[]> {
  const where = await requestWhere(actor, q);
  const names = new Map<string, string>();
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const rows = await requestPage(where, after, pageSize);
    const unknown = [...new Set(rows.map((r) => r.authorId).filter((id): id is string => !!id && !names.has(id)))];
    if (unknown.length) {
      for (const u of await db.user.findMany({ where: { organizationId: actor.organizationId, id: { in: unknown } }, select: { id: true, name: true } })) names.set(u.id, u.name);
    }
    for (const r of rows) {
      const status = r.theme?.status as keyof typeof THEME_STATUS_LABEL | undefined;
      yield [
        r.id, r.text, r.account.name, r.deal?.name ?? null, r.authorId ? names.get(r.authorId) ?? null : null, r.createdAt.toISOString().slice(0, 10),
        r.insight, r.theme?.name ?? null, status ? THEME_STATUS_LABEL[status] ?? status : null, r.theme && status !== "open" ? r.theme.answer : null,
      ];
    }
    if (rows.length < pageSize) return;
    after = { createdAt: rows[rows.length - 1]!.createdAt, id: rows[rows.length - 1]!.id };
  }
}
