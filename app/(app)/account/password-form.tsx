"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

export function PasswordForm({ action }: { action: FormAction }) {
  const ref = useRef<HTMLFormElement>(null);
  const f = useFormAction(action, ref);
  return (
    <form ref={ref} onSubmit={f.onSubmit} className="max-w-sm space-y-4" noValidate>
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" errors={f.errors?.currentPassword} />
      <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" hint="At least 10 characters." errors={f.errors?.newPassword} />
      <TextField label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" errors={f.errors?.confirmPassword} />
      <FormMessage result={f.message} />
      <Button type="submit" disabled={f.pending}>{f.pending ? "Saving…" : "Change password"}</Button>
    </form>
  );
}
