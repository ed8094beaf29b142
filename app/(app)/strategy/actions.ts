"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authAction } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { ensureDraft, publishDraft, saveSection } from "@/lib/strategy/draft";
import { importStrategyFile } from "@/lib/strategy/document";
import { kickWorker } from "@/lib/jobs/worker";
import { acknowledgeVersion, answerQuestion, askQuestion } from "@/lib/strategy/people";
import { cancelWhatIf, startWhatIf } from "@/lib/whatif/run";
import { cancelWhatIfSchema, runWhatIfSchema } from "@/lib/validations/whatif";
import {
  acknowledgeSchema, answerQuestionSchema, askQuestionSchema, publishSchema, saveSectionSchema,
} from "@/lib/validations/strategy";

export const startDraftAction = authAction({ permission: "strategy:edit", schema: z.unknown() }, async (_input, actor) => {
  const draft = await ensureDraft(actor);
  return { versionId: draft.id, revision: draft.revision };
});

export const saveSectionAction = authAction({ permission: "strategy:edit", schema: saveSectionSchema }, async (input, actor) => {
  const result = await saveSection(actor, input);
  revalidatePath("/strategy/draft");
  return result;
});

export const publishAction = authAction({ permission: "strategy:publish", schema: publishSchema }, async (input, actor) => {
  const published = await publishDraft(actor, input);
  kickWorker(); // start re-scoring now rather than at the runner's next tick
  revalidatePath("/strategy", "layout");
  return published;
});

export const importStrategyAction = authAction(
  { permission: "strategy:edit", schema: z.object({ json: z.string().max(5_000_000, "The file is larger than 5 MB.") }) },
  async ({ json }, actor) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new AppError("VALIDATION_FAILED", "The file is not valid JSON.", { fieldErrors: { file: ["The file is not valid JSON."] } });
    }
    await importStrategyFile(actor, parsed);
    revalidatePath("/strategy/draft");
    return "Imported into the draft. Review each section, then publish.";
  },
);

export const acknowledgeAction = authAction({ permission: "strategy:read", schema: acknowledgeSchema }, async (input, actor) => {
  await acknowledgeVersion(actor, input.versionId);
  revalidatePath("/strategy", "layout");
  return "Thanks: you acknowledged this version.";
});

export const askQuestionAction = authAction({ permission: "strategy:read", schema: askQuestionSchema }, async (input, actor) => {
  await askQuestion(actor, input);
  revalidatePath("/strategy", "layout");
  return "Your question was sent to leadership. The answer will appear here.";
});

export const answerQuestionAction = authAction({ permission: "strategy:edit", schema: answerQuestionSchema }, async (input, actor) => {
  await answerQuestion(actor, input);
  revalidatePath("/strategy", "layout");
  return "Answer published.";
});

export const runWhatIfAction = authAction({ permission: "strategy:edit", schema: runWhatIfSchema }, async (input, actor) => {
  const run = await startWhatIf(actor, input);
  kickWorker();
  revalidatePath("/strategy/whatif");
  return run;
});

export const cancelWhatIfAction = authAction({ permission: "strategy:edit", schema: cancelWhatIfSchema }, async ({ runId }, actor) => {
  const cancelled = await cancelWhatIf(actor, runId);
  revalidatePath("/strategy/whatif");
  return cancelled ? "What-if cancelled." : "That what-if had already finished.";
});
