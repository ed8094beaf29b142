// Throughput of the scoring engine on one core: `npm run bench:scoring`.
// Builds a synthetic strategy (200 capabilities, 20 guardrails) and N deals with 3 commitments and
// 2 requests each, in varied rep language (paraphrases, typos, negations, unrelated asks). Warms
// up, then reports the median of RUNS timed passes, next to a baseline measured in the same
// process on the same texts: a loop that only lower-cases and tokenises them. Prints figures only;
// nothing here asserts a timing.
import { createHash } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { scoreDeal } from "../lib/scoring";
import { benchData } from "./scoring-data";

const N = Number(process.env.BENCH_DEALS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Alternates engine and baseline passes, so both see the same machine load, and keeps medians. */
function timeInterleaved(runs: number, fns: Array<() => number>): { seconds: number[]; sink: number } {
  const times = fns.map(() => [] as number[]);
  let sink = 0;
  for (let r = 0; r < runs; r++) {
    fns.forEach((fn, i) => {
      const t0 = performance.now();
      sink += fn();
      times[i]?.push((performance.now() - t0) / 1000);
    });
  }
  return { seconds: times.map(median), sink };
}

const { strategy, deals } = benchData(N);
const texts = deals.flatMap((d) => [...d.commitments.map((c) => c.text), ...d.requests.map((r) => r.text)]);
const uniqueTexts = new Set(texts).size;

const engine = () => {
  let points = 0;
  for (const deal of deals) points += scoreDeal(deal, strategy).score;
  return points;
};
const baseline = () => {
  let tokens = 0;
  for (const text of texts) tokens += text.toLowerCase().split(/[^a-z0-9]+/).length;
  return tokens;
};

// What the engine outputs, so a speed change that changes results shows up here: SHA-256 of the JSON of
// every result, one line each (the "bench deals" section of bench/scoring-golden.ts, which checks more).
const output = createHash("sha256");
for (const deal of deals) output.update(JSON.stringify(scoreDeal(deal, strategy))).update("\n");
const outputHash = output.digest("hex").slice(0, 16);

// Warm-up: JIT, the compiled strategy and the per-word memo tables.
timeInterleaved(2, [engine, baseline]);

const { seconds, sink } = timeInterleaved(RUNS, [engine, baseline]);
const e = { seconds: seconds[0] ?? NaN };
const b = { seconds: seconds[1] ?? NaN };
const engineRate = N / e.seconds;
const baselineRate = N / b.seconds;
console.log(`scoring benchmark — ${N} deals × (3 commitments + 2 requests), ${uniqueTexts} distinct texts of ${texts.length}`);
console.log(`strategy: ${strategy.capabilities.length} capabilities, ${strategy.guardrails.length} guardrails; cpus: ${os.cpus().length}; node ${process.version}; single thread; engine and baseline passes interleaved`);
console.log(`engine   (scoreDeal)                 ${Math.round(engineRate).toLocaleString("en")} deals/s  (median of ${RUNS}, ${(e.seconds * 1000).toFixed(1)} ms per pass)`);
console.log(`baseline (lower-case + tokenise)     ${Math.round(baselineRate).toLocaleString("en")} deals/s  (median of ${RUNS}, ${(b.seconds * 1000).toFixed(1)} ms per pass)`);
console.log(`ratio engine / baseline              ${(engineRate / baselineRate).toFixed(3)}  (baseline is ${(baselineRate / engineRate).toFixed(1)}× faster)`);
console.log(`target ≥ 100,000 deals/s: ${engineRate >= 100_000 ? "met" : "NOT met"}   (checksum ${sink}; load average ${os.loadavg()[0]?.toFixed(2)})`);
console.log(`output sha256 ${outputHash}…  (JSON of the ${N} results; must not change with a speed-only change)`);
