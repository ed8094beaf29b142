"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * A secret shown once (an API token, a webhook signing secret): selected on focus, with a copy
 * button and its outcome announced. Key it by the secret so a new one starts uncopied.
 */
export function OneTimeSecret({ id, label, value, title, children, copiedText }: {
  id: string; label: string; value: string; title: ReactNode; children: ReactNode; copiedText: string;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-md border border-amber-300 bg-amber-50 p-4">
      <h3 id={`${id}-heading`} className="text-sm font-semibold text-amber-950">{title}</h3>
      <p className="mt-1 text-sm text-amber-950">{children}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="sr-only">{label}</label>
        <input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm" />
        <Button variant="secondary" onClick={copy}>{copied ? "Copied" : "Copy"}</Button>
      </div>
      <p role="status" aria-live="polite" className="sr-only">{copied ? copiedText : ""}</p>
    </section>
  );
}
