import { compileStrategy } from "./compile";
import { type AnalyseOptions, analyseText } from "./match";
import { commitmentFindings, requestInsight } from "./rules/promises";
import { pricingFindings } from "./rules/pricing";
import { segmentFindings } from "./rules/segments";
import { criterionFinding, customWorkFinding } from "./rules/value";
import { type DealInput, type Finding, type RequestInsight, type ScoreResult, type StrategySnapshot, type SubScores } from "./types";

// scoreDeal: a pure function of (deal, strategy version) → score, findings and request insights.
// No I/O, no clock, no randomness. The deal and snapshot are expected to have passed
// parseDealInput / parseStrategySnapshot; the engine does not re-validate them.

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 } as const;
const SUBJECT_RANK = { deal: 0, account: 1, lineItem: 2, commitment: 3, request: 4 } as const;

/**
 * Most severe first, then by what the finding is about, so the order never depends on rule order:
 * severity, subject kind and subject index folded into one number (the schema caps every list at
 * 500 items, far below the million an index may reach here), then rule and message.
 */
function sortKey(f: Finding): number {
  return (SEVERITY_RANK[f.severity] * 5 + SUBJECT_RANK[f.evidence.subject.kind]) * 1_000_000 + (f.evidence.subject.index ?? -1) + 1;
}

function textOrder(a: Finding, b: Finding): number {
  return (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

const compareFindings = (a: Finding, b: Finding) => sortKey(a) - sortKey(b) || textOrder(a, b);

const INSERTION_SORT_MAX = 32;
const keys = new Float64Array(INSERTION_SORT_MAX);

/**
 * A deal has a handful of findings: a stable insertion sort on precomputed keys saves a comparator
 * call (and its property lookups) per comparison. Both sorts are stable, so the order is the same.
 */
function sortFindings(findings: Finding[]): void {
  const n = findings.length;
  if (n > INSERTION_SORT_MAX) {
    findings.sort(compareFindings);
    return;
  }
  for (let i = 0; i < n; i++) {
    const f = findings[i] as Finding;
    const key = sortKey(f);
    let j = i - 1;
    for (; j >= 0 && ((keys[j] as number) > key || ((keys[j] as number) === key && textOrder(findings[j] as Finding, f) > 0)); j--) {
      findings[j + 1] = findings[j] as Finding;
      keys[j + 1] = keys[j] as number;
    }
    findings[j + 1] = f;
    keys[j + 1] = key;
  }
}

const clamp = (n: number) => Math.max(0, Math.min(100, n));

// No rule reports what a text rules out, so the negated words are not matched; a request only
// needs its best match.
const COMMITMENT: AnalyseOptions = { negated: false };
const REQUEST: AnalyseOptions = { negated: false, limit: 1 };

export function scoreDeal(deal: DealInput, strategy: StrategySnapshot): ScoreResult {
  const compiled = compileStrategy(strategy);
  const position = strategy.valuePosition;
  const findings: Finding[] = [];

  for (let index = 0; index < deal.commitments.length; index++) {
    const commitment = deal.commitments[index] as DealInput["commitments"][number];
    const analysis = analyseText(commitment.text, compiled, COMMITMENT);
    commitmentFindings(commitment, index, analysis, findings);
    customWorkFinding(commitment, index, analysis, position, findings);
  }
  pricingFindings(deal, compiled, findings);
  segmentFindings(deal, compiled, findings);
  criterionFinding(deal, position, findings);
  const requestInsights: RequestInsight[] = [];
  for (let index = 0; index < deal.requests.length; index++) {
    const text = (deal.requests[index] as DealInput["requests"][number]).text;
    requestInsights.push(requestInsight(index, text, analyseText(text, compiled, REQUEST), findings));
  }

  sortFindings(findings);
  let promiseIntegrity = 0;
  let pricingDiscipline = 0;
  let segmentFit = 0;
  let valuePropositionFit = 0;
  let offStrategy = false;
  for (const f of findings) {
    if (f.area === "promiseIntegrity") promiseIntegrity += f.points;
    else if (f.area === "pricingDiscipline") pricingDiscipline += f.points;
    else if (f.area === "segmentFit") segmentFit += f.points;
    else valuePropositionFit += f.points;
    if (f.severity === "critical") offStrategy = true;
  }
  const subScores: SubScores = {
    promiseIntegrity: clamp(100 - promiseIntegrity),
    pricingDiscipline: clamp(100 - pricingDiscipline),
    segmentFit: clamp(100 - segmentFit),
    valuePropositionFit: clamp(100 - valuePropositionFit),
  };
  const total = promiseIntegrity + pricingDiscipline + segmentFit + valuePropositionFit;
  return { score: clamp(100 - total), subScores, offStrategy, findings, requestInsights };
}
