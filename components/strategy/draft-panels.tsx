"use client";

import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/guard";
import { SECTION_LABEL, type Section } from "@/lib/validations/strategy";
import { TextArea } from "./fields";
import { stripDataPrefix, type FieldErrors } from "./form-model";

export type PublishAction = (input: { versionId: string; revision: number; changeNote: string }) => Promise<ActionResult<{ number: number; versionId: string }>>;
export type ImportAction = (input: { json: string }) => Promise<ActionResult<string>>;

const panel = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";

/** Publishing: a required change note; refused while a section has unsaved changes. */
export function PublishPanel({
  versionId, revision, nextNumber, dirtySections, publishAction, onPublished, showMissionErrors,
}: {
  versionId: string;
  revision: number;
  nextNumber: number;
  dirtySections: Section[];
  publishAction: PublishAction;
  onPublished: (number: number) => void;
  showMissionErrors: (errors: FieldErrors, message: string) => void;
}) {
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<string[] | undefined>();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [stale, setStale] = useState(false);
  const [pending, startTransition] = useTransition();
  const blocked = dirtySections.length > 0;

  const publish = () => {
    if (!note.trim()) {
      setErrors(["Enter why this changed (the change note)."]);
      setMessage({ ok: false, text: "Not published: write the change note first." });
      return;
    }
    startTransition(async () => {
      let result: Awaited<ReturnType<PublishAction>>;
      try {
        result = await publishAction({ versionId, revision, changeNote: note });
      } catch {
        setMessage({ ok: false, text: "Keel could not be reached. Nothing was published; try again." });
        return;
      }
      if (result.ok) {
        onPublished(result.data.number);
        return;
      }
      const fieldErrors = stripDataPrefix(result.fieldErrors);
      setErrors(fieldErrors.changeNote);
      const mission = Object.fromEntries(
        Object.entries(fieldErrors).filter(([path]) => path.startsWith("mission.")).map(([path, m]) => [path.slice("mission.".length), m]),
      );
      if (Object.keys(mission).length) showMissionErrors(mission, "Required before publishing.");
      setStale(result.code === "CONFLICT");
      setMessage({ ok: false, text: result.message });
    });
  };

  return (
    <section className={panel} aria-labelledby="publish-heading">
      <h2 id="publish-heading" className="text-sm font-semibold text-slate-900">Publish version {nextNumber}</h2>
      <p className="mt-1 text-sm text-slate-600">A published version cannot change. Reps are asked to read and acknowledge it.</p>
      <div className="mt-3 space-y-3">
        <TextArea
          id="publish-changeNote"
          label="Why this changed"
          hint="The change note reps read first, e.g. “We stop selling custom development.”"
          value={note}
          onValue={(v) => {
            setNote(v);
            if (v.trim()) setErrors(undefined);
          }}
          errors={errors}
          rows={3}
          maxLength={4000}
        />
        {blocked ? (
          <p className="text-sm text-amber-900" id="publish-blocked">
            Save or undo the unsaved changes first: {dirtySections.map((s) => SECTION_LABEL[s]).join(", ")}.
          </p>
        ) : null}
        <Button onClick={publish} disabled={pending || blocked} aria-describedby={blocked ? "publish-blocked" : undefined} className="w-full">
          {pending ? "Publishing…" : `Publish version ${nextNumber}`}
        </Button>
        <div role="status" aria-live="polite" className="min-h-5 text-sm">
          {message ? <p className={message.ok ? "text-emerald-800" : "text-red-700"}>{message.text}</p> : null}
          {stale ? (
            <Button variant="secondary" className="mt-2" onClick={() => window.location.reload()}>Reload the draft</Button>
          ) : null}
        </div>
      </div>
    </section>
  );
}

/** Import a strategy file into the draft, and export the draft. */
export function FilePanel({
  importAction, hasDraft, onImported, message, setMessage,
}: {
  importAction: ImportAction;
  hasDraft: boolean;
  onImported: () => void;
  /** Kept by the caller: the panel moves when the import creates the draft. */
  message: { ok: boolean; text: string } | null;
  setMessage: (message: { ok: boolean; text: string } | null) => void;
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string[] | undefined>();
  const [pending, startTransition] = useTransition();

  const importFile = () => {
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setError(["Choose a strategy file (.json) first."]);
      setMessage(null);
      return;
    }
    startTransition(async () => {
      setError(undefined);
      let result: Awaited<ReturnType<ImportAction>>;
      try {
        result = await importAction({ json: await file.text() });
      } catch {
        setMessage({ ok: false, text: "Keel could not be reached. Nothing was imported; try again." });
        return;
      }
      if (result.ok) {
        setMessage({ ok: true, text: result.data });
        if (fileRef.current) fileRef.current.value = "";
        onImported();
        return;
      }
      setError(result.fieldErrors?.file ?? result.fieldErrors?.json);
      setMessage({ ok: false, text: result.fieldErrors?.file ? "The file was not imported: see the first problem under the file field." : result.message });
    });
  };

  return (
    <section className={panel} aria-labelledby="files-heading">
      <h2 id="files-heading" className="text-sm font-semibold text-slate-900">Strategy file</h2>
      <p className="mt-1 text-sm text-slate-600">
        Import replaces every section of the draft. Sections you are editing keep your edits; saving them then shows what the file changed.
      </p>
      <div className="mt-3 space-y-2">
        <label htmlFor="strategy-file" className="block text-sm font-medium text-slate-800">Strategy file (JSON)</label>
        <input
          id="strategy-file"
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "strategy-file-error" : undefined}
          className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
        />
        {error ? <p id="strategy-file-error" className="text-sm text-red-700 break-words">{error.join(" ")}</p> : null}
        <Button variant="secondary" onClick={importFile} disabled={pending} className="w-full">
          {pending ? "Importing…" : "Import into the draft"}
        </Button>
        <div role="status" aria-live="polite" className="min-h-5 text-sm">
          {message ? <p className={message.ok ? "text-emerald-800" : "text-red-700"}>{message.text}</p> : null}
        </div>
        {hasDraft ? (
          // A file download from a route handler, not a page: a plain link, not next/link.
          // eslint-disable-next-line @next/next/no-html-link-for-pages
          <a href="/api/strategy/versions/draft?download=1" className="inline-block text-sm font-medium text-indigo-800 underline underline-offset-4">
            Export the draft (JSON)
          </a>
        ) : null}
      </div>
    </section>
  );
}
