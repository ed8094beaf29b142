"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/guard";
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_LABEL } from "@/lib/webhooks/events";

type Created = { id: string; url: string; events: string[]; secret: string };
type CreateAction = (prev: unknown, data: FormData) => Promise<ActionResult<Created>>;
type SimpleAction = (prev: unknown, data: FormData) => Promise<ActionResult<string | { message: string }>>;

const messageOf = (r: ActionResult<string | { message: string }> | null) =>
  r ? { ok: r.ok, message: r.ok ? (typeof r.data === "string" ? r.data : r.data.message) : r.message } : null;

/** URL, description and events; on success the signing secret is shown once, with a copy button. */
export function CreateWebhookForm({ action }: { action: CreateAction }) {
  const { onSubmit, pending, errors, result } = useFormAction(action);
  const created = result?.ok ? result.data : null;
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate aria-label="New webhook endpoint" className="grid gap-4 sm:grid-cols-2">
        <TextField label="Endpoint URL" name="url" id="new-webhook-url" type="url" autoComplete="off" placeholder="https://crm.example.com/keel-events" hint="Keel POSTs JSON to it. In production: https:// and a public address." errors={errors?.url} />
        <TextField label="Description" name="description" id="new-webhook-description" autoComplete="off" hint="Optional: what receives it, e.g. “CRM sync”." errors={errors?.description} />
        <fieldset className="sm:col-span-2" aria-describedby={errors?.events?.length ? "new-webhook-events-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">Events</legend>
          <div className="mt-2 space-y-2">
            {WEBHOOK_EVENTS.map((event) => (
              <label key={event} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="events" value={event} defaultChecked className="mt-0.5 size-4" />
                <span><code className="font-mono text-xs">{event}</code> <span className="text-slate-600">— {WEBHOOK_EVENT_LABEL[event]}</span></span>
              </label>
            ))}
          </div>
          {errors?.events?.length ? <p id="new-webhook-events-error" className="mt-1 text-sm text-red-700">{errors.events.join(" ")}</p> : null}
        </fieldset>
        <div className="flex items-center gap-4 sm:col-span-2">
          <Button type="submit" disabled={pending}>{pending ? "Adding…" : "Add endpoint"}</Button>
          <FormMessage result={result && !result.ok ? { ok: false, message: result.fieldErrors ? "Some fields need attention." : result.message } : null} />
        </div>
      </form>
      {created ? (
        <OneTimeSecret key={created.secret} id="new-webhook-secret" label="Signing secret" value={created.secret} copiedText="Secret copied to the clipboard."
          title={`Endpoint added: ${created.url}`}>
          This is its signing secret. Copy it to the receiver now: <strong>you won’t see it again</strong>. If it is lost, add the endpoint again and delete this one.
        </OneTimeSecret>
      ) : null}
    </div>
  );
}

/** One button posting hidden fields to an action, with its outcome announced beside it. */
export function ActionButton({ action, fields, label, pendingLabel, variant = "secondary", formLabel }: {
  action: SimpleAction; fields: Record<string, string>; label: string; pendingLabel: string; variant?: "primary" | "secondary" | "danger" | "ghost"; formLabel: string;
}) {
  const { onSubmit, pending, result } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} aria-label={formLabel} className="space-y-1">
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <Button type="submit" variant={variant} disabled={pending}>{pending ? pendingLabel : label}</Button>
      <FormMessage result={messageOf(result)} />
    </form>
  );
}

/** Deleting asks first: the endpoint and its delivery history go. */
export function DeleteWebhookForm({ action, endpoint }: { action: SimpleAction; endpoint: { id: string; url: string } }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) return <Button variant="ghost" onClick={() => setConfirming(true)}>Delete…</Button>;
  return (
    <div className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
      <p className="text-sm">Delete {endpoint.url}? It receives nothing more and its delivery history goes with it.</p>
      <div className="flex gap-2">
        <ActionButton action={action} fields={{ endpointId: endpoint.id }} label="Delete endpoint" pendingLabel="Deleting…" variant="danger" formLabel={`Delete ${endpoint.url}`} />
        <Button variant="ghost" onClick={() => setConfirming(false)}>Cancel</Button>
      </div>
    </div>
  );
}

/** Refreshes the page every few seconds while deliveries are about to be sent. */
export function AutoRefresh({ active, everyMs = 2000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(id);
  }, [active, everyMs, router]);
  return null;
}
