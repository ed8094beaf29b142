// Public surface of the scoring engine (see docs/decisions/0004-scoring-and-matching.md).
export { scoreDeal } from "./score";
export { matchText, MATCH_THRESHOLD, type PublicMatch } from "./match";
export { compileStrategy } from "./compile";
export { POINTS, discountPenalty, customWorkPenalty, PREMIUM_POSITION, COST_POSITION, FAR_ABOVE_PP } from "./policy";
export * from "./types";
export { dealFacts, type DealFacts } from "./facts";
