"use client";

import { memo, useMemo, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { CAPABILITY_STATUSES } from "@/lib/validations/strategy";
import { CapabilityBulkPaste } from "./capability-bulk-paste";
import { control, focusSoon } from "./fields";
import { emptyRow, splitList, STATUS_LABEL, type CapabilityRow } from "./form-model";

type Errors = Record<string, string[]> | null;
type SortKey = "name" | "status" | "expectedDate";

export const CAPABILITY_FIELDS: Record<string, string> = {
  name: "name", status: "status", expectedDate: "expected date", aliases: "aliases", description: "description",
};
const STATUS_ORDER = Object.fromEntries(CAPABILITY_STATUSES.map((s, i) => [s, i]));

function matches(row: CapabilityRow, query: string) {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [row.name, row.aliases, row.description, STATUS_LABEL[row.status]].some((v) => v.toLowerCase().includes(q));
}

/**
 * The capability catalog: dozens to hundreds of rows. Sorting and searching change only what is
 * shown (the saved order stays), and are applied when asked for, so a row does not jump away
 * while someone types in it.
 */
export function CapabilitiesFields({
  rows, errors, onChange, onRow,
}: {
  rows: CapabilityRow[];
  errors: Errors;
  onChange: (update: (rows: CapabilityRow[]) => CapabilityRow[]) => void;
  onRow: (key: string, patch: Partial<CapabilityRow>) => void;
}) {
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<Set<string> | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1; order: string[] } | null>(null);

  const indexOf = useMemo(() => new Map(rows.map((r, i) => [r.key, i])), [rows]);
  const view = useMemo(() => {
    let list = rows;
    if (sort) {
      const pos = new Map(sort.order.map((k, i) => [k, i]));
      list = [...rows].sort((a, b) => (pos.get(a.key) ?? Infinity) - (pos.get(b.key) ?? Infinity));
    }
    return hits ? list.filter((r) => hits.has(r.key)) : list;
  }, [rows, sort, hits]);

  const search = (value: string) => {
    setQuery(value);
    setHits(value.trim() ? new Set(rows.filter((r) => matches(r, value)).map((r) => r.key)) : null);
  };
  const sortBy = (key: SortKey) => {
    const dir: 1 | -1 = sort?.key === key && sort.dir === 1 ? -1 : 1;
    const value = (r: CapabilityRow) => (key === "status" ? String(STATUS_ORDER[r.status]) : key === "expectedDate" ? r.expectedDate || "9999" : r.name.toLowerCase());
    const order = [...rows].sort((a, b) => value(a).localeCompare(value(b)) * dir || a.name.localeCompare(b.name)).map((r) => r.key);
    setSort({ key, dir, order });
  };
  const add = () => {
    const row = emptyRow.capabilities();
    onChange((current) => [...current, row]);
    if (hits) setHits(new Set([...hits, row.key]));
    focusSoon(`capabilities-${row.key}-name`);
  };

  const hiddenWithErrors = errors
    ? Object.keys(errors).some((path) => {
        const m = /^capabilities\.(\d+)\./.exec(path);
        const key = m ? rows[Number(m[1])]?.key : undefined;
        return key !== undefined && hits !== null && !hits.has(key);
      })
    : false;

  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort?.key === key ? (sort.dir === 1 ? "ascending" : "descending") : "none"} className="px-2 py-2 text-left">
      <button type="button" onClick={() => sortBy(key)} className="inline-flex items-center gap-1 rounded font-semibold text-slate-800 hover:text-indigo-800">
        {label}
        <span aria-hidden="true" className="text-xs text-slate-500">{sort?.key === key ? (sort.dir === 1 ? "▲" : "▼") : "↕"}</span>
      </button>
    </th>
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1 space-y-1">
          <label htmlFor="capabilities-search" className="block text-sm font-medium text-slate-800">Search capabilities</label>
          <input id="capabilities-search" type="search" value={query} onChange={(e) => search(e.target.value)} className={control} placeholder="Name, alias or description" />
        </div>
        <p className="pb-2 text-sm text-slate-600" aria-live="polite">
          {hits ? `${view.length} of ${rows.length} shown` : `${rows.length} ${rows.length === 1 ? "capability" : "capabilities"}`}
        </p>
      </div>
      {hiddenWithErrors ? (
        <p className="text-sm text-red-800">
          Some rows that need attention are hidden by the search.{" "}
          <button type="button" className="font-medium underline" onClick={() => search("")}>Show all rows</button>
        </p>
      ) : null}
      <div className="relative overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full min-w-[46rem] table-fixed text-sm">
          <colgroup>
            <col className="w-[22%]" />
            <col className="w-[13%]" />
            <col className="w-[16%]" />
            <col className="w-[19%]" />
            <col />
            <col className="w-[5.5rem]" />
          </colgroup>
          <caption className="sr-only">Capabilities. Sort by a column with its header button.</caption>
          <thead className="bg-slate-50">
            <tr>
              {header("name", "Name")}
              {header("status", "Status")}
              {header("expectedDate", "Expected date")}
              <th scope="col" className="px-2 py-2 text-left font-semibold text-slate-800">Aliases</th>
              <th scope="col" className="px-2 py-2 text-left font-semibold text-slate-800">Description</th>
              <th scope="col" className="px-2 py-2"><span className="sr-only">Remove</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {view.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-6 text-center text-slate-600">
                  {rows.length === 0 ? "No capabilities yet: add one, or paste a list below." : "No capability matches the search."}
                </td>
              </tr>
            ) : (
              view.map((row) => {
                const i = indexOf.get(row.key) ?? 0;
                return <CapabilityRowView key={row.key} row={row} index={i} errors={errors} onRow={onRow} onRemove={onChange} />;
              })
            )}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={add}>Add a capability</Button>
      </div>
      <CapabilityBulkPaste rows={rows} onApply={onChange} />
    </div>
  );
}

const CapabilityRowView = memo(function CapabilityRowView({
  row, index, errors, onRow, onRemove,
}: {
  row: CapabilityRow;
  index: number;
  errors: Errors;
  onRow: (key: string, patch: Partial<CapabilityRow>) => void;
  onRemove: (update: (rows: CapabilityRow[]) => CapabilityRow[]) => void;
}) {
  const id = (field: string) => `capabilities-${row.key}-${field}`;
  const err = (field: string) => errors?.[`capabilities.${index}.${field}`];
  const what = row.name.trim() || `capability ${index + 1}`;
  const cell = (field: string, label: string, input: ReactNode) => (
    <td className="px-2 py-2 align-top">
      <label htmlFor={id(field)} className="sr-only">{label}</label>
      {input}
      {err(field) ? <p id={`${id(field)}-error`} className="mt-1 text-xs text-red-700">{err(field)!.join(" ")}</p> : null}
    </td>
  );
  const aria = (field: string) => ({ "aria-invalid": err(field) ? true : undefined, "aria-describedby": err(field) ? `${id(field)}-error` : undefined });
  return (
    <tr>
      {cell("name", `Name of capability ${index + 1}`, (
        <input id={id("name")} value={row.name} onChange={(e) => onRow(row.key, { name: e.target.value })} className={control} maxLength={120} {...aria("name")} />
      ))}
      {cell("status", `Status of ${what}`, (
        <select id={id("status")} value={row.status} onChange={(e) => onRow(row.key, { status: e.target.value as CapabilityRow["status"] })} className={`${control} px-2`} {...aria("status")}>
          {CAPABILITY_STATUSES.map((s) => (
            <option key={s} value={s}>{STATUS_LABEL[s]}</option>
          ))}
        </select>
      ))}
      {row.status === "roadmap" ? (
        cell("expectedDate", `Expected date of ${what}`, (
          <input id={id("expectedDate")} type="date" value={row.expectedDate} onChange={(e) => onRow(row.key, { expectedDate: e.target.value })} className={`${control} px-2`} {...aria("expectedDate")} />
        ))
      ) : (
        <td className="px-2 pt-4 pb-2 align-top text-slate-500"><span className="sr-only">No expected date: not on the roadmap</span><span aria-hidden="true">—</span></td>
      )}
      {cell("aliases", `Aliases of ${what}, separated by commas`, (
        <input id={id("aliases")} value={row.aliases} onChange={(e) => onRow(row.key, { aliases: e.target.value })} className={control} placeholder="other words for it" title={splitList(row.aliases).join(" · ")} {...aria("aliases")} />
      ))}
      {cell("description", `Description of ${what}`, (
        <input id={id("description")} value={row.description} onChange={(e) => onRow(row.key, { description: e.target.value })} className={control} {...aria("description")} />
      ))}
      <td className="px-2 py-2 align-top">
        <Button variant="ghost" className="text-red-800" onClick={() => onRemove((rows) => rows.filter((r) => r.key !== row.key))} aria-label={`Remove ${what}`}>
          Remove
        </Button>
      </td>
    </tr>
  );
});
