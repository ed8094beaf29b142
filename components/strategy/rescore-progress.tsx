"use client";

import { useEffect, useState } from "react";

type Job = { status: string; done: number; total: number; version: number | null; error: string | null; finishedAt: string | null };

/** Re-scoring of open deals after a publish: polls while it runs, then says when it finished. */
export function RescoreProgress() {
  const [job, setJob] = useState<Job | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const response = await fetch("/api/jobs/rescore", { cache: "no-store" });
        if (!response.ok) return;
        const body = (await response.json()) as { job: Job | null };
        if (stopped) return;
        setJob(body.job);
        if (body.job && (body.job.status === "queued" || body.job.status === "running")) timer = setTimeout(() => void poll(), 1000);
      } catch {
        timer = setTimeout(() => void poll(), 5000);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  if (!job) return null;
  const pct = job.total ? Math.round((job.done / job.total) * 100) : 100;
  const running = job.status === "queued" || job.status === "running";
  return (
    <div className="rounded-md border border-slate-200 bg-white p-3 text-sm" aria-live="polite">
      <p className="font-medium">
        {running
          ? `Re-scoring open deals against version ${job.version ?? ""}: ${job.done.toLocaleString("en")} of ${job.total.toLocaleString("en")}`
          : job.status === "failed"
            ? `Re-scoring against version ${job.version ?? ""} stopped: ${job.error ?? "unknown error"}. Deals keep their previous scores; tell your admin.`
            : job.total === 0
              ? `There were no open deals to re-score against version ${job.version ?? ""}.`
              : `All ${job.total.toLocaleString("en")} open deals are scored against version ${job.version ?? ""}.`}
      </p>
      {running ? (
        <div role="progressbar" aria-label="Re-scoring progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="mt-2 h-2 w-full overflow-hidden rounded bg-slate-200">
          <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${pct}%` }} />
        </div>
      ) : null}
    </div>
  );
}
