import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record";
import { AppError, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { ensureDraft, saveSection } from "@/lib/strategy/draft";
import { addToTheme, mergeThemes, removeFromTheme } from "@/lib/signals/grouping";
import { lockTheme, themeState, type ThemeRow, writeTheme } from "@/lib/signals/store";
import type { ThemeAnswer } from "@/lib/validations/signals";

// Leadership's corrections and answers. Corrections (rename, merge, split) are remembered: a
// renamed theme keeps its name, a merged theme receives nothing more, a split request is pinned.

/** The theme leadership acts on, locked; another organisation's or a merged one is not found. */
async function lockOwnTheme(tx: Tx, actor: Actor, themeId: string): Promise<ThemeRow> {
  const row = await lockTheme(tx, themeId, { organizationId: actor.organizationId });
  if (!row) throw notFound("That theme");
  return row;
}

export async function renameTheme(actor: Actor, input: { themeId: string; name: string }) {
  return db.$transaction(async (tx) => {
    const before = await lockOwnTheme(tx, actor, input.themeId);
    await tx.requestTheme.update({ where: { id: before.id }, data: { name: input.name, nameLocked: true } });
    await recordAudit(tx, actor, { action: "theme.rename", entityType: "RequestTheme", entityId: before.id, before: { name: before.name }, after: { name: input.name } });
  });
}

/** `sourceId`'s requests join `targetId`; the source is kept, marked merged, and never receives again. */
export async function mergeTheme(actor: Actor, input: { sourceId: string; targetId: string }) {
  if (input.sourceId === input.targetId) throw new AppError("VALIDATION_FAILED", "Choose another theme to merge with.", { fieldErrors: { targetId: ["Choose another theme to merge with."] } });
  return db.$transaction(async (tx) => {
    // Lock in id order, so two merges in opposite directions cannot deadlock.
    const [first, second] = [input.sourceId, input.targetId].sort();
    const a = await lockOwnTheme(tx, actor, first!);
    const b = await lockOwnTheme(tx, actor, second!);
    const [source, target] = a.id === input.sourceId ? [a, b] : [b, a];
    const merged = mergeThemes(themeState(target), themeState(source));
    await writeTheme(tx, merged);
    await tx.customerRequest.updateMany({ where: { themeId: source.id }, data: { themeId: target.id } });
    await tx.requestTheme.update({ where: { id: source.id }, data: { mergedIntoId: target.id, size: 0, concepts: {}, conceptKeys: [] } });
    await recordAudit(tx, actor, { action: "theme.merge", entityType: "RequestTheme", entityId: target.id, before: { source: source.name, target: target.name }, after: { size: merged.size } });
    return { themeId: target.id };
  });
}

/** Takes one request out of its theme into a theme of its own; the grouping leaves it there. */
export async function splitRequest(actor: Actor, input: { requestId: string }) {
  return db.$transaction(async (tx) => {
    const request = await tx.customerRequest.findFirst({ where: { id: input.requestId, organizationId: actor.organizationId }, select: { id: true, text: true, themeId: true, concepts: true } });
    if (!request?.themeId) throw notFound("That request");
    const theme = await lockOwnTheme(tx, actor, request.themeId);
    if (theme.size <= 1) throw new AppError("CONFLICT", "This request is the theme's only one; there is nothing to split it from.");
    const sig = { concepts: request.concepts ?? [], evidence: {} };
    await writeTheme(tx, removeFromTheme(themeState(theme), sig));
    const own = addToTheme({ id: "new", size: 0, concepts: {} }, sig);
    const created = await tx.requestTheme.create({
      data: { organizationId: actor.organizationId, name: request.text.slice(0, 80), nameLocked: false, concepts: own.concepts, conceptKeys: Object.keys(own.concepts).sort(), size: own.size },
      select: { id: true },
    });
    await tx.customerRequest.update({ where: { id: request.id }, data: { themeId: created.id, themePinned: true, themeSimilarity: 1, themeShared: [] } });
    await recordAudit(tx, actor, { action: "theme.split", entityType: "CustomerRequest", entityId: request.id, before: { themeId: theme.id }, after: { themeId: created.id } });
    return { themeId: created.id };
  });
}

const STATUS_WORD: Record<ThemeAnswer["status"], string> = { planned: "is planned", declined: "was declined", available: "is already available" };

/**
 * Answers a theme. "Planned" creates a roadmap capability in the next strategy draft (or links an
 * existing capability); every rep who logged a request in the theme is notified, and the answer
 * shows on their deals.
 */
export async function answerTheme(actor: Actor, input: ThemeAnswer) {
  // Refuse an unknown theme before the draft is touched: bad input must change nothing.
  const exists = await db.requestTheme.findFirst({ where: { id: input.themeId, organizationId: actor.organizationId, mergedIntoId: null }, select: { id: true } });
  if (!exists) throw notFound("That theme");
  if (input.capabilityKey && !(await db.strategyCapability.findFirst({ where: { organizationId: actor.organizationId, key: input.capabilityKey }, select: { id: true } }))) {
    throw new AppError("VALIDATION_FAILED", "Some fields need attention.", { fieldErrors: { capabilityKey: ["Choose a capability of the strategy."] } });
  }
  let capabilityKey: string | null = input.capabilityKey ?? null;
  if (input.status === "planned" && !capabilityKey) {
    // The roadmap capability goes into the draft leadership is writing (created when there is none).
    const draft = await ensureDraft(actor);
    const name = input.capabilityName ?? "";
    const existing = draft.capabilities.find((c) => c.name.trim().toLowerCase() === name.trim().toLowerCase());
    if (existing) capabilityKey = existing.key;
    else {
      const capabilities = [...draft.capabilities, { name, description: input.answer, aliases: [], status: "roadmap" as const, expectedDate: input.expectedDate ?? null }];
      await saveSection(actor, { section: "capabilities", versionId: draft.id, revision: draft.revision, data: { capabilities } });
      const after = await db.strategyCapability.findFirst({ where: { versionId: draft.id, name }, select: { key: true } });
      capabilityKey = after?.key ?? null;
    }
  }
  return db.$transaction(async (tx) => {
    const theme = await lockOwnTheme(tx, actor, input.themeId);
    await tx.requestTheme.update({
      where: { id: theme.id },
      data: { status: input.status, answer: input.answer, answeredById: actor.userId, answeredAt: new Date(), capabilityKey },
    });
    const reps = await tx.customerRequest.findMany({
      where: { themeId: theme.id, authorId: { not: null } },
      distinct: ["authorId"],
      select: { authorId: true, dealId: true },
    });
    const recipients = reps.map((r) => r.authorId!).filter((id) => id !== actor.userId);
    for (const r of reps) {
      if (r.authorId === actor.userId) continue;
      await notify(tx, actor.organizationId, [r.authorId!], {
        kind: "signal.answered",
        title: `Leadership answered “${theme.name}”: it ${STATUS_WORD[input.status]}`,
        href: r.dealId ? `/deals/${r.dealId}` : "/deals/requests",
      });
    }
    await recordAudit(tx, actor, { action: "theme.answer", entityType: "RequestTheme", entityId: theme.id, before: { status: theme.status }, after: { ...input, capabilityKey, notified: recipients.length } });
    return { notified: recipients.length, capabilityKey };
  });
}
