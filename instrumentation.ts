// Runs once when a Keel server starts: the background job runner (re-scoring after a publish).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.KEEL_WORKER !== "off") {
    const { startWorker } = await import("./lib/jobs/worker");
    startWorker();
  }
}
