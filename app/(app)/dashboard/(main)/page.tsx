import type { Metadata } from "next";
import Link from "next/link";
import { ChartCard } from "@/components/dashboard/chart-card";
import { BreakdownBarChart, DiscountScatter, RuleChart, ScoreDistributionChart, StageRiskChart, WeeklyAlignmentChart } from "@/components/dashboard/charts";
import { DashboardTabs } from "@/components/dashboard/dashboard-tabs";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { HeadlineCards } from "@/components/dashboard/headline-cards";
import { ChartGrid } from "@/components/dashboard/layout";
import { RepFindingsList } from "@/components/dashboard/rep-findings-list";
import { breakdownTable, distributionTable, ruleTable, scatterTable, stageTable, weeklyTable } from "@/components/dashboard/tables";
import { TargetList } from "@/components/dashboard/target-list";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/guard";
import type { Actor } from "@/lib/auth/sessions";
import { can } from "@/lib/auth/permissions";
import { type DashboardFilters, dashboardFiltersSchema, filterHref, firstValues } from "@/lib/dashboard/filters";
import { dashboardScope, managerDashboard, repView } from "@/lib/dashboard/queries";
import { filterOptions } from "@/lib/dashboard/options";

export const metadata: Metadata = { title: "Dashboard" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("deal:read");
  const filters = dashboardFiltersSchema.parse(firstValues(await searchParams));
  return can(actor.role, "dashboard:team") ? <PipelineDashboard actor={actor} filters={filters} /> : <RepDashboard actor={actor} filters={filters} />;
}

const csv = (table: string, filters: DashboardFilters) => filterHref("/api/dashboard/export", filters, { table });

async function PipelineDashboard({ actor, filters }: { actor: Actor; filters: DashboardFilters }) {
  const scope = await dashboardScope(actor, filters);
  const [d, options] = await Promise.all([managerDashboard(actor, filters, new Date(), scope), filterOptions(actor, scope)]);
  const leader = can(actor.role, "dashboard:org");
  const query = filterHref("", filters);
  const noDeals = d.distribution.every((b) => b.deals === 0);
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={<>How much of <strong>{d.scopeLabel}</strong>&apos;s pipeline is on strategy, and where it drifts. Deals logged: {d.periodLabel.toLowerCase()}. Click any bar to see the deals behind it.</>}
      />
      {leader ? <DashboardTabs current="pipeline" query={query} /> : null}
      <FilterBar path="/dashboard" filters={filters} options={options} show={{ team: true, rep: true, segment: true, stage: true, product: true }} />
      <HeadlineCards headlines={d.headlines} />
      {noDeals ? (
        <div className="mt-6">
          <EmptyState title="No deals in this view" action={<Link className="text-indigo-800 underline" href="/dashboard?period=all">Look at all time</Link>}>
            <p>No deal was logged in this period with these filters. Widen the period or clear a filter; once reps log deals, they are scored and counted here.</p>
          </EmptyState>
        </div>
      ) : null}
      <section aria-labelledby="targets-title" className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="targets-title" className="text-base font-semibold text-slate-900">Targets this period</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">Targets of {d.scopeLabel} for the current quarter and month, on deals expected to close in them, with the projection to period end.</p>
        <TargetList targets={d.targets} />
      </section>
      <ChartGrid className="mt-6">
        <ChartCard title="Alignment over time" description="Share of the value of each week's new deals with no critical finding, % per week." csvHref={csv("weekly", filters)} table={weeklyTable(d.weekly)} empty={!d.weekly.length}>
          <WeeklyAlignmentChart points={d.weekly} />
        </ChartCard>
        <ChartCard title="Score distribution" description="Deals by alignment score (0–100), in bands of ten points." csvHref={csv("distribution", filters)} table={distributionTable(d.distribution)} empty={noDeals}>
          <ScoreDistributionChart buckets={d.distribution} />
        </ChartCard>
        <ChartCard title="Findings by rule" description="Deals with a finding of each rule (a deal can count under several)." csvHref={csv("rules", filters)} table={ruleTable(d.byRule)} empty={!d.byRule.length} emptyMessage="No finding in this view: every deal is on strategy.">
          <RuleChart rows={d.byRule} />
        </ChartCard>
        <ChartCard title="Value at risk by stage" description="Open pipeline value per stage, split into off-strategy (at risk) and aligned, in EUR." csvHref={csv("stages", filters)} table={stageTable(d.stages)} empty={d.stages.every((s) => s.deals === 0)} emptyMessage="No open deals in this view.">
          <StageRiskChart stages={d.stages} />
        </ChartCard>
        <ChartCard title="Alignment by rep" description="Share of each rep's deal value with no critical finding, %." csvHref={csv("reps", filters)} table={breakdownTable(d.byRep, "Rep")} empty={!d.byRep.length}>
          <BreakdownBarChart rows={d.byRep} metric="alignedShare" />
        </ChartCard>
        {scope.kind === "org" ? (
          <ChartCard title="Alignment by team" description="Share of each team's deal value with no critical finding, %." csvHref={csv("teams", filters)} table={breakdownTable(d.byTeam, "Team")} empty={!d.byTeam.length}>
            <BreakdownBarChart rows={d.byTeam} metric="alignedShare" />
          </ChartCard>
        ) : null}
        <ChartCard title="Alignment by segment" description="Share of deal value with no critical finding, % per segment the account falls in." csvHref={csv("segments", filters)} table={breakdownTable(d.bySegment, "Segment")} empty={!d.bySegment.length}>
          <BreakdownBarChart rows={d.bySegment} metric="alignedShare" />
        </ChartCard>
        <ChartCard title="Alignment by product" description="Share of deal value with no critical finding, % per main product of the deal." csvHref={csv("products", filters)} table={breakdownTable(d.byProduct, "Product")} empty={!d.byProduct.length}>
          <BreakdownBarChart rows={d.byProduct} metric="alignedShare" />
        </ChartCard>
        <ChartCard title="Discount against allowance" description="Each deal's discount (%) against the allowance of its products (%), the 300 largest deals; above the line is over policy." csvHref={csv("discounts", filters)} table={scatterTable(d.scatter)} empty={!d.scatter.length} emptyMessage="No priced deals in this view." className="lg:col-span-2">
          <DiscountScatter points={d.scatter} />
        </ChartCard>
      </ChartGrid>
    </>
  );
}

async function RepDashboard({ actor, filters }: { actor: Actor; filters: DashboardFilters }) {
  const v = await repView(actor, { ...filters, period: filters.period === "90d" ? "12m" : filters.period });
  return (
    <>
      <PageHeader title="My dashboard" description="Your deals against the strategy: what to fix first, and your targets." />
      <HeadlineCards headlines={v.headlines} />
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <ChartCard title="My score trend" description="Share of the value of the deals you logged each week with no critical finding, %, last 12 months; the average score is in the tooltip and the table." csvHref={csv("weekly", { ...filters, period: "12m" })} table={weeklyTable(v.trend)} empty={!v.trend.length} emptyMessage="You have not logged deals in the last 12 months.">
          <WeeklyAlignmentChart points={v.trend} />
        </ChartCard>
        <section aria-labelledby="targets-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="targets-title" className="text-base font-semibold text-slate-900">My targets</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">Your targets and your team&apos;s, for the current quarter and month.</p>
          <TargetList targets={v.targets} />
        </section>
        <section aria-labelledby="findings-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm lg:col-span-2">
          <h2 id="findings-title" className="text-base font-semibold text-slate-900">My open findings</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">On your open deals, lowest score first, each with what to do about it.</p>
          <RepFindingsList findings={v.findings} />
          <Link href="/deals?open=1&offStrategy=1" className="mt-4 inline-block text-sm font-medium text-indigo-800 underline">All my open off-strategy deals</Link>
        </section>
      </div>
    </>
  );
}
