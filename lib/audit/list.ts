import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditLog(actor: Actor, { page = 1 }: { page?: number } = {}) {
  const where = { organizationId: actor.organizationId };
  const [entries, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db.auditLog.count({ where }),
  ]);
  const actorIds = [...new Set(entries.map((e) => e.actorId).filter((id): id is string => !!id))];
  const actors = await db.user.findMany({
    where: { organizationId: actor.organizationId, id: { in: actorIds } },
    select: { id: true, name: true },
  });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return {
    entries: entries.map((e) => ({ ...e, actorName: e.actorId ? (names.get(e.actorId) ?? "deleted user") : "system" })),
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}
