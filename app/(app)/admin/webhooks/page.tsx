import type { Metadata } from "next";
import Link from "next/link";
import { utcMinute } from "@/lib/dates";
import { Card, EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import { RETENTION_DAYS } from "@/lib/webhooks/deliver";
import { listWebhookDeliveries, listWebhookEndpoints, sendingSoon, type DeliveryState } from "@/lib/webhooks/endpoints";
import { MAX_ATTEMPTS } from "@/lib/webhooks/events";
import { createWebhookAction, deleteWebhookAction, redeliverWebhookAction, sendTestWebhookAction, setWebhookActiveAction } from "./actions";
import { ActionButton, AutoRefresh, CreateWebhookForm, DeleteWebhookForm } from "./forms";

export const metadata: Metadata = { title: "Webhooks" };


function StateLabel({ state, nextAttemptAt, attempts }: { state: DeliveryState; nextAttemptAt: Date; attempts: number }) {
  switch (state) {
    case "delivered": return <span className="font-medium text-emerald-800">Delivered</span>;
    case "gave_up": return <span className="font-medium text-red-700">Gave up after {attempts} attempts</span>;
    case "retrying": return <span className="font-medium text-amber-800">Failed — retrying at {utcMinute(nextAttemptAt)}</span>;
    default: return <span className="text-slate-700">Pending</span>;
  }
}

export default async function WebhooksPage() {
  const actor = await requirePageActor("webhooks:manage");
  const [endpoints, deliveries] = await Promise.all([listWebhookEndpoints(actor), listWebhookDeliveries(actor)]);
  const refresh = sendingSoon(deliveries);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description={`Keel POSTs a signed JSON event to these URLs when a deal of ${actor.organizationName} becomes off-strategy, a manager decides a review, or a strategy version is published. Failed deliveries are retried after 1 min, 5 min, 30 min, 2 h and 12 h, then given up. Finished deliveries are kept for ${RETENTION_DAYS} days.`}
        actions={
          <div className="flex gap-4 text-sm font-medium">
            <Link href="/admin/api-tokens" className="text-indigo-800 underline underline-offset-4">API tokens</Link>
            <Link href="/admin" className="text-indigo-800 underline underline-offset-4">Admin</Link>
          </div>
        }
      />
      <AutoRefresh active={refresh} />
      <div className="space-y-6">
        <Card title="Add an endpoint">
          <CreateWebhookForm action={createWebhookAction} />
        </Card>
        <Card title={`Endpoints (${endpoints.length})`}>
          {endpoints.length === 0 ? (
            <EmptyState title="No endpoints yet">
              <p>Add one above. Each delivery carries <code>Keel-Signature: t=…,v1=…</code>, an HMAC-SHA256 of <code>timestamp.body</code> with the endpoint’s secret.</p>
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200" aria-label="Webhook endpoints">
              {endpoints.map((e) => (
                <li key={e.id} className="flex flex-wrap items-start justify-between gap-4 py-4">
                  <div className="min-w-0 text-sm">
                    <p className="break-all font-mono font-medium">{e.url}</p>
                    {e.description ? <p className="text-slate-700">{e.description}</p> : null}
                    <p className="text-slate-600">{e.events.join(", ")} · added {utcMinute(e.createdAt)} · {e.active ? <span className="text-emerald-800">active</span> : <span className="text-slate-700">disabled {utcMinute(e.disabledAt)}</span>}</p>
                  </div>
                  <div className="flex flex-wrap items-start gap-2">
                    {e.active ? <ActionButton key="test" action={sendTestWebhookAction} fields={{ endpointId: e.id }} label="Send test event" pendingLabel="Sending…" formLabel={`Send a test event to ${e.url}`} /> : null}
                    <ActionButton key={e.active ? "disable" : "enable"} action={setWebhookActiveAction} fields={{ endpointId: e.id, active: e.active ? "false" : "true" }} label={e.active ? "Disable" : "Enable"} pendingLabel="Saving…" formLabel={`${e.active ? "Disable" : "Enable"} ${e.url}`} />
                    <DeleteWebhookForm action={deleteWebhookAction} endpoint={e} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Recent deliveries">
          {deliveries.length === 0 ? (
            <p className="text-sm text-slate-600">No deliveries yet. Send a test event to an endpoint to see one here.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="min-w-full text-left text-sm">
                <caption className="sr-only">The latest 50 webhook deliveries, newest first</caption>
                <thead className="bg-slate-100 text-slate-700">
                  <tr>
                    <th scope="col" className="px-3 py-2">Event</th>
                    <th scope="col" className="px-3 py-2">Endpoint</th>
                    <th scope="col" className="px-3 py-2">Created</th>
                    <th scope="col" className="px-3 py-2">Status</th>
                    <th scope="col" className="px-3 py-2">Attempts</th>
                    <th scope="col" className="px-3 py-2">Last response</th>
                    <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {deliveries.map((d) => (
                    <tr key={d.id} className="align-top">
                      <td className="px-3 py-2 font-mono text-xs">{d.event}</td>
                      <td className="max-w-64 break-all px-3 py-2 font-mono text-xs">{d.endpoint.url}</td>
                      <td className="px-3 py-2">{utcMinute(d.createdAt)}</td>
                      <td className="px-3 py-2"><StateLabel state={d.state} nextAttemptAt={d.nextAttemptAt} attempts={d.attempts} /></td>
                      <td className="px-3 py-2 tabular-nums">{d.attempts} of {MAX_ATTEMPTS}</td>
                      <td className="px-3 py-2">{d.lastStatus ? `HTTP ${d.lastStatus}` : "—"}{d.lastError && !d.lastError.startsWith("HTTP ") ? <span className="block text-xs text-slate-600">{d.lastError}</span> : null}</td>
                      <td className="px-3 py-2">
                        {d.state === "delivered" || d.state === "gave_up" ? <ActionButton action={redeliverWebhookAction} fields={{ deliveryId: d.id }} label="Redeliver" pendingLabel="Queuing…" formLabel={`Redeliver ${d.event} to ${d.endpoint.url}`} /> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
