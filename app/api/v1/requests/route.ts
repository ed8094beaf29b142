import { NextResponse } from "next/server";
import { withApi } from "@/lib/auth/guard";
import { createRequestFromApi, listRequests, parseQuery } from "@/lib/api/resources";
import { requestCreateSchema, requestListQuerySchema } from "@/lib/api/schemas";

// GET /api/v1/requests — customer requests, newest first (cursor pagination).
export const GET = withApi({ permission: "deal:read", tokens: true }, async ({ request, actor }) =>
  NextResponse.json(await listRequests(actor!, parseQuery(requestListQuerySchema, request.nextUrl))),
);

// POST /api/v1/requests — log a request against an account (classified and grouped into a theme).
export const POST = withApi({ permission: "deal:write", body: requestCreateSchema, tokens: true, idempotent: true }, async ({ actor, body }) =>
  NextResponse.json({ data: await createRequestFromApi(actor!, body) }, { status: 201 }),
);
