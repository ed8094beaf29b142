import { NextResponse } from "next/server";
import { withApi } from "@/lib/auth/guard";
import { listVersions, parseQuery } from "@/lib/api/resources";
import { paginationSchema } from "@/lib/api/schemas";

// GET /api/v1/strategy/versions — published versions, newest first.
export const GET = withApi({ permission: "strategy:read", tokens: true }, async ({ request, actor }) =>
  NextResponse.json(await listVersions(actor!, parseQuery(paginationSchema, request.nextUrl))),
);
