import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record";
import { AppError, notFound } from "@/lib/errors";
import { currentSnapshot } from "@/lib/deals/scoring";
import { classifyRequest, groupRequest, ungroupRequest } from "@/lib/signals/store";

/** A customer request without a deal (e.g. from a support call), tied to an account. */
export async function logCustomerRequest(actor: Actor, input: { accountId: string; text: string }) {
  const snapshot = await currentSnapshot(actor.organizationId);
  return db.$transaction(async (tx) => {
    const account = await tx.customerAccount.findFirst({ where: { id: input.accountId, organizationId: actor.organizationId } });
    if (!account) throw new AppError("VALIDATION_FAILED", "Choose an account of your organisation.", { fieldErrors: { accountId: ["Choose an account of your organisation."] } });
    const request = await tx.customerRequest.create({
      data: { organizationId: actor.organizationId, accountId: account.id, authorId: actor.userId, text: input.text },
    });
    await groupRequest(tx, actor.organizationId, request, classifyRequest(input.text, snapshot));
    await recordAudit(tx, actor, { action: "request.log", entityType: "CustomerRequest", entityId: request.id, after: input });
    return request;
  });
}

/**
 * Changes a request logged without a deal (its account or text; a request on a deal changes with
 * the deal). A new text leaves its theme and is classified and grouped again, as if just logged.
 */
export async function updateCustomerRequest(actor: Actor, input: { requestId: string; accountId: string; text: string }) {
  const snapshot = await currentSnapshot(actor.organizationId);
  return db.$transaction(async (tx) => {
    const before = await tx.customerRequest.findFirst({ where: { id: input.requestId, organizationId: actor.organizationId } });
    if (!before) throw notFound("That request");
    if (before.dealId) throw new AppError("CONFLICT", "This request belongs to a deal; change it by updating the deal.");
    const account = await tx.customerAccount.findFirst({ where: { id: input.accountId, organizationId: actor.organizationId } });
    if (!account) throw new AppError("VALIDATION_FAILED", "Choose an account of your organisation.", { fieldErrors: { accountId: ["Choose an account of your organisation."] } });
    const textChanged = before.text !== input.text;
    if (textChanged) await ungroupRequest(tx, before);
    const request = await tx.customerRequest.update({
      where: { id: before.id },
      data: { accountId: account.id, text: input.text, ...(textChanged ? { themeId: null, themePinned: false } : {}) },
    });
    if (textChanged) await groupRequest(tx, actor.organizationId, request, classifyRequest(input.text, snapshot));
    await recordAudit(tx, actor, { action: "request.update", entityType: "CustomerRequest", entityId: before.id, before: { accountId: before.accountId, text: before.text }, after: { accountId: account.id, text: input.text } });
    return request;
  });
}
