"use server";

import { revalidatePath } from "next/cache";
import { authAction } from "@/lib/auth/guard";
import { kickWorker } from "@/lib/jobs/worker";
import { discardImport, importStatus, prepareImport, resumeImport, rollbackImport, startImport } from "@/lib/imports/runs";
import type { ImportSettings } from "@/lib/imports/extract";
import { prepareImportSchema, runIdSchema, startImportSchema } from "@/lib/validations/import";

export const prepareImportAction = authAction({ permission: "import:run", schema: prepareImportSchema }, async (input, actor) =>
  prepareImport(actor, { runId: input.runId, settings: input.settings as Partial<ImportSettings> | null }));

export const startImportAction = authAction({ permission: "import:run", schema: startImportSchema }, async (input, actor) => {
  const started = await startImport(actor, { runId: input.runId, settings: input.settings as ImportSettings });
  kickWorker();
  revalidatePath("/admin/import");
  return started;
});

export const importStatusAction = authAction({ permission: "import:run", schema: runIdSchema }, async (input, actor) => {
  const status = await importStatus(actor, input.runId);
  // A run left queued or interrupted gets a runner in this instance too.
  if (status.job && (status.job.status === "queued" || status.interrupted)) kickWorker();
  return status;
});

export const resumeImportAction = authAction({ permission: "import:run", schema: runIdSchema }, async (input, actor) => {
  const result = await resumeImport(actor, input.runId);
  kickWorker();
  revalidatePath("/admin/import");
  return result;
});

export const rollbackImportAction = authAction({ permission: "import:run", schema: runIdSchema }, async (input, actor) => {
  const result = await rollbackImport(actor, input.runId);
  kickWorker();
  revalidatePath("/admin/import");
  return result;
});

export const discardImportAction = authAction({ permission: "import:run", schema: runIdSchema }, async (input, actor) => {
  const result = await discardImport(actor, input.runId);
  revalidatePath("/admin/import");
  return result;
});
