import { z } from "zod";
import { urlDestinationProblem, webhookPrivateAllowed } from "@/lib/webhooks/address";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";

/**
 * In production only https:// endpoints are accepted (deliveries carry deal data). Tests and
 * local receivers may use http://; `KEEL_WEBHOOKS_ALLOW_HTTP=1` allows it in production too (the
 * e2e run uses it for its receiver on 127.0.0.1).
 */
export function webhookHttpAllowed(): boolean {
  return process.env.NODE_ENV !== "production" || process.env.KEEL_WEBHOOKS_ALLOW_HTTP === "1";
}

const eventsField = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(WEBHOOK_EVENTS, { error: "Choose from the listed events." })).min(1, "Choose at least one event.").transform((events) => [...new Set(events)]),
);

/** A host name, or an IPv6 address in brackets (the URL parser's form: https://[2001:db8::1]/). */
const HOSTNAME = new RegExp(`${z.regexes.hostname.source}|^\\[[0-9a-f:.]+\\]$`, "i");

export const webhookUrlSchema = z
  .url({ protocol: /^https?$/, hostname: HOSTNAME, error: "Enter a full URL starting with https://.", abort: true })
  .max(2000, "Use at most 2,000 characters.")
  .refine((url) => !/^[^:]+:\/\/[^/]*@/.test(url), "Leave user names and passwords out of the URL; verify the signature instead.")
  .refine((url) => url.startsWith("https://") || webhookHttpAllowed(), "Use an https:// URL: deliveries carry deal data.")
  .superRefine((url, ctx) => {
    // The machine itself and private networks are refused in production (lib/webhooks/address.ts).
    const problem = webhookPrivateAllowed() ? null : urlDestinationProblem(url);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const createWebhookSchema = z.object({
  url: z.string({ error: "Enter the URL that receives the events." }).trim().min(1, "Enter the URL that receives the events.").pipe(webhookUrlSchema),
  description: z.string().trim().max(200, "Use at most 200 characters.").optional().default(""),
  events: eventsField,
});

export const webhookEndpointIdSchema = z.object({ endpointId: z.uuid({ error: "That id is not valid." }) });

export const setWebhookActiveSchema = webhookEndpointIdSchema.extend({
  active: z.enum(["true", "false"], { error: "Say whether to enable or disable it." }).transform((v) => v === "true"),
});

export const redeliverWebhookSchema = z.object({ deliveryId: z.uuid({ error: "That id is not valid." }) });
