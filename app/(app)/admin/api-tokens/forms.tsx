"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { OneTimeSecret } from "@/components/ui/one-time-secret";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/guard";

type Created = { id: string; name: string; scope: string; prefix: string; token: string };
type CreateAction = (prev: unknown, data: FormData) => Promise<ActionResult<Created>>;
type RevokeAction = (prev: unknown, data: FormData) => Promise<ActionResult<string>>;

/** Name + scope; on success the secret is shown once, with a copy button. */
export function CreateTokenForm({ action }: { action: CreateAction }) {
  // Cleared after a token is created, so the next one starts from an empty name.
  const ref = useRef<HTMLFormElement>(null);
  const { onSubmit, pending, errors, result } = useFormAction(action, ref);
  const created = result?.ok ? result.data : null;
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
        <OneTimeSecret key={created.token} id="new-token-secret" label="New API token" value={created.token} copiedText="Token copied to the clipboard."
          title={`Token “${created.name}” created (${created.scope})`}>
          Copy it now: <strong>you won’t see this again</strong>. Keel keeps only a fingerprint of it; if it is lost, revoke it and create a new one.
        </OneTimeSecret>
      ) : null}
    </div>
  );
}

/** Revoking asks first: whatever uses the token stops working at once. */
export function RevokeTokenForm({ action, token }: { action: RevokeAction; token: { id: string; name: string } }) {
  const [confirming, setConfirming] = useState(false);
  const { onSubmit, pending, message } = useFormAction(action);
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
      <FormMessage result={message} />
    </form>
  );
}
