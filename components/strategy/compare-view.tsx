// What changed between two strategy versions, per section: added, removed, and changed fields
// (before → after). Presentational: the page computes the diff with lib/strategy/compare.
import type { SectionDiff } from "@/lib/strategy/compare";
import type { StrategyContent } from "@/lib/strategy/content";
import { formatPosition } from "@/lib/strategy/position";
import { METRIC_LABEL, SECTION_LABEL, type Section } from "@/lib/validations/strategy";
import { formatDate, formatNumber, formatPeriod } from "./format";
import { STATUS_LABEL } from "./form-model";

const FIELD_LABEL: Record<string, string> = {
  whoWeAre: "Who we are", whyWeAreHere: "Why we are here", whyItMatters: "Why it matters",
  valuePosition: "Position", valueRationale: "Rationale",
  name: "Name", industries: "Industries", regions: "Regions", employeeMin: "Employees from", employeeMax: "Employees up to",
  revenueMin: "Revenue from", revenueMax: "Revenue up to", priority: "Priority", buyingCriteria: "Buying criteria",
  description: "Description", aliases: "Aliases", status: "Status", expectedDate: "Expected date",
  listPrice: "List price", currency: "Currency", maxDiscountPct: "Most discount without approval (%)",
  period: "Period", scope: "Scope", scopeId: "Team or rep", metric: "Metric", value: "Target",
};
const PRIORITY: Record<string, string> = { primary: "Primary", secondary: "Secondary", avoid: "Avoid" };
const SCOPE: Record<string, string> = { company: "Company", team: "Team", rep: "Rep" };

type Comparable = Pick<StrategyContent, "segments" | "capabilities" | "guardrails" | "products" | "targets">;

function show(field: string, value: unknown, names: Record<string, string>): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "—";
  switch (field) {
    case "valuePosition": return formatPosition(Number(value));
    case "status": return STATUS_LABEL[value as keyof typeof STATUS_LABEL] ?? String(value);
    case "priority": return PRIORITY[String(value)] ?? String(value);
    case "scope": return SCOPE[String(value)] ?? String(value);
    case "metric": return METRIC_LABEL[value as keyof typeof METRIC_LABEL] ?? String(value);
    case "scopeId": return names[String(value)] ?? "a removed team or rep";
    case "expectedDate": return formatDate(String(value));
    case "period": return formatPeriod(String(value));
    default: return typeof value === "number" ? formatNumber(value) : String(value);
  }
}

/** A readable name for a list item: targets have none, so they are named by what they measure. */
function itemLabel(section: Section, key: string, fallback: string, a: Comparable, b: Comparable, names: Record<string, string>) {
  if (section !== "targets") return fallback;
  const t = b.targets.find((x) => x.key === key) ?? a.targets.find((x) => x.key === key);
  if (!t) return fallback;
  const who = t.scope === "company" ? "Company" : (names[t.scopeId ?? ""] ?? SCOPE[t.scope]);
  return `${METRIC_LABEL[t.metric]} · ${formatPeriod(t.period)} · ${who}`;
}

export function CompareView({
  diffs, a, b, aNumber, bNumber, names,
}: { diffs: SectionDiff[]; a: Comparable; b: Comparable; aNumber: number; bNumber: number; names: Record<string, string> }) {
  const unchanged = diffs.filter((d) => d.added.length + d.removed.length + d.changed.length === 0);
  return (
    <div className="space-y-6">
      {diffs.filter((d) => !unchanged.includes(d)).map((d) => {
        const single = d.section === "mission" || d.section === "valueProposition";
        const label = (key: string, name: string) => itemLabel(d.section, key, name, a, b, names);
        return (
          <section key={d.section} aria-labelledby={`diff-${d.section}`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id={`diff-${d.section}`} className="text-base font-semibold text-slate-900">
              {SECTION_LABEL[d.section]}{" "}
              <span className="text-sm font-normal text-slate-600">
                {single ? "· changed" : `· ${[d.added.length && `${d.added.length} added`, d.removed.length && `${d.removed.length} removed`, d.changed.length && `${d.changed.length} changed`].filter(Boolean).join(", ")}`}
              </span>
            </h2>
            <div className="mt-3 space-y-4 text-sm">
              {d.added.length ? (
                <div>
                  <h3 className="font-semibold text-emerald-900">Added in version {bNumber}</h3>
                  <ul className="mt-1 space-y-1">
                    {d.added.map((x) => <li key={x.key} className="rounded bg-emerald-50 px-2 py-1 text-emerald-950"><span aria-hidden="true">+ </span>{label(x.key, x.name)}</li>)}
                  </ul>
                </div>
              ) : null}
              {d.removed.length ? (
                <div>
                  <h3 className="font-semibold text-red-900">Removed since version {aNumber}</h3>
                  <ul className="mt-1 space-y-1">
                    {d.removed.map((x) => <li key={x.key} className="rounded bg-red-50 px-2 py-1 text-red-950"><span aria-hidden="true">− </span><del className="no-underline">{label(x.key, x.name)}</del></li>)}
                  </ul>
                </div>
              ) : null}
              {d.changed.length ? (
                <div>
                  {single ? null : <h3 className="font-semibold text-amber-900">Changed</h3>}
                  <ul className="mt-1 space-y-3">
                    {d.changed.map((item) => (
                      <li key={item.key}>
                        {single ? null : <p className="font-medium text-slate-900">{label(item.key, item.name)}</p>}
                        <div>
                          <table className="mt-1 w-full table-fixed text-sm">
                            <caption className="sr-only">Changes to {single ? SECTION_LABEL[d.section] : label(item.key, item.name)}</caption>
                            <thead>
                              <tr className="text-left text-xs uppercase tracking-wide text-slate-600">
                                <th scope="col" className="w-1/4 py-1 pr-3 font-semibold sm:w-1/5">Field</th>
                                <th scope="col" className="w-2/5 py-1 pr-3 font-semibold">Version {aNumber}</th>
                                <th scope="col" className="w-2/5 py-1 font-semibold">Version {bNumber}</th>
                              </tr>
                            </thead>
                            <tbody className="divide-y divide-slate-100">
                              {item.changes.map((c) => (
                                <tr key={c.field} className="align-top">
                                  <th scope="row" className="break-words py-1.5 pr-3 text-left font-medium text-slate-800">{FIELD_LABEL[c.field] ?? c.field}</th>
                                  <td className="whitespace-pre-line break-words py-1.5 pr-3 text-red-900"><del className="decoration-red-300">{show(c.field, c.before, names)}</del></td>
                                  <td className="whitespace-pre-line break-words py-1.5 text-emerald-900"><ins className="no-underline">{show(c.field, c.after, names)}</ins></td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </div>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </div>
          </section>
        );
      })}
      {unchanged.length ? (
        <p className="rounded-lg border border-slate-200 bg-white p-5 text-sm text-slate-700 shadow-sm">
          <span className="font-semibold text-slate-900">No changes in: </span>
          {unchanged.map((d) => SECTION_LABEL[d.section]).join(", ")}.
        </p>
      ) : null}
    </div>
  );
}
