import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import { can } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { loadVersion } from "@/lib/strategy/content";

/** Published versions, newest first; leadership also sees the draft. */
export async function listVersions(actor: Actor) {
  const versions = await db.strategyVersion.findMany({
    where: { organizationId: actor.organizationId, ...(can(actor.role, "strategy:edit") ? {} : { status: "PUBLISHED" }) },
    select: { id: true, number: true, status: true, changeNote: true, publishedAt: true, publishedById: true, updatedAt: true, _count: { select: { acknowledgements: true } } },
    orderBy: [{ status: "asc" }, { number: "desc" }],
  });
  const publisherIds = [...new Set(versions.map((v) => v.publishedById).filter((x): x is string => !!x))];
  const publishers = await db.user.findMany({ where: { organizationId: actor.organizationId, id: { in: publisherIds } }, select: { id: true, name: true } });
  const names = new Map(publishers.map((p) => [p.id, p.name]));
  return versions.map((v) => ({ ...v, publishedByName: v.publishedById ? (names.get(v.publishedById) ?? "—") : null }));
}

/** A published version by number; a draft only for leadership. */
export async function getVersion(actor: Actor, where: { number?: number; id?: string }) {
  const version = await loadVersion(actor.organizationId, where);
  if (!version || (version.status === "draft" && !can(actor.role, "strategy:edit"))) throw notFound("That strategy version");
  return version;
}

export async function getDraft(actor: Actor) {
  const draft = await db.strategyVersion.findFirst({ where: { organizationId: actor.organizationId, status: "DRAFT" }, select: { id: true } });
  return draft ? loadVersion(actor.organizationId, { id: draft.id }) : null;
}
