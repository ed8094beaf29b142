import Link from "next/link";
import type { RepFinding } from "@/lib/dashboard/types";

// Same badges as the deal page's findings (components/deals/findings.tsx): text + icon + colour.
const SEVERITY = {
  critical: { label: "Critical", badge: "bg-red-100 text-red-900 ring-red-300", icon: "✕", rank: 0 },
  warning: { label: "Warning", badge: "bg-amber-100 text-amber-900 ring-amber-300", icon: "!", rank: 1 },
  info: { label: "Info", badge: "bg-sky-100 text-sky-900 ring-sky-300", icon: "i", rank: 2 },
} as const;

/** RepFinding carries no href; the deal page is the drill-down. */
export const dealHref = (dealId: string) => `/deals/${encodeURIComponent(dealId)}`;

interface DealGroup {
  dealId: string;
  dealName: string;
  findings: RepFinding[];
}

/** Groups findings by deal, in the order deals first appear; within a deal, most severe first. */
export function groupFindingsByDeal(findings: RepFinding[]): DealGroup[] {
  const groups = new Map<string, DealGroup>();
  for (const f of findings) {
    const g = groups.get(f.dealId) ?? { dealId: f.dealId, dealName: f.dealName, findings: [] };
    g.findings.push(f);
    groups.set(f.dealId, g);
  }
  return [...groups.values()].map((g) => ({ ...g, findings: [...g.findings].sort((a, b) => SEVERITY[a.severity].rank - SEVERITY[b.severity].rank) }));
}

/** A rep's open findings, by deal: message, what to do, severity; each deal links to its page. */
export function RepFindingsList({ findings }: { findings: RepFinding[] }) {
  if (!findings.length) return <p className="text-sm text-emerald-800">No open findings on your deals: they are on strategy.</p>;
  return (
    <ul role="list" className="space-y-4">
      {groupFindingsByDeal(findings).map((g) => {
        const critical = g.findings.filter((f) => f.severity === "critical").length;
        return (
          <li key={g.dealId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h3 className="flex flex-wrap items-baseline gap-x-2 text-base font-semibold text-slate-900">
              <Link href={dealHref(g.dealId)} className="text-indigo-800 underline underline-offset-4">
                {g.dealName}
              </Link>
              <span className="text-sm font-normal text-slate-600">
                {g.findings.length} {g.findings.length === 1 ? "finding" : "findings"}
                {critical ? `, ${critical} critical` : ""}
              </span>
            </h3>
            <ul role="list" className="mt-3 space-y-2">
              {g.findings.map((f, i) => {
                const s = SEVERITY[f.severity];
                return (
                  <li key={i} className="rounded-md border border-slate-200 p-3">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ${s.badge}`}>
                        <span aria-hidden="true">{s.icon}</span> {s.label}
                      </span>
                      {f.points ? <span className="text-xs text-slate-600">−{f.points} points</span> : null}
                    </div>
                    <p className="mt-2 text-sm text-slate-900">{f.message}</p>
                    <p className="mt-1 text-sm text-slate-700">
                      <span className="font-medium">What to do: </span>
                      {f.remedy}
                    </p>
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
