"use client";

import { Button } from "@/components/ui/button";
import { CRITERIA } from "@/lib/scoring/types";
import { PRIORITIES } from "@/lib/validations/strategy";
import { Badge, focusSoon, Input, Select } from "./fields";
import { emptyRow, type SegmentRow } from "./form-model";
import { rowErrors } from "./section-card";

type Errors = Record<string, string[]> | null;

export const SEGMENT_FIELDS: Record<string, string> = {
  name: "Name", industries: "Industries", regions: "Regions", employeeMin: "Employees from", employeeMax: "Employees up to",
  revenueMin: "Revenue from", revenueMax: "Revenue up to", priority: "Priority", buyingCriteria: "Buying criteria we win on",
};
export const PRIORITY_LABEL = { primary: "Primary", secondary: "Secondary", avoid: "Avoid" } as const;
const PRIORITY_TONE = { primary: "indigo", secondary: "slate", avoid: "red" } as const;

export function SegmentsFields({ rows, errors, onChange }: { rows: SegmentRow[]; errors: Errors; onChange: (rows: SegmentRow[]) => void }) {
  const set = (i: number, patch: Partial<SegmentRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="space-y-4">
      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">
          No segments yet. Add the kinds of accounts you sell to first (primary), then the ones you take when they come (secondary) and the ones you avoid.
        </p>
      ) : null}
      {rows.map((row, i) => {
        const id = (field: string) => `segments-${row.key}-${field}`;
        const err = (field: string) => rowErrors(errors, "segments", i, field);
        const title = row.name.trim() || `Segment ${i + 1}`;
        return (
          <fieldset key={row.key} className="rounded-md border border-slate-200 p-4">
            <legend className="flex items-center gap-2 px-1 text-sm font-semibold text-slate-900">
              {title} <Badge tone={PRIORITY_TONE[row.priority]}>{PRIORITY_LABEL[row.priority]}</Badge>
            </legend>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              <Input id={id("name")} label="Name" value={row.name} onValue={(v) => set(i, { name: v })} errors={err("name")} className="sm:col-span-2" maxLength={120} />
              <Select id={id("priority")} label="Priority" value={row.priority} onValue={(v) => set(i, { priority: v as SegmentRow["priority"] })} errors={err("priority")} className="sm:col-span-2">
                {PRIORITIES.map((p) => (
                  <option key={p} value={p}>{PRIORITY_LABEL[p]}</option>
                ))}
              </Select>
              <Input id={id("industries")} label="Industries" hint="Separate with commas. Empty means any industry." value={row.industries} onValue={(v) => set(i, { industries: v })} errors={err("industries")} className="sm:col-span-2" />
              <Input id={id("regions")} label="Regions" hint="Separate with commas. Empty means any region." value={row.regions} onValue={(v) => set(i, { regions: v })} errors={err("regions")} className="sm:col-span-2" />
              <Input id={id("employeeMin")} label="Employees from" type="number" min={0} inputMode="numeric" value={row.employeeMin} onValue={(v) => set(i, { employeeMin: v })} errors={err("employeeMin")} />
              <Input id={id("employeeMax")} label="Employees up to" hint="Empty: no upper limit." type="number" min={0} inputMode="numeric" value={row.employeeMax} onValue={(v) => set(i, { employeeMax: v })} errors={err("employeeMax")} />
              <Input id={id("revenueMin")} label="Revenue from" type="number" min={0} inputMode="decimal" value={row.revenueMin} onValue={(v) => set(i, { revenueMin: v })} errors={err("revenueMin")} />
              <Input id={id("revenueMax")} label="Revenue up to" hint="Empty: no upper limit." type="number" min={0} inputMode="decimal" value={row.revenueMax} onValue={(v) => set(i, { revenueMax: v })} errors={err("revenueMax")} />
            </div>
            <fieldset className="mt-3">
              <legend className="text-sm font-medium text-slate-800">Buying criteria we win on</legend>
              <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {CRITERIA.map((c) => (
                  <label key={c} className="flex min-h-10 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="size-4 accent-indigo-700"
                      checked={row.buyingCriteria.includes(c)}
                      onChange={(e) => set(i, { buyingCriteria: e.target.checked ? CRITERIA.filter((x) => x === c || row.buyingCriteria.includes(x)) : row.buyingCriteria.filter((x) => x !== c) })}
                    />
                    {c.charAt(0).toUpperCase() + c.slice(1)}
                  </label>
                ))}
              </div>
              {err("buyingCriteria") ? <p className="text-sm text-red-700">{err("buyingCriteria")!.join(" ")}</p> : null}
            </fieldset>
            <div className="mt-3 text-right">
              <Button variant="ghost" className="text-red-800" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                Remove {title}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <Button
        variant="secondary"
        onClick={() => {
          const row = emptyRow.segments();
          onChange([...rows, row]);
          focusSoon(`segments-${row.key}-name`);
        }}
      >
        Add a segment
      </Button>
    </div>
  );
}
