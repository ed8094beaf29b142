import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record";
import { AppError, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { visibleDeals } from "@/lib/deals/visibility";
import { enqueueWebhookEvent } from "@/lib/webhooks/outbox";

export const REVIEW_KINDS = ["approve_exception", "request_changes", "comment"] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/**
 * A manager's decision on a deal they may see. Approving covers the deal's current revision (the
 * findings stay visible, marked approved); requesting changes notifies the rep; a comment is a note.
 */
export async function reviewDeal(actor: Actor, input: { dealId: string; kind: ReviewKind; body: string; revision: number }) {
  const scope = await visibleDeals(actor);
  return db.$transaction(async (tx) => {
    const deal = await tx.deal.findFirst({ where: { AND: [scope, { id: input.dealId }] } });
    if (!deal) throw notFound("That deal");
    if (input.kind !== "comment" && deal.ownerId === actor.userId) {
      throw new AppError("FORBIDDEN", "You cannot review your own deal; ask another manager or leadership.");
    }
    if (deal.revision !== input.revision && input.kind !== "comment") {
      throw new AppError("CONFLICT", "The deal changed since you opened it. Look at the new version before deciding.", { details: { revision: deal.revision } });
    }
    const review = await tx.dealReview.create({
      data: { organizationId: actor.organizationId, dealId: deal.id, authorId: actor.userId, kind: input.kind, body: input.body, dealRevision: deal.revision },
    });
    if (input.kind !== "comment") {
      await tx.deal.update({
        where: { id: deal.id },
        data: input.kind === "approve_exception"
          ? { reviewState: "approved", approvedRevision: deal.revision }
          : { reviewState: "changes_requested", approvedRevision: null },
      });
    }
    if (input.kind !== "comment") {
      await enqueueWebhookEvent(tx, actor.organizationId, "review.decided", {
        decision: input.kind, body: input.body, reviewId: review.id, reviewerId: actor.userId, decidedAt: review.createdAt.toISOString(),
        deal: { id: deal.id, name: deal.name, revision: deal.revision, ownerId: deal.ownerId, teamId: deal.teamId, score: deal.score, path: `/deals/${deal.id}` },
      });
    }
    const title = input.kind === "approve_exception" ? `Exception approved on “${deal.name}”`
      : input.kind === "request_changes" ? `Changes requested on “${deal.name}”`
      : `New comment on “${deal.name}”`;
    if (deal.ownerId !== actor.userId) await notify(tx, actor.organizationId, [deal.ownerId], { kind: "review.decided", title, href: `/deals/${deal.id}` });
    await recordAudit(tx, actor, { action: `deal.review.${input.kind}`, entityType: "Deal", entityId: deal.id, after: { body: input.body, revision: deal.revision } });
    return review;
  });
}
