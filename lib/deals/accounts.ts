import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record";
import { AppError, notFound } from "@/lib/errors";
import type { z } from "zod";
import type { accountSchema, updateAccountSchema } from "@/lib/validations/deal";

// Accounts belong to the organisation: every rep may see and use them (PRODUCT.md, issue 5).
export async function listAccounts(actor: Actor, { search = "", take = 50 }: { search?: string; take?: number } = {}) {
  return db.customerAccount.findMany({
    where: { organizationId: actor.organizationId, ...(search ? { name: { contains: search, mode: "insensitive" } } : {}) },
    orderBy: { name: "asc" },
    take,
  });
}

export async function createAccount(actor: Actor, input: z.output<typeof accountSchema>) {
  return db.$transaction(async (tx) => {
    if (input.externalId && (await tx.customerAccount.findFirst({ where: { organizationId: actor.organizationId, externalId: input.externalId } }))) {
      throw new AppError("CONFLICT", "Another account has that external id.", { fieldErrors: { externalId: ["Another account has that external id."] } });
    }
    const account = await tx.customerAccount.create({ data: { ...input, organizationId: actor.organizationId, createdById: actor.userId } });
    await recordAudit(tx, actor, { action: "account.create", entityType: "CustomerAccount", entityId: account.id, after: account });
    return account;
  });
}

export async function updateAccount(actor: Actor, input: z.output<typeof updateAccountSchema>) {
  const { accountId, ...data } = input;
  return db.$transaction(async (tx) => {
    const before = await tx.customerAccount.findFirst({ where: { id: accountId, organizationId: actor.organizationId } });
    if (!before) throw notFound("That account");
    const after = await tx.customerAccount.update({ where: { id: before.id }, data });
    await recordAudit(tx, actor, { action: "account.update", entityType: "CustomerAccount", entityId: before.id, before, after });
    return after;
  });
}
