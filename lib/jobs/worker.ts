import "server-only";
import { claimJob, finishJob } from "@/lib/jobs/queue";
import { RESCORE_KIND, runRescoreBatch } from "@/lib/jobs/rescore";
import { IMPORT_KIND, runImportBatch } from "@/lib/imports/job";
import { WHATIF_KIND, runWhatIfBatch } from "@/lib/whatif/run";
import { startWebhookRunner } from "@/lib/webhooks/deliver";

// The in-process runner, started once per server (instrumentation.ts). Several instances may run
// it side by side: claims are exclusive, and a batch never blocks the request path for long.
const HANDLERS: Record<string, typeof runRescoreBatch> = { [RESCORE_KIND]: runRescoreBatch, [IMPORT_KIND]: runImportBatch, [WHATIF_KIND]: runWhatIfBatch };
let running = false;
let timer: NodeJS.Timeout | null = null;

/** Drains every runnable job; resolves when none is left. Used by the worker loop and by tests. */
export async function runJobsUntilIdle(): Promise<number> {
  let processed = 0;
  for (;;) {
    const job = await claimJob(Object.keys(HANDLERS));
    if (!job) return processed;
    try {
      while (await HANDLERS[job.kind]!(job)) {
        // one committed batch per iteration; yield so requests keep flowing
        await new Promise((resolve) => setImmediate(resolve));
      }
      await finishJob(job.id);
    } catch (error) {
      console.error(`[keel] job ${job.id} (${job.kind}) failed`, error);
      await finishJob(job.id, error instanceof Error ? error.message : String(error));
    }
    processed++;
  }
}

export function kickWorker() {
  if (running || process.env.KEEL_WORKER === "off") return;
  running = true;
  runJobsUntilIdle()
    .catch((error) => console.error("[keel] job runner error", error))
    .finally(() => {
      running = false;
    });
}

export function startWorker(intervalMs = 2000) {
  if (timer) return;
  timer = setInterval(kickWorker, intervalMs);
  timer.unref();
  kickWorker();
  startWebhookRunner(intervalMs); // webhooks: their own claim loop on the outbox (ADR 11)
}
