import { NextResponse } from "next/server";
import { withApi } from "@/lib/auth/guard";
import { openApiDocument } from "@/lib/api/openapi";

// GET /api/v1/openapi.json — the API's OpenAPI 3.1 document, generated from its zod schemas. Public.
export const GET = withApi({ permission: null }, async () =>
  NextResponse.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } }),
);
