"use client";

import { METRIC_LABEL, type Section } from "@/lib/validations/strategy";
import { formatPosition } from "@/lib/strategy/position";
import type { AnyForm, FormOf } from "./form-model";
import { STATUS_LABEL } from "./form-model";
import { MISSION_FIELDS } from "./mission-value-sections";
import { PRIORITY_LABEL } from "./segments-section";

type Row = { key: string } & Record<string, unknown>;

/** One line that says what a row is, in the section's words. */
function describeRow(section: Section, row: Row, names: Record<string, string>): string {
  switch (section) {
    case "segments": {
      const r = row as unknown as FormOf["segments"][number];
      return `${r.name || "Unnamed"} (${PRIORITY_LABEL[r.priority]}) · ${r.industries || "any industry"} · ${r.regions || "any region"} · employees ${r.employeeMin || "0"}–${r.employeeMax || "∞"}`;
    }
    case "capabilities": {
      const r = row as unknown as FormOf["capabilities"][number];
      return `${r.name || "Unnamed"} · ${STATUS_LABEL[r.status]}${r.status === "roadmap" && r.expectedDate ? ` ${r.expectedDate}` : ""}${r.aliases ? ` · aliases: ${r.aliases}` : ""}`;
    }
    case "guardrails": {
      const r = row as unknown as FormOf["guardrails"][number];
      return `${r.name || "Unnamed"}${r.aliases ? ` · aliases: ${r.aliases}` : ""}`;
    }
    case "products": {
      const r = row as unknown as FormOf["products"][number];
      return `${r.name || "Unnamed"} · ${r.listPrice} ${r.currency} · up to ${r.maxDiscountPct} % discount`;
    }
    case "targets": {
      const r = row as unknown as FormOf["targets"][number];
      const who = r.scope === "company" ? "Company" : (names[r.scopeId] ?? r.scope);
      return `${r.period} · ${who} · ${METRIC_LABEL[r.metric]}: ${r.value}`;
    }
    default:
      return "";
  }
}

/**
 * The newer content another leader saved, shown beside the user's own edits after a refused save:
 * what they changed compared with what this browser had loaded, and their whole section on demand.
 */
export function ConflictView({
  section, theirs, loaded, names,
}: { section: Section; theirs: AnyForm; loaded: AnyForm; names: Record<string, string> }) {
  if (section === "mission") {
    const t = theirs as FormOf["mission"];
    return (
      <dl className="space-y-2 text-sm">
        {(Object.keys(MISSION_FIELDS) as (keyof typeof MISSION_FIELDS)[]).map((f) => (
          <div key={f}>
            <dt className="font-medium text-slate-700">{MISSION_FIELDS[f]}</dt>
            <dd className="whitespace-pre-wrap text-slate-900">{t[f] || "—"}</dd>
          </div>
        ))}
      </dl>
    );
  }
  if (section === "valueProposition") {
    const t = theirs as FormOf["valueProposition"];
    return (
      <dl className="space-y-2 text-sm">
        <div>
          <dt className="font-medium text-slate-700">Position</dt>
          <dd className="text-slate-900">{formatPosition(Number(t.valuePosition))}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">Rationale</dt>
          <dd className="whitespace-pre-wrap text-slate-900">{t.valueRationale || "—"}</dd>
        </div>
      </dl>
    );
  }
  const mine = new Map((loaded as Row[]).map((r) => [r.key, JSON.stringify(r)]));
  const theirRows = theirs as Row[];
  const theirKeys = new Set(theirRows.map((r) => r.key));
  const added = theirRows.filter((r) => !mine.has(r.key));
  const changed = theirRows.filter((r) => mine.has(r.key) && mine.get(r.key) !== JSON.stringify(r));
  const removed = (loaded as Row[]).filter((r) => !theirKeys.has(r.key));
  const line = (r: Row) => describeRow(section, r, names);
  return (
    <div className="space-y-2 text-sm">
      {added.length + changed.length + removed.length === 0 ? (
        <p className="text-slate-700">Their save did not change this section compared with what you loaded; saving yours is safe.</p>
      ) : (
        <ul className="space-y-1">
          {added.map((r) => <li key={`a${r.key}`}><span className="font-semibold text-emerald-800">Added:</span> {line(r)}</li>)}
          {changed.map((r) => <li key={`c${r.key}`}><span className="font-semibold text-amber-800">Changed:</span> {line(r)}</li>)}
          {removed.map((r) => <li key={`r${r.key}`}><span className="font-semibold text-red-800">Removed:</span> {line(r)}</li>)}
        </ul>
      )}
      <details>
        <summary className="cursor-pointer font-medium text-indigo-800">Their whole section ({theirRows.length} {theirRows.length === 1 ? "row" : "rows"})</summary>
        <ol tabIndex={0} aria-label="Their whole section" className="mt-1 max-h-64 list-decimal space-y-0.5 overflow-y-auto pl-5 text-slate-800">
          {theirRows.map((r) => <li key={r.key}>{line(r)}</li>)}
        </ol>
      </details>
    </div>
  );
}
