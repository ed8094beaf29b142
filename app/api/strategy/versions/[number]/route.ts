import { NextResponse } from "next/server";
import { withApi } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { exportVersion } from "@/lib/strategy/document";
import { getDraft } from "@/lib/strategy/versions";

async function draftId(actor: Parameters<typeof getDraft>[0]) {
  const draft = await getDraft(actor);
  if (!draft) throw new AppError("NOT_FOUND", "There is no draft.");
  return draft.id;
}

// GET /api/strategy/versions/:number — a published version as a strategy file ("draft" for the
// draft, leadership only). Download with ?download=1.
export const GET = withApi({ permission: "strategy:read" }, async ({ actor, params, request }) => {
  const raw = String(params.number);
  const where = raw === "draft" ? {} : /^\d{1,6}$/.test(raw) ? { number: Number(raw) } : null;
  if (!where) throw new AppError("VALIDATION_FAILED", "Use a version number, like /api/strategy/versions/3.", { fieldErrors: { number: ["Use a version number."] } });
  const doc = await exportVersion(actor!, raw === "draft" ? { id: await draftId(actor!) } : where);
  const headers: Record<string, string> = {};
  if (request.nextUrl.searchParams.get("download")) {
    headers["Content-Disposition"] = `attachment; filename="keel-strategy-${raw}.json"`;
  }
  return NextResponse.json(doc, { headers });
});
