import type { Metadata } from "next";
import Link from "next/link";
import { ChartCard } from "@/components/dashboard/chart-card";
import { TeamTrendChart } from "@/components/dashboard/charts";
import { DashboardTabs } from "@/components/dashboard/dashboard-tabs";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { AdoptionTable, RecurringPromises } from "@/components/dashboard/leadership";
import { teamTrendTable } from "@/components/dashboard/tables";
import { PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import { dashboardFiltersSchema, filterHref, firstValues } from "@/lib/dashboard/filters";
import { leadershipView } from "@/lib/dashboard/queries";
import { filterOptions } from "@/lib/dashboard/options";

export const metadata: Metadata = { title: "Leadership dashboard" };

const card = "rounded-lg border border-slate-200 bg-white p-5 shadow-sm";

// No loading.tsx here on purpose: the permission check must answer 403 before anything streams.
export default async function LeadershipPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("dashboard:org");
  const filters = dashboardFiltersSchema.parse(firstValues(await searchParams));
  const [v, options] = await Promise.all([
    leadershipView(actor, filters),
    filterOptions(actor, { kind: "org", organizationId: actor.organizationId, label: actor.organizationName }),
  ]);
  const csv = (table: string) => filterHref("/api/dashboard/export", filters, { table });
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={<>Is the strategy understood, and is it right? Adoption, alignment by team and the promises reps keep making. Deals logged: {v.periodLabel.toLowerCase()}. What customers keep asking for is under <Link className="text-indigo-800 underline" href="/signals">Market signals</Link>.</>}
      />
      <DashboardTabs current="leadership" query={filterHref("", filters)} />
      <FilterBar path="/dashboard/leadership" filters={filters} options={options} show={{ team: false, rep: false, segment: true, stage: true, product: true }} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="recurring-title" className={`${card} lg:col-span-2`}>
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <h2 id="recurring-title" className="text-base font-semibold text-slate-900">Off-strategy promises that recur</h2>
              <p className="mb-4 mt-1 text-sm text-slate-600">What reps promise that the strategy rules out, by how many reps make the promise. Many reps making the same one means the strategy is not understood — or not right.</p>
            </div>
            <a href={csv("recurring")} download className="text-sm font-medium text-indigo-800 underline">Export CSV</a>
          </div>
          <RecurringPromises promises={v.recurring} />
        </section>
        <ChartCard title="Alignment by team over time" description="Share of each team's new deal value with no critical finding, % per week." csvHref={csv("team-trend")} table={teamTrendTable(v.teamTrend)} empty={!v.teamTrend.points.length} className="lg:col-span-2">
          <TeamTrendChart series={v.teamTrend} />
        </ChartCard>
        <section aria-labelledby="adoption-title" className={card}>
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <h2 id="adoption-title" className="text-base font-semibold text-slate-900">Strategy adoption</h2>
              <p className="mb-4 mt-1 text-sm text-slate-600">
                {v.version ? <>Who has acknowledged version {v.version.number}, per team.</> : <>No strategy is published yet. <Link className="text-indigo-800 underline" href="/strategy/draft">Write one</Link>.</>}
              </p>
            </div>
            <a href={csv("adoption")} download className="text-sm font-medium text-indigo-800 underline">Export CSV</a>
          </div>
          <AdoptionTable rows={v.adoption} />
        </section>
        <section aria-labelledby="questions-title" className={card}>
          <h2 id="questions-title" className="text-base font-semibold text-slate-900">Open questions</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">{v.openQuestionCount === 0 ? "No question is waiting for an answer." : `${v.openQuestionCount} question${v.openQuestionCount === 1 ? "" : "s"} on the strategy wait for an answer.`}</p>
          {v.openQuestions.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {v.openQuestions.map((q) => (
                <li key={q.id} className="py-2">
                  <p className="text-slate-900">{q.body}</p>
                  <p className="text-xs text-slate-600">{q.author} · {q.section} · {q.createdAt.slice(0, 10)}</p>
                </li>
              ))}
            </ul>
          ) : null}
          {v.openQuestionCount ? <Link href="/strategy/acknowledgements" className="mt-3 inline-block text-sm font-medium text-indigo-800 underline">Answer them</Link> : null}
        </section>
      </div>
    </>
  );
}
