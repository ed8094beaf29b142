"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

export function RequestForm({ action, accounts }: { action: FormAction; accounts: { id: string; name: string }[] }) {
  const ref = useRef<HTMLFormElement>(null);
  const f = useFormAction(action, ref);
  return (
    <form ref={ref} onSubmit={f.onSubmit} noValidate className="max-w-xl space-y-4">
      <SelectField label="Account" name="accountId" defaultValue="" errors={f.errors?.accountId}>
        <option value="">Choose an account…</option>
        {accounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
      </SelectField>
      <TextField label="What did the customer ask for?" name="text" errors={f.errors?.text} hint="In their words, e.g. “remind people who left tickets in the basket”." />
      <FormMessage result={f.message} />
      <Button type="submit" disabled={f.pending}>{f.pending ? "Logging…" : "Log request"}</Button>
    </form>
  );
}
