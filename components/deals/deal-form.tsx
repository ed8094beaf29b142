"use client";

import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { FindingList, ScoreBadge, SubScores } from "@/components/deals/findings";
import type { ActionResult } from "@/lib/auth/guard";
import type { ScoreResult } from "@/lib/scoring/types";
import { COMMITMENT_KINDS, CRITERIA, DEAL_STAGES } from "@/lib/scoring/types";
import { COMMITMENT_KIND_LABEL, STAGE_LABEL } from "@/lib/validations/deal";
import { formatAmount } from "@/components/deals/format";
import { NewAccount, type AccountOption } from "@/components/deals/new-account";

export type ProductOption = { key: string; name: string; listPrice: number; currency: string; maxDiscountPct: number };
type Line = { productKey: string; quantity: string; unitPrice: string; discountPct: string };
type Promise_ = { text: string; kind: string; dueDate: string };
export type DealFormValues = {
  accountId: string; name: string; stage: string; expectedCloseDate: string; primaryCriterion: string; notes: string;
  lineItems: Line[]; commitments: Promise_[]; requests: { text: string }[];
};
type Saved = { id: string };

const EMPTY: DealFormValues = {
  accountId: "", name: "", stage: "prospecting", expectedCloseDate: "", primaryCriterion: "", notes: "",
  lineItems: [], commitments: [], requests: [],
};

function toPayload(v: DealFormValues) {
  const n = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));
  return {
    ...v,
    lineItems: v.lineItems.map((l) => ({ productKey: l.productKey, quantity: n(l.quantity), unitPrice: n(l.unitPrice), discountPct: n(l.discountPct || "0") })),
    commitments: v.commitments.filter((c) => c.text.trim()),
    requests: v.requests.filter((r) => r.text.trim()),
  };
}


export function DealForm({
  initial, accounts: initialAccounts, products, strategyNumber, save, preview, createAccount, dealId, revision,
}: {
  initial?: DealFormValues;
  accounts: AccountOption[];
  products: ProductOption[];
  strategyNumber: number | null;
  save: (input: unknown) => Promise<ActionResult<Saved>>;
  preview: (input: unknown) => Promise<ActionResult<ScoreResult | null>>;
  createAccount: (input: unknown) => Promise<ActionResult<AccountOption>>;
  dealId?: string;
  revision?: number;
}) {
  const router = useRouter();
  const [values, setValues] = useState<DealFormValues>(initial ?? EMPTY);
  const [accounts, setAccounts] = useState(initialAccounts);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; message: string } | null>(null);
  const [conflict, setConflict] = useState(false);
  const [live, setLive] = useState<{ state: "idle" | "scoring" | "ready" | "incomplete"; result?: ScoreResult | null }>({ state: "idle" });
  const [saving, startSaving] = useTransition();
  const ticket = useRef(0);

  const set = <K extends keyof DealFormValues>(key: K, value: DealFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const err = (path: string) => errors[path];
  const productByKey = useMemo(() => new Map(products.map((p) => [p.key, p])), [products]);
  const total = values.lineItems.reduce((sum, l) => sum + (Number(l.quantity) || 0) * (Number(l.unitPrice) || 0) * (1 - (Number(l.discountPct) || 0) / 100), 0);

  // Live feedback: score the form as it is, 400 ms after the last keystroke; nothing is saved.
  useEffect(() => {
    if (!values.accountId || strategyNumber === null) return;
    const mine = ++ticket.current;
    const run = async () => {
      setLive((l) => ({ ...l, state: "scoring" }));
      const payload = toPayload(values);
      // Score what is complete; a half-typed line item should not blank the feedback.
      const complete = payload.lineItems.filter((l) => l.productKey && Number.isFinite(l.quantity) && l.quantity > 0 && Number.isFinite(l.unitPrice) && Number.isFinite(l.discountPct));
      const result = await preview({ ...payload, lineItems: complete, expectedCloseDate: /^\d{4}-\d{2}-\d{2}$/.test(values.expectedCloseDate) ? values.expectedCloseDate : "" });
      if (mine !== ticket.current) return;
      setLive(result.ok ? { state: "ready", result: result.data } : { state: "incomplete", result: null });
    };
    const timer = setTimeout(() => void run(), 400);
    return () => clearTimeout(timer);
  }, [values, preview, strategyNumber]);

  useEffect(() => {
    const dirty = JSON.stringify(values) !== JSON.stringify(initial ?? EMPTY);
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty && !saving) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [values, initial, saving]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startSaving(async () => {
      const payload = dealId ? { ...toPayload(values), dealId, revision } : toPayload(values);
      const result = await save(payload);
      if (result.ok) {
        router.push(`/deals/${result.data.id}`);
        router.refresh();
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setConflict(result.code === "CONFLICT" && !!dealId);
      setMessage({ ok: false, message: result.fieldErrors ? "Some fields need attention; nothing was saved." : result.message });
    });
  }

  const updateList = <K extends "lineItems" | "commitments" | "requests">(key: K, index: number, patch: Partial<DealFormValues[K][number]>) =>
    set(key, values[key].map((item, i) => (i === index ? { ...item, ...patch } : item)) as DealFormValues[K]);
  const removeFrom = <K extends "lineItems" | "commitments" | "requests">(key: K, index: number) =>
    set(key, values[key].filter((_, i) => i !== index) as DealFormValues[K]);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <form onSubmit={submit} noValidate className="space-y-6" aria-label={dealId ? "Edit deal" : "New deal"}>
        <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="text-base font-semibold">Deal</h2>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField label="Account" name="accountId" value={values.accountId} onChange={(e) => set("accountId", e.target.value)} errors={err("accountId")}>
              <option value="">Choose an account…</option>
              {accounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </SelectField>
            <TextField label="Deal name" name="name" value={values.name} onChange={(e) => set("name", e.target.value)} errors={err("name")} />
            <SelectField label="Stage" name="stage" value={values.stage} onChange={(e) => set("stage", e.target.value)} errors={err("stage")}>
              {DEAL_STAGES.map((s) => <option key={s} value={s}>{STAGE_LABEL[s]}</option>)}
            </SelectField>
            <TextField label="Expected close date" name="expectedCloseDate" type="date" value={values.expectedCloseDate} onChange={(e) => set("expectedCloseDate", e.target.value)} errors={err("expectedCloseDate")} />
            <SelectField label="Customer's main buying criterion" name="primaryCriterion" value={values.primaryCriterion} onChange={(e) => set("primaryCriterion", e.target.value)} errors={err("primaryCriterion")}>
              <option value="">Not known yet</option>
              {CRITERIA.map((c) => <option key={c} value={c}>{c[0]!.toUpperCase() + c.slice(1)}</option>)}
            </SelectField>
          </div>
          <NewAccount create={createAccount} onCreated={(a) => { setAccounts((list) => [...list, a].sort((x, y) => x.name.localeCompare(y.name))); set("accountId", a.id); }} />
        </section>

        <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="text-base font-semibold">Line items</h2>
          {products.length === 0 ? <p className="text-sm text-slate-600">No products yet: leadership adds them to the strategy.</p> : null}
          {values.lineItems.map((line, i) => {
            const product = productByKey.get(line.productKey);
            return (
              <fieldset key={i} className="grid items-end gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[2fr_1fr_1fr_1fr_auto]">
                <legend className="sr-only">Line item {i + 1}</legend>
                <SelectField label="Product" name={`lineItems.${i}.productKey`} id={`line-${i}-product`} value={line.productKey}
                  onChange={(e) => { const p = productByKey.get(e.target.value); updateList("lineItems", i, { productKey: e.target.value, unitPrice: p ? String(p.listPrice) : line.unitPrice }); }}
                  errors={err(`lineItems.${i}.productKey`)}>
                  <option value="">Choose…</option>
                  {products.map((p) => <option key={p.key} value={p.key}>{p.name}</option>)}
                </SelectField>
                <TextField label="Quantity" name={`lineItems.${i}.quantity`} id={`line-${i}-quantity`} inputMode="decimal" value={line.quantity} onChange={(e) => updateList("lineItems", i, { quantity: e.target.value })} errors={err(`lineItems.${i}.quantity`)} />
                <TextField label="Unit price" name={`lineItems.${i}.unitPrice`} id={`line-${i}-price`} inputMode="decimal" value={line.unitPrice} onChange={(e) => updateList("lineItems", i, { unitPrice: e.target.value })} errors={err(`lineItems.${i}.unitPrice`)} />
                <TextField label="Discount %" name={`lineItems.${i}.discountPct`} id={`line-${i}-discount`} inputMode="decimal" value={line.discountPct} onChange={(e) => updateList("lineItems", i, { discountPct: e.target.value })} errors={err(`lineItems.${i}.discountPct`)}
                  hint={product ? `Up to ${product.maxDiscountPct} % without approval` : undefined} />
                <Button variant="ghost" onClick={() => removeFrom("lineItems", i)} aria-label={`Remove line item ${i + 1}`}>Remove</Button>
              </fieldset>
            );
          })}
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Button variant="secondary" disabled={!products.length} onClick={() => set("lineItems", [...values.lineItems, { productKey: "", quantity: "1", unitPrice: "", discountPct: "0" }])}>Add a line item</Button>
            <p className="text-sm">Total <strong>{formatAmount(total, products[0]?.currency)}</strong></p>
          </div>
        </section>

        <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="text-base font-semibold">What you promised</h2>
          <p className="text-sm text-slate-600">Every promise is checked against what the product really does and what we do not do.</p>
          {values.commitments.map((c, i) => (
            <fieldset key={i} className="grid items-end gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[3fr_1fr_1fr_auto]">
              <legend className="sr-only">Promise {i + 1}</legend>
              <TextField label="Promise" name={`commitments.${i}.text`} id={`commitment-${i}-text`} value={c.text} onChange={(e) => updateList("commitments", i, { text: e.target.value })} errors={err(`commitments.${i}.text`)} />
              <SelectField label="Kind" name={`commitments.${i}.kind`} id={`commitment-${i}-kind`} value={c.kind} onChange={(e) => updateList("commitments", i, { kind: e.target.value })} errors={err(`commitments.${i}.kind`)}>
                {COMMITMENT_KINDS.map((k) => <option key={k} value={k}>{COMMITMENT_KIND_LABEL[k]}</option>)}
              </SelectField>
              <TextField label="Due" name={`commitments.${i}.dueDate`} id={`commitment-${i}-due`} type="date" value={c.dueDate} onChange={(e) => updateList("commitments", i, { dueDate: e.target.value })} errors={err(`commitments.${i}.dueDate`)} />
              <Button variant="ghost" onClick={() => removeFrom("commitments", i)} aria-label={`Remove promise ${i + 1}`}>Remove</Button>
            </fieldset>
          ))}
          <Button variant="secondary" onClick={() => set("commitments", [...values.commitments, { text: "", kind: "feature", dueDate: "" }])}>Add a promise</Button>
        </section>

        <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="text-base font-semibold">What the customer asked for</h2>
          <p className="text-sm text-slate-600">Requests reach leadership as market signals, whether or not we offer them.</p>
          {values.requests.map((r, i) => (
            <div key={i} className="grid items-end gap-3 sm:grid-cols-[1fr_auto]">
              <TextField label={`Request ${i + 1}`} name={`requests.${i}.text`} id={`request-${i}-text`} value={r.text} onChange={(e) => updateList("requests", i, { text: e.target.value })} errors={err(`requests.${i}.text`)} />
              <Button variant="ghost" onClick={() => removeFrom("requests", i)} aria-label={`Remove request ${i + 1}`}>Remove</Button>
            </div>
          ))}
          <Button variant="secondary" onClick={() => set("requests", [...values.requests, { text: "" }])}>Add a request</Button>
        </section>

        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-5">
          <label htmlFor="field-notes" className="block text-base font-semibold">Notes</label>
          <textarea id="field-notes" name="notes" rows={3} value={values.notes} onChange={(e) => set("notes", e.target.value)} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" aria-describedby={err("notes") ? "field-notes-error" : undefined} />
          {err("notes") ? <p id="field-notes-error" className="text-sm text-red-700">{err("notes")!.join(" ")}</p> : null}
        </section>

        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={saving}>{saving ? "Saving…" : dealId ? "Save changes" : "Save deal"}</Button>
          {conflict ? <Button variant="secondary" onClick={() => window.location.reload()}>Load the latest version</Button> : null}
          <FormMessage result={message} />
        </div>
      </form>

      <aside aria-label="Live alignment feedback" className="lg:sticky lg:top-4 lg:self-start">
        <div className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
          <h2 className="text-base font-semibold">Alignment with the strategy</h2>
          {strategyNumber === null ? (
            <p className="text-sm text-slate-600">No strategy is published yet, so deals are not scored.</p>
          ) : !values.accountId ? (
            <p className="text-sm text-slate-600">Choose an account to see how this deal fits strategy version {strategyNumber}.</p>
          ) : (
            <div aria-live="polite" aria-busy={live.state === "scoring"} className="space-y-3">
              {live.result ? (
                <>
                  <ScoreBadge score={live.result.score} offStrategy={live.result.offStrategy} />
                  <SubScores subScores={live.result.subScores} />
                  <FindingList result={live.result} empty="No findings so far: this deal is on strategy." />
                </>
              ) : live.state === "incomplete" ? (
                <p className="text-sm text-slate-600">Finish the fields marked on the left to see the score.</p>
              ) : (
                <p className="text-sm text-slate-600">Scoring…</p>
              )}
              <p className="text-xs text-slate-500">Against strategy version {strategyNumber}. Nothing is saved until you save the deal.</p>
            </div>
          )}
        </div>
      </aside>
    </div>
  );
}
