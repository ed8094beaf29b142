"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";

type Errors = Record<string, string[]>;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    setErrors({});
    try {
      const response = await fetch("/api/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (response.ok) {
        window.location.assign(callbackUrl);
        return;
      }
      const body = (await response.json().catch(() => null)) as {
        error?: { message: string; fields?: { path: string; message: string }[] };
      } | null;
      const fieldErrors: Errors = {};
      for (const f of body?.error?.fields ?? []) (fieldErrors[f.path] ??= []).push(f.message);
      setErrors(fieldErrors);
      setMessage(body?.error?.fields?.length ? null : (body?.error?.message ?? "Sign-in failed. Try again."));
    } catch {
      setMessage("Keel could not be reached. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField label="E-mail" name="email" type="email" autoComplete="username" required errors={errors.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required errors={errors.password} />
      <FormMessage result={message ? { ok: false, message } : null} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
