// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the route handlers validate
// with (lib/api/schemas.ts), with zod 4's own z.toJSONSchema (JSON Schema 2020-12, which OpenAPI 3.1
// uses as its schema dialect). Served at /api/v1/openapi.json and rendered at /developers/api.
import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import type { Permission } from "@/lib/auth/permissions";
import * as s from "@/lib/api/schemas";

type Json = Record<string, unknown>;
type Io = "input" | "output";

/** Named schemas, each converted once; requests as the API reads them, resources as it writes them. */
const COMPONENTS: Record<string, [z.ZodType, Io]> = {
  DealCreate: [s.dealCreateSchema, "input"],
  DealPatch: [s.dealPatchSchema, "input"],
  AccountCreate: [s.accountCreateSchema, "input"],
  AccountPatch: [s.accountPatchSchema, "input"],
  RequestCreate: [s.requestCreateSchema, "input"],
  RequestPatch: [s.requestPatchSchema, "input"],
  Deal: [s.dealResource, "output"],
  Account: [s.accountResource, "output"],
  CustomerRequest: [s.requestResource, "output"],
  Score: [s.scoreResource, "output"],
  StrategyVersionSummary: [s.strategyVersionSummary, "output"],
  // The section schemas transform on output; their input shape is the same document.
  StrategyVersion: [s.strategyVersionResource, "input"],
  ThemeSummary: [s.themeSummary, "output"],
  Theme: [s.themeResource, "output"],
  Error: [s.errorResource, "output"],
};

function jsonSchema(schema: z.ZodType, io: Io): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export type Operation = {
  method: "get" | "post" | "patch";
  path: string;
  summary: string;
  description?: string;
  tag: "Deals" | "Accounts" | "Customer requests" | "Strategy" | "Market signals";
  permission: Permission;
  pathParams?: { name: string; description: string; schema: Json }[];
  query?: z.ZodObject;
  body?: string;
  idempotent?: boolean;
  response: { status: 200 | 201; schema: string; list?: boolean };
};

const id = (what: string) => ({ name: "id", description: `The ${what}'s id.`, schema: { type: "string", format: "uuid" } });

export const OPERATIONS: Operation[] = [
  { method: "get", path: "/deals", tag: "Deals", summary: "List deals", description: "The deals the caller may see (a token: the whole organisation), newest first.", permission: "deal:read", query: s.dealListQuerySchema, response: { status: 200, schema: "Deal", list: true } },
  {
    method: "post", path: "/deals", tag: "Deals", summary: "Create a deal",
    description: "Validated like the deal form and scored against the current strategy in the same transaction. `ownerEmail` names the owner (an active user of the organisation; tokens only); without it the deal belongs to the admin who created the token (or the signed-in user).",
    permission: "deal:write", body: "DealCreate", idempotent: true, response: { status: 201, schema: "Deal" },
  },
  { method: "get", path: "/deals/{id}", tag: "Deals", summary: "Read a deal", permission: "deal:read", pathParams: [id("deal")], response: { status: 200, schema: "Deal" } },
  {
    method: "patch", path: "/deals/{id}", tag: "Deals", summary: "Update a deal",
    description: "Fields sent replace the deal's (a list replaces the whole list); fields omitted keep their value. The deal is re-scored in the same transaction. Send `revision` to get 409 CONFLICT instead of overwriting a change made meanwhile.",
    permission: "deal:write", pathParams: [id("deal")], body: "DealPatch", response: { status: 200, schema: "Deal" },
  },
  { method: "get", path: "/deals/{id}/scores", tag: "Deals", summary: "A deal's score history", description: "Every score with its findings, newest first: one per saved revision and per published strategy version.", permission: "deal:read", pathParams: [id("deal")], query: s.paginationSchema, response: { status: 200, schema: "Score", list: true } },
  { method: "get", path: "/deals/{id}/scores/latest", tag: "Deals", summary: "A deal's current score", permission: "deal:read", pathParams: [id("deal")], response: { status: 200, schema: "Score" } },
  { method: "get", path: "/accounts", tag: "Accounts", summary: "List accounts", description: "The organisation's accounts by name.", permission: "deal:read", query: s.accountListQuerySchema, response: { status: 200, schema: "Account", list: true } },
  { method: "post", path: "/accounts", tag: "Accounts", summary: "Create an account", permission: "deal:write", body: "AccountCreate", idempotent: true, response: { status: 201, schema: "Account" } },
  { method: "get", path: "/accounts/{id}", tag: "Accounts", summary: "Read an account", permission: "deal:read", pathParams: [id("account")], response: { status: 200, schema: "Account" } },
  { method: "patch", path: "/accounts/{id}", tag: "Accounts", summary: "Update an account", description: "Fields sent replace the account's; fields omitted keep their value.", permission: "deal:write", pathParams: [id("account")], body: "AccountPatch", response: { status: 200, schema: "Account" } },
  { method: "get", path: "/requests", tag: "Customer requests", summary: "List customer requests", description: "Requests logged alone and those on deals the caller may see, newest first.", permission: "deal:read", query: s.requestListQuerySchema, response: { status: 200, schema: "CustomerRequest", list: true } },
  { method: "post", path: "/requests", tag: "Customer requests", summary: "Log a customer request", description: "A request against an account, without a deal (requests on a deal are sent with the deal). It is classified against the catalog and grouped into a theme.", permission: "deal:write", body: "RequestCreate", idempotent: true, response: { status: 201, schema: "CustomerRequest" } },
  { method: "get", path: "/requests/{id}", tag: "Customer requests", summary: "Read a customer request", permission: "deal:read", pathParams: [id("request")], response: { status: 200, schema: "CustomerRequest" } },
  { method: "patch", path: "/requests/{id}", tag: "Customer requests", summary: "Update a customer request", description: "Only a request logged without a deal (409 CONFLICT otherwise: update the deal). A new text is classified and grouped again.", permission: "deal:write", pathParams: [id("request")], body: "RequestPatch", response: { status: 200, schema: "CustomerRequest" } },
  { method: "get", path: "/strategy/versions", tag: "Strategy", summary: "List published strategy versions", description: "Newest first. Drafts are not part of the API.", permission: "strategy:read", query: s.paginationSchema, response: { status: 200, schema: "StrategyVersionSummary", list: true } },
  { method: "get", path: "/strategy/versions/{number}", tag: "Strategy", summary: "Read a published strategy version", permission: "strategy:read", pathParams: [{ name: "number", description: "The version number (1, 2, …).", schema: { type: "integer", minimum: 1 } }], response: { status: 200, schema: "StrategyVersion" } },
  { method: "get", path: "/themes", tag: "Market signals", summary: "List market signal themes", description: "Groups of customer requests that ask for the same thing, newest first (merged themes are left out).", permission: "signals:read", query: s.themeListQuerySchema, response: { status: 200, schema: "ThemeSummary", list: true } },
  { method: "get", path: "/themes/{id}", tag: "Market signals", summary: "Read a theme", description: "Figures, weekly trend, segments and the member requests (up to 100, newest first).", permission: "signals:read", pathParams: [id("theme")], response: { status: 200, schema: "Theme" } },
];

/** Which token scope an operation needs. */
export const scopeFor = (permission: Permission) => (permission === "deal:write" ? "write" : "read");

const ERROR_TEXT: Record<ErrorCode, string> = {
  UNAUTHENTICATED: "No token, an unknown token or a revoked one (also sent with `WWW-Authenticate: Bearer`).",
  INVALID_CREDENTIALS: "Sign-in only.",
  FORBIDDEN: "The token's scope (or the signed-in user's role) does not allow the operation.",
  NOT_FOUND: "No such record in the caller's organisation (a record of another organisation is not found either).",
  VALIDATION_FAILED: "The body or query string is not valid: `fields` / `fieldErrors` name each problem by its path, like `lineItems.0.quantity`.",
  CONFLICT: "A stale `revision`, a duplicate `externalId`, or an `Idempotency-Key` reused with a different body.",
  RATE_LIMITED: "Too many requests for this token in the current window: wait `Retry-After` seconds.",
  UNAVAILABLE: "The database is not reachable; retry later.",
  INTERNAL: "An unexpected error; nothing was saved.",
};
export const ERROR_CODES = (Object.keys(ERROR_STATUS) as ErrorCode[]).filter((c) => c !== "INVALID_CREDENTIALS").map((code) => ({ code, status: ERROR_STATUS[code], description: ERROR_TEXT[code] }));

function parameters(op: Operation): Json[] {
  const out: Json[] = (op.pathParams ?? []).map((p) => ({ name: p.name, in: "path", required: true, description: p.description, schema: p.schema }));
  if (op.query) {
    const q = jsonSchema(op.query, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(q.properties ?? {})) {
      const { description, ...rest } = schema as Json & { description?: string };
      out.push({ name, in: "query", required: (q.required ?? []).includes(name) && !("default" in rest), ...(description ? { description } : {}), schema: rest });
    }
  }
  if (op.idempotent) {
    out.push({ name: "Idempotency-Key", in: "header", required: false, description: "Any unique string (e.g. a UUID). A retry with the same key and body replays the first response (with `Idempotent-Replayed: true`); the same key with a different body gets 409. Kept 24 hours.", schema: { type: "string", maxLength: 255 } });
  }
  return out;
}

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });

function operation(op: Operation): Json {
  const success = op.response.list
    ? { type: "object", properties: { data: { type: "array", items: ref(op.response.schema) }, nextCursor: { type: ["string", "null"], description: "Pass as `cursor` for the next page; null on the last page." } }, required: ["data", "nextCursor"] }
    : { type: "object", properties: { data: ref(op.response.schema) }, required: ["data"] };
  const responses: Json = {
    [op.response.status]: {
      description: op.response.status === 201 ? "Created" : "OK",
      headers: {
        "X-RateLimit-Limit": { description: "Requests allowed per window (token callers).", schema: { type: "integer" } },
        "X-RateLimit-Remaining": { description: "Requests left in the current window.", schema: { type: "integer" } },
      },
      content: { "application/json": { schema: success } },
    },
    401: errorResponse("UNAUTHENTICATED"),
    403: errorResponse("FORBIDDEN"),
    429: { ...errorResponse("RATE_LIMITED"), headers: { "Retry-After": { description: "Seconds until the window resets.", schema: { type: "integer" } } } },
  };
  if (op.pathParams) responses[404] = errorResponse("NOT_FOUND");
  if (op.body || op.query) responses[400] = errorResponse("VALIDATION_FAILED");
  if (op.method !== "get") responses[409] = errorResponse("CONFLICT");
  return {
    operationId: `${op.method}${op.path.replace(/\{(\w+)\}/g, "By_$1").split("/").map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("")}`,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    "x-keel-scope": scopeFor(op.permission),
    parameters: parameters(op),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: ref(op.body) } } } } : {}),
    responses,
  };
}

let cached: Json | null = null;

export function openApiDocument(): Json {
  if (cached) return cached;
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Keel API",
      version: "1",
      description:
        "Read and write deals, accounts and customer requests; read scores with their findings, published strategy versions and market signal themes. " +
        "Authenticate with an organisation API token (Admin → API tokens): `Authorization: Bearer keel_…`. A `read` token may call every GET; a `write` token also POST and PATCH. " +
        "Lists use cursor pagination (`limit` 1–100, default 25; pass `nextCursor` back as `cursor`). Errors are JSON: `{ error: { code, message, fields, fieldErrors } }`.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerToken: [] }],
    tags: ["Deals", "Accounts", "Customer requests", "Strategy", "Market signals"].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearerToken: { type: "http", scheme: "bearer", description: "An organisation API token, scoped read or write." } },
      schemas: Object.fromEntries(Object.entries(COMPONENTS).map(([name, [schema, io]]) => [name, jsonSchema(schema, io)])),
    },
    "x-keel-error-codes": ERROR_CODES,
  };
  return cached;
}
