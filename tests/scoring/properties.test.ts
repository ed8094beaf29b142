import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMITMENT_KINDS, CRITERIA, DEAL_STAGES, type DealInput, dealInputSchema, parseDealInput, scoreDeal } from "@/lib/scoring";
import { demoStrategy } from "./eval/strategy";
import { testStrategy } from "./fixtures";

// Properties that must hold for every deal, not just the examples we thought of.

const strategies = [testStrategy(), testStrategy({ valuePosition: 80 }), testStrategy({ valuePosition: -90 }), demoStrategy];

// Rep-like text: catalog words, near-misses, negations and noise, glued in random order.
const WORDS = [
  "salesforce", "sync", "custom", "code", "dashboards", "on-premise", "hosting", "self-hosted", "not", "no", "won't",
  "AI", "chatbot", "prices", "automatically", "24/7", "phone", "support", "white-label", "export", "expert", "audit",
  "audio", "bespoke", "dedicated", "engineer", "the", "for", "their", "team", ",", ";", "but", "e-mail", "inbox",
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((ws) => ws.join(" ")),
  fc.string({ minLength: 1, maxLength: 80 }),
);
const isoDate = fc.date({ min: new Date("2024-01-01"), max: new Date("2028-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const dealArb: fc.Arbitrary<DealInput> = fc
  .record({
    account: fc.record({
      name: fc.constantFrom("Acme", "Globex", "Initech"),
      industry: nullable(fc.constantFrom("Retail", "Software", "Government", "retail")),
      employees: nullable(fc.integer({ min: 0, max: 20000 })),
      revenue: nullable(fc.double({ min: 0, max: 1e9, noNaN: true })),
      region: nullable(fc.constantFrom("EU", "UK", "US", "eu")),
    }),
    stage: fc.constantFrom(...DEAL_STAGES),
    expectedCloseDate: nullable(isoDate),
    lineItems: fc.array(
      fc.record({
        productId: fc.constantFrom("p-std", "p-free", "p-starter", "p-growth", "p-unknown"),
        quantity: fc.double({ min: 0.5, max: 1000, noNaN: true }),
        unitPrice: fc.double({ min: 0, max: 500, noNaN: true }),
        discountPct: fc.double({ min: 0, max: 100, noNaN: true }),
      }),
      { maxLength: 4 },
    ),
    primaryCriterion: nullable(fc.constantFrom(...CRITERIA)),
    commitments: fc.array(fc.record({ text, kind: fc.constantFrom(...COMMITMENT_KINDS), dueDate: nullable(isoDate) }), { maxLength: 6 }),
    requests: fc.array(fc.record({ text }), { maxLength: 4 }),
  })
  .filter((d) => dealInputSchema.safeParse(d).success)
  .map((d) => parseDealInput(d));

const strategyArb = fc.constantFrom(...strategies);

describe("scoring properties", () => {
  it("keeps the score and every sub-score an integer within 0–100", () => {
    fc.assert(
      fc.property(dealArb, strategyArb, (deal, strategy) => {
        const r = scoreDeal(deal, strategy);
        for (const v of [r.score, ...Object.values(r.subScores)]) {
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(100);
        }
        expect(r.offStrategy).toBe(r.findings.some((f) => f.severity === "critical"));
        for (const f of r.findings) expect(Number.isInteger(f.points) && f.points >= 0).toBe(true);
      }),
    );
  });

  it("never raises the score when a critical-producing promise is added", () => {
    const criticalPromises = [
      { text: "We will host it on-premise on their servers", kind: "feature" as const, dueDate: null },
      { text: "Our AI will set prices automatically", kind: "feature" as const, dueDate: null },
      { text: "A quantum teleportation module", kind: "other" as const, dueDate: null },
    ];
    fc.assert(
      fc.property(dealArb, fc.constantFrom(...criticalPromises), fc.nat(), (deal, added, at) => {
        if (deal.commitments.length >= 50) return;
        const strategy = testStrategy();
        const before = scoreDeal(deal, strategy);
        const commitments = [...deal.commitments];
        commitments.splice(at % (commitments.length + 1), 0, added);
        const after = scoreDeal({ ...deal, commitments }, strategy);
        expect(after.score).toBeLessThanOrEqual(before.score);
        expect(after.offStrategy).toBe(true);
      }),
    );
  });

  it("returns the same result for the same input (deep equal), across copies of the strategy", () => {
    fc.assert(
      fc.property(dealArb, strategyArb, (deal, strategy) => {
        const first = scoreDeal(deal, strategy);
        expect(scoreDeal(structuredClone(deal), strategy)).toEqual(first);
        expect(scoreDeal(deal, structuredClone(strategy))).toEqual(first);
      }),
      { numRuns: 50 },
    );
  });
});

describe("input validation happens before the engine", () => {
  const valid = parseDealInput({
    account: { name: "Acme", industry: null, employees: null, revenue: null, region: null },
    stage: "proposal",
    expectedCloseDate: null,
    lineItems: [],
    primaryCriterion: null,
    commitments: [],
    requests: [],
  });

  it("rejects unknown keys anywhere in the deal", () => {
    const known = new Set([
      ...Object.keys(valid),
      ...Object.keys(valid.account),
      ...["text", "kind", "dueDate", "productId", "quantity", "unitPrice", "discountPct"],
    ]);
    const where = ["root", "account", "commitment", "lineItem", "request"] as const;
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !known.has(k) && k !== "__proto__"), fc.constantFrom(...where), (key, at) => {
        const extra = { [key]: 1 };
        const deal: Record<string, unknown> = { ...valid };
        if (at === "root") Object.assign(deal, extra);
        if (at === "account") deal.account = { ...valid.account, ...extra };
        if (at === "commitment") deal.commitments = [{ text: "x", kind: "feature", dueDate: null, ...extra }];
        if (at === "lineItem") deal.lineItems = [{ productId: "p", quantity: 1, unitPrice: 1, discountPct: 0, ...extra }];
        if (at === "request") deal.requests = [{ text: "x", ...extra }];
        expect(dealInputSchema.safeParse(deal).success).toBe(false);
      }),
    );
  });

  it("rejects malformed values", () => {
    const bad: Array<(d: DealInput) => unknown> = [
      (d) => ({ ...d, stage: "closed" }),
      (d) => ({ ...d, expectedCloseDate: "31/12/2026" }),
      (d) => ({ ...d, expectedCloseDate: "2026-02-30" }),
      (d) => ({ ...d, primaryCriterion: "cheapness" }),
      (d) => ({ ...d, lineItems: [{ productId: "p", quantity: 0, unitPrice: 1, discountPct: 0 }] }),
      (d) => ({ ...d, lineItems: [{ productId: "p", quantity: 1, unitPrice: -1, discountPct: 0 }] }),
      (d) => ({ ...d, lineItems: [{ productId: "p", quantity: 1, unitPrice: 1, discountPct: 101 }] }),
      (d) => ({ ...d, commitments: [{ text: "", kind: "feature", dueDate: null }] }),
      (d) => ({ ...d, commitments: [{ text: "   ", kind: "feature", dueDate: null }] }),
      (d) => ({ ...d, commitments: [{ text: "x".repeat(2001), kind: "feature", dueDate: null }] }),
      (d) => ({ ...d, commitments: [{ text: "x", kind: "promise", dueDate: null }] }),
      (d) => ({ ...d, commitments: Array.from({ length: 51 }, () => ({ text: "x", kind: "feature", dueDate: null })) }),
      (d) => ({ ...d, requests: Array.from({ length: 51 }, () => ({ text: "x" })) }),
      (d) => ({ ...d, account: { ...d.account, employees: 1.5 } }),
      (d) => ({ ...d, account: undefined }),
      () => null,
      () => "a deal",
    ];
    for (const make of bad) {
      expect(dealInputSchema.safeParse(make(valid)).success).toBe(false);
      expect(() => parseDealInput(make(valid))).toThrow();
    }
  });

  it("rejects arbitrary junk", () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        expect(dealInputSchema.safeParse(junk).success).toBe(false);
      }),
    );
  });
});
