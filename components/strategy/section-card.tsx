"use client";

import type { MouseEvent, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { SECTION_LABEL, type Section } from "@/lib/validations/strategy";
import { Badge } from "./fields";
import type { SectionState } from "./use-draft";

/** Where a field message points: "segments.2.name" → the input with id "segments-<key>-name". */
export type ErrorLink = { path: string; label: string; messages: string[]; targetId?: string };

/**
 * One section of the draft editor: its heading with an "unsaved changes" marker, the fields, a
 * summary of what needs attention, the conflict panel when someone else saved first, and its own
 * Save button with a live region for the outcome.
 */
export function SectionCard({
  section, state, description, children, errorLinks, conflictView, onSave, onUseTheirs, onSaveMine,
}: {
  section: Section;
  state: SectionState;
  description: ReactNode;
  children: ReactNode;
  errorLinks: ErrorLink[];
  conflictView?: ReactNode;
  onSave: () => void;
  onUseTheirs: () => void;
  onSaveMine: () => void;
}) {
  const dirty = JSON.stringify(state.form) !== JSON.stringify(state.baseline);
  // "Saved" on a section nobody has written yet would read as a promise; say nothing instead.
  const empty = Array.isArray(state.form)
    ? state.form.length === 0
    : section === "mission" && Object.values(state.form).every((v) => !String(v).trim());
  const label = SECTION_LABEL[section];
  const headingId = `section-${section}-heading`;
  return (
    <section id={`section-${section}`} aria-labelledby={headingId} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-200 px-5 py-4">
        <div>
          <h2 id={headingId} className="text-base font-semibold text-slate-900">{label}</h2>
          <div className="mt-1 max-w-prose text-sm text-slate-600">{description}</div>
        </div>
        {dirty ? <Badge tone="amber">Unsaved changes</Badge> : empty ? null : <Badge tone="emerald">Saved</Badge>}
      </div>

      {state.conflict ? (
        <div className="border-b border-amber-300 bg-amber-50 px-5 py-4" role="region" aria-label={`${label}: newer version saved by someone else`}>
          <h3 className="text-sm font-semibold text-amber-950">Not saved: someone else saved the draft after you opened it</h3>
          <p className="mt-1 text-sm text-amber-950">Nothing of yours is lost. Compare their version with your edits, then choose.</p>
          <div className="mt-3 grid gap-4 lg:grid-cols-2">
            <div className="rounded-md border border-amber-300 bg-white p-3">
              <h4 className="mb-2 text-sm font-semibold text-slate-900">Their version (saved now)</h4>
              {conflictView}
            </div>
            <div className="rounded-md border border-indigo-200 bg-white p-3 text-sm text-slate-700">
              <h4 className="mb-2 text-sm font-semibold text-slate-900">Your edits (not saved yet)</h4>
              <p>Your edits are still in the form below, exactly as you typed them. Re-apply what you need, then save over their version, or take theirs.</p>
              <div className="mt-3 flex flex-wrap gap-2">
                <Button onClick={onSaveMine} disabled={state.pending}>{state.pending ? "Saving…" : "Save my version"}</Button>
                <Button variant="secondary" onClick={onUseTheirs} disabled={state.pending}>Use their version</Button>
              </div>
            </div>
          </div>
        </div>
      ) : null}

      <div className="px-5 py-4">{children}</div>

      {errorLinks.length ? (
        <div className="mx-5 mb-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          <h3 className="font-semibold">{errorLinks.length === 1 ? "1 field needs attention" : `${errorLinks.length} fields need attention`}</h3>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {errorLinks.slice(0, 12).map((e) => (
              <li key={e.path}>
                {e.targetId ? (
                  <a href={`#${e.targetId}`} className="underline underline-offset-2" onClick={(ev) => focusField(ev, e.targetId!)}>{e.label}</a>
                ) : (
                  <span className="font-medium">{e.label}</span>
                )}
                : {e.messages.join(" ")}
              </li>
            ))}
            {errorLinks.length > 12 ? <li>…and {errorLinks.length - 12} more.</li> : null}
          </ul>
        </div>
      ) : null}

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 bg-slate-50 px-5 py-3">
        <Button onClick={onSave} disabled={state.pending} aria-describedby={`section-${section}-status`}>
          {state.pending ? "Saving…" : `Save ${label.toLowerCase()}`}
        </Button>
        <div id={`section-${section}-status`} role="status" aria-live="polite" className="min-h-5 text-sm">
          {state.message ? <p className={state.message.ok ? "text-emerald-800" : "text-red-700"}>{state.message.text}</p> : null}
        </div>
      </div>
    </section>
  );
}

function focusField(event: MouseEvent, id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  event.preventDefault();
  el.scrollIntoView({ block: "center" });
  el.focus();
}

/** Field messages of a section as links to their inputs (ids are "<section>-<row key>-<field>"). */
export function errorLinksFor(
  section: Section,
  errors: Record<string, string[]> | null,
  options: { rows?: { key: string; name?: string }[]; fieldLabel: Record<string, string>; rowNoun?: string },
): ErrorLink[] {
  if (!errors) return [];
  return Object.entries(errors).map(([path, messages]) => {
    const parts = path.split(".");
    if (options.rows && parts.length >= 3 && /^\d+$/.test(parts[1]!)) {
      const index = Number(parts[1]);
      const field = parts[2]!;
      const row = options.rows[index];
      const name = row?.name?.trim() ? `“${row.name.trim()}”` : `${options.rowNoun ?? "Row"} ${index + 1}`;
      return { path, messages, label: `${name}, ${options.fieldLabel[field] ?? field}`, targetId: row ? `${section}-${row.key}-${field}` : undefined };
    }
    const field = parts[0] ?? "";
    if (options.rows || field === "_form") return { path, messages, label: SECTION_LABEL[section] };
    return { path, messages, label: options.fieldLabel[field] ?? field, targetId: `${section}-${field}` };
  });
}

/** The messages for one field of one row: errors["segments.2.name"]. */
export function rowErrors(errors: Record<string, string[]> | null, list: string, index: number, field: string) {
  return errors?.[`${list}.${index}.${field}`];
}
