import "server-only";
// The one authorization wrapper. Every page, server action and route handler enters through
// requirePageActor, authAction or withApi: each resolves the session to an Actor (user,
// role, organisation), checks a named permission, and hands domain code an actor whose
// organizationId scopes every query. See docs/decisions/0003-auth.md.
import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";
import { forbidden, redirect, unstable_rethrow } from "next/navigation";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { auth } from "@/lib/auth/auth";
import { actorForSession, type Actor } from "@/lib/auth/sessions";
import { can, tokenCan, type Permission } from "@/lib/auth/permissions";
import { actorForApiToken } from "@/lib/api/tokens";
import { countApiRequest } from "@/lib/api/rate-limit";
import { idempotent } from "@/lib/api/idempotency";
import { AppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export type { Actor };

// Integration tests and scripts act as a real session row without a browser cookie.
const sessionOverride = new AsyncLocalStorage<string | null>();
export function runAsSession<T>(sessionToken: string | null, fn: () => Promise<T>): Promise<T> {
  return sessionOverride.run(sessionToken, fn);
}

async function currentSessionToken(): Promise<string | null> {
  const override = sessionOverride.getStore();
  if (override !== undefined) return override;
  const session = await auth();
  return session?.keelSession ?? null;
}

const actorForToken = cache(async (token: string) => actorForSession(token));

export { currentSessionToken };

export async function currentActor(): Promise<Actor | null> {
  const token = await currentSessionToken();
  return token ? actorForToken(token) : null;
}

export async function requireActor(permission?: Permission, actor: Actor | null | undefined = undefined): Promise<Actor> {
  actor = actor === undefined ? await currentActor() : actor;
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  if (permission && !allowed(actor, permission)) {
    throw new AppError("FORBIDDEN", actor.token ? `This token's scope (${actor.token.scope}) does not allow that.` : "You do not have permission to do that.");
  }
  return actor;
}

/** A person by their role; an API token by its scope (lib/auth/permissions.ts). */
function allowed(actor: Actor, permission: Permission): boolean {
  return actor.token ? tokenCan(actor.token.scope, permission) : can(actor.role, permission);
}

/** For pages: sends the signed-out to the sign-in page and shows 403 to the wrong role. */
export async function requirePageActor(permission?: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  if (permission && !can(actor.role, permission)) forbidden();
  return actor;
}

// ---- server actions -------------------------------------------------------------------------

export type ActionResult<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors; details?: unknown };

export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).map((v) => (typeof v === "string" ? v : v.name));
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "_form";
    (fieldErrors[path] ??= []).push(issue.message);
  }
  return fieldErrors;
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) {
    return new AppError("VALIDATION_FAILED", "Some fields need attention.", {
      fieldErrors: zodFieldErrors(error),
    });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return new AppError("CONFLICT", "That already exists.");
    if (error.code === "P2025") return new AppError("NOT_FOUND", "That record was not found.");
  }
  if (/KL001|published and immutable/.test(String((error as { message?: string })?.message))) {
    return new AppError("CONFLICT", "A published strategy version cannot change. Edit the draft instead.");
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError("UNAVAILABLE", "The database is not reachable right now. Try again in a moment.");
  }
  console.error("[keel] unexpected error", error);
  return new AppError("INTERNAL", "Something went wrong on our side. Nothing was saved; try again.");
}

// The database going away, as pg, the Prisma adapter and PostgreSQL say it: refused or dropped
// connections, a server shutting down or starting up (57P01–57P03), Prisma's P1001/P1002/P1017.
const UNAVAILABLE_TEXT =
  /ECONNREFUSED|ECONNRESET|Connection terminated|connect ETIMEDOUT|the database system is (starting up|shutting down|in recovery mode)|Can't reach database server|Server has closed the connection|connection error and is not queryable|terminating connection due to administrator command|\b57P0[123]\b/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { message?: string; code?: string; cause?: unknown } | null;
  if (e?.code && ["P1001", "P1002", "P1017", "57P01", "57P02", "57P03", "ECONNREFUSED", "ECONNRESET"].includes(e.code)) return true;
  return UNAVAILABLE_TEXT.test(String(e?.message ?? "")) || (!!e?.cause && e.cause !== error && UNAVAILABLE_TEXT.test(String((e.cause as { message?: string })?.message ?? "")));
}

/** Deeper than any form or API body Keel accepts; deeper input is refused before it is walked again. */
const MAX_INPUT_DEPTH = 32;
// PostgreSQL text cannot hold NUL, and UTF-8 cannot encode a lone UTF-16 surrogate: such strings
// would fail inside the database (a 500). They are refused up front as validation errors instead.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Field errors for input no schema should see: strings PostgreSQL cannot store (NUL, lone
 * surrogates, in values or keys) and nesting deeper than MAX_INPUT_DEPTH. Iterative, so hostile
 * input cannot exhaust the stack. Undefined when the input is fine.
 */
export function unstorableInput(input: unknown): FieldErrors | undefined {
  const errors: FieldErrors = {};
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  let seen = 0;
  while (stack.length && seen++ < 100_000) {
    const { value, path } = stack.pop()!;
    const at = path.join(".") || "_form";
    if (typeof value === "string") {
      if (UNSTORABLE.test(value)) (errors[at] ??= []).push("Remove invisible control characters (NUL) or broken characters from this text.");
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (path.length >= MAX_INPUT_DEPTH) {
      (errors[at] ??= []).push(`Nested too deeply (at most ${MAX_INPUT_DEPTH} levels).`);
      continue;
    }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (UNSTORABLE.test(key)) (errors[at] ??= []).push("A field name contains characters that cannot be stored.");
      else stack.push({ value: child, path: [...path, key] });
    }
  }
  return Object.keys(errors).length ? errors : undefined;
}

/**
 * Wraps a server action: resolve the actor, check the permission, validate the input with the
 * shared zod schema, run the domain function, and turn every failure into an ActionResult.
 * Works with `useActionState` (prevState, formData) and with a direct call (input).
 */
export function authAction<S extends z.ZodType, R>(
  options: { permission: Permission; schema: S },
  fn: (input: z.output<S>, actor: Actor) => Promise<R>,
) {
  return async (...args: unknown[]): Promise<ActionResult<R>> => {
    try {
      const actor = await requireActor(options.permission);
      const raw = args.length >= 2 ? args[1] : args[0];
      const input = raw instanceof FormData ? formDataToObject(raw) : raw;
      const unstorable = unstorableInput(input);
      if (unstorable) return { ok: false, code: "VALIDATION_FAILED", message: "Some fields need attention.", fieldErrors: unstorable };
      const parsed = options.schema.safeParse(input);
      if (!parsed.success) {
        return {
          ok: false,
          code: "VALIDATION_FAILED",
          message: "Some fields need attention.",
          fieldErrors: zodFieldErrors(parsed.error),
        };
      }
      return { ok: true, data: await fn(parsed.data, actor) };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are Next's control flow, not failures
      const appError = toAppError(error);
      return { ok: false, code: appError.code, message: appError.message, fieldErrors: appError.fieldErrors, details: appError.details };
    }
  };
}

// ---- route handlers -------------------------------------------------------------------------

export type ApiErrorBody = {
  error: { code: ErrorCode; message: string; fields?: { path: string; message: string }[]; fieldErrors?: FieldErrors };
};

export function apiError(error: AppError): NextResponse<ApiErrorBody> {
  const fields = error.fieldErrors
    ? Object.entries(error.fieldErrors).flatMap(([path, messages]) => messages.map((message) => ({ path, message })))
    : undefined;
  const headers: Record<string, string> = {};
  if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
  if (error.code === "UNAUTHENTICATED") headers["WWW-Authenticate"] = 'Bearer realm="keel"';
  return NextResponse.json({ error: { code: error.code, message: error.message, fields, fieldErrors: error.fieldErrors } }, { status: error.status, headers });
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** The token of an `Authorization: Bearer <token>` header; undefined without one. */
function bearerToken(request: NextRequest): string | undefined {
  const header = request.headers.get("authorization");
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AppError("UNAUTHENTICATED", "Send the API token as `Authorization: Bearer <token>`.");
  return match[1]!;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF for route handlers that change state with the session cookie: a browser names the page
 * that sent the request (Origin, Sec-Fetch-Site); one from another site is refused. A request with
 * an `Authorization` header carries its own credential (an API token), which no other site can
 * attach, and clients that are not browsers send no Origin: both pass. Server actions get the same
 * check from Next itself (it compares Origin with Host).
 */
function crossSiteWrite(request: NextRequest): boolean {
  if (SAFE_METHODS.has(request.method) || request.headers.has("authorization")) return false;
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? request.nextUrl.host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (a sandboxed or file page) or garbage
  }
}

/** The caller: an API token (routes with `tokens: true`, ADR 8), else the signed-in person. */
async function apiActor(request: NextRequest, tokens: boolean | undefined): Promise<Actor | null> {
  const token = tokens ? bearerToken(request) : undefined;
  if (token === undefined) return currentActor();
  const actor = await actorForApiToken(token);
  if (!actor) throw new AppError("UNAUTHENTICATED", "The API token is not valid or has been revoked.");
  return actor;
}

/**
 * Wraps a route handler the same way: actor (unless `permission` is null, for the few public
 * endpoints), permission, a zod-validated JSON body, and typed JSON errors for every failure.
 * With `tokens: true` (the /api/v1 routes) an `Authorization: Bearer` API token is the actor: its
 * organisation scopes everything, its scope stands for the role, and each request counts against
 * its rate limit (429 with Retry-After). With `idempotent: true` an `Idempotency-Key` header makes
 * a retried create replay the stored response (lib/api/idempotency.ts).
 */
export function withApi<S extends z.ZodType | undefined = undefined>(
  options: { permission: Permission | null; body?: S; tokens?: boolean; idempotent?: boolean },
  handler: (ctx: {
    request: NextRequest;
    actor: Actor | null;
    body: S extends z.ZodType ? z.output<S> : undefined;
    /** The request body as sent (before validation), for partial updates. */
    json: unknown;
    params: Record<string, string | string[]>;
  }) => Promise<Response>,
) {
  return async (request: NextRequest, context: RouteContext): Promise<Response> => {
    try {
      if (crossSiteWrite(request)) throw new AppError("FORBIDDEN", "This request came from another site and was refused.");
      const caller = await apiActor(request, options.tokens);
      const actor = options.permission === null ? caller : await requireActor(options.permission, caller);
      const limits = actor?.token ? await countApiRequest(actor.token.id) : null;
      let body: unknown = undefined;
      let json: unknown = undefined;
      if (options.body) {
        try {
          json = await request.json();
        } catch {
          // The body as a whole is the field at fault (the path `_form`, like a zod issue at the root).
          throw new AppError("VALIDATION_FAILED", "The request body must be valid JSON.", {
            fieldErrors: { _form: ["Send a JSON object (Content-Type: application/json)."] },
          });
        }
        const unstorable = unstorableInput(json);
        if (unstorable) throw new AppError("VALIDATION_FAILED", "Some fields need attention.", { fieldErrors: unstorable });
        const parsed = options.body.safeParse(json);
        if (!parsed.success) {
          throw new AppError("VALIDATION_FAILED", "Some fields need attention.", {
            fieldErrors: zodFieldErrors(parsed.error),
          });
        }
        body = parsed.data;
      }
      const params = (await context?.params) ?? {};
      const run = async () => {
        try {
          return await handler({ request, actor, body: body as never, json, params });
        } catch (error) {
          unstable_rethrow(error);
          return apiError(toAppError(error));
        }
      };
      const response = options.idempotent && actor ? await idempotent(actor, request, json, run) : await run();
      if (limits) for (const [name, value] of Object.entries(limits)) response.headers.set(name, value);
      return response;
    } catch (error) {
      unstable_rethrow(error);
      return apiError(toAppError(error));
    }
  };
}
