"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { METRIC_LABEL, TARGET_METRICS } from "@/lib/validations/strategy";
import { focusSoon, Input, Select, TextArea } from "./fields";
import { emptyRow, type GuardrailRow, type ProductRow, type TargetRow } from "./form-model";
import { rowErrors } from "./section-card";

type Errors = Record<string, string[]> | null;
export type ScopeOptions = { teams: { id: string; name: string }[]; reps: { id: string; name: string; detail?: string }[] };

export const GUARDRAIL_FIELDS: Record<string, string> = { name: "What we do not do", description: "Description", aliases: "Aliases" };
export const PRODUCT_FIELDS: Record<string, string> = { name: "Product", listPrice: "List price", currency: "Currency", maxDiscountPct: "Most discount without approval" };
export const TARGET_FIELDS: Record<string, string> = { period: "Period", scope: "Scope", scopeId: "Team or rep", metric: "Metric", value: "Target" };
export const SCOPE_LABEL = { company: "Company", team: "Team", rep: "Rep" } as const;

function Rows<T extends { key: string }>({
  rows, onChange, noun, empty, render, make, firstFieldId,
}: {
  rows: T[];
  onChange: (rows: T[]) => void;
  noun: string;
  empty: string;
  render: (row: T, i: number, set: (patch: Partial<T>) => void) => ReactNode;
  make: () => T;
  firstFieldId: (key: string) => string;
}) {
  return (
    <div className="space-y-3">
      {rows.length === 0 ? <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">{empty}</p> : null}
      <ol className="space-y-3">
        {rows.map((row, i) => (
          <li key={row.key} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 lg:flex-row lg:items-start">
            <div className="min-w-0 flex-1">{render(row, i, (patch) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r))))}</div>
            <Button
              variant="ghost"
              className="self-end text-red-800 lg:mt-6 lg:self-start"
              aria-label={`Remove ${noun} ${i + 1}`}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              Remove
            </Button>
          </li>
        ))}
      </ol>
      <Button
        variant="secondary"
        onClick={() => {
          const row = make();
          onChange([...rows, row]);
          focusSoon(firstFieldId(row.key));
        }}
      >
        Add a {noun}
      </Button>
    </div>
  );
}

export function GuardrailsFields({ rows, errors, onChange }: { rows: GuardrailRow[]; errors: Errors; onChange: (rows: GuardrailRow[]) => void }) {
  return (
    <Rows
      rows={rows}
      onChange={onChange}
      noun="guardrail"
      make={emptyRow.guardrails}
      firstFieldId={(key) => `guardrails-${key}-name`}
      empty="No guardrails yet. Add what the company does not do, like “custom development” or “on-premise hosting”."
      render={(row, i, set) => {
        const id = (f: string) => `guardrails-${row.key}-${f}`;
        const err = (f: string) => rowErrors(errors, "guardrails", i, f);
        return (
          <div className="grid gap-3 md:grid-cols-2">
            <Input id={id("name")} label={`Guardrail ${i + 1}: what we do not do`} value={row.name} onValue={(v) => set({ name: v })} errors={err("name")} maxLength={120} />
            <Input id={id("aliases")} label="Aliases" hint="Other words reps use for it, separated by commas." value={row.aliases} onValue={(v) => set({ aliases: v })} errors={err("aliases")} />
            <TextArea id={id("description")} label="Why not, and what to offer instead" value={row.description} onValue={(v) => set({ description: v })} errors={err("description")} rows={2} className="md:col-span-2" />
          </div>
        );
      }}
    />
  );
}

export function ProductsFields({ rows, errors, onChange }: { rows: ProductRow[]; errors: Errors; onChange: (rows: ProductRow[]) => void }) {
  return (
    <Rows
      rows={rows}
      onChange={onChange}
      noun="product"
      make={emptyRow.products}
      firstFieldId={(key) => `products-${key}-name`}
      empty="No products yet. Add each product with its list price and the most discount a rep may give without approval."
      render={(row, i, set) => {
        const id = (f: string) => `products-${row.key}-${f}`;
        const err = (f: string) => rowErrors(errors, "products", i, f);
        return (
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_7rem_1fr]">
            <Input id={id("name")} label={`Product ${i + 1}`} value={row.name} onValue={(v) => set({ name: v })} errors={err("name")} maxLength={120} />
            <Input id={id("listPrice")} label="List price" type="number" min={0} step="0.01" inputMode="decimal" value={row.listPrice} onValue={(v) => set({ listPrice: v })} errors={err("listPrice")} />
            <Input id={id("currency")} label="Currency" value={row.currency} onValue={(v) => set({ currency: v.toUpperCase() })} errors={err("currency")} maxLength={3} autoCapitalize="characters" />
            <Input id={id("maxDiscountPct")} label="Max discount without approval (%)" type="number" min={0} max={100} step="0.1" inputMode="decimal" value={row.maxDiscountPct} onValue={(v) => set({ maxDiscountPct: v })} errors={err("maxDiscountPct")} />
          </div>
        );
      }}
    />
  );
}

export function TargetsFields({
  rows, errors, onChange, scopes,
}: { rows: TargetRow[]; errors: Errors; onChange: (rows: TargetRow[]) => void; scopes: ScopeOptions }) {
  return (
    <Rows
      rows={rows}
      onChange={onChange}
      noun="target"
      make={emptyRow.targets}
      firstFieldId={(key) => `targets-${key}-period`}
      empty="No targets yet. Add company targets first, then per team or rep where they differ."
      render={(row, i, set) => {
        const id = (f: string) => `targets-${row.key}-${f}`;
        const err = (f: string) => rowErrors(errors, "targets", i, f);
        const options = row.scope === "team" ? scopes.teams : row.scope === "rep" ? scopes.reps : [];
        return (
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
            <Input id={id("period")} label={`Target ${i + 1}: period`} hint="A quarter (2027-Q1) or a month (2027-01)." value={row.period} onValue={(v) => set({ period: v.toUpperCase() })} errors={err("period")} placeholder="2027-Q1" maxLength={7} />
            <Select id={id("scope")} label="Scope" value={row.scope} onValue={(v) => set({ scope: v as TargetRow["scope"], scopeId: "" })} errors={err("scope")}>
              {(Object.keys(SCOPE_LABEL) as (keyof typeof SCOPE_LABEL)[]).map((s) => (
                <option key={s} value={s}>{SCOPE_LABEL[s]}</option>
              ))}
            </Select>
            {row.scope === "company" ? (
              <div className="text-sm text-slate-600 sm:pt-7">The whole company</div>
            ) : (
              <Select id={id("scopeId")} label={row.scope === "team" ? "Team" : "Rep"} value={row.scopeId} onValue={(v) => set({ scopeId: v })} errors={err("scopeId")}>
                <option value="">Choose a {row.scope}…</option>
                {options.map((o) => (
                  <option key={o.id} value={o.id}>{"detail" in o && o.detail ? `${o.name} (${o.detail})` : o.name}</option>
                ))}
              </Select>
            )}
            <Select id={id("metric")} label="Metric" value={row.metric} onValue={(v) => set({ metric: v as TargetRow["metric"] })} errors={err("metric")}>
              {TARGET_METRICS.map((m) => (
                <option key={m} value={m}>{METRIC_LABEL[m]}</option>
              ))}
            </Select>
            <Input id={id("value")} label="Target value" type="number" min={0} step="any" inputMode="decimal" value={row.value} onValue={(v) => set({ value: v })} errors={err("value")} />
          </div>
        );
      }}
    />
  );
}
