import { compileStrategy } from "./compile";
import { analyseText } from "./match";
import { commitmentFindings, quote, requestInsight } from "./rules/promises";
import { pricingFindings } from "./rules/pricing";
import { segmentFindings } from "./rules/segments";
import { criterionFinding, customWorkFinding } from "./rules/value";
import { AREAS, type DealInput, type Finding, type ScoreResult, type StrategySnapshot, type SubScores } from "./types";

// scoreDeal: a pure function of (deal, strategy version) → score, findings and request insights.
// No I/O, no clock, no randomness. The deal and snapshot are expected to have passed
// parseDealInput / parseStrategySnapshot; the engine does not re-validate them.

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 } as const;
const SUBJECT_RANK = { deal: 0, account: 1, lineItem: 2, commitment: 3, request: 4 } as const;

/** Most severe first, then by what the finding is about, so the order never depends on rule order. */
function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    SUBJECT_RANK[a.evidence.subject.kind] - SUBJECT_RANK[b.evidence.subject.kind] ||
    (a.evidence.subject.index ?? -1) - (b.evidence.subject.index ?? -1) ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

const clamp = (n: number) => Math.max(0, Math.min(100, n));

export function scoreDeal(deal: DealInput, strategy: StrategySnapshot): ScoreResult {
  const compiled = compileStrategy(strategy);
  const position = strategy.valuePosition;
  const findings: Finding[] = [];

  deal.commitments.forEach((commitment, index) => {
    const analysis = analyseText(commitment.text, compiled);
    const q = quote(commitment.text);
    commitmentFindings(commitment, index, analysis, q, findings);
    customWorkFinding(commitment, index, analysis, q, position, findings);
  });
  pricingFindings(deal, compiled, findings);
  segmentFindings(deal, compiled, findings);
  criterionFinding(deal, position, findings);
  const requestInsights = deal.requests.map((request, index) =>
    requestInsight(index, request.text, analyseText(request.text, compiled), findings),
  );

  findings.sort(compareFindings);
  const lost = { promiseIntegrity: 0, pricingDiscipline: 0, segmentFit: 0, valuePropositionFit: 0 };
  let total = 0;
  for (const f of findings) {
    lost[f.area] += f.points;
    total += f.points;
  }
  const subScores = {} as SubScores;
  for (const area of AREAS) subScores[area] = clamp(100 - lost[area]);
  return {
    score: clamp(100 - total),
    subScores,
    offStrategy: findings.some((f) => f.severity === "critical"),
    findings,
    requestInsights,
  };
}
