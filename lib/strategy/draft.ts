import "server-only";
import { isDeepStrictEqual } from "node:util";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record";
import { AppError, notFound } from "@/lib/errors";
import { SECTION_LABEL, type SaveSectionInput, type StrategyDocument } from "@/lib/validations/strategy";
import { latestPublished, loadVersion, sectionOf, writeListSection, type StrategyContent } from "@/lib/strategy/content";
import { enqueueJob } from "@/lib/jobs/queue";
import { countOpenDeals, RESCORE_KIND } from "@/lib/jobs/rescore";
import { notify } from "@/lib/notifications/notify";
import { enqueueWebhookEvent } from "@/lib/webhooks/outbox";

/** Serialises drafting and publishing per organisation (one draft, gap-free version numbers). */
async function lockOrganization(tx: Tx, organizationId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`strategy:${organizationId}`}))`;
}

/** The organisation's draft; created as a copy of the latest published version when there is none. */
export async function ensureDraft(actor: Actor): Promise<StrategyContent> {
  const existing = await db.strategyVersion.findFirst({ where: { organizationId: actor.organizationId, status: "DRAFT" } });
  if (existing) return (await loadVersion(actor.organizationId, { id: existing.id }))!;
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, actor.organizationId);
    const raced = await tx.strategyVersion.findFirst({ where: { organizationId: actor.organizationId, status: "DRAFT" } });
    if (raced) return (await loadVersion(actor.organizationId, { id: raced.id }, tx))!;
    const base = await latestPublished(actor.organizationId, tx);
    const draft = await tx.strategyVersion.create({
      data: {
        organizationId: actor.organizationId,
        basedOnId: base?.id ?? null,
        createdById: actor.userId,
        ...(base ? { ...base.mission, ...base.valueProposition } : {}),
      },
    });
    if (base) {
      for (const section of ["segments", "capabilities", "guardrails", "products", "targets"] as const) {
        await writeListSection(tx, draft, section, base[section]);
      }
    }
    await recordAudit(tx, actor, { action: "strategy.draft.create", entityType: "StrategyVersion", entityId: draft.id, after: { basedOn: base?.number ?? null } });
    return (await loadVersion(actor.organizationId, { id: draft.id }, tx))!;
  });
}

/** Locks the draft row and checks that the caller edited the revision that is current. */
async function lockDraft(tx: Tx, actor: Actor, versionId: string) {
  const rows = await tx.$queryRaw<{ id: string; status: string; revision: number }[]>`
    SELECT "id", "status"::text AS status, "revision" FROM "StrategyVersion"
    WHERE "id" = ${versionId}::uuid AND "organizationId" = ${actor.organizationId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw notFound("That strategy version");
  if (row.status !== "DRAFT") throw new AppError("CONFLICT", "This version is published and cannot change. Open the current draft instead.");
  return row;
}

export type SaveResult = { revision: number; unchanged: boolean };

/**
 * Saves one section of the draft. A save based on an older revision is refused with the newer
 * content (CONFLICT), unless it would write exactly what is there (a double submit), which succeeds.
 */
export async function saveSection(actor: Actor, input: SaveSectionInput): Promise<SaveResult> {
  return db.$transaction(async (tx) => {
    const row = await lockDraft(tx, actor, input.versionId);
    const current = (await loadVersion(actor.organizationId, { id: row.id }, tx))!;
    const before = sectionOf(current, input.section);
    const comparable = stripKeys(before);
    if (isDeepStrictEqual(comparable, stripKeys(input.data))) return { revision: row.revision, unchanged: true };
    if (row.revision !== input.revision) {
      throw new AppError(
        "CONFLICT",
        `Someone else saved ${SECTION_LABEL[input.section]} since you opened the draft. Their version is shown beside your edits, which are kept: choose one, or merge them, and save again.`,
        { details: { section: input.section, revision: row.revision, current: before } },
      );
    }
    switch (input.section) {
      case "mission":
        await tx.strategyVersion.update({ where: { id: row.id }, data: { ...input.data } });
        break;
      case "valueProposition":
        await tx.strategyVersion.update({ where: { id: row.id }, data: { ...input.data } });
        break;
      default:
        await writeListSection(tx, current, input.section, (input.data as Record<string, { key?: string }[]>)[input.section]!);
    }
    const updated = await tx.strategyVersion.update({
      where: { id: row.id },
      data: { revision: { increment: 1 }, updatedById: actor.userId },
      select: { revision: true },
    });
    await recordAudit(tx, actor, {
      action: `strategy.${input.section}.save`, entityType: "StrategyVersion", entityId: row.id, before, after: input.data,
    });
    return { revision: updated.revision, unchanged: false };
  });
}

function stripKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== "key").map(([k, v]) => [k, stripKeys(v)]));
  }
  return value;
}

/** Publishes the draft: numbered, immutable, with who, when and why. */
export async function publishDraft(actor: Actor, input: { versionId: string; revision: number; changeNote: string }) {
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, actor.organizationId);
    const row = await lockDraft(tx, actor, input.versionId);
    if (row.revision !== input.revision) {
      throw new AppError("CONFLICT", "The draft changed since you opened it. Review the latest draft, then publish.", {
        details: { revision: row.revision },
      });
    }
    const draft = (await loadVersion(actor.organizationId, { id: row.id }, tx))!;
    const missing = Object.entries(draft.mission).filter(([, v]) => !v.trim()).map(([k]) => k);
    if (missing.length) {
      throw new AppError("VALIDATION_FAILED", "Write the mission (who we are, why we are here, why it matters) before publishing.", {
        fieldErrors: Object.fromEntries(missing.map((k) => [`mission.${k}`, ["Required before publishing."]])),
      });
    }
    const last = await tx.strategyVersion.aggregate({ where: { organizationId: actor.organizationId }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    await tx.strategyVersion.update({
      where: { id: row.id },
      data: { status: "PUBLISHED", number, changeNote: input.changeNote, publishedAt: new Date(), publishedById: actor.userId, updatedById: actor.userId },
    });
    await recordAudit(tx, actor, { action: "strategy.publish", entityType: "StrategyVersion", entityId: row.id, after: { number, changeNote: input.changeNote } });
    // Every open deal is re-scored against the new version in the background (lib/jobs).
    const total = await countOpenDeals(tx, actor.organizationId);
    const job = await enqueueJob(tx, { organizationId: actor.organizationId, kind: RESCORE_KIND, payload: { versionId: row.id, number }, total });
    await enqueueWebhookEvent(tx, actor.organizationId, "strategy.published", {
      version: { id: row.id, number, changeNote: input.changeNote, publishedById: actor.userId, path: `/strategy/versions/${number}` }, rescoreJobId: job.id, openDeals: total,
    });
    const people = await tx.user.findMany({ where: { organizationId: actor.organizationId, active: true, role: { in: ["REP", "MANAGER"] } }, select: { id: true } });
    await notify(tx, actor.organizationId, people.map((p) => p.id), { kind: "strategy.published", title: `Strategy version ${number} is out: read and acknowledge it`, href: "/strategy" });
    return { number, versionId: row.id, jobId: job.id };
  });
}

/** Replaces the whole draft with an imported strategy file (already validated by its schema). */
export async function importIntoDraft(actor: Actor, doc: StrategyDocument, resolveTargets: (doc: StrategyDocument) => Promise<StrategyContent["targets"]>) {
  const targets = await resolveTargets(doc);
  const draft = await ensureDraft(actor);
  return db.$transaction(async (tx) => {
    await lockDraft(tx, actor, draft.id);
    await tx.strategyVersion.update({
      where: { id: draft.id },
      data: { ...doc.mission, ...doc.valueProposition, revision: { increment: 1 }, updatedById: actor.userId },
    });
    await writeListSection(tx, draft, "segments", doc.segments);
    await writeListSection(tx, draft, "capabilities", doc.capabilities);
    await writeListSection(tx, draft, "guardrails", doc.guardrails);
    await writeListSection(tx, draft, "products", doc.products);
    await writeListSection(tx, draft, "targets", targets);
    await recordAudit(tx, actor, { action: "strategy.import", entityType: "StrategyVersion", entityId: draft.id, after: { capabilities: doc.capabilities.length, segments: doc.segments.length } });
    return draft.id;
  });
}
