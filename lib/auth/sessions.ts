import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The signed-in person, as every guard and domain function sees them. */
export type Actor = {
  userId: string;
  organizationId: string;
  organizationName: string;
  role: Role;
  teamId: string | null;
  name: string;
  email: string;
  /**
   * Set when the caller is an API token rather than a signed-in person (lib/api/tokens.ts): the
   * token's scope, not the role, decides what it may do; userId is the admin who created it.
   */
  token?: { id: string; name: string; scope: "read" | "write" };
};

export async function createSession(userId: string): Promise<string> {
  const sessionToken = randomBytes(32).toString("base64url");
  await db.session.create({
    data: { sessionToken, userId, expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) },
  });
  return sessionToken;
}

export async function deleteSession(sessionToken: string): Promise<void> {
  await db.session.deleteMany({ where: { sessionToken } });
}

/** The actor behind a session token, or null when the session is gone, expired or the user inactive. */
export async function actorForSession(sessionToken: string): Promise<Actor | null> {
  const session = await db.session.findUnique({
    where: { sessionToken },
    select: {
      expires: true,
      user: {
        select: {
          id: true, organizationId: true, role: true, teamId: true, name: true, email: true, active: true,
          organization: { select: { name: true } },
        },
      },
    },
  });
  if (!session || session.expires.getTime() < Date.now() || !session.user.active) return null;
  const { user } = session;
  return {
    userId: user.id,
    organizationId: user.organizationId,
    organizationName: user.organization.name,
    role: user.role,
    teamId: user.teamId,
    name: user.name,
    email: user.email,
  };
}
