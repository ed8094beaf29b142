import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import { hashPassword, hasPassword, verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { AppError, notFound } from "@/lib/errors";
import type { CreateUserInput, SetPasswordInput, UpdateUserInput } from "@/lib/validations/users";

const publicUser = {
  id: true, name: true, email: true, role: true, teamId: true, active: true, createdAt: true,
} as const;

export async function listUsers(actor: Actor) {
  const users = await db.user.findMany({
    where: { organizationId: actor.organizationId },
    select: { ...publicUser, passwordHash: true, team: { select: { name: true } } },
    orderBy: [{ active: "desc" }, { name: "asc" }],
  });
  // The hash never leaves the server: only whether there is a password at all.
  return users.map(({ passwordHash, ...user }) => ({ ...user, hasPassword: hasPassword(passwordHash) }));
}

async function assertTeamInOrganization(tx: Tx, actor: Actor, teamId: string | null) {
  if (!teamId) return;
  const team = await tx.team.findFirst({ where: { id: teamId, organizationId: actor.organizationId } });
  if (!team) throw new AppError("VALIDATION_FAILED", "Choose a team of your organisation.", { fieldErrors: { teamId: ["Choose a team of your organisation."] } });
}

export async function createUser(actor: Actor, input: CreateUserInput) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await assertTeamInOrganization(tx, actor, input.teamId);
    const existing = await tx.user.findUnique({ where: { email: input.email } });
    if (existing) {
      throw new AppError("CONFLICT", "Someone already uses that e-mail address.", {
        fieldErrors: { email: ["Someone already uses that e-mail address."] },
      });
    }
    const user = await tx.user.create({
      data: {
        organizationId: actor.organizationId,
        name: input.name,
        email: input.email,
        role: input.role,
        teamId: input.teamId,
        passwordHash,
      },
      select: publicUser,
    });
    await recordAudit(tx, actor, { action: "user.create", entityType: "User", entityId: user.id, after: user });
    return user;
  });
}

export async function updateUser(actor: Actor, input: UpdateUserInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findFirst({
      where: { id: input.userId, organizationId: actor.organizationId },
      select: publicUser,
    });
    if (!before) throw notFound("That user");
    if (before.id === actor.userId && (input.role !== "ADMIN" || !input.active)) {
      throw new AppError("VALIDATION_FAILED", "You cannot remove your own admin access; ask another admin.", {
        fieldErrors: { role: ["You cannot remove your own admin access; ask another admin."] },
      });
    }
    await assertTeamInOrganization(tx, actor, input.teamId);
    const after = await tx.user.update({
      where: { id: before.id },
      data: { role: input.role, teamId: input.teamId, active: input.active },
      select: publicUser,
    });
    if (!after.active) await tx.session.deleteMany({ where: { userId: after.id } });
    await recordAudit(tx, actor, { action: "user.update", entityType: "User", entityId: after.id, before, after });
    return after;
  });
}

/**
 * An admin sets the password of someone in their organisation: the first one of a person imported
 * from another CRM, or a new one for someone who forgot theirs. Every session of that person ends.
 * Admins change their own password on the account page, with their current one.
 */
export async function setUserPassword(actor: Actor, input: SetPasswordInput) {
  if (input.userId === actor.userId) {
    throw new AppError("VALIDATION_FAILED", "Change your own password on your account page.", {
      fieldErrors: { password: ["Change your own password on your account page, with your current one."] },
    });
  }
  const user = await db.user.findFirst({ where: { id: input.userId, organizationId: actor.organizationId }, select: { id: true, name: true } });
  if (!user) throw notFound("That user");
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, actor, { action: "user.password.set", entityType: "User", entityId: user.id });
  });
  return user;
}

export async function changeOwnPassword(
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  keepSessionToken?: string | null,
) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("VALIDATION_FAILED", "Your current password is not right.", {
      fieldErrors: { currentPassword: ["Your current password is not right."] },
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    // Other browsers signed in as this user are signed out; this one stays.
    await tx.session.deleteMany({
      where: { userId: user.id, ...(keepSessionToken ? { NOT: { sessionToken: keepSessionToken } } : {}) },
    });
    await recordAudit(tx, actor, { action: "user.password.change", entityType: "User", entityId: user.id });
  });
}
