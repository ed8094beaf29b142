import Link from "next/link";
import type { DashboardFilters } from "@/lib/dashboard/filters";
import { PERIODS, PERIOD_LABEL } from "@/lib/dashboard/filters";
import type { FilterOption } from "@/lib/dashboard/options";
import { DEAL_STAGES } from "@/lib/scoring/types";
import { STAGE_LABEL } from "@/lib/validations/deal";

// The dashboard's filters as a plain GET form: the view lives in the URL (shareable, back button
// works) and it works from the keyboard and without JavaScript.

const select = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

function Choice({ id, label, name, value, all, options }: { id: string; label: string; name: string; value: string | undefined; all: string; options: FilterOption[] }) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className={select}>
        <option value="">{all}</option>
        {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
      </select>
    </div>
  );
}

export function FilterBar({ path, filters, options, show }: {
  path: string;
  filters: DashboardFilters;
  options: { teams: FilterOption[]; reps: FilterOption[]; segments: FilterOption[]; products: FilterOption[] };
  show: { team: boolean; rep: boolean; segment: boolean; stage: boolean; product: boolean };
}) {
  const active = Boolean(filters.team || filters.rep || filters.segment || filters.stage || filters.product || filters.period !== "90d");
  return (
    <form method="get" action={path} aria-label="Dashboard filters" className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-7">
      <div>
        <label htmlFor="d-period" className="block text-xs font-medium text-slate-700">Deals logged</label>
        <select id="d-period" name="period" defaultValue={filters.period} className={select}>
          {PERIODS.map((p) => <option key={p} value={p}>{PERIOD_LABEL[p]}</option>)}
        </select>
      </div>
      {show.team && options.teams.length > 1 ? <Choice id="d-team" label="Team" name="team" value={filters.team} all="All teams" options={options.teams} /> : null}
      {show.rep && options.reps.length ? <Choice id="d-rep" label="Rep" name="rep" value={filters.rep} all="All reps" options={options.reps} /> : null}
      {show.segment ? <Choice id="d-segment" label="Segment" name="segment" value={filters.segment} all="All segments" options={[...options.segments, { id: "none", name: "No segment" }]} /> : null}
      {show.stage ? <Choice id="d-stage" label="Stage" name="stage" value={filters.stage} all="All stages" options={DEAL_STAGES.map((s) => ({ id: s, name: STAGE_LABEL[s] }))} /> : null}
      {show.product && options.products.length ? <Choice id="d-product" label="Product" name="product" value={filters.product} all="All products" options={options.products} /> : null}
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">Apply</button>
        {active ? <Link href={path} className="px-2 py-1.5 text-sm text-indigo-800 underline">Reset</Link> : null}
      </div>
    </form>
  );
}
