import { z } from "zod";
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

export const webhookUrlSchema = z
  .url({ protocol: /^https?$/, hostname: z.regexes.hostname, error: "Enter a full URL starting with https://." })
  .max(2000, "Use at most 2,000 characters.")
  .refine((url) => !/^[^:]+:\/\/[^/]*@/.test(url), "Leave user names and passwords out of the URL; verify the signature instead.")
  .refine((url) => url.startsWith("https://") || webhookHttpAllowed(), "Use an https:// URL: deliveries carry deal data.");

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
