import type { RuleId } from "@/lib/scoring/types";

/** Short names of the engine's rules, for charts, filters and exports. */
export const RULE_LABEL: Record<RuleId, string> = {
  "promise.not_offered": "Promised what we do not offer",
  "promise.unlisted": "Promised something we don't list",
  "promise.roadmap": "Promised a roadmap item",
  "promise.roadmap_before_date": "Promised roadmap before its date",
  "promise.beta": "Promised a beta capability",
  "promise.guardrail": "Crossed a guardrail",
  "pricing.discount_over_allowance": "Discount over allowance",
  "pricing.unknown_product": "Product not in price list",
  "value.custom_work_on_cost_position": "Custom work against our position",
  "value.criterion_mismatch": "Buyer's criterion off our position",
  "segment.avoided": "Avoided segment",
  "segment.untargeted": "Outside target segments",
  "request.enablement_gap": "Asked for what we already have",
};

/** A stored rule id's short name; an id this version of Keel does not know stays as it is. */
export const ruleLabel = (rule: string) => RULE_LABEL[rule as RuleId] ?? rule;
