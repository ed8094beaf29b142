import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record";
import { AppError, notFound, type FieldErrors } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { scoreDeal } from "@/lib/scoring";
import { groupDealRequests, syncDealRequests } from "@/lib/signals/store";
import type { StrategySnapshot } from "@/lib/scoring/types";
import type { DealForm } from "@/lib/validations/deal";
import { appendScore, currentSnapshot, dealAmount, scoreColumns, storeScore, toDealInput, type AccountFacts } from "@/lib/deals/scoring";
import { visibleDeals } from "@/lib/deals/visibility";
import { enqueueWebhookEvent } from "@/lib/webhooks/outbox";
import { flaggedDealData } from "@/lib/webhooks/payloads";

const upper = <T extends string>(v: T) => v.toUpperCase() as Uppercase<T>;

async function accountOf(tx: Tx, actor: Actor, accountId: string) {
  const account = await tx.customerAccount.findFirst({ where: { id: accountId, organizationId: actor.organizationId } });
  if (!account) {
    throw new AppError("VALIDATION_FAILED", "Choose an account of your organisation.", { fieldErrors: { accountId: ["Choose an account of your organisation."] } });
  }
  return account;
}

/** Line items must name products of the strategy deals are scored against. */
function checkProducts(form: DealForm, snapshot: StrategySnapshot | null) {
  const known = new Map((snapshot?.products ?? []).map((p) => [p.id, p]));
  const errors: FieldErrors = {};
  form.lineItems.forEach((line, i) => {
    if (!known.has(line.productKey)) {
      errors[`lineItems.${i}.productKey`] = [snapshot ? "This product is not in the current strategy; choose one from the list." : "No strategy is published yet, so there are no products to choose from."];
    }
  });
  if (Object.keys(errors).length) throw new AppError("VALIDATION_FAILED", "Some fields need attention.", { fieldErrors: errors });
  return known;
}

async function writeChildren(tx: Tx, actor: Actor, dealId: string, accountId: string, form: DealForm, products: Map<string, { name: string }>, authorId = actor.userId) {
  const org = actor.organizationId;
  if (form.lineItems.length) {
    await tx.dealLineItem.createMany({
      data: form.lineItems.map((l, position) => ({ organizationId: org, dealId, position, productKey: l.productKey, productName: products.get(l.productKey)!.name, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct })),
    });
  }
  if (form.commitments.length) {
    await tx.commitment.createMany({
      data: form.commitments.map((c, position) => ({ organizationId: org, dealId, position, text: c.text, kind: c.kind, dueDate: c.dueDate ? new Date(`${c.dueDate}T00:00:00Z`) : null })),
    });
  }
  // Requests keep their rows (and themes) while their text is unchanged; see lib/signals/store.ts.
  return syncDealRequests(tx, org, { id: dealId, accountId }, authorId, form.requests.map((r) => r.text));
}

/** Tells the deal's team manager that it became off-strategy (not when they made the change). */
async function notifyManager(tx: Tx, actor: Actor, deal: { id: string; name: string; teamId: string | null }) {
  if (!deal.teamId) return;
  const team = await tx.team.findFirst({ where: { id: deal.teamId, organizationId: actor.organizationId }, select: { managerId: true } });
  if (team?.managerId && team.managerId !== actor.userId) {
    await notify(tx, actor.organizationId, [team.managerId], { kind: "deal.flagged", title: `“${deal.name}” is off-strategy`, href: `/deals/${deal.id}` });
  }
}

async function scoreInTransaction(tx: Tx, actor: Actor, deal: { id: string; name: string; revision: number; ownerId: string; teamId: string | null }, form: DealForm, account: AccountFacts, snapshot: StrategySnapshot | null, wasOffStrategy: boolean) {
  if (!snapshot) return null;
  const input = toDealInput(form, account);
  const result = scoreDeal(input, snapshot);
  await storeScore(tx, { id: deal.id, organizationId: actor.organizationId, revision: deal.revision }, snapshot, input, result);
  if (result.offStrategy && !wasOffStrategy) {
    await notifyManager(tx, actor, deal);
    await enqueueWebhookEvent(tx, actor.organizationId, "deal.flagged_off_strategy", flaggedDealData(deal, result, "saved", snapshot.versionId));
  }
  return result;
}

/**
 * Creates a deal and, in the same transaction, its first score: a deal never exists unscored.
 * The actor owns it, unless `owner` names another user of the organisation (the API's ownerEmail).
 */
export async function createDeal(actor: Actor, form: DealForm, { owner }: { owner?: { userId: string; teamId: string | null } } = {}) {
  const snapshot = await currentSnapshot(actor.organizationId);
  const products = checkProducts(form, snapshot);
  return db.$transaction(async (tx) => {
    const account = await accountOf(tx, actor, form.accountId);
    if (form.externalId && (await tx.deal.findFirst({ where: { organizationId: actor.organizationId, externalId: form.externalId } }))) {
      throw new AppError("CONFLICT", "Another deal has that external id.", { fieldErrors: { externalId: ["Another deal has that external id."] } });
    }
    // Scored before the insert, so the deal row carries its score from the start (one write fewer).
    const input = toDealInput(form, account);
    const result = snapshot ? scoreDeal(input, snapshot) : null;
    const deal = await tx.deal.create({
      data: {
        organizationId: actor.organizationId, accountId: account.id, ownerId: owner?.userId ?? actor.userId, teamId: owner ? owner.teamId : actor.teamId,
        name: form.name, stage: upper(form.stage), expectedCloseDate: form.expectedCloseDate ? new Date(`${form.expectedCloseDate}T00:00:00Z`) : null,
        primaryCriterion: form.primaryCriterion, notes: form.notes, externalId: form.externalId, amount: dealAmount(form.lineItems),
        ...(snapshot && result ? scoreColumns(input, snapshot, result) : {}),
      },
    });
    const requests = await writeChildren(tx, actor, deal.id, account.id, form, products, deal.ownerId);
    if (snapshot && result) {
      await appendScore(tx, { id: deal.id, organizationId: actor.organizationId, revision: deal.revision }, snapshot, result);
      if (result.offStrategy) {
        await notifyManager(tx, actor, deal);
        await enqueueWebhookEvent(tx, actor.organizationId, "deal.flagged_off_strategy", flaggedDealData(deal, result, "saved", snapshot.versionId));
      }
    }
    await groupDealRequests(tx, actor.organizationId, requests, result?.requestInsights ?? null);
    await recordAudit(tx, actor, { action: "deal.create", entityType: "Deal", entityId: deal.id, after: { ...form, score: result?.score ?? null } });
    return { id: deal.id, revision: deal.revision, score: result };
  });
}

/** Saves a changed deal if nobody saved it since `revision`; re-scores it in the same transaction. */
export async function updateDeal(actor: Actor, input: DealForm & { dealId: string; revision: number }) {
  const { dealId, revision, ...form } = input;
  const snapshot = await currentSnapshot(actor.organizationId);
  const products = checkProducts(form, snapshot);
  const scope = await visibleDeals(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.deal.findFirst({ where: { AND: [scope, { id: dealId }] }, include: { lineItems: true, commitments: true, requests: true } });
    if (!before) throw notFound("That deal");
    const account = await accountOf(tx, actor, form.accountId);
    const claimed = await tx.deal.updateMany({
      where: { id: before.id, revision },
      data: {
        revision: { increment: 1 }, accountId: account.id, name: form.name, stage: upper(form.stage),
        expectedCloseDate: form.expectedCloseDate ? new Date(`${form.expectedCloseDate}T00:00:00Z`) : null,
        primaryCriterion: form.primaryCriterion, notes: form.notes, externalId: form.externalId, amount: dealAmount(form.lineItems),
        // A changed deal is reviewed again if it is still off-strategy: decisions cover one revision.
        reviewState: null, approvedRevision: null,
      },
    });
    if (claimed.count === 0) {
      throw new AppError("CONFLICT", "Someone saved this deal after you opened it. Their version is shown; re-apply your changes and save again.", {
        details: { revision: before.revision },
      });
    }
    await tx.dealLineItem.deleteMany({ where: { dealId: before.id } });
    await tx.commitment.deleteMany({ where: { dealId: before.id } });
    const requests = await writeChildren(tx, actor, before.id, account.id, form, products);
    const deal = { id: before.id, name: form.name, revision: revision + 1, ownerId: before.ownerId, teamId: before.teamId };
    const result = await scoreInTransaction(tx, actor, deal, form, account, snapshot, before.offStrategy);
    await groupDealRequests(tx, actor.organizationId, requests, result?.requestInsights ?? null);
    await recordAudit(tx, actor, { action: "deal.update", entityType: "Deal", entityId: before.id, before, after: { ...form, score: result?.score ?? null } });
    return { id: before.id, revision: deal.revision, score: result };
  });
}

/** Scores a deal form without saving anything: the live feedback while a rep types. */
export async function previewScore(actor: Actor, form: DealForm) {
  const snapshot = await currentSnapshot(actor.organizationId);
  if (!snapshot) return null;
  const account = await accountOf(db, actor, form.accountId);
  const known = new Set(snapshot.products.map((p) => p.id));
  const lines = form.lineItems.filter((l) => known.has(l.productKey));
  return scoreDeal(toDealInput({ ...form, lineItems: lines }, account), snapshot);
}
