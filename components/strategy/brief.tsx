// The one-page strategy brief a rep reads in two minutes: mission, value proposition, who we sell
// to and who we don't, what we sell, what we say no to, the discount policy and the reader's own
// targets. Presentational (no data access); printable.
import type { ReactNode } from "react";
import type { StrategyContent } from "@/lib/strategy/content";
import { formatPosition } from "@/lib/strategy/position";
import { METRIC_LABEL, type Section } from "@/lib/validations/strategy";
import { formatDate, formatMoney, formatPeriod, formatRange, formatTargetValue } from "./format";
import { PositionMeaning, PositionSpectrum } from "./position-spectrum";

type Target = StrategyContent["targets"][number];
export type TargetGroup = { title: string; showScope: boolean; targets: Target[] };

function BriefSection({ id, title, section, children, footer }: { id: string; title: string; section: Section; children: ReactNode; footer?: (section: Section) => ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-5 shadow-sm print:border-0 print:p-0 print:shadow-none">
      <h2 id={`${id}-heading`} className="mb-3 text-lg font-semibold text-slate-900">{title}</h2>
      {children}
      {footer?.(section)}
    </section>
  );
}

const Empty = ({ children }: { children: ReactNode }) => <p className="text-sm text-slate-600">{children}</p>;

export function StrategyBrief({
  version, targetGroups, targetsTitle = "Your targets", names, footer,
}: {
  version: StrategyContent;
  targetsTitle?: string;
  targetGroups: TargetGroup[];
  names: Record<string, string>;
  /** Questions and the ask form under each section (the current version only). */
  footer?: (section: Section) => ReactNode;
}) {
  const primary = version.segments.filter((s) => s.priority === "primary");
  const secondary = version.segments.filter((s) => s.priority === "secondary");
  const avoid = version.segments.filter((s) => s.priority === "avoid");
  const sellNow = version.capabilities.filter((c) => c.status === "available" || c.status === "beta");
  const roadmap = version.capabilities.filter((c) => c.status === "roadmap").sort((a, b) => (a.expectedDate ?? "").localeCompare(b.expectedDate ?? ""));
  const notOffered = version.capabilities.filter((c) => c.status === "not_offered");
  const position = version.valueProposition.valuePosition;

  return (
    <div className="space-y-6 print:space-y-4">
      <BriefSection id="brief-mission" title="Mission" section="mission" footer={footer}>
        <dl className="grid gap-4 md:grid-cols-3">
          {[
            ["Who we are", version.mission.whoWeAre],
            ["Why we are here", version.mission.whyWeAreHere],
            ["Why it matters", version.mission.whyItMatters],
          ].map(([label, text]) => (
            <div key={label}>
              <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{label}</dt>
              <dd className="mt-1 whitespace-pre-line text-sm text-slate-900">{text || "—"}</dd>
            </div>
          ))}
        </dl>
      </BriefSection>

      <BriefSection id="brief-value" title={`Value proposition: ${formatPosition(position)}`} section="valueProposition" footer={footer}>
        <div className="grid gap-6 md:grid-cols-2">
          <div>
            <PositionSpectrum position={position} />
            {version.valueProposition.valueRationale ? (
              <p className="mt-4 whitespace-pre-line text-sm text-slate-900">{version.valueProposition.valueRationale}</p>
            ) : null}
          </div>
          <div className="rounded-md bg-slate-50 p-4 print:bg-white">
            <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">What it means for your deals</h3>
            <PositionMeaning position={position} />
          </div>
        </div>
      </BriefSection>

      <BriefSection id="brief-segments" title="Who we sell to, and who we don't" section="segments" footer={footer}>
        {version.segments.length === 0 ? <Empty>No target segments are set in this version.</Empty> : (
          <div className="grid gap-4 md:grid-cols-3">
            <SegmentList title="Primary: go after these" tone="text-indigo-900" segments={primary} empty="No primary segment." />
            <SegmentList title="Secondary: welcome when they come" tone="text-slate-900" segments={secondary} empty="No secondary segment." />
            <SegmentList title="Avoid: do not pursue" tone="text-red-900" segments={avoid} empty="No segment to avoid." />
          </div>
        )}
      </BriefSection>

      <BriefSection id="brief-capabilities" title="What we sell" section="capabilities" footer={footer}>
        {sellNow.length === 0 && roadmap.length === 0 ? <Empty>No capabilities are listed in this version.</Empty> : (
          <div className="grid gap-6 md:grid-cols-2">
            <div>
              <h3 className="mb-2 text-sm font-semibold text-slate-900">Available now ({sellNow.length})</h3>
              {sellNow.length ? (
                <ul className="columns-1 gap-6 space-y-1 text-sm sm:columns-2">
                  {sellNow.map((c) => (
                    <li key={c.key} className="break-inside-avoid">
                      {c.name}
                      {c.status === "beta" ? <span className="ml-1 rounded bg-amber-100 px-1 text-xs font-medium text-amber-900">beta</span> : null}
                    </li>
                  ))}
                </ul>
              ) : <Empty>Nothing available yet.</Empty>}
            </div>
            <div>
              <h3 className="mb-2 text-sm font-semibold text-slate-900">On the roadmap: never promise before the date</h3>
              {roadmap.length ? (
                <ul className="space-y-1 text-sm">
                  {roadmap.map((c) => (
                    <li key={c.key}>
                      <span className="font-medium">{c.name}</span> <span className="text-slate-600">· expected {formatDate(c.expectedDate)}</span>
                    </li>
                  ))}
                </ul>
              ) : <Empty>Nothing on the roadmap.</Empty>}
            </div>
          </div>
        )}
      </BriefSection>

      <BriefSection id="brief-guardrails" title="What we say no to" section="guardrails" footer={footer}>
        {version.guardrails.length === 0 && notOffered.length === 0 ? <Empty>No guardrails are set in this version.</Empty> : (
          <div className="grid gap-6 md:grid-cols-2">
            <div>
              <h3 className="mb-2 text-sm font-semibold text-slate-900">We do not do</h3>
              {version.guardrails.length ? (
                <ul className="space-y-2 text-sm">
                  {version.guardrails.map((g) => (
                    <li key={g.key}>
                      <span className="font-medium text-red-900">{g.name}</span>
                      {g.description ? <span className="block text-slate-700">{g.description}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : <Empty>No guardrails.</Empty>}
            </div>
            <div>
              <h3 className="mb-2 text-sm font-semibold text-slate-900">We do not offer</h3>
              {notOffered.length ? (
                <ul className="space-y-1 text-sm">
                  {notOffered.map((c) => (
                    <li key={c.key}>
                      <span className="font-medium">{c.name}</span>
                      {c.description ? <span className="text-slate-700"> · {c.description}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : <Empty>Nothing listed as not offered.</Empty>}
            </div>
          </div>
        )}
      </BriefSection>

      <BriefSection id="brief-products" title="Discount policy" section="products" footer={footer}>
        {version.products.length === 0 ? <Empty>No products are priced in this version.</Empty> : (
          <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Discount policy table">
            <table className="w-full text-sm">
              <caption className="sr-only">List price and the most discount allowed without approval, per product</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left">
                  <th scope="col" className="py-2 pr-4 font-semibold">Product</th>
                  <th scope="col" className="py-2 pr-4 text-right font-semibold">List price</th>
                  <th scope="col" className="py-2 text-right font-semibold">Most discount without approval</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {version.products.map((p) => (
                  <tr key={p.key}>
                    <th scope="row" className="py-2 pr-4 text-left font-medium">{p.name}</th>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(p.listPrice, p.currency)}</td>
                    <td className="py-2 text-right tabular-nums">{p.maxDiscountPct} %</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-2 text-xs text-slate-600">More discount needs approval{position >= 30 ? ", and counts as critical: we sell for more" : ""}.</p>
          </div>
        )}
      </BriefSection>

      <BriefSection id="brief-targets" title={targetsTitle} section="targets" footer={footer}>
        {targetGroups.every((g) => g.targets.length === 0) ? <Empty>No targets are set for you in this version.</Empty> : (
          <div className="grid gap-6 md:grid-cols-3">
            {targetGroups.filter((g) => g.targets.length).map((g) => (
              <div key={g.title}>
                <h3 className="mb-2 text-sm font-semibold text-slate-900">{g.title}</h3>
                <ul className="space-y-1 text-sm">
                  {g.targets.map((t) => (
                    <li key={t.key}>
                      <span className="text-slate-600">{formatPeriod(t.period)}{g.showScope && t.scopeId && names[t.scopeId] ? ` · ${names[t.scopeId]}` : ""} · </span>
                      {METRIC_LABEL[t.metric]}: <span className="font-semibold tabular-nums">{formatTargetValue(t.metric, t.value)}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
      </BriefSection>
    </div>
  );
}

function SegmentList({ title, tone, segments, empty }: { title: string; tone: string; segments: StrategyContent["segments"]; empty: string }) {
  return (
    <div>
      <h3 className={`mb-2 text-sm font-semibold ${tone}`}>{title}</h3>
      {segments.length === 0 ? <Empty>{empty}</Empty> : (
        <ul className="space-y-3 text-sm">
          {segments.map((s) => (
            <li key={s.key}>
              <span className="font-medium text-slate-900">{s.name}</span>
              <span className="block text-slate-700">
                {s.industries.length ? s.industries.join(", ") : "Any industry"} · {s.regions.length ? s.regions.join(", ") : "any region"}
              </span>
              <span className="block text-slate-700">
                {formatRange(s.employeeMin, s.employeeMax, "employees")}
                {s.revenueMin !== null || s.revenueMax !== null ? ` · revenue ${formatRange(s.revenueMin, s.revenueMax)}` : ""}
              </span>
              {s.buyingCriteria.length ? <span className="block text-slate-700">We win on {s.buyingCriteria.join(", ")}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
