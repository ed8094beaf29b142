// Golden output check for the scoring engine: scores a large, varied set of deals and prints a
// SHA-256 of the JSON of every result (score, sub-scores, findings with evidence and text, request
// insights, all in order), per section and in total. A speed change to lib/scoring must leave the
// total unchanged.
//   npx tsx --tsconfig scripts/tsconfig.json bench/scoring-golden.ts
// SCORING_LIB=/path/to/a/copy/of/lib/scoring runs the same check against another copy of the engine.
import { createHash } from "node:crypto";
import path from "node:path";
import type * as Scoring from "../lib/scoring";
import type { DealInput, StrategySnapshot } from "../lib/scoring";
import { commitmentCases } from "../tests/scoring/eval/commitments";
import { holdoutCommitments, holdoutRequests } from "../tests/scoring/eval/holdout";
import { requestCases } from "../tests/scoring/eval/requests";
import { demoStrategy, evalDealBase } from "../tests/scoring/eval/strategy";
import { benchData } from "./scoring-data";

const lib = (await import(process.env.SCORING_LIB ? path.resolve(process.env.SCORING_LIB, "index.ts") : "../lib/scoring")) as typeof Scoring;

const total = createHash("sha256");
const sections: string[] = [];
let results = 0;

function section(name: string, run: (emit: (value: unknown) => void) => void): void {
  const hash = createHash("sha256");
  let count = 0;
  run((value) => {
    const json = JSON.stringify(value);
    hash.update(json).update("\n");
    total.update(json).update("\n");
    count++;
  });
  results += count;
  sections.push(`${name.padEnd(28)} ${String(count).padStart(6)}  ${hash.digest("hex").slice(0, 16)}`);
}

const bench = benchData(20_000);
const other = benchData(5_000, 0x5eed);
const demo = lib.parseStrategySnapshot(demoStrategy);

const evalDeal = (part: Partial<DealInput>): DealInput => lib.parseDealInput({ ...evalDealBase, ...part });
const commitments = [...commitmentCases, ...holdoutCommitments].map((c) => ({ text: c.text, kind: c.kind, dueDate: c.dueDate ?? null }));
const requests = [...requestCases, ...holdoutRequests].map((r) => ({ text: r.text }));
const chunks = <T>(list: T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
const scoreAll = (deals: DealInput[], strategy: StrategySnapshot) => (emit: (v: unknown) => void) => {
  for (const d of deals) emit(lib.scoreDeal(d, strategy));
};
const benchTexts = (deals: DealInput[]) => [...new Set(deals.flatMap((d) => [...d.commitments.map((c) => c.text), ...d.requests.map((r) => r.text)]))];

section("bench deals", scoreAll(bench.deals, bench.strategy));
section("second bench catalog", scoreAll(other.deals, other.strategy));
section("bench deals, demo catalog", scoreAll(bench.deals.slice(0, 5_000), demo));
section("eval commitments", scoreAll(commitments.map((c) => evalDeal({ commitments: [c] })), demo));
section("eval requests", scoreAll(requests.map((r) => evalDeal({ requests: [r] })), demo));
section("eval, many per deal", scoreAll(chunks(commitments, 7).map((cs, i) => evalDeal({ commitments: cs, requests: chunks(requests, 5)[i] ?? [] })), demo));
section("eval on bench catalog", scoreAll(chunks(commitments, 3).map((cs) => evalDeal({ commitments: cs })), bench.strategy));
section("matchText eval", (emit) => {
  for (const t of [...commitments.map((c) => c.text), ...requests.map((r) => r.text)]) emit([lib.matchText(t, demo), lib.matchText(t, bench.strategy)]);
});
section("matchText bench texts", (emit) => {
  for (const t of benchTexts(bench.deals.slice(0, 3_000))) emit([lib.matchText(t, bench.strategy), lib.matchText(t, demo)]);
});
section("alternating catalogs", (emit) => {
  for (const d of bench.deals.slice(0, 2_000)) emit([lib.scoreDeal(d, bench.strategy), lib.scoreDeal(d, other.strategy), lib.scoreDeal(d, demo)]);
});
section("bench deals again (warm)", scoreAll(bench.deals.slice(0, 5_000), bench.strategy));
section("dealFacts", (emit) => {
  for (const d of bench.deals.slice(0, 2_000)) emit(lib.dealFacts(d, bench.strategy, lib.scoreDeal(d, bench.strategy)));
});

console.log(sections.join("\n"));
console.log(`golden sha256 ${total.digest("hex")}  (${results} results)`);
