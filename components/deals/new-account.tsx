"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/guard";

export type AccountOption = { id: string; name: string };

/** Adds an account without leaving the deal form (a nested form would not be valid HTML). */
export function NewAccount({ create, onCreated }: { create: (input: unknown) => Promise<ActionResult<AccountOption>>; onCreated: (a: AccountOption) => void }) {
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({ name: "", industry: "", employees: "", revenue: "", region: "" });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, start] = useTransition();
  if (!open) return <Button variant="ghost" onClick={() => setOpen(true)}>+ New account</Button>;
  const field = (name: keyof typeof v, label: string, extra: Record<string, string> = {}) => (
    <TextField label={label} name={`account.${name}`} id={`new-account-${name}`} value={v[name]} onChange={(e) => setV({ ...v, [name]: e.target.value })} errors={errors[name]} {...extra} />
  );
  return (
    <div role="group" aria-label="New account" className="space-y-3 rounded-md border border-indigo-200 bg-indigo-50 p-3">
      <div className="grid gap-3 sm:grid-cols-3">
        {field("name", "Account name")}
        {field("industry", "Industry")}
        {field("region", "Region")}
        {field("employees", "Employees", { inputMode: "numeric" })}
        {field("revenue", "Annual revenue", { inputMode: "decimal" })}
      </div>
      <div className="flex items-center gap-2">
        <Button variant="secondary" disabled={pending} onClick={() => start(async () => {
          const result = await create(v);
          if (result.ok) {
            onCreated(result.data);
            setOpen(false);
            setV({ name: "", industry: "", employees: "", revenue: "", region: "" });
            setErrors({});
            return;
          }
          setErrors(result.fieldErrors ?? {});
          setMessage({ ok: false, message: result.fieldErrors ? "Some fields need attention." : result.message });
        })}>{pending ? "Adding…" : "Add account"}</Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
        <FormMessage result={message} />
      </div>
    </div>
  );
}
