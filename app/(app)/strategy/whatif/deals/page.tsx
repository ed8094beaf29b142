import type { Metadata } from "next";
import Link from "next/link";
import { formatAmount } from "@/components/deals/format";
import { Card, EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import { firstValues } from "@/lib/dashboard/filters";
import { ruleLabel } from "@/lib/dashboard/labels";
import { summaryNames, WHATIF_PAGE_SIZE, whatIfDeals, whatIfRun } from "@/lib/whatif/queries";
import { WHATIF_MOVE_LABEL, WHATIF_MOVES, whatIfDealsQuerySchema, type WhatIfDealsQuery } from "@/lib/validations/whatif";

export const metadata: Metadata = { title: "What-if: deals" };


/** The deals of a what-if run behind a figure of its result: who moves, by how much, and which rules. */
export default async function WhatIfDealsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("strategy:edit");
  const parsed = whatIfDealsQuerySchema.safeParse(firstValues(await searchParams));
  if (!parsed.success) {
    return (
      <EmptyState title="This link does not name a what-if run" action={<Link href="/strategy/whatif" className="text-indigo-800 underline underline-offset-4">Open what-if</Link>}>
        Open the what-if result and follow a link from there.
      </EmptyState>
    );
  }
  const query = parsed.data;
  const run = await whatIfRun(actor, query.run);
  const [{ rows, total }, names] = await Promise.all([whatIfDeals(actor, query), summaryNames(actor, run.strategy)]);
  const href = (change: Partial<Record<keyof WhatIfDealsQuery, string | number | undefined>>) => {
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...query, page: 1, ...change })) if (v !== undefined && v !== null && v !== "") next[k] = String(v);
    if (next.page === "1") delete next.page;
    return `/strategy/whatif/deals?${new URLSearchParams(next)}`;
  };
  const chips: { key: keyof WhatIfDealsQuery; label: string }[] = [];
  if (query.team) chips.push({ key: "team", label: `Team: ${names.team.get(query.team) ?? "unknown"}` });
  if (query.rep) chips.push({ key: "rep", label: `Rep: ${names.rep.get(query.rep) ?? "unknown"}` });
  if (query.segment) chips.push({ key: "segment", label: `Segment: ${names.segment.get(query.segment) ?? "unknown"}` });
  if (query.noSegment) chips.push({ key: "noSegment", label: "No segment" });
  if (query.product) chips.push({ key: "product", label: `Product: ${names.product.get(query.product) ?? "unknown"}` });
  if (query.rule) chips.push({ key: "rule", label: `Rule: ${ruleLabel(query.rule)}` });
  const pages = Math.max(1, Math.ceil(total / WHATIF_PAGE_SIZE));
  const exportHref = `/api/strategy/whatif/export?${new URLSearchParams(Object.entries(query).filter(([k, v]) => k !== "page" && v !== undefined).map(([k, v]) => [k, String(v)]))}`;
  return (
    <>
      <PageHeader
        title="What-if: deals"
        description="Open deals scored against the draft, beside their score today. Nothing here is a real score until the draft is published."
        actions={<Link href="/strategy/whatif" className="text-sm font-medium text-indigo-800 underline underline-offset-4">Back to the what-if result</Link>}
      />
      <nav aria-label="Movement" className="mb-4 flex flex-wrap gap-2">
        {WHATIF_MOVES.map((m) => (
          <Link
            key={m}
            href={href({ move: m })}
            aria-current={query.move === m ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${query.move === m ? "border-indigo-700 bg-indigo-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}
          >
            {WHATIF_MOVE_LABEL[m]}
          </Link>
        ))}
      </nav>
      {chips.length ? (
        <ul role="list" aria-label="Filters" className="mb-4 flex flex-wrap gap-2">
          {chips.map((c) => (
            <li key={c.key}>
              <Link href={href({ [c.key]: undefined })} className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-800 hover:bg-slate-200">
                {c.label} <span aria-hidden="true">×</span><span className="sr-only">(remove this filter)</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <Card>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm">
          <p className="text-slate-700" aria-live="polite">{total.toLocaleString("en")} {total === 1 ? "deal" : "deals"}{pages > 1 ? `, page ${query.page} of ${pages}` : ""}</p>
          <a href={exportHref} className="font-medium text-indigo-800 underline underline-offset-4">Export these as CSV</a>
        </div>
        {rows.length ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Deals: score now and under the draft</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">Deal</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Owner</th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">Value</th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">Now</th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">Under the draft</th>
                  <th scope="col" className="py-2 font-medium">Why</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.dealId} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      <Link href={`/deals/${r.dealId}`} className="font-medium text-indigo-800 underline underline-offset-4">{r.name}</Link>
                      <div className="text-slate-600">{r.account}</div>
                    </th>
                    <td className="py-2 pr-3">{r.owner}{r.team ? <div className="text-slate-600">{r.team}</div> : null}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatAmount(r.amount)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{r.scoreBefore ?? "—"}{r.offBefore ? <div className="text-xs text-red-800">off-strategy</div> : null}</td>
                    <td className="py-2 pr-3 text-right tabular-nums font-medium">{r.scoreAfter}{r.offAfter ? <div className="text-xs text-red-800">off-strategy</div> : null}</td>
                    <td className="py-2 text-slate-700">
                      {r.offAfter && r.criticalRules?.length ? <div>Critical: {r.criticalRules.map(ruleLabel).join(", ")}</div> : null}
                      {r.rulesAdded?.length ? <div>New: {r.rulesAdded.map(ruleLabel).join(", ")}</div> : null}
                      {r.rulesRemoved?.length ? <div>No longer: {r.rulesRemoved.map(ruleLabel).join(", ")}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-sm text-slate-700">No deal matches. Remove a filter or choose another movement.</p>
        )}
        {pages > 1 ? (
          <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
            {query.page > 1 ? <Link href={href({ page: query.page - 1 })} className="text-indigo-800 underline underline-offset-4">Previous page</Link> : null}
            {query.page < pages ? <Link href={href({ page: query.page + 1 })} className="text-indigo-800 underline underline-offset-4">Next page</Link> : null}
          </nav>
        ) : null}
      </Card>
    </>
  );
}
