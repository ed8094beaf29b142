// Test data builders, shared by the tests and the demo seed. Each call makes unique data, so tests
// own their rows and can run side by side without resets.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

// Cost 4 keeps test setup fast; the app itself hashes with lib/auth/password.ts.
const hashCache = new Map<string, string>();
export function fastHash(password: string): string {
  let hash = hashCache.get(password);
  if (!hash) {
    hash = bcrypt.hashSync(password, 4);
    hashCache.set(password, hash);
  }
  return hash;
}

export async function createOrganization(db: PrismaClient, overrides: { name?: string; slug?: string } = {}) {
  const slug = overrides.slug ?? unique("org");
  return db.organization.create({ data: { name: overrides.name ?? `Org ${slug}`, slug } });
}

export async function createUser(
  db: PrismaClient,
  input: { organizationId: string; role: Role; password?: string; name?: string; email?: string; teamId?: string | null },
) {
  const email = input.email ?? `${unique(input.role.toLowerCase())}@example.test`;
  return db.user.create({
    data: {
      organizationId: input.organizationId,
      role: input.role,
      name: input.name ?? `${input.role[0]}${input.role.slice(1).toLowerCase()} ${email.slice(0, 8)}`,
      email,
      teamId: input.teamId ?? null,
      passwordHash: fastHash(input.password ?? "correct horse battery"),
    },
  });
}

export async function createTeam(db: PrismaClient, input: { organizationId: string; name?: string; managerId?: string | null }) {
  return db.team.create({
    data: { organizationId: input.organizationId, name: input.name ?? unique("Team"), managerId: input.managerId ?? null },
  });
}

/** An organisation with one user per role, the rep and a second rep in the manager's team. */
export async function createOrganizationWithRoles(db: PrismaClient, password = "correct horse battery") {
  const organization = await createOrganization(db);
  const o = organization.id;
  const admin = await createUser(db, { organizationId: o, role: "ADMIN", password });
  const leader = await createUser(db, { organizationId: o, role: "LEADER", password });
  const manager = await createUser(db, { organizationId: o, role: "MANAGER", password });
  const team = await createTeam(db, { organizationId: o, managerId: manager.id });
  const rep = await createUser(db, { organizationId: o, role: "REP", password, teamId: team.id });
  const otherRep = await createUser(db, { organizationId: o, role: "REP", password, teamId: team.id });
  return { organization, admin, leader, manager, team, rep, otherRep, password };
}
