import { compileStrategy } from "./compile";
import { effectiveDiscountPct } from "./rules/pricing";
import { classifySegment } from "./rules/segments";
import type { DealInput, ScoreResult, StrategySnapshot } from "./types";

/**
 * What dashboards group and filter a deal by, derived from the deal, the version it was scored
 * against and that score. Pure, like the engine: stored on the deal next to its latest score.
 */
export interface DealFacts {
  /** The segment the account falls in (target or avoided), by stable key; null when none. */
  segmentKey: string | null;
  /** True when that segment is a primary or secondary target. */
  inTargetSegment: boolean;
  /** The product carrying most of the deal's list value. */
  productKey: string | null;
  /** List-value-weighted effective discount and allowance over the priced lines, in %. */
  discountPct: number | null;
  allowancePct: number | null;
  /** Rules that took points, each once, in the engine's order. */
  findingRules: string[];
  /** Capabilities and guardrails behind critical promise findings, by stable key. */
  criticalKeys: string[];
  /** Number of critical findings on promises: the "off-strategy promises" of the dashboards. */
  promiseIssues: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function dealFacts(deal: DealInput, strategy: StrategySnapshot, result: ScoreResult): DealFacts {
  const compiled = compileStrategy(strategy);
  const segment = classifySegment(deal.account, compiled);

  let listTotal = 0;
  let discounted = 0;
  let allowed = 0;
  const valueByProduct = new Map<string, number>();
  for (const item of deal.lineItems) {
    const product = compiled.products.get(item.productId);
    const list = (product ? product.listPrice : item.unitPrice) * item.quantity;
    valueByProduct.set(item.productId, (valueByProduct.get(item.productId) ?? 0) + list);
    if (!product || list <= 0) continue;
    listTotal += list;
    discounted += list * effectiveDiscountPct(product.listPrice, item.unitPrice, item.discountPct);
    allowed += list * product.maxDiscountPct;
  }
  let productKey: string | null = null;
  let best = -1;
  for (const [key, value] of valueByProduct) {
    if (value > best) [productKey, best] = [key, value];
  }

  const findingRules: string[] = [];
  const criticalKeys: string[] = [];
  let promiseIssues = 0;
  for (const f of result.findings) {
    if (f.points > 0 && !findingRules.includes(f.ruleId)) findingRules.push(f.ruleId);
    if (f.severity !== "critical" || !f.ruleId.startsWith("promise.")) continue;
    promiseIssues++;
    const matched = f.evidence.matched;
    if (matched && !criticalKeys.includes(matched.id)) criticalKeys.push(matched.id);
  }

  return {
    segmentKey: segment?.id ?? null,
    inTargetSegment: segment !== null && segment.priority !== "avoid",
    productKey,
    discountPct: listTotal > 0 ? round1(discounted / listTotal) : null,
    allowancePct: listTotal > 0 ? round1(allowed / listTotal) : null,
    findingRules,
    criticalKeys,
    promiseIssues,
  };
}
