import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import type { Prisma } from "@/lib/generated/prisma/client";

const SECRET_FIELDS = new Set(["passwordHash", "password", "tokenHash", "sessionToken"]);

function redact(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, v) => (SECRET_FIELDS.has(key) ? "[redacted]" : v)),
  ) as Prisma.InputJsonValue;
}

/** Records who did what to which record, inside the same transaction as the change. */
export async function recordAudit(
  tx: Tx,
  actor: Pick<Actor, "userId" | "organizationId">,
  entry: { action: string; entityType: string; entityId: string; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: redact(entry.before),
      after: redact(entry.after),
    },
  });
}
