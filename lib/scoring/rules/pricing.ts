import type { CompiledStrategy } from "../compile";
import { FAR_ABOVE_PP, POINTS, discountPenalty } from "../policy";
import type { DealInput, Finding } from "../types";

// Rule 4: discount above the product's allowance, weighed by the value position (policy.ts).

/** Rounded to one decimal so float noise (15.000000001) never creates a finding. */
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The discount the customer actually gets against list price: the entered discount applied to the
 * entered unit price. A unit price typed below list is a discount too, so it is counted.
 */
export function effectiveDiscountPct(listPrice: number, unitPrice: number, discountPct: number): number {
  if (listPrice <= 0) return round1(discountPct);
  const net = unitPrice * (1 - discountPct / 100);
  return round1(Math.max(discountPct, 100 * (1 - net / listPrice)));
}

export function pricingFindings(deal: DealInput, c: CompiledStrategy, out: Finding[]): void {
  const position = c.snapshot.valuePosition;
  deal.lineItems.forEach((item, index) => {
    const subject = { kind: "lineItem" as const, index };
    const product = c.products.get(item.productId);
    if (!product) {
      out.push({
        ruleId: "pricing.unknown_product",
        severity: "warning",
        points: POINTS.unknownProduct,
        area: "pricingDiscipline",
        message: `Line ${index + 1} uses a product that is not in this strategy's price list, so its discount cannot be checked.`,
        evidence: { subject, productId: item.productId },
        remedy: "Pick a product from the current price list.",
      });
      return;
    }
    const discount = effectiveDiscountPct(product.listPrice, item.unitPrice, item.discountPct);
    const excess = round1(discount - product.maxDiscountPct);
    if (excess <= 0) return;
    const { severity, points } = discountPenalty(excess, position);
    const premium = severity === "critical" && excess < FAR_ABOVE_PP; // critical only because of the position
    out.push({
      ruleId: "pricing.discount_over_allowance",
      severity,
      points,
      area: "pricingDiscipline",
      message: premium
        ? `${product.name} is discounted ${discount}% against an allowance of ${product.maxDiscountPct}%, which undercuts our premium position.`
        : `${product.name} is discounted ${discount}%, ${excess} points above the ${product.maxDiscountPct}% allowed without approval.`,
      evidence: {
        subject,
        productId: product.id,
        productName: product.name,
        discountPct: discount,
        allowancePct: product.maxDiscountPct,
        excessPct: excess,
        valuePosition: position,
      },
      remedy: `Bring the discount to ${product.maxDiscountPct}% or less, or ask your manager to approve it.`,
    });
  });
}
