import { NextResponse } from "next/server";
import { withApi } from "@/lib/auth/guard";
import { getVersion } from "@/lib/api/resources";

// GET /api/v1/strategy/versions/:number — one published version with all its sections.
export const GET = withApi({ permission: "strategy:read", tokens: true }, async ({ actor, params }) =>
  NextResponse.json({ data: await getVersion(actor!, params.number) }),
);
