import { describe, expect, it } from "vitest";
import { type Finding, POINTS, scoreDeal } from "@/lib/scoring";
import { promise, testDeal, testStrategy } from "./fixtures";

const strategy = testStrategy();
const rulesOf = (findings: Finding[]) => findings.map((f) => `${f.ruleId}:${f.severity}`);

describe("rule 1: promises of things not offered or not listed", () => {
  it("flags a not-offered capability as critical, quoting the promise", () => {
    const r = scoreDeal(testDeal({ commitments: [promise("Our AI will set prices automatically")] }), strategy);
    const [f] = r.findings;
    expect(f).toMatchObject({ ruleId: "promise.not_offered", severity: "critical", points: POINTS.notOffered, area: "promiseIntegrity" });
    expect(f?.message).toBe('You promised "Our AI will set prices automatically", but AI dynamic pricing is not something we offer.');
    expect(f?.evidence).toMatchObject({ subject: { kind: "commitment", index: 0 }, matched: { kind: "capability", id: "cap-pricing" } });
    expect(f?.remedy.length).toBeGreaterThan(10);
    expect(r.offStrategy).toBe(true);
    expect(r.score).toBe(100 - POINTS.notOffered);
  });

  it("flags a promise that matches nothing in the catalog, with evidence that nothing matched", () => {
    const r = scoreDeal(testDeal({ commitments: [promise("A blockchain ledger of every ticket", "other")] }), strategy);
    expect(r.findings[0]).toMatchObject({ ruleId: "promise.unlisted", severity: "critical", evidence: { matched: null } });
    expect(r.findings[0]?.message).toContain('"A blockchain ledger of every ticket"');
  });

  it("does not treat price terms as catalog promises", () => {
    const r = scoreDeal(testDeal({ commitments: [promise("20% off if they sign this quarter", "price_term")] }), strategy);
    expect(r.findings).toEqual([]);
  });

  it("accepts an available capability without a finding", () => {
    expect(scoreDeal(testDeal({ commitments: [promise("Salesforce sync from day one")] }), strategy).findings).toEqual([]);
  });
});

describe("rule 2: roadmap promises", () => {
  it("warns on a roadmap capability without a date", () => {
    const r = scoreDeal(testDeal({ commitments: [promise("a virtual agent on their site")] }), strategy);
    expect(rulesOf(r.findings)).toEqual(["promise.roadmap:warning"]);
    expect(r.findings[0]?.message).toContain("expected on 2026-09-30");
    expect(r.offStrategy).toBe(false);
  });

  it("is critical when the promise is due before the roadmap date", () => {
    const r = scoreDeal(testDeal({ commitments: [promise("AI chatbot live", "delivery_date", "2026-06-01")] }), strategy);
    expect(r.findings[0]).toMatchObject({
      ruleId: "promise.roadmap_before_date",
      severity: "critical",
      evidence: { dueDate: "2026-06-01", expectedDate: "2026-09-30" },
    });
  });

  it("only warns when due on or after the roadmap date, or when the roadmap has no date", () => {
    expect(rulesOf(scoreDeal(testDeal({ commitments: [promise("AI chatbot", "feature", "2026-09-30")] }), strategy).findings)).toEqual(["promise.roadmap:warning"]);
    expect(rulesOf(scoreDeal(testDeal({ commitments: [promise("call recording", "feature", "2026-01-01")] }), strategy).findings)).toEqual(["promise.roadmap:warning"]);
  });

  it("notes a beta capability as information only", () => {
    const r = scoreDeal(testDeal({ commitments: [promise("WhatsApp channel")] }), strategy);
    expect(rulesOf(r.findings)).toEqual(["promise.beta:info"]);
    expect(r.score).toBe(100);
  });
});

describe("rule 3: guardrails", () => {
  it("flags a guardrail hit as critical and names the guardrail", () => {
    const r = scoreDeal(testDeal({ commitments: [promise("We'll install it on-prem, self-hosted on their servers")] }), strategy);
    expect(r.findings[0]).toMatchObject({ ruleId: "promise.guardrail", severity: "critical", evidence: { matched: { id: "g-onprem", via: "self-hosted" } } });
    expect(r.findings[0]?.message).toContain("On-premise hosting");
  });

  it("does not flag a promise NOT to do the guardrailed thing", () => {
    const r = scoreDeal(testDeal({ commitments: [promise("We do NOT offer on-premise hosting")] }), strategy);
    expect(r.findings).toEqual([]);
    expect(scoreDeal(testDeal({ commitments: [promise("no custom development", "custom_work")] }), testStrategy({ valuePosition: -80 })).findings).toEqual([]);
  });
});

describe("rule 4: discounts", () => {
  const line = (discountPct: number, unitPrice = 100, productId = "p-std") => ({ productId, quantity: 10, unitPrice, discountPct });

  it("accepts a discount within the allowance", () => {
    expect(scoreDeal(testDeal({ lineItems: [line(10)] }), strategy).findings).toEqual([]);
  });

  it("warns a little above the allowance on a neutral position", () => {
    const [f] = scoreDeal(testDeal({ lineItems: [line(15)] }), strategy).findings;
    // excess 5 points: (5 + 5) × (1 + 0/200) = 10
    expect(f).toMatchObject({ ruleId: "pricing.discount_over_allowance", severity: "warning", points: 10, evidence: { discountPct: 15, allowancePct: 10, excessPct: 5 } });
    expect(f?.message).toBe("Standard is discounted 15%, 5 points above the 10% allowed without approval.");
  });

  it("is critical far above the allowance (10 points or more)", () => {
    expect(scoreDeal(testDeal({ lineItems: [line(20)] }), strategy).findings[0]).toMatchObject({ severity: "critical", points: 20 });
  });

  it("is critical on a premium position and weighs more the more premium the position", () => {
    const premium = scoreDeal(testDeal({ lineItems: [line(15)] }), testStrategy({ valuePosition: 60 })).findings[0];
    expect(premium).toMatchObject({ severity: "critical", points: 20 }); // round(10 × 1.3) = 13, at least 20 when critical
    const far = (position: number) => scoreDeal(testDeal({ lineItems: [line(40)] }), testStrategy({ valuePosition: position })).findings[0]?.points;
    expect(far(100)).toBeGreaterThan(far(0) ?? 0); // (5 + 30) × 1.5 = 53 → capped at 40 vs 35
    expect(far(-100)).toBeLessThan(far(0) ?? 0); // × 0.5 → 18 → 20 minimum for critical
  });

  it("counts a unit price typed below list as discount", () => {
    const [f] = scoreDeal(testDeal({ lineItems: [line(0, 85)] }), strategy).findings;
    expect(f).toMatchObject({ ruleId: "pricing.discount_over_allowance", evidence: { discountPct: 15 } });
  });

  it("warns about a product that is not in the price list", () => {
    const [f] = scoreDeal(testDeal({ lineItems: [line(0, 100, "p-gone")] }), strategy).findings;
    expect(f).toMatchObject({ ruleId: "pricing.unknown_product", severity: "warning", area: "pricingDiscipline" });
  });
});

describe("rule 5: custom work on a cost-leadership position", () => {
  const custom = (text: string, kind: "custom_work" | "feature" = "custom_work") => testDeal({ commitments: [promise(text, kind)] });

  it("warns on a moderate cost position and is critical on a strong one", () => {
    expect(rulesOf(scoreDeal(custom("Tailored onboarding playbook"), testStrategy({ valuePosition: -40 })).findings)).toContain("value.custom_work_on_cost_position:warning");
    const strong = scoreDeal(custom("Tailored onboarding playbook"), testStrategy({ valuePosition: -80 }));
    expect(strong.findings.find((f) => f.ruleId === "value.custom_work_on_cost_position")).toMatchObject({ severity: "critical", points: 25 });
  });

  it("recognises bespoke-service words even when filed as a feature", () => {
    const r = scoreDeal(custom("A dedicated onboarding manager", "feature"), testStrategy({ valuePosition: -50 }));
    expect(r.findings.find((f) => f.ruleId === "value.custom_work_on_cost_position")?.evidence.trigger).toEqual({ word: "dedicated" });
  });

  it("does not apply to balanced or premium positions, or to product features named 'custom'", () => {
    expect(scoreDeal(custom("Tailored onboarding"), testStrategy({ valuePosition: 20 })).findings.some((f) => f.area === "valuePropositionFit")).toBe(false);
    expect(scoreDeal(custom("Custom dashboards", "feature"), testStrategy({ valuePosition: -80 })).findings).toEqual([]);
  });
});

describe("rule 6: segments", () => {
  it("is critical for an account in an avoided segment (case-insensitive)", () => {
    const r = scoreDeal(testDeal({ account: { name: "City of X", industry: "government", employees: 300, revenue: null, region: "eu" } }), strategy);
    expect(r.findings[0]).toMatchObject({ ruleId: "segment.avoided", severity: "critical", evidence: { segmentName: "Public sector" } });
    expect(r.subScores.segmentFit).toBe(100 - POINTS.avoidedSegment);
  });

  it("warns for an account in no target segment, and says which details are missing", () => {
    const big = scoreDeal(testDeal({ account: { name: "Huge Retail", industry: "Retail", employees: 20000, revenue: null, region: "EU" } }), strategy);
    expect(rulesOf(big.findings)).toEqual(["segment.untargeted:warning"]);
    const unknown = scoreDeal(testDeal({ account: { name: "Mystery", industry: null, employees: null, revenue: null, region: null } }), strategy);
    expect(unknown.findings[0]?.message).toContain("industry, employees, revenue, region are not filled in");
  });

  it("accepts an account in a target segment", () => {
    expect(scoreDeal(testDeal(), strategy).findings).toEqual([]);
  });
});

describe("rule 7: buyer's criterion against the value proposition", () => {
  it("warns for a price buyer when we sell for more", () => {
    const r = scoreDeal(testDeal({ primaryCriterion: "price" }), testStrategy({ valuePosition: 50 }));
    expect(r.findings[0]).toMatchObject({ ruleId: "value.criterion_mismatch", severity: "warning", evidence: { primaryCriterion: "price", valuePosition: 50 } });
  });

  it("warns for an innovation or quality buyer when we make it for less", () => {
    expect(rulesOf(scoreDeal(testDeal({ primaryCriterion: "innovation" }), testStrategy({ valuePosition: -50 })).findings)).toEqual(["value.criterion_mismatch:warning"]);
    expect(rulesOf(scoreDeal(testDeal({ primaryCriterion: "quality" }), testStrategy({ valuePosition: -30 })).findings)).toEqual(["value.criterion_mismatch:warning"]);
  });

  it("is silent near the middle", () => {
    expect(scoreDeal(testDeal({ primaryCriterion: "price" }), testStrategy({ valuePosition: 29 })).findings).toEqual([]);
  });
});

describe("requests", () => {
  it("shows a request for an available capability as an enablement gap, at no cost", () => {
    const r = scoreDeal(testDeal({ requests: [{ text: "Can we export everything to CSV?" }] }), strategy);
    expect(r.requestInsights).toEqual([{ requestIndex: 0, kind: "enablement_gap", capabilityId: "cap-export", match: expect.objectContaining({ id: "cap-export" }) }]);
    expect(r.findings[0]).toMatchObject({ ruleId: "request.enablement_gap", severity: "info", points: 0 });
    expect(r.score).toBe(100);
  });

  it("classifies every other kind of request", () => {
    const r = scoreDeal(
      testDeal({ requests: ["an AI chatbot", "WhatsApp channel", "dynamic pricing with machine learning", "white-labelling", "a loyalty scheme"].map((text) => ({ text })) }),
      strategy,
    );
    expect(r.requestInsights.map((i) => i.kind)).toEqual(["roadmap_demand", "beta", "not_offered", "guardrail", "unmatched"]);
    expect(r.requestInsights[3]).toMatchObject({ guardrailId: "g-white" });
    expect(r.score).toBe(100);
  });
});

describe("the result", () => {
  it("adds points across findings, keeps sub-scores per area and orders critical findings first", () => {
    const r = scoreDeal(
      testDeal({
        primaryCriterion: "price",
        lineItems: [{ productId: "p-std", quantity: 1, unitPrice: 100, discountPct: 15 }],
        commitments: [promise("call recording"), promise("self-hosted version")],
      }),
      testStrategy({ valuePosition: 50 }),
    );
    expect(rulesOf(r.findings)).toEqual([
      "pricing.discount_over_allowance:critical",
      "promise.guardrail:critical",
      "value.criterion_mismatch:warning",
      "promise.roadmap:warning",
    ]);
    const total = r.findings.reduce((n, f) => n + f.points, 0);
    expect(r.score).toBe(100 - total);
    expect(r.subScores).toEqual({ promiseIntegrity: 100 - POINTS.guardrail - POINTS.roadmap, pricingDiscipline: 80, segmentFit: 100, valuePropositionFit: 90 });
    expect(r.offStrategy).toBe(true);
  });

  it("never goes below zero", () => {
    const many = Array.from({ length: 10 }, () => promise("self-hosted version"));
    expect(scoreDeal(testDeal({ commitments: many }), strategy).score).toBe(0);
  });
});
