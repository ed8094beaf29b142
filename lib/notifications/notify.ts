import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";

export type NotificationKind = "deal.flagged" | "review.decided" | "strategy.published" | "question.answered" | "signal.answered";

export async function notify(tx: Tx, organizationId: string, userIds: (string | null | undefined)[], n: { kind: NotificationKind; title: string; href: string }) {
  const ids = [...new Set(userIds.filter((id): id is string => !!id))];
  if (!ids.length) return;
  await tx.notification.createMany({ data: ids.map((userId) => ({ organizationId, userId, ...n })) });
}

export async function unreadCount(actor: Actor) {
  return db.notification.count({ where: { userId: actor.userId, readAt: null } });
}

export async function listNotifications(actor: Actor, take = 20) {
  return db.notification.findMany({ where: { userId: actor.userId }, orderBy: { createdAt: "desc" }, take });
}

export async function markRead(actor: Actor, ids: string[] | "all") {
  await db.notification.updateMany({
    where: { userId: actor.userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: new Date() },
  });
}
