import Link from "next/link";
import { formatPeriod } from "@/components/strategy/format";
import { EmptyState } from "@/components/ui/empty-state";
import type { TargetProgress } from "@/lib/dashboard/types";
import { formatFigure } from "./format";

// Status is always written out in the badge; the colour only repeats it.
const STATUS: Record<TargetProgress["status"], { label: string; badge: string; bar: string; icon: string }> = {
  met: { label: "Met", badge: "bg-emerald-100 text-emerald-900 ring-emerald-300", bar: "bg-emerald-700", icon: "✓" },
  on_track: { label: "On track", badge: "bg-sky-100 text-sky-900 ring-sky-300", bar: "bg-sky-700", icon: "→" },
  at_risk: { label: "At risk", badge: "bg-amber-100 text-amber-900 ring-amber-300", bar: "bg-amber-600", icon: "!" },
  off_track: { label: "Off track", badge: "bg-red-100 text-red-900 ring-red-300", bar: "bg-red-700", icon: "✕" },
  no_data: { label: "No data", badge: "bg-slate-100 text-slate-800 ring-slate-300", bar: "bg-slate-400", icon: "–" },
};

export function TargetStatusBadge({ status }: { status: TargetProgress["status"] }) {
  const s = STATUS[status];
  return (
    <span className={`inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ${s.badge}`}>
      <span aria-hidden="true">{s.icon}</span> {s.label}
    </span>
  );
}

/** Targets for the period with progress, projection and status; each links to the deals behind it. */
export function TargetList({ targets }: { targets: TargetProgress[] }) {
  if (!targets.length) {
    return (
      <EmptyState title="No targets">
        <p>No targets set for this period — leadership sets them in the strategy.</p>
      </EmptyState>
    );
  }
  return (
    <ul role="list" className="grid grid-cols-1 gap-3 md:grid-cols-2">
      {targets.map((t) => (
        <TargetItem key={t.id} target={t} />
      ))}
    </ul>
  );
}

function TargetItem({ target: t }: { target: TargetProgress }) {
  const s = STATUS[t.status];
  const pct = Math.round(Math.min(1, Math.max(0, Number.isFinite(t.progress) ? t.progress : 0)) * 100);
  const limit = t.direction === "atMost" ? "at most " : "";
  const valueText =
    t.actual === null
      ? "No data yet"
      : t.direction === "atMost"
        ? `${formatFigure(t.actual, t.unit)} against a limit of ${formatFigure(t.target, t.unit)}`
        : `${pct} % of target`;

  return (
    // The label is the link; its ::after stretches over the card so the whole card is clickable.
    <li className="relative rounded-lg border border-slate-200 bg-white p-4 shadow-sm transition-colors hover:border-slate-400">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <Link href={t.href} className="font-medium text-slate-900 underline-offset-4 after:absolute after:inset-0 after:rounded-lg hover:underline">
            {t.label}
          </Link>
          <p className="text-xs text-slate-600">
            {t.scopeLabel} · {formatPeriod(t.period)}
          </p>
        </div>
        <TargetStatusBadge status={t.status} />
      </div>
      <div
        role="progressbar"
        aria-label={`${t.label}: progress towards target`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={valueText}
        className="mt-3 h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full rounded-full ${s.bar}`} style={{ width: `${pct}%` }} />
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
        <div>
          <dt className="text-xs text-slate-600">Actual / target</dt>
          <dd className="font-semibold text-slate-900 tabular-nums">
            {formatFigure(t.actual, t.unit)} / {limit}
            {formatFigure(t.target, t.unit)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">Projected by period end</dt>
          <dd className="font-semibold text-slate-900 tabular-nums">{t.projected === null ? "Not enough data" : formatFigure(t.projected, t.unit)}</dd>
        </div>
      </dl>
    </li>
  );
}
