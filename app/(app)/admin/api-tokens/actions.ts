"use server";

import { revalidatePath } from "next/cache";
import { authAction } from "@/lib/auth/guard";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/validations/api-tokens";

/** Returns the secret once; only its hash is stored. */
export const createApiTokenAction = authAction({ permission: "api:manage", schema: createApiTokenSchema }, async (input, actor) => {
  const token = await createApiToken(actor, input);
  revalidatePath("/admin/api-tokens");
  return token;
});

export const revokeApiTokenAction = authAction({ permission: "api:manage", schema: revokeApiTokenSchema }, async (input, actor) => {
  const token = await revokeApiToken(actor, input);
  revalidatePath("/admin/api-tokens");
  return `Revoked “${token.name}”: requests with it now get 401.`;
});
