"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/empty-state";
import { control } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/guard";
import { FIELDS, KEEL_STAGES, TABLE_FIELDS, TABLE_LABEL, TABLES, type FieldId, type Table } from "@/lib/imports/fields";
import type { ImportSettings } from "@/lib/imports/extract";
import type { Analysis, RunStatus } from "@/lib/imports/runs";
import { importStatusAction, prepareImportAction, resumeImportAction, rollbackImportAction, startImportAction } from "./actions";

const rowsText = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "row" : "rows"}`;

const CHUNK = 4 * 1024 * 1024;
const STAGE_LABEL: Record<string, string> = { prospecting: "Prospecting", qualifying: "Qualifying", proposal: "Proposal", negotiation: "Negotiation", won: "Won", lost: "Lost" };
const ENTITY_LABEL: Record<string, string> = { deal: "Deals", account: "Accounts", rep: "Reps", team: "Teams", product: "Product mappings" };

type Step = "upload" | "map" | "run";

async function uploadFile(file: File, runId: string | null, onProgress: (bytes: number) => void) {
  let fileId: string | null = null;
  let run = runId;
  let offset = 0;
  do {
    const end = Math.min(offset + CHUNK, file.size);
    const params = new URLSearchParams({ offset: String(offset), final: end >= file.size ? "1" : "0" });
    if (run) params.set("run", run);
    if (fileId) params.set("file", fileId);
    else params.set("name", file.name);
    const response = await fetch(`/api/import/upload?${params}`, { method: "POST", body: file.slice(offset, end) });
    const body = (await response.json().catch(() => null)) as { runId: string; fileId: string; error?: { message: string } } | null;
    if (!response.ok || !body) throw new Error(body?.error?.message ?? `The upload of ${file.name} failed; try again.`);
    run = body.runId;
    fileId = body.fileId;
    offset = end;
    onProgress(end);
  } while (offset < file.size);
  return run!;
}

export function ImportWizard({ initialRunId }: { initialRunId: string | null }) {
  const router = useRouter();
  const [step, setStep] = useState<Step>(initialRunId ? "run" : "upload");
  const [runId, setRunId] = useState<string | null>(initialRunId);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [settings, setSettings] = useState<ImportSettings | null>(null);
  const [status, setStatus] = useState<RunStatus | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [step]);

  const fail = (r: ActionResult<unknown>) => {
    if (!r.ok) setError(r.fieldErrors ? `${r.message} ${Object.values(r.fieldErrors).flat().join(" ")}` : r.message);
    return !r.ok;
  };

  async function upload(event: React.FormEvent) {
    event.preventDefault();
    const files = [...(fileInput.current?.files ?? [])];
    setError(null);
    if (!files.length) return setError("Choose at least one CSV file.");
    const total = files.reduce((n, f) => n + f.size, 0);
    let sent = 0;
    try {
      let run: string | null = null;
      for (const file of files) {
        const base = sent;
        run = await uploadFile(file, run, (bytes) => setBusy(`Uploading and reading ${file.name}: ${Math.round(((base + bytes) / Math.max(total, 1)) * 100)} %`));
        sent += file.size;
      }
      setRunId(run);
      setBusy("Suggesting a mapping…");
      const r = await prepareImportAction({ runId: run!, settings: null });
      if (fail(r) || !r.ok) return;
      setAnalysis(r.data);
      setSettings(r.data.settings);
      setStep("map");
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  async function refresh(next: ImportSettings) {
    setSettings(next);
    setBusy("Updating the preview…");
    setError(null);
    const r = await prepareImportAction({ runId: runId!, settings: next });
    setBusy(null);
    if (fail(r) || !r.ok) return;
    setAnalysis(r.data);
    setSettings(r.data.settings);
  }

  async function start() {
    setBusy("Starting the import…");
    setError(null);
    const r = await startImportAction({ runId: runId!, settings: settings! });
    setBusy(null);
    if (fail(r)) return;
    setStep("run");
    router.refresh();
  }

  const poll = useCallback(async () => {
    if (!runId) return null;
    const r = await importStatusAction({ runId });
    if (r.ok) setStatus(r.data);
    return r.ok ? r.data : null;
  }, [runId]);

  useEffect(() => {
    if (step !== "run") return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      const s = await poll().catch(() => null);
      if (stopped) return;
      const active = !s || ["queued", "running", "rolling_back"].includes(s.status) && !s.interrupted;
      if (active) timer = setTimeout(() => void tick(), 1000);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [step, poll]);

  async function act(kind: "resume" | "rollback") {
    setBusy(kind === "resume" ? "Resuming…" : "Rolling back…");
    setError(null);
    const r = kind === "resume" ? await resumeImportAction({ runId: runId! }) : await rollbackImportAction({ runId: runId! });
    setBusy(null);
    if (fail(r)) return;
    setStatus(null);
    setStep("upload");
    setStep("run");
    router.refresh();
  }

  const stepTitle = { upload: "1. Upload CSV files", map: "2. Map columns and check the preview", run: "3. Import" }[step];

  return (
    <Card>
      <h2 ref={heading} tabIndex={-1} className="mb-4 text-base font-semibold text-slate-900 outline-none">{stepTitle}</h2>
      <div aria-live="polite" role="status" className="mb-3 min-h-5 text-sm text-slate-700">{busy}</div>
      {error ? <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{error}</p> : null}

      {step === "upload" ? (
        <form onSubmit={upload} className="space-y-4" aria-label="Upload CSV files">
          <div className="space-y-1">
            <label htmlFor="import-files" className="block text-sm font-medium text-slate-800">CSV files</label>
            <input ref={fileInput} id="import-files" name="files" type="file" multiple accept=".csv,text/csv" aria-describedby="import-files-hint" className="block text-sm" />
            <p id="import-files-hint" className="text-xs text-slate-600">Exports of accounts, users/reps, products and opportunities/deals, as they come out of your CRM. Large files are fine: they are sent in pieces and imported in the background.</p>
          </div>
          <Button type="submit" disabled={!!busy}>{busy ? "Uploading…" : "Upload and continue"}</Button>
        </form>
      ) : null}

      {step === "map" && analysis && settings ? (
        <MappingStep analysis={analysis} settings={settings} busy={!!busy} onChange={refresh} onStart={start} onRestart={() => { setStep("upload"); setAnalysis(null); setRunId(null); }} />
      ) : null}

      {step === "run" ? <RunStep status={status} busy={!!busy} onAct={act} onNew={() => { router.push("/admin/import"); setStep("upload"); setRunId(null); setStatus(null); }} /> : null}
    </Card>
  );
}

function MappingStep({ analysis, settings, busy, onChange, onStart, onRestart }: {
  analysis: Analysis; settings: ImportSettings; busy: boolean; onChange: (s: ImportSettings) => void; onStart: () => void; onRestart: () => void;
}) {
  const setFile = (fileId: string, patch: Partial<ImportSettings["files"][number]>) =>
    onChange({ ...settings, files: settings.files.map((f) => (f.fileId === fileId ? { ...f, ...patch } : f)) });
  const setColumn = (fileId: string, field: FieldId, value: string) => {
    const file = settings.files.find((f) => f.fileId === fileId)!;
    const columns = { ...file.columns };
    if (value === "") delete columns[field];
    else columns[field] = Number(value);
    setFile(fileId, { columns });
  };
  return (
    <div className="space-y-8">
      {analysis.files.map((file) => {
        const s = settings.files.find((f) => f.fileId === file.id)!;
        return (
          <fieldset key={file.id} className="rounded-md border border-slate-200 p-4">
            <legend className="px-1 text-sm font-semibold">{file.name} · {rowsText(file.rowCount)}</legend>
            <div className="mb-4 grid gap-3 sm:grid-cols-2">
              <div className="space-y-1">
                <label htmlFor={`table-${file.id}`} className="block text-sm font-medium text-slate-800">{`What ${file.name} holds`}</label>
                <select id={`table-${file.id}`} className={control} value={s.table} disabled={busy} onChange={(e) => setFile(file.id, { table: e.target.value as Table, columns: {} })}>
                  {TABLES.map((t) => <option key={t} value={t}>{TABLE_LABEL[t]}</option>)}
                </select>
              </div>
              <div className="space-y-1">
                <label htmlFor={`numbers-${file.id}`} className="block text-sm font-medium text-slate-800">{`Numbers in ${file.name}`}</label>
                <select id={`numbers-${file.id}`} className={control} value={s.numberStyle ?? "dot"} disabled={busy} onChange={(e) => setFile(file.id, { numberStyle: e.target.value as "dot" | "comma" })}>
                  <option value="dot">1,200.50 (decimal point)</option>
                  <option value="comma">1.200,50 (decimal comma)</option>
                </select>
              </div>
            </div>
            <div className="grid gap-3 sm:grid-cols-3">
              {TABLE_FIELDS[s.table].map((field) => (
                <div key={field} className="space-y-1">
                  <label htmlFor={`col-${file.id}-${field}`} className="block text-xs font-medium text-slate-800">
                    {`${FIELDS[field].label} in ${file.name}`}{(FIELDS[field] as { required?: readonly Table[] }).required?.includes(s.table) ? " (required)" : ""}
                  </label>
                  <select id={`col-${file.id}-${field}`} className={control} value={s.columns[field] ?? ""} disabled={busy} onChange={(e) => setColumn(file.id, field, e.target.value)}>
                    <option value="">— not in this file —</option>
                    {file.headers.map((h, i) => <option key={i} value={i}>{h}{file.samples[0]?.[i] ? ` (e.g. ${file.samples[0][i]!.slice(0, 24)})` : ""}</option>)}
                  </select>
                </div>
              ))}
            </div>
          </fieldset>
        );
      })}

      {analysis.dates.ambiguous || settings.dateOrder ? (
        <fieldset className="rounded-md border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold">Dates</legend>
          <p className="mb-2 text-sm text-slate-600">{analysis.dates.ambiguous ? `Every day in the files is 12 or less, so dates like ${analysis.dates.examples[0] ?? "03/04/2027"} read either way. How does your CRM write them?` : "How your CRM writes dates:"}</p>
          {(["dmy", "mdy"] as const).map((order) => (
            <label key={order} className="mr-6 inline-flex items-center gap-2 text-sm">
              <input type="radio" name="dateOrder" value={order} checked={settings.dateOrder === order} disabled={busy} onChange={() => onChange({ ...settings, dateOrder: order })} className="size-4" />
              {order === "dmy" ? "Day first (31/12/2027, 31.12.2027)" : "Month first (12/31/2027)"}
            </label>
          ))}
        </fieldset>
      ) : null}

      {analysis.stages.length ? (
        <fieldset className="rounded-md border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold">Stages</legend>
          <div className="grid gap-3 sm:grid-cols-3">
            {analysis.stages.map((st) => (
              <div key={st.key} className="space-y-1">
                <label htmlFor={`stage-${st.key}`} className="block text-xs font-medium text-slate-800">{`Stage “${st.values.join("”, “")}” (${rowsText(st.count)})`}</label>
                <select id={`stage-${st.key}`} className={control} value={settings.stages[st.key] ?? ""} disabled={busy} onChange={(e) => onChange({ ...settings, stages: { ...settings.stages, [st.key]: e.target.value as ImportSettings["stages"][string] } })}>
                  <option value="">Not mapped (rows become problems)</option>
                  {KEEL_STAGES.map((k) => <option key={k} value={k}>{STAGE_LABEL[k]}</option>)}
                </select>
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}

      {analysis.products.length ? (
        <fieldset className="rounded-md border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold">Products of the published strategy</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {analysis.products.map((p) => (
              <div key={p.key} className="space-y-1">
                <label htmlFor={`product-${p.key}`} className="block text-xs font-medium text-slate-800">{`Product “${p.values.join("”, “")}”`}{p.similar ? " — similar spelling, please confirm" : ""}</label>
                <select id={`product-${p.key}`} className={control} value={settings.products[p.key] ?? ""} disabled={busy} onChange={(e) => onChange({ ...settings, products: { ...settings.products, [p.key]: e.target.value } })}>
                  <option value="">Unknown (rows become problems)</option>
                  {analysis.productOptions.map((o) => <option key={o.key} value={o.key}>{o.name}</option>)}
                </select>
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}

      {analysis.teams.some((t) => t.values.length > 1 || t.existing) ? (
        <fieldset className="rounded-md border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold">Teams spelled more than one way</legend>
          <p className="mb-2 text-sm text-slate-600">These spellings differ only in spacing, case or punctuation; they become one team with the name you confirm.</p>
          <div className="grid gap-3 sm:grid-cols-2">
            {analysis.teams.filter((t) => t.values.length > 1 || t.existing).map((t) => (
              <div key={t.key} className="space-y-1">
                <label htmlFor={`team-${t.key}`} className="block text-xs font-medium text-slate-800">{`One team for “${t.values.join("”, “")}”`}{t.existing ? " (exists in Keel)" : ""}</label>
                <input id={`team-${t.key}`} className={control} defaultValue={settings.teams[t.key] ?? t.name} disabled={busy}
                  onBlur={(e) => e.target.value.trim() && e.target.value !== settings.teams[t.key] && onChange({ ...settings, teams: { ...settings.teams, [t.key]: e.target.value.trim() } })} />
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}

      <section aria-labelledby="preview-heading" className="space-y-4">
        <h3 id="preview-heading" className="text-sm font-semibold">Preview: the first rows as Keel will store them</h3>
        {analysis.preview.map((p) => {
          const bad = p.rows.filter((r) => r.problems.length).length;
          return (
            <div key={p.fileId} className="overflow-x-auto">
              <table className="w-full text-left text-xs">
                <caption className="mb-1 text-left text-sm font-medium">{`${p.name} (${TABLE_LABEL[p.table]}): ${bad ? `${bad} of ${rowsText(p.rows.length)} with problems` : `first ${rowsText(p.rows.length)}, no problems`}`}</caption>
                <thead className="bg-slate-50 text-slate-600">
                  <tr><th scope="col" className="px-2 py-1">Row</th>{p.fields.map((f) => <th key={f.id} scope="col" className="px-2 py-1">{f.label}</th>)}</tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {p.rows.map((r) => (
                    <tr key={r.rowNo}>
                      <th scope="row" className="px-2 py-1 font-normal">{r.rowNo + 1}</th>
                      {r.cells.map((c) => (
                        <td key={c.field} className={`whitespace-pre-line px-2 py-1 align-top ${c.problems.length ? "bg-red-50 text-red-800" : ""}`}>
                          {c.value}
                          {c.problems.map((m) => <span key={m} className="block font-medium">⚠ {m}</span>)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
              {p.rows.some((r) => r.problems.some((x) => !p.fields.some((f) => f.id === x.field))) ? (
                <ul className="mt-1 text-xs text-red-800">
                  {p.rows.flatMap((r) => r.problems.filter((x) => !p.fields.some((f) => f.id === x.field)).map((x) => <li key={`${r.rowNo}-${x.message}`}>Row {r.rowNo + 1}, {x.column}: {x.message}</li>))}
                </ul>
              ) : null}
            </div>
          );
        })}
      </section>

      {analysis.blocking.length ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">Before importing:</p>
          <ul className="list-disc pl-5">{analysis.blocking.map((b) => <li key={b}>{b}</li>)}</ul>
        </div>
      ) : (
        <p className="text-sm text-slate-600">Rows with problems are skipped and listed in the summary; fix them in the file and import it again — rows already imported stay unchanged.</p>
      )}
      <div className="flex flex-wrap gap-3">
        <Button onClick={onStart} disabled={busy || analysis.blocking.length > 0}>Start import</Button>
        <Button variant="secondary" onClick={onRestart} disabled={busy}>Choose other files</Button>
      </div>
    </div>
  );
}

function RunStep({ status, busy, onAct, onNew }: { status: RunStatus | null; busy: boolean; onAct: (k: "resume" | "rollback") => void; onNew: () => void }) {
  if (!status) return <p className="text-sm text-slate-600">Loading the import…</p>;
  const job = status.job;
  const pct = job && job.total ? Math.min(100, Math.round((job.done / job.total) * 100)) : 0;
  const active = ["queued", "running", "rolling_back"].includes(status.status) && !status.interrupted;
  const t = status.totals;
  return (
    <div className="space-y-4">
      {active ? (
        <div>
          <p className="text-sm font-medium">{status.status === "rolling_back" ? "Rolling back" : "Importing"}: {pct} %</p>
          <div role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="mt-2 h-2 w-full overflow-hidden rounded bg-slate-200">
            <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${pct}%` }} />
          </div>
        </div>
      ) : null}
      {status.interrupted ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          This import was interrupted{job?.error ? ` (${job.error})` : ""}. Everything up to its last batch is saved; no batch is half-written. Resume it, or roll it back.
        </p>
      ) : null}
      {status.status === "done" ? <p className="text-sm font-medium text-emerald-800">Import finished: {t.created} created, {t.updated} updated, {t.unchanged} unchanged, {t.failed} failed.</p> : null}
      {status.status === "rolled_back" ? <p className="text-sm font-medium text-emerald-800">Import rolled back: what it created is deleted, what it updated is as it was.</p> : null}
      <table className="w-full text-left text-sm">
        <caption className="mb-1 text-left font-medium">Summary</caption>
        <thead className="text-slate-600"><tr><th scope="col">Records</th><th scope="col">Created</th><th scope="col">Updated</th><th scope="col">Unchanged</th><th scope="col">Failed</th>{status.status.startsWith("roll") ? <th scope="col">Rolled back</th> : null}</tr></thead>
        <tbody className="divide-y divide-slate-200">
          {status.entities.filter((e) => e.created + e.updated + e.unchanged + e.failed + e.rolledBack > 0).map((e) => (
            <tr key={e.entity}><th scope="row" className="py-1 font-normal">{ENTITY_LABEL[e.entity]}</th><td>{e.created}</td><td>{e.updated}</td><td>{e.unchanged}</td><td>{e.failed}</td>{status.status.startsWith("roll") ? <td>{e.rolledBack}</td> : null}</tr>
          ))}
        </tbody>
      </table>
      {status.failures.length ? (
        <div>
          <h3 className="text-sm font-semibold">Rows not imported</h3>
          <ul className="mt-1 space-y-1 text-sm text-red-800">
            {status.failures.map((f, i) => <li key={i}>{f.file}, row {f.row}{f.key ? ` (${f.key})` : ""}: {f.problems.map((p) => p.message).join(" ")}</li>)}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {status.canResume ? <Button onClick={() => onAct("resume")} disabled={busy}>Resume import</Button> : null}
        {status.canRollBack ? <Button variant="danger" onClick={() => onAct("rollback")} disabled={busy}>Roll back this import</Button> : null}
        {!active ? <Button variant="secondary" onClick={onNew} disabled={busy}>New import</Button> : null}
      </div>
    </div>
  );
}
