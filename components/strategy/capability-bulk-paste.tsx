"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { applyPaste, parseCapabilityPaste, type PastedCapability } from "./bulk-paste";
import { Badge, TextArea } from "./fields";
import { STATUS_LABEL, type CapabilityRow } from "./form-model";

const EXAMPLE = "AI dynamic pricing | roadmap | 2027-06-30 | automatic price optimisation; machine learning pricing";

/** Paste many capabilities at once, review the parsed rows, then add them to the table. */
export function CapabilityBulkPaste({
  rows, onApply,
}: { rows: CapabilityRow[]; onApply: (update: (rows: CapabilityRow[]) => CapabilityRow[]) => void }) {
  const [text, setText] = useState("");
  const [preview, setPreview] = useState<PastedCapability[] | null>(null);
  const [note, setNote] = useState("");

  const review = () => {
    const parsed = parseCapabilityPaste(text, rows);
    setPreview(parsed);
    setNote(parsed.length ? "" : "Nothing to review: paste one capability per line.");
  };
  const apply = () => {
    if (!preview) return;
    const good = preview.filter((p) => !p.error);
    const bad = preview.filter((p) => p.error);
    onApply((current) => applyPaste(current, good));
    const added = good.filter((p) => !p.updatesKey).length;
    const updated = good.length - added;
    setNote(
      `Added ${added} and updated ${updated} in the table. Save capabilities to keep them.` +
        (bad.length ? ` ${bad.length} ${bad.length === 1 ? "line was" : "lines were"} left here to fix.` : ""),
    );
    const lines = text.split(/\r?\n/);
    setText(bad.map((p) => lines[p.line - 1] ?? "").join("\n"));
    setPreview(null);
  };
  const okCount = preview?.filter((p) => !p.error).length ?? 0;

  return (
    <details className="rounded-md border border-slate-200 bg-slate-50 p-4">
      <summary className="cursor-pointer text-sm font-semibold text-slate-900">Bulk paste capabilities</summary>
      <div className="mt-3 space-y-3">
        <TextArea
          id="capabilities-bulk"
          label="One capability per line"
          hint={
            <>
              <span className="block">Columns: name | status | expected date | aliases (separated by ;) | description. Tabs from a spreadsheet work too.</span>
              <span className="block">Status: available, beta, roadmap (needs a date) or not offered. Rows with a name already in the table update it.</span>
              <span className="mt-1 block">Example: <code className="break-words rounded bg-white px-1 font-mono">{EXAMPLE}</code></span>
            </>
          }
          rows={5}
          value={text}
          onValue={(v) => {
            setText(v);
            setPreview(null);
          }}
          inputClassName="font-mono"
        />
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="secondary" onClick={review} disabled={!text.trim()}>Review pasted lines</Button>
          <p role="status" aria-live="polite" className="text-sm text-slate-700">{note}</p>
        </div>
        {preview && preview.length ? (
          <div className="space-y-3">
            <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white">
              <table className="w-full min-w-[40rem] text-sm">
                <caption className="px-3 py-2 text-left text-sm font-semibold text-slate-900">
                  {preview.length} {preview.length === 1 ? "line" : "lines"} read: {okCount} ready, {preview.length - okCount} to fix
                </caption>
                <thead className="bg-slate-50 text-left">
                  <tr>
                    <th scope="col" className="px-2 py-1">Line</th>
                    <th scope="col" className="px-2 py-1">Name</th>
                    <th scope="col" className="px-2 py-1">Status</th>
                    <th scope="col" className="px-2 py-1">Expected date</th>
                    <th scope="col" className="px-2 py-1">Aliases</th>
                    <th scope="col" className="px-2 py-1">Result</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {preview.map((p) => (
                    <tr key={p.line} className={p.error ? "bg-red-50" : undefined}>
                      <td className="px-2 py-1 tabular-nums">{p.line}</td>
                      <td className="px-2 py-1">{p.name || "—"}</td>
                      <td className="px-2 py-1">{STATUS_LABEL[p.status]}</td>
                      <td className="px-2 py-1">{p.expectedDate || "—"}</td>
                      <td className="px-2 py-1">{p.aliases.join(", ") || "—"}</td>
                      <td className="px-2 py-1">
                        {p.error ? <span className="text-red-800">{p.error}</span> : p.updatesKey ? <Badge tone="amber">Updates the existing one</Badge> : <Badge tone="emerald">New</Badge>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="flex flex-wrap gap-2">
              <Button onClick={apply} disabled={okCount === 0}>
                Add {okCount} to the table
              </Button>
              <Button variant="ghost" onClick={() => setPreview(null)}>Cancel</Button>
            </div>
          </div>
        ) : null}
      </div>
    </details>
  );
}
