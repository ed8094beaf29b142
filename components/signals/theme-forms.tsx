"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField, control, describedBy } from "@/components/ui/field";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

// Leadership's actions on a theme: answer it, rename it, merge it into another, split a request out.

export function AnswerForm({ action, themeId, status, answer, capabilities }: {
  action: FormAction;
  themeId: string;
  status: string;
  answer: string | null;
  capabilities: { key: string; name: string; status: string }[];
}) {
  const f = useFormAction(action);
  const [choice, setChoice] = useState(status === "open" ? "planned" : status);
  const [link, setLink] = useState("");
  const answerId = "answer-text";
  return (
    <form onSubmit={f.onSubmit} noValidate aria-label="Answer this theme" className="space-y-3">
      <input type="hidden" name="themeId" value={themeId} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">Our answer</legend>
        {[["planned", "Planned: it goes on the roadmap"], ["declined", "Declined, with the reason"], ["available", "Already available: the reps did not know"]].map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input type="radio" name="status" value={value} checked={choice === value} onChange={() => setChoice(value!)} /> {label}
          </label>
        ))}
        {f.errors?.status ? <p className="text-sm text-red-700">{f.errors.status.join(" ")}</p> : null}
      </fieldset>
      {choice === "planned" ? (
        <div className="space-y-3 rounded-md bg-slate-50 p-3">
          <SelectField label="Link a capability of the strategy" name="capabilityKey" value={link} onChange={(e) => setLink(e.target.value)} errors={f.errors?.capabilityKey}>
            <option value="">No: add a new roadmap capability to the draft</option>
            {capabilities.map((c) => <option key={c.key} value={c.key}>{c.name} ({c.status})</option>)}
          </SelectField>
          {link === "" ? (
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField label="New roadmap capability" name="capabilityName" errors={f.errors?.capabilityName} hint="Added to the next strategy draft." />
              <TextField label="Expected date" name="expectedDate" type="date" errors={f.errors?.expectedDate} />
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="space-y-1">
        <label htmlFor={answerId} className="block text-sm font-medium text-slate-800">{choice === "declined" ? "Why (the reps pass it on)" : "Note for the reps (optional)"}</label>
        <textarea id={answerId} name="answer" rows={3} defaultValue={answer ?? ""} className={control} aria-invalid={f.errors?.answer ? true : undefined} aria-describedby={describedBy(answerId, f.errors?.answer)} />
        {f.errors?.answer ? <p id={`${answerId}-error`} className="text-sm text-red-700">{f.errors.answer.join(" ")}</p> : null}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={f.pending}>{f.pending ? "Sending…" : "Send the answer to the reps"}</Button>
        <FormMessage result={f.message} />
      </div>
    </form>
  );
}

export function RenameForm({ action, themeId, name }: { action: FormAction; themeId: string; name: string }) {
  const f = useFormAction(action);
  return (
    <form onSubmit={f.onSubmit} noValidate aria-label="Rename this theme" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="themeId" value={themeId} />
      <TextField label="Theme name" name="name" defaultValue={name} errors={f.errors?.name} className="min-w-64 flex-1" />
      <Button type="submit" variant="secondary" disabled={f.pending}>Rename</Button>
      <FormMessage result={f.message} />
    </form>
  );
}

export function MergeForm({ action, themeId, others }: { action: FormAction; themeId: string; others: { id: string; name: string; size: number }[] }) {
  const f = useFormAction(action);
  if (!others.length) return <p className="text-sm text-slate-600">There is no other theme to merge with.</p>;
  return (
    <form onSubmit={f.onSubmit} noValidate aria-label="Merge this theme into another" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="sourceId" value={themeId} />
      <SelectField label="Merge into" name="targetId" errors={f.errors?.targetId} className="min-w-64 flex-1" defaultValue="">
        <option value="" disabled>Choose a theme…</option>
        {others.map((o) => <option key={o.id} value={o.id}>{o.name} ({o.size})</option>)}
      </SelectField>
      <Button type="submit" variant="secondary" disabled={f.pending}>Merge</Button>
      <FormMessage result={f.message} />
    </form>
  );
}

export function SplitButton({ action, requestId }: { action: FormAction; requestId: string }) {
  const f = useFormAction(action);
  return (
    <form onSubmit={f.onSubmit} aria-label="Split this request out" className="inline-flex items-center gap-2">
      <input type="hidden" name="requestId" value={requestId} />
      <button type="submit" disabled={f.pending} className="text-sm text-indigo-800 underline disabled:opacity-50">Split out</button>
      <FormMessage result={f.message} />
    </form>
  );
}
