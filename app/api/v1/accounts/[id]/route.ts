import { NextResponse } from "next/server";
import { withApi } from "@/lib/auth/guard";
import { getAccount, idParam, patchAccountFromApi } from "@/lib/api/resources";
import { accountPatchSchema } from "@/lib/api/schemas";

// GET /api/v1/accounts/:id
export const GET = withApi({ permission: "deal:read", tokens: true }, async ({ actor, params }) =>
  NextResponse.json({ data: await getAccount(actor!, idParam(params, "id", "That account")) }),
);

// PATCH /api/v1/accounts/:id — the fields sent replace the account's.
export const PATCH = withApi({ permission: "deal:write", body: accountPatchSchema, tokens: true }, async ({ actor, params, json }) =>
  NextResponse.json({ data: await patchAccountFromApi(actor!, idParam(params, "id", "That account"), json) }),
);
