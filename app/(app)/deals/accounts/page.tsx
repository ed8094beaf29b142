import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { requirePageActor } from "@/lib/auth/guard";
import { firstValues } from "@/lib/dashboard/filters";
import { accountListQuerySchema, listAccountsPage, type AccountListQuery } from "@/lib/deals/exports";

export const metadata: Metadata = { title: "Accounts" };

function search(query: AccountListQuery, patch: Partial<Record<keyof AccountListQuery, string | number | undefined>> = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...patch })) {
    if (v === undefined || v === "" || (k === "page" && v === 1)) continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("deal:read");
  const query = accountListQuerySchema.parse(firstValues(await searchParams));
  const { rows, total, pages } = await listAccountsPage(actor, query);
  const filtered = Boolean(query.q || query.region || query.industry || query.externalId);
  return (
    <>
      <PageHeader
        title="Accounts"
        description="The customer companies of your organisation. Every deal and customer request belongs to one."
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/deals" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">Deals</Link>
            <a href={`/api/accounts/export${search(query, { page: undefined })}`} download className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">Export as CSV</a>
          </div>
        }
      />
      <form method="get" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4" aria-label="Filter accounts">
        <div>
          <label htmlFor="a-q" className="block text-xs font-medium text-slate-700">Name</label>
          <input id="a-q" name="q" defaultValue={query.q} placeholder="Part of the name" className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        </div>
        <div>
          <label htmlFor="a-industry" className="block text-xs font-medium text-slate-700">Industry</label>
          <input id="a-industry" name="industry" defaultValue={query.industry} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        </div>
        <div>
          <label htmlFor="a-region" className="block text-xs font-medium text-slate-700">Region</label>
          <input id="a-region" name="region" defaultValue={query.region} placeholder="e.g. EU" className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-900">Apply</button>
          {filtered ? <Link href="/deals/accounts" className="px-2 py-1.5 text-sm text-indigo-800 underline">Clear</Link> : null}
        </div>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={filtered ? "No account matches these filters" : "No accounts yet"}>
          <p>{filtered ? "Try part of the name only." : "Accounts are added with a new deal, by the API or by an import."}</p>
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Accounts, {total} in all, by name</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">Account</th>
                <th scope="col" className="px-3 py-2">Industry</th>
                <th scope="col" className="px-3 py-2">Employees</th>
                <th scope="col" className="px-3 py-2">Region</th>
                <th scope="col" className="px-3 py-2">External id</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {rows.map((a) => (
                <tr key={a.id}>
                  <td className="px-3 py-2 font-medium">{a.name}</td>
                  <td className="px-3 py-2">{a.industry ?? "—"}</td>
                  <td className="px-3 py-2 tabular-nums">{a.employees ?? "—"}</td>
                  <td className="px-3 py-2">{a.region ?? "—"}</td>
                  <td className="px-3 py-2 font-mono text-xs">{a.externalId ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={query.page} pages={pages} total={total} noun="accounts" hrefFor={(page) => `/deals/accounts${search(query, { page })}`} />
    </>
  );
}
