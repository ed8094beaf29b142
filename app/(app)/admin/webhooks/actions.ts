"use server";

import { revalidatePath } from "next/cache";
import { authAction } from "@/lib/auth/guard";
import { createWebhookEndpoint, deleteWebhookEndpoint, redeliverWebhook, sendTestWebhook, setWebhookEndpointActive } from "@/lib/webhooks/endpoints";
import { kickWebhooks } from "@/lib/webhooks/deliver";
import { createWebhookSchema, redeliverWebhookSchema, setWebhookActiveSchema, webhookEndpointIdSchema } from "@/lib/validations/webhooks";

const PAGE = "/admin/webhooks";

/** Returns the signing secret once. */
export const createWebhookAction = authAction({ permission: "webhooks:manage", schema: createWebhookSchema }, async (input, actor) => {
  const endpoint = await createWebhookEndpoint(actor, input);
  revalidatePath(PAGE);
  return endpoint;
});

export const setWebhookActiveAction = authAction({ permission: "webhooks:manage", schema: setWebhookActiveSchema }, async (input, actor) => {
  const endpoint = await setWebhookEndpointActive(actor, input);
  if (endpoint.active) kickWebhooks(); // deliveries that waited while it was disabled
  revalidatePath(PAGE);
  return endpoint.active ? `Enabled ${endpoint.url}.` : `Disabled ${endpoint.url}: it receives no new events.`;
});

export const deleteWebhookAction = authAction({ permission: "webhooks:manage", schema: webhookEndpointIdSchema }, async (input, actor) => {
  const endpoint = await deleteWebhookEndpoint(actor, input);
  revalidatePath(PAGE);
  return `Deleted ${endpoint.url} and its deliveries.`;
});

export const sendTestWebhookAction = authAction({ permission: "webhooks:manage", schema: webhookEndpointIdSchema }, async (input, actor) => {
  const sent = await sendTestWebhook(actor, input);
  kickWebhooks();
  revalidatePath(PAGE);
  return { ...sent, message: "Test event queued: it shows below in a moment." };
});

export const redeliverWebhookAction = authAction({ permission: "webhooks:manage", schema: redeliverWebhookSchema }, async (input, actor) => {
  const copy = await redeliverWebhook(actor, input);
  kickWebhooks();
  revalidatePath(PAGE);
  return { ...copy, message: "Queued again as a new delivery." };
});
