import Link from "next/link";
import { formatAmount } from "@/components/deals/format";
import { Card } from "@/components/ui/empty-state";
import { ruleLabel } from "@/lib/dashboard/labels";
import { headline, share, type DimensionRow } from "@/lib/whatif/compare";
import type { Agreement, MoverView, Names, WhatIfRunView } from "@/lib/whatif/queries";

const MINUS = "\u2212";
const pct = (x: number) => `${Math.round(x * 100)} %`;
const n = (x: number) => x.toLocaleString("en");
const signed = (x: number | null) => (x === null ? "—" : x > 0 ? `+${x.toFixed(1)}` : x < 0 ? `${MINUS}${(-x).toFixed(1)}` : "0");

type Published = { rescoring: { done: number; total: number } | null; agreement: Agreement | null } | null;

/** A complete what-if run: the headline, the movement, its causes, who is affected and the ten biggest moves. */
export function WhatIfResult({ run, names, movers, published }: { run: WhatIfRunView; names: Names; movers: MoverView[]; published: Published }) {
  const s = run.summary!;
  const link = (params: Record<string, string>) => `/strategy/whatif/deals?${new URLSearchParams({ run: run.id, ...params })}`;
  const segmentName = (key: string | null) => (key ? names.segment.get(key) ?? "A former segment" : "No segment");
  return (
    <div className="space-y-6">
      <section aria-labelledby="whatif-headline" className={`rounded-lg border p-5 ${run.stale ? "border-amber-300 bg-amber-50" : "border-indigo-200 bg-indigo-50"}`}>
        <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">
          {run.stale ? "Out of date: for the draft as it was " : run.publishedAs !== null ? `Result for version ${run.publishedAs}, run while it was a draft, ` : "Result for the draft as of "}
          {run.createdAt.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC{run.createdBy ? `, run by ${run.createdBy}` : ""}
        </p>
        <h2 id="whatif-headline" className="mt-1 text-lg font-semibold text-slate-900">{headline(s, { segment: segmentName })}</h2>
        <p className="mt-2 text-sm">
          <Link href={link({ move: "changed" })} className="font-medium text-indigo-800 underline underline-offset-4">See every deal that changes</Link>
          <span className="text-slate-500"> · </span>
          <a href={`/api/strategy/whatif/export?${new URLSearchParams({ run: run.id, move: "all" })}`} className="font-medium text-indigo-800 underline underline-offset-4">Export all {n(s.deals)} deals as CSV</a>
        </p>
      </section>

      {run.publishedAs !== null && published ? <PublishedCheck version={run.publishedAs} published={published} deals={s.deals} /> : null}

      <ul role="list" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <Figure label="Open deals scored" value={n(s.deals)} hint={`${formatAmount(s.value)} of pipeline`} />
        <Figure
          label="Off-strategy value"
          value={`${pct(share(s.offBefore.value, s.value))} → ${pct(share(s.offAfter.value, s.value))}`}
          hint={`now → under the draft (${n(s.offBefore.deals)} → ${n(s.offAfter.deals)} deals)`}
        />
        <Figure label="Turn off-strategy" value={n(s.toOff.deals)} hint={`${formatAmount(s.toOff.value)} of pipeline`} href={link({ move: "off" })} />
        <Figure label="Turn aligned" value={n(s.toAligned.deals)} hint={`${formatAmount(s.toAligned.value)} of pipeline`} href={link({ move: "aligned" })} />
        <Figure
          label="Average score"
          value={`${s.avgBefore === null ? "—" : Math.round(s.avgBefore)} → ${s.avgAfter === null ? "—" : Math.round(s.avgAfter)}`}
          hint={`${n(s.scoreChanged)} deals change score`}
          href={link({ move: "changed" })}
        />
      </ul>

      <Card title="Rules behind the change">
        {s.rules.length ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Rules behind deals turning off-strategy or aligned</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">Rule</th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">Deals turning off-strategy</th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">Their value</th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">Deals turning aligned</th>
                  <th scope="col" className="py-2 text-right font-medium">Their value</th>
                </tr>
              </thead>
              <tbody>
                {s.rules.map((r) => (
                  <tr key={r.rule} className="border-b border-slate-100">
                    <th scope="row" className="py-2 pr-4 font-normal">
                      <Link href={link({ move: r.toOff.deals >= r.toAligned.deals ? "off" : "aligned", rule: r.rule })} className="text-indigo-800 underline underline-offset-4">{ruleLabel(r.rule)}</Link>
                    </th>
                    <td className="py-2 pr-4 text-right tabular-nums">{n(r.toOff.deals)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatAmount(r.toOff.value)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{n(r.toAligned.deals)}</td>
                    <td className="py-2 text-right tabular-nums">{formatAmount(r.toAligned.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-2 text-xs text-slate-600">A deal turning off-strategy counts under each rule behind its critical findings; a deal turning aligned under each rule that no longer takes points from it.</p>
          </div>
        ) : (
          <p className="text-sm text-slate-700">No deal changes between aligned and off-strategy.</p>
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Affected title="Most affected teams" rows={s.teams} name={(k) => (k ? names.team.get(k) ?? "A former team" : "No team")} link={(k) => link(k ? { move: "changed", team: k } : { move: "changed" })} />
        <Affected title="Most affected reps" rows={s.reps} name={(k) => (k ? names.rep.get(k) ?? "A former user" : "—")} link={(k) => link({ move: "changed", ...(k ? { rep: k } : {}) })} />
        <Affected title="Most affected segments" rows={s.segments} name={segmentName} link={(k) => link(k ? { move: "changed", segment: k } : { move: "changed", noSegment: "1" })} note="Segments as the draft defines them." />
        <Affected title="Most affected products" rows={s.products} name={(k) => (k ? names.product.get(k) ?? "A former product" : "No product")} link={(k) => link({ move: "changed", ...(k ? { product: k } : {}) })} />
      </div>

      <Card title="The ten deals that move most">
        {movers.length ? (
          <ol className="space-y-4">
            {movers.map((m) => (
              <li key={m.dealId} className="rounded-md border border-slate-200 p-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link href={`/deals/${m.dealId}`} className="font-medium text-indigo-800 underline underline-offset-4">{m.name}</Link>
                  <span className="text-sm tabular-nums text-slate-800">
                    {m.scoreBefore ?? "—"} {m.offBefore ? "(off-strategy)" : "(aligned)"} → <strong>{m.scoreAfter} {m.offAfter ? "(off-strategy)" : "(aligned)"}</strong>
                  </span>
                </div>
                <p className="text-sm text-slate-600">{m.account} · {m.owner} · {formatAmount(m.amount)}</p>
                {m.findings.length ? (
                  <ul className="mt-2 space-y-1 text-sm">
                    {m.findings.slice(0, 3).map((f, i) => (
                      <li key={i}>
                        <span className={`mr-2 rounded px-1.5 py-0.5 text-xs font-medium ${f.severity === "critical" ? "bg-red-100 text-red-900" : "bg-amber-100 text-amber-900"}`}>{f.severity}</span>
                        {f.message} <span className="text-slate-600">({MINUS}{f.points} points)</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-2 text-sm text-slate-700">Under the draft nothing takes points from this deal.</p>
                )}
                {m.rulesRemoved.length ? <p className="mt-1 text-sm text-slate-600">No longer taking points: {m.rulesRemoved.map(ruleLabel).join(", ")}.</p> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-slate-700">No open deal changes score under this draft.</p>
        )}
      </Card>
    </div>
  );
}

function Figure({ label, value, hint, href }: { label: string; value: string; hint: string; href?: string }) {
  const body = (
    <>
      <span className="text-sm font-medium text-slate-700">{label}</span>
      <span className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">{value}</span>
      <span className="mt-auto pt-2 text-xs text-slate-600">{hint}</span>
    </>
  );
  const cls = "flex h-full w-full flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
  return (
    <li className="flex">
      {href ? <Link href={href} className={`${cls} transition-colors hover:border-slate-400 hover:bg-slate-50`}>{body}</Link> : <div className={cls}>{body}</div>}
    </li>
  );
}

function Affected({ title, rows, name, link, note }: { title: string; rows: DimensionRow[]; name: (key: string | null) => string; link: (key: string | null) => string; note?: string }) {
  const shown = rows.filter((r) => r.toOff.deals || r.toAligned.deals || (r.avgDelta ?? 0) !== 0).slice(0, 8);
  return (
    <Card title={title}>
      {shown.length ? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{title}: deals turning off-strategy and aligned, and the average change of score</caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">Name</th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">Turn off-strategy</th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">Turn aligned</th>
              <th scope="col" className="py-2 text-right font-medium">Avg. score change</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.key ?? "none"} className="border-b border-slate-100">
                <th scope="row" className="py-2 pr-3 font-normal"><Link href={link(r.key)} className="text-indigo-800 underline underline-offset-4">{name(r.key)}</Link></th>
                <td className="py-2 pr-3 text-right tabular-nums">{n(r.toOff.deals)} <span className="text-slate-600">({formatAmount(r.toOff.value)})</span></td>
                <td className="py-2 pr-3 text-right tabular-nums">{n(r.toAligned.deals)} <span className="text-slate-600">({formatAmount(r.toAligned.value)})</span></td>
                <td className="py-2 text-right tabular-nums">{signed(r.avgDelta)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-700">Nothing here changes.</p>
      )}
      {note ? <p className="mt-2 text-xs text-slate-600">{note}</p> : null}
    </Card>
  );
}

function PublishedCheck({ version, published, deals }: { version: number; published: NonNullable<Published>; deals: number }) {
  if (published.rescoring) {
    const pct = published.rescoring.total ? Math.round((published.rescoring.done / published.rescoring.total) * 100) : 0;
    return (
      <p className="rounded-md border border-slate-200 bg-white p-3 text-sm" aria-live="polite">
        Published as version {version}. Re-scoring open deals for real: {n(published.rescoring.done)} of {n(published.rescoring.total)} ({pct} %). Reload to compare with the what-if.
      </p>
    );
  }
  const a = published.agreement;
  if (!a) return null;
  const all = a.compared > 0 && a.agree === a.compared;
  return (
    <section aria-label="Published scores against the what-if" className={`rounded-md border p-3 text-sm ${all ? "border-emerald-300 bg-emerald-50" : "border-amber-300 bg-amber-50"}`}>
      <p className="font-medium text-slate-900">
        Published as version {version}: the real scores match the what-if for {n(a.agree)} of {n(a.compared)} deals{all ? "." : ` (${n(a.compared - a.agree)} differ).`}
      </p>
      {a.changedSince ? <p className="text-slate-700">{n(a.changedSince)} of the {n(deals)} deals changed after the what-if ran, so they were not compared.</p> : null}
    </section>
  );
}
