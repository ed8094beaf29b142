import type { Severity } from "./types";

// Every number the rules use, in one place, so the ADR (docs/decisions/0004) and the code cannot
// drift apart. A deal starts at 100 and each finding takes its points away (clamped to 0..100).
// Points are additive and never negative, so adding a finding can never raise a score.

/**
 * A name or alias matches a text that covers strictly more than this share of its weight (match.ts).
 * One half, a power of two, so that match.ts and compile.ts can compare without rounding.
 */
export const MATCH_THRESHOLD = 0.5;

export const POINTS = {
  /** Rule 1: promising something marked not offered. */
  notOffered: 30,
  /** Rule 1: promising something the catalog does not list at all (less certain than a known "no"). */
  unlisted: 25,
  /** Rule 2: promising a roadmap capability (no date, or due on/after the roadmap date). */
  roadmap: 10,
  /** Rule 2: promising a roadmap capability for a date before it is expected. */
  roadmapBeforeDate: 25,
  /** Promising a beta capability: worth knowing, not a breach. */
  beta: 0,
  /** Rule 3: a promise that hits a guardrail. */
  guardrail: 30,
  /** A line item whose product is not in this strategy version's price list. */
  unknownProduct: 5,
  /** Rule 6. */
  avoidedSegment: 30,
  untargetedSegment: 10,
  /** Rule 7. */
  criterionMismatch: 10,
  /** Requests never cost points; enablement gaps are shown as information. */
  enablementGap: 0,
} as const;

/** At or above this position the company sells it for more (premium); at or below −30, for less. */
export const PREMIUM_POSITION = 30;
export const COST_POSITION = -30;

/**
 * Rule 4, discount above the product's allowance.
 *   excess   = effective discount − allowance, in percentage points (> 0)
 *   weight   = 1 + position / 200          (0.5 at −100 … 1 at 0 … 1.5 at +100: discounts erode a
 *                                           premium, so they weigh more the more we sell for more)
 *   points   = min(40, round((5 + excess) × weight)), and at least 20 when critical
 *   critical = excess ≥ FAR_ABOVE_PP ("far above": ten points or more over the allowance)
 *              or position ≥ PREMIUM_POSITION (any unapproved discount undercuts a premium);
 *   otherwise a warning.
 */
export const FAR_ABOVE_PP = 10;

export function discountPenalty(excess: number, position: number): { severity: Severity; points: number } {
  const weight = 1 + position / 200;
  const critical = excess >= FAR_ABOVE_PP || position >= PREMIUM_POSITION;
  const points = Math.min(40, Math.round((5 + excess) * weight));
  return { severity: critical ? "critical" : "warning", points: critical ? Math.max(20, points) : points };
}

/**
 * Rule 5, custom work or bespoke service on a cost-leadership position.
 *   none     when position > −20 (balanced or premium strategies can sell bespoke work)
 *   cost     = −position / 100            (0.2 … 1)
 *   points   = round(5 + 25 × cost)       (10 at −20, 15 at −40, 20 at −60, 30 at −100)
 *   severity = critical at position ≤ −60, warning from −20 to −59.
 */
export const CUSTOM_WORK_FROM = -20;
export const CUSTOM_WORK_CRITICAL_AT = -60;

export function customWorkPenalty(position: number): { severity: Severity; points: number } | null {
  if (position > CUSTOM_WORK_FROM) return null;
  const cost = -position / 100;
  return {
    severity: position <= CUSTOM_WORK_CRITICAL_AT ? "critical" : "warning",
    points: Math.round(5 + 25 * cost),
  };
}
