import { NextResponse } from "next/server";
import { withApi } from "@/lib/auth/guard";
import { createAccountFromApi, listAccounts, parseQuery } from "@/lib/api/resources";
import { accountCreateSchema, accountListQuerySchema } from "@/lib/api/schemas";

// GET /api/v1/accounts — the organisation's accounts by name (cursor pagination).
export const GET = withApi({ permission: "deal:read", tokens: true }, async ({ request, actor }) =>
  NextResponse.json(await listAccounts(actor!, parseQuery(accountListQuerySchema, request.nextUrl))),
);

// POST /api/v1/accounts (Idempotency-Key aware)
export const POST = withApi({ permission: "deal:write", body: accountCreateSchema, tokens: true, idempotent: true }, async ({ actor, body }) =>
  NextResponse.json({ data: await createAccountFromApi(actor!, body) }, { status: 201 }),
);
