import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import type { AdoptionRow, RecurringPromise } from "@/lib/dashboard/types";
import { formatFigure, formatPercent } from "./format";

const KIND: Record<RecurringPromise["kind"], { label: string; badge: string }> = {
  capability: { label: "Capability", badge: "bg-sky-100 text-sky-900 ring-sky-300" },
  guardrail: { label: "Guardrail", badge: "bg-red-100 text-red-900 ring-red-300" },
  unknown: { label: "Not in catalog", badge: "bg-slate-100 text-slate-800 ring-slate-300" },
};

const th = "py-2 pr-3 font-medium last:pr-0";
const td = "py-2 pr-3 last:pr-0";

/** Off-strategy promises several reps keep making: each links to the deals that carry it. */
export function RecurringPromises({ promises, caption = "Promises that recur across deals, most widespread first" }: { promises: RecurringPromise[]; caption?: string }) {
  if (!promises.length) {
    return (
      <EmptyState title="No recurring promises">
        <p>No off-strategy promise came up on more than one deal in this period.</p>
      </EmptyState>
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-700">
            <th scope="col" className={th}>Promise</th>
            <th scope="col" className={th}>Kind</th>
            <th scope="col" className={`${th} text-right`}>Reps</th>
            <th scope="col" className={`${th} text-right`}>Deals</th>
            <th scope="col" className={`${th} text-right`}>Open value</th>
          </tr>
        </thead>
        <tbody>
          {promises.map((p) => {
            const k = KIND[p.kind];
            return (
              <tr key={p.key} className="border-b border-slate-100 last:border-b-0">
                <th scope="row" className={`${td} font-normal`}>
                  <Link href={p.href} className="text-indigo-800 underline underline-offset-4">
                    {p.name}
                  </Link>
                </th>
                <td className={td}>
                  <span className={`inline-flex rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ${k.badge}`}>{k.label}</span>
                </td>
                <td className={`${td} text-right tabular-nums`}>{formatFigure(p.reps, "count")}</td>
                <td className={`${td} text-right tabular-nums`}>{formatFigure(p.deals, "count")}</td>
                <td className={`${td} text-right tabular-nums`}>{formatFigure(p.value, "money")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Strategy acknowledgement per team. Rows carry no href in the contract, so the table links once,
 * to the acknowledgements page (`href`), which lists the people.
 */
export function AdoptionTable({
  rows,
  href = "/strategy/acknowledgements",
  caption = "Share of each team that has acknowledged the current strategy",
}: {
  rows: AdoptionRow[];
  href?: string | null;
  caption?: string;
}) {
  if (!rows.length) {
    return (
      <EmptyState title="No acknowledgements to show">
        <p>Once a strategy version is published, this shows how much of each team has read and acknowledged it.</p>
      </EmptyState>
    );
  }
  const members = rows.reduce((n, r) => n + r.members, 0);
  const acknowledged = rows.reduce((n, r) => n + r.acknowledged, 0);
  return (
    <div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-slate-700">
              <th scope="col" className={th}>Team</th>
              <th scope="col" className={`${th} text-right`}>Members</th>
              <th scope="col" className={`${th} text-right`}>Acknowledged</th>
              <th scope="col" className={th}>Share</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.teamId ?? "no-team"} className="border-b border-slate-100">
                <th scope="row" className={`${td} font-normal text-slate-900`}>{r.team}</th>
                <td className={`${td} text-right tabular-nums`}>{formatFigure(r.members, "count")}</td>
                <td className={`${td} text-right tabular-nums`}>{formatFigure(r.acknowledged, "count")}</td>
                <td className={td}>
                  <ShareBar share={r.share} label={`${r.team}: share acknowledged`} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t border-slate-300 font-semibold text-slate-900">
              <th scope="row" className={`${td} text-left`}>All teams</th>
              <td className={`${td} text-right tabular-nums`}>{formatFigure(members, "count")}</td>
              <td className={`${td} text-right tabular-nums`}>{formatFigure(acknowledged, "count")}</td>
              <td className={`${td} tabular-nums`}>{members ? formatPercent((acknowledged / members) * 100) : "—"}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {href ? (
        <p className="mt-3 text-sm">
          <Link href={href} className="font-medium text-indigo-800 underline underline-offset-4">
            See who has acknowledged
          </Link>
        </p>
      ) : null}
    </div>
  );
}

function ShareBar({ share, label }: { share: number | null; label: string }) {
  if (share === null) return <span className="text-slate-600">No members</span>;
  const pct = Math.round(Math.min(100, Math.max(0, share)));
  return (
    <span className="flex items-center gap-2">
      <span role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="h-2 w-20 shrink-0 overflow-hidden rounded-full bg-slate-200">
        <span className="block h-full rounded-full bg-slate-700" style={{ width: `${pct}%` }} />
      </span>
      <span className="tabular-nums">{formatPercent(share)}</span>
    </span>
  );
}
