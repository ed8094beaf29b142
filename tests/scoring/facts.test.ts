import { describe, expect, it } from "vitest";
import { dealFacts, scoreDeal } from "@/lib/scoring";
import { testDeal, testStrategy } from "./fixtures";

// The facts dashboards group by are derived, purely, from the deal, the version and its score.

const facts = (overrides: Parameters<typeof testDeal>[0]) => {
  const strategy = testStrategy();
  const deal = testDeal(overrides);
  return dealFacts(deal, strategy, scoreDeal(deal, strategy));
};

describe("dealFacts", () => {
  it("places the account in its target segment", () => {
    expect(facts({})).toMatchObject({ segmentKey: "seg-target", inTargetSegment: true });
  });

  it("places an avoided account in the avoided segment, not in a target", () => {
    const f = facts({ account: { name: "City", industry: "Government", employees: 200, revenue: null, region: "EU" } });
    expect(f).toMatchObject({ segmentKey: "seg-avoid", inTargetSegment: false });
    expect(f.findingRules).toContain("segment.avoided");
  });

  it("weighs discounts and allowances by list value and names the main product", () => {
    const f = facts({
      lineItems: [
        { productId: "p-std", quantity: 3, unitPrice: 100, discountPct: 20 },
        { productId: "p-std", quantity: 1, unitPrice: 100, discountPct: 0 },
      ],
    });
    expect(f).toMatchObject({ productKey: "p-std", discountPct: 15, allowancePct: 10 });
  });

  it("has no discount figure without a priced line", () => {
    expect(facts({ lineItems: [] })).toMatchObject({ productKey: null, discountPct: null, allowancePct: null });
  });

  it("counts critical promises and names what they promised, once each", () => {
    const f = facts({
      commitments: [
        { text: "We will host it on-premise", kind: "feature", dueDate: null },
        { text: "Self-hosted in their data centre", kind: "feature", dueDate: null },
        { text: "Email ticketing from day one", kind: "feature", dueDate: null },
      ],
    });
    expect(f.promiseIssues).toBe(2);
    expect(f.criticalKeys).toEqual(["g-onprem"]);
    expect(f.findingRules).toEqual(["promise.guardrail"]);
  });
});
