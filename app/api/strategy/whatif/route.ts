import { NextResponse } from "next/server";
import { withApi } from "@/lib/auth/guard";
import { latestWhatIf } from "@/lib/whatif/queries";

// GET /api/strategy/whatif — progress of the organisation's latest what-if run (leadership).
export const GET = withApi({ permission: "strategy:edit" }, async ({ actor }) => {
  const run = await latestWhatIf(actor!);
  if (!run) return NextResponse.json({ run: null });
  return NextResponse.json({ run: { id: run.id, status: run.status, done: run.done, total: run.total, error: run.error, stale: run.stale } });
});
