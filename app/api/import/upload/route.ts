import { NextResponse } from "next/server";
import { withApi, zodFieldErrors } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { startFile, uploadChunk } from "@/lib/imports/runs";
import { uploadQuerySchema } from "@/lib/validations/import";

// POST /api/import/upload — one chunk of a CSV file as the raw request body (the browser sends
// `file.slice()`s of a few MB, so no request holds a whole file, and a failed chunk is retried
// from its offset). Without `file`, starts a new file (and a new import without `run`).
// The last chunk (`final=1`) stages the file. Admins only.
export const POST = withApi({ permission: "import:run" }, async ({ request, actor }) => {
  const parsed = uploadQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "Some fields need attention.", { fieldErrors: zodFieldErrors(parsed.error) });
  const q = parsed.data;
  let runId = q.run;
  let fileId = q.file;
  if (!fileId) {
    if (q.offset !== 0) throw new AppError("VALIDATION_FAILED", "A new file starts at offset 0.");
    ({ runId, fileId } = await startFile(actor!, { runId: q.run ?? null, name: q.name! }));
  }
  if (!runId) throw new AppError("VALIDATION_FAILED", "Give the import (run) the file belongs to.", { fieldErrors: { run: ["Required."] } });
  const result = await uploadChunk(actor!, { runId, fileId, offset: q.offset, final: q.final === "1" }, request.body);
  return NextResponse.json({ runId, fileId, received: result.received, staged: result.staged });
});
