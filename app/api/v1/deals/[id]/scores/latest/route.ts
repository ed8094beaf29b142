import { NextResponse } from "next/server";
import { withApi } from "@/lib/auth/guard";
import { idParam, latestScore } from "@/lib/api/resources";

// GET /api/v1/deals/:id/scores/latest — the deal's current score and findings.
export const GET = withApi({ permission: "deal:read", tokens: true }, async ({ actor, params }) =>
  NextResponse.json({ data: await latestScore(actor!, idParam(params, "id", "That deal")) }),
);
