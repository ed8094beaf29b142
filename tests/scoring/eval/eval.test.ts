import { describe, expect, it } from "vitest";
import { parseDealInput, parseStrategySnapshot, scoreDeal, type DealInput } from "@/lib/scoring";
import { type CommitmentCase, commitmentCases } from "./commitments";
import { holdoutCommitments, holdoutRequests } from "./holdout";
import { type RequestCase, requestCases } from "./requests";
import { demoStrategy, evalDealBase } from "./strategy";

// The evaluation set: labelled promises and requests scored against the demo strategy. We measure
// precision and recall of the two decisions that matter most to a manager: "this promise makes the
// deal off-strategy" and "this request is something we already offer". Each case is scored as a
// deal on its own, in a primary segment with no pricing, so only the promise or request decides.

const MIN = 0.9;
const strategy = parseStrategySnapshot(demoStrategy);

function dealWith(part: Partial<DealInput>): DealInput {
  return parseDealInput({ ...evalDealBase, ...part });
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  misses: string[];
}
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0, tn: 0, misses: [] });
const precision = (t: Tally) => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
const recall = (t: Tally) => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));

function table(title: string, t: Tally): string {
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  return [
    `${title}`,
    `                     predicted yes   predicted no`,
    `  labelled yes       ${pad(t.tp, 13)}   ${pad(t.fn, 12)}`,
    `  labelled no        ${pad(t.fp, 13)}   ${pad(t.tn, 12)}`,
    `  precision ${precision(t).toFixed(3)}   recall ${recall(t).toFixed(3)}   (n = ${t.tp + t.fp + t.fn + t.tn})`,
    ...t.misses.map((m) => `  miss: ${m}`),
  ].join("\n");
}

function tallyCritical(cases: CommitmentCase[]): Tally {
  const t = tally();
  for (const c of cases) {
    const result = scoreDeal(dealWith({ commitments: [{ text: c.text, kind: c.kind, dueDate: c.dueDate ?? null }] }), strategy);
    const predicted = result.offStrategy;
    if (predicted && c.critical) t.tp++;
    else if (predicted && !c.critical) t.fp++;
    else if (!predicted && c.critical) t.fn++;
    else t.tn++;
    if (predicted !== c.critical) {
      const rules = result.findings.map((f) => `${f.ruleId}${f.evidence.matched ? `(${f.evidence.matched.id})` : ""}`);
      t.misses.push(`${c.critical ? "FN" : "FP"} [${c.kind}] "${c.text}" → ${rules.join(", ") || "no findings"}`);
    }
  }
  return t;
}

// A prediction counts as right only if it names the right capability: predicting a different
// available capability is a false positive (and, if one was expected, also a false negative).
function tallyAvailable(cases: RequestCase[]): Tally {
  const t = tally();
  for (const c of cases) {
    const result = scoreDeal(dealWith({ requests: [{ text: c.text }] }), strategy);
    const insight = result.requestInsights[0];
    const predicted = insight?.kind === "enablement_gap" ? (insight.capabilityId ?? null) : null;
    if (predicted !== null && predicted === c.available) t.tp++;
    else {
      if (predicted !== null) t.fp++;
      if (c.available !== null) t.fn++;
      if (predicted === null && c.available === null) t.tn++;
    }
    if (predicted !== c.available) {
      const got = insight?.match ? `${insight.kind}(${insight.match.id} via "${insight.match.via}")` : (insight?.kind ?? "none");
      t.misses.push(`expected ${c.available ?? "none"}: "${c.text}" → ${got}`);
    }
  }
  return t;
}

const critical = tallyCritical(commitmentCases);
const available = tallyAvailable(requestCases);

describe("evaluation set", () => {
  it("has at least 100 labelled cases", () => {
    expect(commitmentCases.length + requestCases.length).toBeGreaterThanOrEqual(100);
  });

  it("prints the confusion tables", () => {
    console.log(
      [
        table(`"Critical" on ${commitmentCases.length} commitments`, critical),
        "",
        table(`"Matches an available capability" on ${requestCases.length} requests`, available),
        "",
        "Held-out set (labelled before the engine first ran on it; printed, not gated):",
        table(`"Critical" on ${holdoutCommitments.length} held-out commitments`, tallyCritical(holdoutCommitments)),
        "",
        table(`"Matches an available capability" on ${holdoutRequests.length} held-out requests`, tallyAvailable(holdoutRequests)),
      ].join("\n"),
    );
  });

  it(`keeps precision and recall of "critical" at or above ${MIN}`, () => {
    expect(precision(critical)).toBeGreaterThanOrEqual(MIN);
    expect(recall(critical)).toBeGreaterThanOrEqual(MIN);
  });

  it(`keeps precision and recall of "matches an available capability" at or above ${MIN}`, () => {
    expect(precision(available)).toBeGreaterThanOrEqual(MIN);
    expect(recall(available)).toBeGreaterThanOrEqual(MIN);
  });
});
