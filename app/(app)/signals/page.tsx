import type { Metadata } from "next";
import Link from "next/link";
import { formatAmount } from "@/components/deals/format";
import { Card, EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import { PERIODS, PERIOD_LABEL, firstValues } from "@/lib/dashboard/filters";
import { filterOptions } from "@/lib/dashboard/options";
import { enablementGaps, roadmapDemand, signalBoard, signalFiltersSchema } from "@/lib/signals/queries";
import { StatusBadge } from "@/components/signals/status-badge";

export const metadata: Metadata = { title: "Market signals" };

const select = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const th = "px-3 py-2 font-medium";
const td = "px-3 py-2";

export default async function SignalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("signals:read");
  const filters = signalFiltersSchema.parse(firstValues(await searchParams));
  const [board, gaps, demand, options] = await Promise.all([
    signalBoard(actor, filters),
    enablementGaps(actor, filters),
    roadmapDemand(actor, filters),
    filterOptions(actor, { kind: "org", organizationId: actor.organizationId, label: actor.organizationName }),
  ]);
  return (
    <>
      <PageHeader title="Market signals" description="What customers keep asking for, grouped into themes, with the accounts, reps and open revenue behind each. Answer a theme and every rep who logged it hears back." />
      <form method="get" aria-label="Filter signals" className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4">
        <div>
          <label htmlFor="s-period" className="block text-xs font-medium text-slate-700">Requests logged</label>
          <select id="s-period" name="period" defaultValue={filters.period} className={select}>
            {PERIODS.map((p) => <option key={p} value={p}>{PERIOD_LABEL[p]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="s-segment" className="block text-xs font-medium text-slate-700">Segment</label>
          <select id="s-segment" name="segment" defaultValue={filters.segment ?? ""} className={select}>
            <option value="">All segments</option>
            {options.segments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            <option value="none">No segment</option>
          </select>
        </div>
        <div>
          <label htmlFor="s-rank" className="block text-xs font-medium text-slate-700">Rank by</label>
          <select id="s-rank" name="rank" defaultValue={filters.rank} className={select}>
            <option value="revenue">Revenue at stake</option>
            <option value="accounts">Distinct accounts</option>
          </select>
        </div>
        <div className="flex items-end"><button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-900">Apply</button></div>
      </form>

      <section aria-labelledby="themes-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="themes-title" className="text-base font-semibold text-slate-900">Themes</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">New asks — requests the catalog does not answer — grouped by what they ask for. Revenue at stake: open value of the deals that carry them.</p>
        {board.themes.length === 0 ? (
          <EmptyState title="No customer requests in this view">
            <p>When reps log what customers ask for (on a deal or on its own), the requests are grouped into themes here.</p>
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Themes, ranked by {filters.rank === "accounts" ? "distinct accounts" : "revenue at stake"}</caption>
              <thead className="border-b border-slate-200 text-slate-700">
                <tr>
                  <th scope="col" className={th}>Theme</th>
                  <th scope="col" className={`${th} text-right`}>Revenue at stake</th>
                  <th scope="col" className={`${th} text-right`}>Accounts</th>
                  <th scope="col" className={`${th} text-right`}>Reps</th>
                  <th scope="col" className={`${th} text-right`}>Requests</th>
                  <th scope="col" className={th}>In / out of target</th>
                  <th scope="col" className={th}>First – latest</th>
                  <th scope="col" className={th}>Answer</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {board.themes.map((t) => (
                  <tr key={t.id}>
                    <th scope="row" className={`${td} font-medium`}><Link href={`/signals/${t.id}`} className="text-indigo-800 hover:underline">{t.name}</Link></th>
                    <td className={`${td} text-right tabular-nums`}>{formatAmount(t.revenue)}</td>
                    <td className={`${td} text-right tabular-nums`}>{t.accounts}</td>
                    <td className={`${td} text-right tabular-nums`}>{t.reps}</td>
                    <td className={`${td} text-right tabular-nums`}>{t.requests}</td>
                    <td className={`${td} tabular-nums`}>{t.inTarget} / {t.outOfTarget}</td>
                    <td className={`${td} whitespace-nowrap`}>{t.first} – {t.latest}</td>
                    <td className={td}><StatusBadge status={t.status} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title="Enablement gaps">
          <p className="-mt-2 mb-4 text-sm text-slate-600">Customers asked for something we already offer: the rep did not know. Per capability and rep.</p>
          {gaps.length === 0 ? <p className="text-sm text-slate-600">No request in this view asks for something we already have.</p> : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Requests for available capabilities, per capability and rep</caption>
              <thead className="border-b border-slate-200 text-slate-700"><tr><th scope="col" className={th}>Capability missed</th><th scope="col" className={th}>Rep</th><th scope="col" className={th}>Team</th><th scope="col" className={`${th} text-right`}>Requests</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {gaps.map((g, i) => (
                  <tr key={i}><th scope="row" className={`${td} font-medium`}>{g.capability}<span className="block text-xs font-normal text-slate-600">“{g.example}”</span></th><td className={td}>{g.rep}</td><td className={td}>{g.team}</td><td className={`${td} text-right tabular-nums`}>{g.requests}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        <Card title="Demand for the roadmap">
          <p className="-mt-2 mb-4 text-sm text-slate-600">Requests for capabilities already on the roadmap.</p>
          {demand.length === 0 ? <p className="text-sm text-slate-600">No request in this view asks for a roadmap capability.</p> : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Requests for roadmap capabilities</caption>
              <thead className="border-b border-slate-200 text-slate-700"><tr><th scope="col" className={th}>Capability</th><th scope="col" className={`${th} text-right`}>Accounts</th><th scope="col" className={`${th} text-right`}>Requests</th><th scope="col" className={`${th} text-right`}>Revenue at stake</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {demand.map((d, i) => (
                  <tr key={i}><th scope="row" className={`${td} font-medium`}>{d.capability}</th><td className={`${td} text-right tabular-nums`}>{d.accounts}</td><td className={`${td} text-right tabular-nums`}>{d.requests}</td><td className={`${td} text-right tabular-nums`}>{formatAmount(d.revenue)}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
    </>
  );
}
