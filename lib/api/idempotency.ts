import "server-only";
import { createHash } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// Idempotency keys for creates (ADR 8). The first request with a key claims it (a row without a
// response yet); its answer (any status below 500) is stored and replayed for a retry with the same
// key and the same body; the same key with another body is a CONFLICT. Keys are per caller and
// kept 24 hours; a claim whose request never finished (the server died) is released after 5 minutes.

const TTL_MS = 24 * 60 * 60 * 1000;
const ABANDONED_MS = 5 * 60 * 1000;
export const IDEMPOTENCY_HEADER = "Idempotency-Key";

/** JSON with sorted keys, so the same body hashes the same whatever its key order or spacing. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export async function idempotent(actor: Actor, request: NextRequest, json: unknown, run: () => Promise<Response>): Promise<Response> {
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return run();
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new AppError("VALIDATION_FAILED", "The Idempotency-Key header must be 1 to 255 visible ASCII characters.", {
      fieldErrors: { [IDEMPOTENCY_HEADER]: ["Use 1 to 255 visible ASCII characters, e.g. a UUID."] },
    });
  }
  const organizationId = actor.organizationId;
  const principal = actor.token ? `token:${actor.token.id}` : `user:${actor.userId}`;
  const requestHash = createHash("sha256").update(`${request.method} ${request.nextUrl.pathname}\n${canonical(json)}`).digest("hex");
  const where = { organizationId_principal_key: { organizationId, principal, key } };

  // Forget an expired key, or a claim whose request never finished.
  await db.apiIdempotencyKey.deleteMany({
    where: {
      organizationId, principal, key,
      OR: [{ createdAt: { lt: new Date(Date.now() - TTL_MS) } }, { status: null, createdAt: { lt: new Date(Date.now() - ABANDONED_MS) } }],
    },
  });
  const claimed = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "ApiIdempotencyKey" ("organizationId", "principal", "key", "requestHash")
    VALUES (${organizationId}::uuid, ${principal}, ${key}, ${requestHash})
    ON CONFLICT ("organizationId", "principal", "key") DO NOTHING
    RETURNING "id"`;

  if (claimed.length === 0) {
    const prior = await db.apiIdempotencyKey.findUnique({ where });
    if (!prior) throw new AppError("CONFLICT", "A request with this Idempotency-Key is being processed; retry in a moment.");
    if (prior.requestHash !== requestHash) {
      throw new AppError("CONFLICT", "This Idempotency-Key was already used for a different request.", {
        fieldErrors: { [IDEMPOTENCY_HEADER]: ["Already used for a different request; use a new key for a new request."] },
      });
    }
    if (prior.status === null) throw new AppError("CONFLICT", "A request with this Idempotency-Key is being processed; retry in a moment.");
    return NextResponse.json(prior.response, { status: prior.status, headers: { "Idempotent-Replayed": "true" } });
  }

  const id = claimed[0]!.id;
  const release = () => db.apiIdempotencyKey.deleteMany({ where: { id } });
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await release();
    throw error;
  }
  if (response.status >= 500) {
    await release();
    return response;
  }
  const body = (await response.clone().json().catch(() => null)) as Prisma.InputJsonValue | null;
  await db.apiIdempotencyKey.update({ where: { id }, data: { status: response.status, response: body ?? undefined } });
  return response;
}
