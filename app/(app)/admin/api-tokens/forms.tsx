"use client";

import { startTransition, useActionState, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/guard";

type Created = { id: string; name: string; scope: string; prefix: string; token: string };
type CreateAction = (prev: unknown, data: FormData) => Promise<ActionResult<Created>>;
type RevokeAction = (prev: unknown, data: FormData) => Promise<ActionResult<string>>;

/** Name + scope; on success the secret is shown once, with a copy button. */
export function CreateTokenForm({ action }: { action: CreateAction }) {
  const ref = useRef<HTMLFormElement>(null);
  const [result, formAction, pending] = useActionState(action, null);
  const [copied, setCopied] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setCopied(false);
    startTransition(() => formAction(data));
  };
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const created = result?.ok ? result.data : null;
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="space-y-4">
      <form ref={ref} onSubmit={onSubmit} noValidate aria-label="New API token" className="grid items-end gap-3 sm:grid-cols-[2fr_1fr_auto]">
        <TextField label="Token name" name="name" id="new-token-name" autoComplete="off" hint="What uses it, e.g. “CRM sync”." errors={errors?.name} />
        <SelectField label="Scope" name="scope" id="new-token-scope" defaultValue="read" errors={errors?.scope}>
          <option value="read">Read</option>
          <option value="write">Write (and read)</option>
        </SelectField>
        <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create token"}</Button>
        <div className="sm:col-span-3">
          <FormMessage result={result && !result.ok ? { ok: false, message: result.fieldErrors ? "Some fields need attention." : result.message } : null} />
        </div>
      </form>
      {created ? (
        <section aria-labelledby="new-token-heading" className="rounded-md border border-amber-300 bg-amber-50 p-4">
          <h3 id="new-token-heading" className="text-sm font-semibold text-amber-950">Token “{created.name}” created ({created.scope})</h3>
          <p className="mt-1 text-sm text-amber-950">
            Copy it now: <strong>you won’t see this again</strong>. Keel keeps only a fingerprint of it; if it is lost, revoke it and create a new one.
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <label htmlFor="new-token-secret" className="sr-only">New API token</label>
            <input id="new-token-secret" readOnly value={created.token} onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm" />
            <Button variant="secondary" onClick={copy}>{copied ? "Copied" : "Copy"}</Button>
          </div>
          <p role="status" aria-live="polite" className="sr-only">{copied ? "Token copied to the clipboard." : ""}</p>
        </section>
      ) : null}
    </div>
  );
}

/** Revoking asks first: whatever uses the token stops working at once. */
export function RevokeTokenForm({ action, token }: { action: RevokeAction; token: { id: string; name: string } }) {
  const [confirming, setConfirming] = useState(false);
  const [result, formAction, pending] = useActionState(action, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  if (!confirming) {
    return <Button variant="secondary" onClick={() => setConfirming(true)}>Revoke…</Button>;
  }
  return (
    <form onSubmit={onSubmit} aria-label={`Revoke ${token.name}`} className="space-y-2">
      <input type="hidden" name="tokenId" value={token.id} />
      <p className="text-sm">Revoke “{token.name}”? Everything using it gets 401 from now on. This cannot be undone.</p>
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending}>{pending ? "Revoking…" : "Revoke token"}</Button>
        <Button variant="ghost" onClick={() => setConfirming(false)}>Cancel</Button>
      </div>
      <FormMessage result={result ? { ok: result.ok, message: result.ok ? result.data : result.message } : null} />
    </form>
  );
}
