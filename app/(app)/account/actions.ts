"use server";

import { authAction, currentSessionToken } from "@/lib/auth/guard";
import { changeOwnPassword } from "@/lib/users/users";
import { changePasswordSchema } from "@/lib/validations/auth";

export const changePasswordAction = authAction(
  { permission: "account:self", schema: changePasswordSchema },
  async (input, actor) => {
    await changeOwnPassword(actor, input, await currentSessionToken());
    return "Your password was changed. Other browsers signed in as you were signed out.";
  },
);
