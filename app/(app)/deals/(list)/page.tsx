import type { Metadata } from "next";
import Link from "next/link";
import { formatAmount } from "@/components/deals/format";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { ScoreBadge } from "@/components/deals/findings";
import { requirePageActor } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { firstValues } from "@/lib/dashboard/filters";
import { dealListQuerySchema, describeDrillDown, listDeals, type DealListQuery } from "@/lib/deals/queries";
import { DEAL_STAGES } from "@/lib/scoring/types";
import { STAGE_LABEL } from "@/lib/validations/deal";

export const metadata: Metadata = { title: "Deals" };

const SORTS: [DealListQuery["sort"], string][] = [["name", "Deal"], ["amount", "Value"], ["score", "Score"], ["close", "Close date"], ["updated", "Updated"]];

function href(query: DealListQuery, patch: Partial<Record<keyof DealListQuery, string | number | undefined>>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...patch })) {
    if (v === undefined || v === "" || (k === "page" && v === 1) || (k === "sort" && v === "updated") || (k === "dir" && v === "desc")) continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `/deals?${s}` : "/deals";
}

export default async function DealsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("deal:read");
  const query = dealListQuerySchema.parse(firstValues(await searchParams));
  const [{ rows, total, pages, byStage }, drill] = await Promise.all([listDeals(actor, query), describeDrillDown(actor, query)]);
  const filtered = Boolean(query.stage || query.band || query.offStrategy || query.from || query.to || query.q || drill.length);
  const exportHref = href(query, { page: undefined }).replace(/^\/deals/, "/api/deals/export");
  return (
    <>
      <PageHeader
        title="Deals"
        description={actor.role === "REP" ? "Your deals and how each fits the strategy." : actor.role === "MANAGER" ? "Your team's deals and how each fits the strategy." : "Every deal of the organisation and how each fits the strategy."}
        actions={
          <div className="flex flex-wrap gap-2">
            {can(actor.role, "deal:review") ? <Link href="/deals/review" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">Review queue</Link> : null}
            <Link href="/deals/accounts" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">Accounts</Link>
            <Link href="/deals/requests" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">Log a customer request</Link>
            <a href={exportHref} download className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">Export CSV</a>
            <Link href="/deals/new" className="rounded-md bg-indigo-700 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-800">New deal</Link>
          </div>
        }
      />
      {drill.length ? (
        <div className="mb-3 flex flex-wrap items-center gap-2 text-sm" aria-label="Filters from the dashboard" role="group">
          <span className="text-slate-700">Showing</span>
          {drill.map((f) => (
            <Link key={f.key} href={href(query, { [f.key]: undefined, page: 1 })} className="inline-flex items-center gap-1 rounded-full bg-indigo-50 px-3 py-1 text-indigo-900 ring-1 ring-indigo-200 hover:bg-indigo-100" aria-label={`Remove filter ${f.label}`}>
              {f.label} <span aria-hidden="true">×</span>
            </Link>
          ))}
        </div>
      ) : null}
      <form method="get" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter deals">
        {drill.map((f) => <input key={f.key} type="hidden" name={f.key} value={f.value} />)}
        <div>
          <label htmlFor="f-q" className="block text-xs font-medium text-slate-700">Search</label>
          <input id="f-q" name="q" defaultValue={query.q} placeholder="Deal or account" className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        </div>
        <div>
          <label htmlFor="f-stage" className="block text-xs font-medium text-slate-700">Stage</label>
          <select id="f-stage" name="stage" defaultValue={query.stage ?? ""} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            <option value="">All stages</option>
            {DEAL_STAGES.map((s) => <option key={s} value={s}>{STAGE_LABEL[s]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="f-band" className="block text-xs font-medium text-slate-700">Score</label>
          <select id="f-band" name="band" defaultValue={query.band ?? ""} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            <option value="">Any score</option>
            <option value="low">Below 50</option>
            <option value="mid">50–79</option>
            <option value="high">80 and above</option>
          </select>
        </div>
        <div>
          <label htmlFor="f-from" className="block text-xs font-medium text-slate-700">Closing from</label>
          <input id="f-from" type="date" name="from" defaultValue={query.from} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        </div>
        <div>
          <label htmlFor="f-to" className="block text-xs font-medium text-slate-700">Closing until</label>
          <input id="f-to" type="date" name="to" defaultValue={query.to} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        </div>
        <div className="flex flex-col justify-end gap-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="offStrategy" value="1" defaultChecked={!!query.offStrategy} className="size-4" /> Off-strategy only
          </label>
          <div className="flex gap-2">
            <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-900">Apply</button>
            {filtered ? <Link href="/deals" className="px-2 py-1.5 text-sm text-indigo-800 underline">Clear</Link> : null}
          </div>
        </div>
      </form>

      {byStage.length ? (
        <ul className="mb-4 flex flex-wrap gap-2 text-sm" aria-label="Value per stage">
          {DEAL_STAGES.map((stage) => {
            const s = byStage.find((b) => b.stage.toLowerCase() === stage);
            return s ? (
              <li key={stage} className="rounded-md bg-white px-3 py-1.5 ring-1 ring-slate-200">
                {STAGE_LABEL[stage]} · {s.count} · <strong>{formatAmount(s.amount)}</strong>
              </li>
            ) : null;
          })}
        </ul>
      ) : null}

      {rows.length === 0 ? (
        <EmptyState title={filtered ? "No deal matches these filters" : "No deals yet"} action={filtered ? <Link className="text-indigo-800 underline" href="/deals">Clear the filters</Link> : <Link href="/deals/new" className="rounded-md bg-indigo-700 px-3 py-2 text-sm font-medium text-white">Log your first deal</Link>}>
          <p>{filtered ? "Try a wider period or another stage." : "Log a deal with what you promised and what the customer asked for; Keel scores it against the strategy as you type."}</p>
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Deals, {total} in all, sorted by {query.sort} {query.dir === "asc" ? "ascending" : "descending"}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                {SORTS.map(([key, label]) => (
                  <th key={key} scope="col" className="px-3 py-2" aria-sort={query.sort === key ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
                    <Link href={href(query, { sort: key, dir: query.sort === key && query.dir === "desc" ? "asc" : "desc", page: 1 })} className="hover:underline">
                      {label}{query.sort === key ? (query.dir === "asc" ? " ↑" : " ↓") : ""}
                    </Link>
                  </th>
                ))}
                <th scope="col" className="px-3 py-2">Stage</th>
                {actor.role !== "REP" ? <th scope="col" className="px-3 py-2">Owner</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {rows.map((d) => (
                <tr key={d.id}>
                  <td className="px-3 py-2">
                    <Link href={`/deals/${d.id}`} className="font-medium text-indigo-800 hover:underline">{d.name}</Link>
                    <span className="block text-xs text-slate-600">{d.account.name}</span>
                  </td>
                  <td className="px-3 py-2 tabular-nums">{formatAmount(d.amount)}</td>
                  <td className="px-3 py-2"><ScoreBadge score={d.score} offStrategy={d.offStrategy} />{d.reviewState === "approved" ? <span className="ml-2 text-xs text-slate-600">exception approved</span> : d.reviewState === "changes_requested" ? <span className="ml-2 text-xs text-amber-800">changes requested</span> : null}</td>
                  <td className="px-3 py-2">{d.expectedCloseDate?.toISOString().slice(0, 10) ?? "—"}</td>
                  <td className="px-3 py-2 text-slate-600">{d.updatedAt.toISOString().slice(0, 10)}</td>
                  <td className="px-3 py-2">{STAGE_LABEL[d.stage.toLowerCase() as keyof typeof STAGE_LABEL]}</td>
                  {actor.role !== "REP" ? <td className="px-3 py-2">{d.owner.name}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={query.page} pages={pages} total={total} noun="deals" hrefFor={(page) => href(query, { page })} />
    </>
  );
}
