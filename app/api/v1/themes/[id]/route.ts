import { NextResponse } from "next/server";
import { withApi } from "@/lib/auth/guard";
import { getTheme, idParam } from "@/lib/api/resources";

// GET /api/v1/themes/:id — a theme with its figures, trend, segments and member requests.
export const GET = withApi({ permission: "signals:read", tokens: true }, async ({ actor, params }) =>
  NextResponse.json({ data: await getTheme(actor!, idParam(params, "id", "That theme")) }),
);
