import type { TextAnalysis } from "../match";
import { COST_POSITION, POINTS, PREMIUM_POSITION, customWorkPenalty } from "../policy";
import type { Token } from "../text/tokenize";
import type { Commitment, Criterion, DealInput, Finding } from "../types";
import { isClaimed, quote } from "./promises";

// Rules 5 and 7: does the deal sell the way our value proposition says we sell?

/**
 * Rule 5. A commitment is custom work when the rep filed it as such, or when it uses custom-work
 * or bespoke-service words ("tailored", "bespoke", "dedicated", "on-site", "white-glove") that
 * no catalog match explains. "Custom dashboards" is a product feature, not custom work, so a word
 * already claimed by a matched capability or guardrail does not count again.
 */
export function customWorkFinding(
  commitment: Commitment,
  index: number,
  analysis: TextAnalysis,
  position: number,
  out: Finding[],
): void {
  const penalty = customWorkPenalty(position);
  if (!penalty || !analysis.affirms) return;
  let word: Token | undefined;
  for (const t of analysis.tokens) {
    if (!t.negated && t.customWork && !isClaimed(analysis, t.index)) {
      word = t;
      break;
    }
  }
  if (commitment.kind !== "custom_work" && !word) return;
  out.push({
    ruleId: "value.custom_work_on_cost_position",
    severity: penalty.severity,
    points: penalty.points,
    area: "valuePropositionFit",
    message: `You promised ${quote(commitment.text)}: bespoke work breaks the cost structure of a make-it-for-less strategy.`,
    evidence: {
      subject: { kind: "commitment", index },
      text: commitment.text,
      valuePosition: position,
      trigger: word ? { word: word.raw } : { kind: "custom_work" },
    },
    remedy: "Offer the standard product instead, or get your manager's approval for the extra work and its price.",
  });
}

const PREMIUM_MISFITS: readonly Criterion[] = ["price"];
const COST_MISFITS: readonly Criterion[] = ["innovation", "quality"];

/** Rule 7: a price buyer for a sell-for-more strategy, or an innovation/quality buyer for make-it-for-less. */
export function criterionFinding(deal: DealInput, position: number, out: Finding[]): void {
  const criterion = deal.primaryCriterion;
  if (criterion === null) return;
  const premiumMisfit = position >= PREMIUM_POSITION && PREMIUM_MISFITS.includes(criterion);
  const costMisfit = position <= COST_POSITION && COST_MISFITS.includes(criterion);
  if (!premiumMisfit && !costMisfit) return;
  out.push({
    ruleId: "value.criterion_mismatch",
    severity: "warning",
    points: POINTS.criterionMismatch,
    area: "valuePropositionFit",
    message: premiumMisfit
      ? "This buyer decides on price, but our strategy is to sell it for more."
      : `This buyer decides on ${criterion}, but our strategy is to make it for less.`,
    evidence: { subject: { kind: "deal" }, primaryCriterion: criterion, valuePosition: position },
    remedy: premiumMisfit
      ? "Sell the value, not the price, or ask your manager whether the deal is worth a discount fight."
      : "Set expectations on what the standard product does, or check with your manager before chasing the deal.",
  });
}
