import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record";
import { AppError, notFound } from "@/lib/errors";
import type { TeamInput, UpdateTeamInput } from "@/lib/validations/users";

export async function listTeams(actor: Actor) {
  return db.team.findMany({
    where: { organizationId: actor.organizationId },
    select: {
      id: true,
      name: true,
      managerId: true,
      manager: { select: { name: true } },
      members: { select: { id: true, name: true, role: true }, orderBy: { name: "asc" } },
    },
    orderBy: { name: "asc" },
  });
}

async function assertManager(tx: Tx, actor: Actor, managerId: string | null) {
  if (!managerId) return;
  const manager = await tx.user.findFirst({
    where: { id: managerId, organizationId: actor.organizationId, active: true },
  });
  if (!manager || (manager.role !== "MANAGER" && manager.role !== "LEADER")) {
    throw new AppError("VALIDATION_FAILED", "Choose an active manager of your organisation.", {
      fieldErrors: { managerId: ["Choose an active manager of your organisation."] },
    });
  }
}

async function assertNameFree(tx: Tx, actor: Actor, name: string, exceptId?: string) {
  const clash = await tx.team.findFirst({
    where: { organizationId: actor.organizationId, name: { equals: name, mode: "insensitive" }, NOT: exceptId ? { id: exceptId } : undefined },
  });
  if (clash) {
    throw new AppError("CONFLICT", "A team with that name exists already.", {
      fieldErrors: { name: ["A team with that name exists already."] },
    });
  }
}

export async function createTeam(actor: Actor, input: TeamInput) {
  return db.$transaction(async (tx) => {
    await assertNameFree(tx, actor, input.name);
    await assertManager(tx, actor, input.managerId);
    const team = await tx.team.create({
      data: { organizationId: actor.organizationId, name: input.name, managerId: input.managerId },
    });
    await recordAudit(tx, actor, { action: "team.create", entityType: "Team", entityId: team.id, after: team });
    return team;
  });
}

export async function updateTeam(actor: Actor, input: UpdateTeamInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.team.findFirst({ where: { id: input.teamId, organizationId: actor.organizationId } });
    if (!before) throw notFound("That team");
    await assertNameFree(tx, actor, input.name, before.id);
    await assertManager(tx, actor, input.managerId);
    const after = await tx.team.update({
      where: { id: before.id },
      data: { name: input.name, managerId: input.managerId },
    });
    await recordAudit(tx, actor, { action: "team.update", entityType: "Team", entityId: after.id, before, after });
    return after;
  });
}
