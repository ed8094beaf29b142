import type { Metadata } from "next";
import Link from "next/link";
import { utcMinute } from "@/lib/dates";
import { Card, EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import { listApiTokens } from "@/lib/api/tokens";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";
import { CreateTokenForm, RevokeTokenForm } from "./forms";

export const metadata: Metadata = { title: "API tokens" };


export default async function ApiTokensPage() {
  const actor = await requirePageActor("api:manage");
  const tokens = await listApiTokens(actor);
  return (
    <>
      <PageHeader
        title="API tokens"
        description={`Tokens let other systems (a CRM, a data warehouse) use the Keel API for ${actor.organizationName}. A read token reads deals, scores, accounts, requests, strategy versions and themes; a write token also creates and updates deals, accounts and requests.`}
        actions={
          <div className="flex gap-4 text-sm font-medium">
            <Link href="/developers/api" className="text-indigo-800 underline underline-offset-4">API reference</Link>
            <Link href="/admin" className="text-indigo-800 underline underline-offset-4">Admin</Link>
          </div>
        }
      />
      <div className="space-y-6">
        <Card title="Create a token">
          <CreateTokenForm action={createApiTokenAction} />
        </Card>
        <Card title={`Tokens (${tokens.length})`}>
          {tokens.length === 0 ? (
            <EmptyState title="No tokens yet">
              <p>Create one above, then send it as <code>Authorization: Bearer keel_…</code>.</p>
            </EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <table className="min-w-full text-left text-sm">
                <caption className="sr-only">API tokens, newest first</caption>
                <thead className="bg-slate-100 text-slate-700">
                  <tr>
                    <th scope="col" className="px-3 py-2">Name</th>
                    <th scope="col" className="px-3 py-2">Scope</th>
                    <th scope="col" className="px-3 py-2">Token</th>
                    <th scope="col" className="px-3 py-2">Created</th>
                    <th scope="col" className="px-3 py-2">Last used</th>
                    <th scope="col" className="px-3 py-2">Status</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {tokens.map((t) => (
                    <tr key={t.id} className="align-top">
                      <td className="px-3 py-2 font-medium">{t.name}</td>
                      <td className="px-3 py-2">{t.scope === "write" ? "Write" : "Read"}</td>
                      <td className="px-3 py-2 font-mono text-xs">{t.prefix}…</td>
                      <td className="px-3 py-2">{utcMinute(t.createdAt)}<br /><span className="text-slate-600">by {t.createdByName}</span></td>
                      <td className="px-3 py-2">{t.lastUsedAt ? utcMinute(t.lastUsedAt) : "Never"}</td>
                      <td className="px-3 py-2">
                        {t.revokedAt ? <span className="text-slate-700">Revoked {utcMinute(t.revokedAt)}</span> : <RevokeTokenForm action={revokeApiTokenAction} token={t} />}
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
