import { NextResponse } from "next/server";
import { withApi } from "@/lib/auth/guard";
import { idParam, listScores, parseQuery } from "@/lib/api/resources";
import { paginationSchema } from "@/lib/api/schemas";

// GET /api/v1/deals/:id/scores — the deal's score history with findings, newest first.
export const GET = withApi({ permission: "deal:read", tokens: true }, async ({ request, actor, params }) =>
  NextResponse.json(await listScores(actor!, idParam(params, "id", "That deal"), parseQuery(paginationSchema, request.nextUrl))),
);
