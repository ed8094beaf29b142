import { NextResponse } from "next/server";
import { withApi } from "@/lib/auth/guard";
import { createDealFromApi, listDeals, parseQuery } from "@/lib/api/resources";
import { dealCreateSchema, dealListQuerySchema } from "@/lib/api/schemas";

// GET /api/v1/deals — the deals the caller may see, newest first (cursor pagination).
export const GET = withApi({ permission: "deal:read", tokens: true }, async ({ request, actor }) =>
  NextResponse.json(await listDeals(actor!, parseQuery(dealListQuerySchema, request.nextUrl))),
);

// POST /api/v1/deals — create a deal; it is scored in the same transaction (Idempotency-Key aware).
export const POST = withApi({ permission: "deal:write", body: dealCreateSchema, tokens: true, idempotent: true }, async ({ actor, body }) =>
  NextResponse.json({ data: await createDealFromApi(actor!, body) }, { status: 201 }),
);
