import { NextResponse } from "next/server";
import { withApi } from "@/lib/auth/guard";
import { getDeal, idParam, patchDealFromApi } from "@/lib/api/resources";
import { dealPatchSchema } from "@/lib/api/schemas";

// GET /api/v1/deals/:id
export const GET = withApi({ permission: "deal:read", tokens: true }, async ({ actor, params }) =>
  NextResponse.json({ data: await getDeal(actor!, idParam(params, "id", "That deal")) }),
);

// PATCH /api/v1/deals/:id — the fields sent replace the deal's; the deal is re-scored.
export const PATCH = withApi({ permission: "deal:write", body: dealPatchSchema, tokens: true }, async ({ actor, params, body, json }) =>
  NextResponse.json({ data: await patchDealFromApi(actor!, idParam(params, "id", "That deal"), body, json) }),
);
