"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { StartDraftAction } from "./draft-workspace";

export function PrintButton() {
  return (
    <Button variant="secondary" className="no-print" onClick={() => window.print()}>
      Print
    </Button>
  );
}

/** Starts the draft (a copy of the latest published version) and opens the editor. */
export function StartDraftButton({ action, label }: { action: StartDraftAction; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const start = () =>
    startTransition(async () => {
      setError(null);
      try {
        const result = await action();
        if (!result.ok) return setError(result.message);
      } catch {
        return setError("Keel could not be reached. Try again.");
      }
      router.push("/strategy/draft");
    });
  return (
    <div>
      <Button onClick={start} disabled={pending}>{pending ? "Starting…" : label}</Button>
      <p role="status" aria-live="polite" className="mt-2 min-h-5 text-sm text-red-700">{error}</p>
    </div>
  );
}
