"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/guard";

type Progress = { id: string; status: string; done: number; total: number; error: string | null; stale: boolean };
type RunAction = (input: { versionId: string; revision: number }) => Promise<ActionResult<{ runId: string; total: number }>>;
type CancelAction = (input: { runId: string }) => Promise<ActionResult<string>>;

const active = (status: string | undefined) => status === "queued" || status === "running";

/**
 * Runs what-if on the draft, shows its progress while it runs (polling), lets leadership cancel it,
 * and refreshes the page's result once it is complete.
 */
export function WhatIfControls({
  draft, initial, runAction, cancelAction,
}: {
  draft: { versionId: string; revision: number } | null;
  initial: Progress | null;
  runAction: RunAction;
  cancelAction: CancelAction;
}) {
  const router = useRouter();
  const [progress, setProgress] = useState<Progress | null>(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const [polling, setPolling] = useState(active(initial?.status));
  const lastStatus = useRef(initial?.status);

  useEffect(() => {
    if (!polling) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const response = await fetch("/api/strategy/whatif", { cache: "no-store" });
        const body = response.ok ? ((await response.json()) as { run: Progress | null }) : null;
        if (stopped) return;
        if (body?.run) setProgress(body.run);
        if (body?.run && active(body.run.status)) {
          timer = setTimeout(() => void poll(), 1000);
          return;
        }
        setPolling(false);
        if (lastStatus.current !== body?.run?.status) router.refresh();
        lastStatus.current = body?.run?.status;
      } catch {
        timer = setTimeout(() => void poll(), 5000);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [polling, router]);

  const run = () => {
    if (!draft) return;
    setMessage(null);
    startTransition(async () => {
      const result = await runAction(draft);
      if (!result.ok) {
        setMessage({ ok: false, text: result.message });
        return;
      }
      setProgress({ id: result.data.runId, status: "queued", done: 0, total: result.data.total, error: null, stale: false });
      lastStatus.current = "queued";
      setPolling(true);
    });
  };

  const cancel = () => {
    if (!progress) return;
    startTransition(async () => {
      const result = await cancelAction({ runId: progress.id });
      setMessage(result.ok ? { ok: true, text: result.data } : { ok: false, text: result.message });
      setPolling(false);
      router.refresh();
    });
  };

  const running = active(progress?.status);
  const pct = progress?.total ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : running ? 0 : 100;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        {running ? (
          <Button variant="secondary" onClick={cancel} disabled={pending}>Cancel what-if</Button>
        ) : draft ? (
          <Button onClick={run} disabled={pending}>
            {pending ? "Starting…" : progress ? "Run what-if again" : "Run what-if"}
          </Button>
        ) : (
          <p className="text-sm text-slate-700">
            There is no draft to try. <Link href="/strategy/draft" className="font-medium text-indigo-800 underline underline-offset-4">Start one on the draft page</Link>, then run what-if on it.
          </p>
        )}
      </div>
      <div aria-live="polite" className="text-sm">
        {running && progress ? (
          <>
            <p className="font-medium text-slate-900">
              Scoring open deals against the draft: {progress.done.toLocaleString("en")} of {progress.total.toLocaleString("en")} ({pct} %)
            </p>
            <div role="progressbar" aria-label="What-if progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="mt-2 h-2 w-full max-w-xl overflow-hidden rounded bg-slate-200">
              <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${pct}%` }} />
            </div>
            <p className="mt-1 text-slate-600">Keel stays usable meanwhile; nothing is stored as a real score.</p>
          </>
        ) : null}
        {message ? <p className={message.ok ? "text-emerald-800" : "text-red-800"} role={message.ok ? undefined : "alert"}>{message.text}</p> : null}
      </div>
    </div>
  );
}
