import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { currentSnapshot } from "@/lib/deals/scoring";
import { classifyRequest, groupRequest } from "@/lib/signals/store";

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
