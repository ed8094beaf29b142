import { NextResponse } from "next/server";
import { withApi } from "@/lib/auth/guard";
import { listThemes, parseQuery } from "@/lib/api/resources";
import { themeListQuerySchema } from "@/lib/api/schemas";

// GET /api/v1/themes — market signal themes, newest first.
export const GET = withApi({ permission: "signals:read", tokens: true }, async ({ request, actor }) =>
  NextResponse.json(await listThemes(actor!, parseQuery(themeListQuerySchema, request.nextUrl))),
);
