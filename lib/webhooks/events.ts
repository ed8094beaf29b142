// Webhook events (ADR 11). Shared by the admin form (client) and the server code.
export const WEBHOOK_EVENTS = ["deal.flagged_off_strategy", "review.decided", "strategy.published"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** Sent only by "Send test event", to the one endpoint, whatever it subscribes to. */
export const TEST_EVENT = "webhook.test";

export const WEBHOOK_EVENT_LABEL: Record<WebhookEvent, string> = {
  "deal.flagged_off_strategy": "A deal becomes off-strategy (saved or re-scored)",
  "review.decided": "A manager approves an exception or requests changes",
  "strategy.published": "A strategy version is published",
};

/** After a failed attempt n (1-based), the next one waits BACKOFF_SECONDS[n - 1]. */
export const BACKOFF_SECONDS = [60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600] as const;
/** One first attempt and one retry per backoff step; then the delivery gives up. */
export const MAX_ATTEMPTS = BACKOFF_SECONDS.length + 1;
