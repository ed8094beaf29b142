import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import type { TokenScope } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { notFound } from "@/lib/errors";

// Per-organisation API tokens (ADR 8). A token is "keel_" + 32 random bytes (base64url, 256 bits);
// only its SHA-256 is stored, so a database dump reveals no usable token. A fast hash is right
// here: the secret is random and long, so there is nothing to brute-force that a slow hash would
// protect. The first characters are kept in clear as `prefix` to tell tokens apart in the list.

export const TOKEN_PREFIX = "keel_";
const PREFIX_LENGTH = TOKEN_PREFIX.length + 8;
/** lastUsedAt is written at most once a minute per token: a cheap hint, not a request log. */
const LAST_USED_GRANULARITY_MS = 60_000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function generateToken(): { token: string; prefix: string; tokenHash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, PREFIX_LENGTH), tokenHash: hashToken(token) };
}

export async function listApiTokens(actor: Actor) {
  const tokens = await db.apiToken.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, scope: true, prefix: true, createdById: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  const people = await db.user.findMany({
    where: { organizationId: actor.organizationId, id: { in: [...new Set(tokens.map((t) => t.createdById))] } },
    select: { id: true, name: true },
  });
  const names = new Map(people.map((p) => [p.id, p.name]));
  return tokens.map((t) => ({ ...t, scope: t.scope as TokenScope, createdByName: names.get(t.createdById) ?? "—" }));
}

/** Creates a token and returns its secret: the only time anyone sees it. */
export async function createApiToken(actor: Actor, input: { name: string; scope: TokenScope }) {
  const { token, prefix, tokenHash } = generateToken();
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { organizationId: actor.organizationId, name: input.name, scope: input.scope, prefix, tokenHash, createdById: actor.userId },
      select: { id: true, name: true, scope: true, prefix: true },
    });
    await recordAudit(tx, actor, { action: "apiToken.create", entityType: "ApiToken", entityId: row.id, after: { name: row.name, scope: row.scope, prefix } });
    return { ...row, token };
  });
}

export async function revokeApiToken(actor: Actor, input: { tokenId: string }) {
  return db.$transaction(async (tx) => {
    const before = await tx.apiToken.findFirst({ where: { id: input.tokenId, organizationId: actor.organizationId }, select: { id: true, name: true, prefix: true, revokedAt: true } });
    if (!before) throw notFound("That token");
    if (before.revokedAt) return before;
    const after = await tx.apiToken.update({
      where: { id: before.id },
      data: { revokedAt: new Date(), revokedById: actor.userId },
      select: { id: true, name: true, prefix: true, revokedAt: true },
    });
    await recordAudit(tx, actor, { action: "apiToken.revoke", entityType: "ApiToken", entityId: before.id, before: { revokedAt: null }, after: { revokedAt: after.revokedAt } });
    return after;
  });
}

type TokenRow = {
  id: string; organizationId: string; name: string; scope: string; createdById: string; lastUsedAt: Date | null;
  teamId: string | null; userName: string; email: string; organizationName: string;
};

/**
 * The actor behind a bearer token, or null when it is unknown or revoked. The token acts for its
 * organisation with its scope; its userId is the admin who created it (audit entries, and the
 * default owner of deals it creates). Its role is organisation-wide for what it may *see*; what it
 * may *do* is decided by the scope (lib/auth/guard.ts).
 */
export async function actorForApiToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const rows = await db.$queryRaw<TokenRow[]>`
    SELECT t."id", t."organizationId", t."name", t."scope", t."createdById", t."lastUsedAt",
           u."teamId", u."name" AS "userName", u."email", o."name" AS "organizationName"
    FROM "ApiToken" t
    JOIN "User" u ON u."id" = t."createdById"
    JOIN "Organization" o ON o."id" = t."organizationId"
    WHERE t."tokenHash" = ${hashToken(token)} AND t."revokedAt" IS NULL`;
  const row = rows[0];
  if (!row || (row.scope !== "read" && row.scope !== "write")) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
    await db.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return {
    userId: row.createdById,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    role: "ADMIN",
    teamId: row.teamId,
    name: `API token “${row.name}”`,
    email: row.email,
    token: { id: row.id, name: row.name, scope: row.scope },
  };
}
