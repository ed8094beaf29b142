import { z } from "zod";
import { TOKEN_SCOPES } from "@/lib/auth/permissions";

export const createApiTokenSchema = z.object({
  name: z.string({ error: "Name the token after what uses it." }).trim().min(1, "Name the token after what uses it, e.g. “CRM sync”.").max(100, "Use at most 100 characters."),
  scope: z.enum(TOKEN_SCOPES, { error: "Choose read or write." }),
});

export const revokeApiTokenSchema = z.object({ tokenId: z.uuid({ error: "That id is not valid." }) });
