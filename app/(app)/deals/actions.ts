"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authAction } from "@/lib/auth/guard";
import { createAccount, updateAccount } from "@/lib/deals/accounts";
import { createDeal, previewScore, updateDeal } from "@/lib/deals/deals";
import { logCustomerRequest } from "@/lib/deals/requests";
import { REVIEW_KINDS, reviewDeal } from "@/lib/deals/reviews";
import { markRead } from "@/lib/notifications/notify";
import { accountSchema, dealFormSchema, dealPreviewSchema, standaloneRequestSchema, updateAccountSchema, updateDealSchema } from "@/lib/validations/deal";

export const createDealAction = authAction({ permission: "deal:write", schema: dealFormSchema }, async (input, actor) => {
  const deal = await createDeal(actor, input);
  revalidatePath("/deals");
  return deal;
});

export const updateDealAction = authAction({ permission: "deal:write", schema: updateDealSchema }, async (input, actor) => {
  const deal = await updateDeal(actor, input);
  revalidatePath("/deals");
  return deal;
});

/** Live feedback while typing: scores the form against the current strategy, saves nothing. */
export const previewScoreAction = authAction({ permission: "deal:write", schema: dealPreviewSchema }, async (input, actor) => previewScore(actor, input));

export const createAccountAction = authAction({ permission: "deal:write", schema: accountSchema }, async (input, actor) => {
  const account = await createAccount(actor, input);
  revalidatePath("/deals");
  return { id: account.id, name: account.name };
});

export const updateAccountAction = authAction({ permission: "deal:write", schema: updateAccountSchema }, async (input, actor) => {
  const account = await updateAccount(actor, input);
  return { id: account.id, name: account.name };
});

export const logRequestAction = authAction({ permission: "deal:write", schema: standaloneRequestSchema }, async (input, actor) => {
  await logCustomerRequest(actor, input);
  return "Request logged. It counts towards the market signals leadership sees.";
});

export const reviewDealAction = authAction(
  {
    permission: "deal:review",
    schema: z.object({
      dealId: z.uuid(),
      kind: z.enum(REVIEW_KINDS, { error: "Choose approve, request changes or comment." }),
      body: z.string({ error: "Write a reason." }).trim().min(1, "Write a reason or a comment.").max(4000, "Keep it under 4,000 characters."),
      revision: z.coerce.number().int().min(0),
    }),
  },
  async (input, actor) => {
    await reviewDeal(actor, input);
    revalidatePath(`/deals/${input.dealId}`);
    revalidatePath("/deals/review");
    return input.kind === "approve_exception" ? "Exception approved." : input.kind === "request_changes" ? "Changes requested; the rep was notified." : "Comment added.";
  },
);

export const markNotificationsReadAction = authAction(
  { permission: "account:self", schema: z.object({ ids: z.union([z.literal("all"), z.array(z.uuid()).max(200)]) }) },
  async ({ ids }, actor) => {
    await markRead(actor, ids);
    revalidatePath("/", "layout");
    return "ok";
  },
);
