"use client";

import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/guard";
import { SECTION_LABEL, type Section } from "@/lib/validations/strategy";
import { control } from "./fields";

function FieldMessage({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? <p id={id} className="text-sm text-red-700">{errors.join(" ")}</p> : null;
}

function Status({ message }: { message: { ok: boolean; message?: string } | null }) {
  return (
    <div role="status" aria-live="polite" className="min-h-5 text-sm">
      {message?.message ? <p className={message.ok ? "text-emerald-800" : "text-red-700"}>{message.message}</p> : null}
    </div>
  );
}

/** "Ask a question" on one section of a published version. The text stays if the server refuses it. */
export function AskQuestionForm({ action, versionId, section }: { action: FormAction; versionId: string; section: Section }) {
  const ref = useRef<HTMLFormElement>(null);
  const f = useFormAction(action, ref);
  const id = `ask-${section}`;
  const errors = f.errors?.body ?? f.errors?.section;
  return (
    <details className="no-print group mt-3 rounded-md border border-transparent open:border-slate-200 open:bg-slate-50 open:p-3">
      <summary className="w-fit cursor-pointer rounded text-sm font-medium text-indigo-800 hover:underline">Ask a question about {SECTION_LABEL[section].toLowerCase()}</summary>
      <form ref={ref} onSubmit={f.onSubmit} noValidate className="mt-3 space-y-2">
        <input type="hidden" name="versionId" value={versionId} />
        <input type="hidden" name="section" value={section} />
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">Your question about {SECTION_LABEL[section].toLowerCase()}</label>
        <textarea
          id={id}
          name="body"
          rows={3}
          maxLength={2000}
          className={control}
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? `${id}-error` : `${id}-hint`}
        />
        {errors ? null : <p id={`${id}-hint`} className="text-xs text-slate-600">Leadership answers here, for everyone to read.</p>}
        <FieldMessage id={`${id}-error`} errors={errors} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" disabled={f.pending}>{f.pending ? "Sending…" : "Send the question"}</Button>
          <Status message={f.message} />
        </div>
      </form>
    </details>
  );
}

/** Leadership's answer to one question, inline. */
export function AnswerForm({ action, questionId, label }: { action: FormAction; questionId: string; label: string }) {
  const f = useFormAction(action);
  const id = `answer-${questionId}`;
  const errors = f.errors?.answer;
  return (
    <form onSubmit={f.onSubmit} noValidate className="no-print mt-2 space-y-2">
      <input type="hidden" name="questionId" value={questionId} />
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      <textarea id={id} name="answer" rows={2} maxLength={4000} className={control} aria-invalid={errors ? true : undefined} aria-describedby={errors ? `${id}-error` : undefined} />
      <FieldMessage id={`${id}-error`} errors={errors} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={f.pending}>{f.pending ? "Publishing…" : "Publish the answer"}</Button>
        <Status message={f.message} />
      </div>
    </form>
  );
}

export type AcknowledgeAction = (input: { versionId: string }) => Promise<ActionResult<string>>;

/** The prompt a reader sees until they acknowledge the current version. */
export function AcknowledgePrompt({
  action, versionId, versionNumber, acknowledged,
}: { action: AcknowledgeAction; versionId: string; versionNumber: number; acknowledged: boolean }) {
  const [message, setMessage] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const acknowledge = () =>
    startTransition(async () => {
      try {
        const result = await action({ versionId });
        setMessage({ ok: result.ok, message: result.ok ? result.data : result.message });
      } catch {
        setMessage({ ok: false, message: "Keel could not be reached. Try again." });
      }
    });
  if (acknowledged && !message) return null;
  return (
    <div
      className={`no-print mb-6 rounded-lg p-5 ${acknowledged ? "border border-emerald-300 bg-emerald-50" : "border-2 border-indigo-600 bg-indigo-50"}`}
      role="region"
      aria-label="Acknowledge this version"
    >
      {acknowledged ? null : (
        <>
          <h2 className="text-base font-semibold text-indigo-950">Version {versionNumber} is new: read it, then confirm</h2>
          <p className="mt-1 max-w-prose text-sm text-indigo-950">
            Leadership published a new version of the strategy. It takes about two minutes to read. When you have read it, say so: your manager sees who has.
          </p>
        </>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-3 first:mt-0">
        {acknowledged ? null : <Button onClick={acknowledge} disabled={pending}>{pending ? "Saving…" : "I have read it"}</Button>}
        <div role="status" aria-live="polite" className="text-sm">
          {message ? <p className={message.ok ? "font-medium text-emerald-900" : "text-red-700"}>{message.message}</p> : null}
        </div>
      </div>
    </div>
  );
}
