import { NextResponse } from "next/server";
import { withApi } from "@/lib/auth/guard";
import { getRequest, idParam, patchRequestFromApi } from "@/lib/api/resources";
import { requestPatchSchema } from "@/lib/api/schemas";

// GET /api/v1/requests/:id
export const GET = withApi({ permission: "deal:read", tokens: true }, async ({ actor, params }) =>
  NextResponse.json({ data: await getRequest(actor!, idParam(params, "id", "That request")) }),
);

// PATCH /api/v1/requests/:id — a request logged without a deal (one on a deal changes with the deal).
export const PATCH = withApi({ permission: "deal:write", body: requestPatchSchema, tokens: true }, async ({ actor, params, json }) =>
  NextResponse.json({ data: await patchRequestFromApi(actor!, idParam(params, "id", "That request"), json) }),
);
