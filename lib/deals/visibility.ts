import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Which deals an actor may see, as the Prisma filter every deal query starts from: a rep their own,
 * a manager their teams' (and their own), leadership and admins the organisation's. Deals carry
 * their owner's team (teamId) so this stays one indexed condition at a million deals.
 */
export async function visibleDeals(actor: Actor): Promise<Prisma.DealWhereInput> {
  const org = { organizationId: actor.organizationId };
  switch (actor.role) {
    case "REP":
      return { ...org, ownerId: actor.userId };
    case "MANAGER": {
      const teams = await db.team.findMany({
        where: { organizationId: actor.organizationId, managerId: actor.userId },
        select: { id: true },
      });
      return { ...org, OR: [{ ownerId: actor.userId }, { teamId: { in: teams.map((t) => t.id) } }] };
    }
    default:
      return org;
  }
}
