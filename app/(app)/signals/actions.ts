"use server";

import { revalidatePath } from "next/cache";
import { authAction } from "@/lib/auth/guard";
import { answerTheme, mergeTheme, renameTheme, splitRequest } from "@/lib/signals/answers";
import { mergeThemeSchema, renameThemeSchema, splitRequestSchema, themeAnswerSchema } from "@/lib/validations/signals";

export const renameThemeAction = authAction({ permission: "signals:answer", schema: renameThemeSchema }, async (input, actor) => {
  await renameTheme(actor, input);
  revalidatePath("/signals");
  return "Renamed. The grouping keeps this name from now on.";
});

export const mergeThemeAction = authAction({ permission: "signals:answer", schema: mergeThemeSchema }, async (input, actor) => {
  await mergeTheme(actor, input);
  revalidatePath("/signals");
  return "Merged.";
});

export const splitRequestAction = authAction({ permission: "signals:answer", schema: splitRequestSchema }, async (input, actor) => {
  await splitRequest(actor, input);
  revalidatePath("/signals");
  return "Split into a theme of its own.";
});

export const answerThemeAction = authAction({ permission: "signals:answer", schema: themeAnswerSchema }, async (input, actor) => {
  const { notified } = await answerTheme(actor, input);
  revalidatePath("/signals");
  revalidatePath("/deals");
  return notified === 1 ? "Answered; 1 rep was notified." : `Answered; ${notified} reps were notified.`;
});
