import { describe, expect, it } from "vitest";
import type { SectionDiff } from "@/lib/strategy/compare";
import { describeChanges, headline, type WhatIfSummary } from "@/lib/whatif/compare";

const move = (deals: number, value: number) => ({ deals, value });
const summary = (over: Partial<WhatIfSummary> = {}): WhatIfSummary => ({
  deals: 100, value: 1_000_000, offBefore: move(10, 100_000), offAfter: move(28, 280_000), avgBefore: 80, avgAfter: 70,
  toOff: move(20, 180_000), toAligned: move(2, 0), scoreChanged: 60,
  rules: [
    { rule: "promise.roadmap", toOff: move(5, 20_000), toAligned: move(0, 0) },
    { rule: "pricing.discount_over_allowance", toOff: move(15, 160_000), toAligned: move(0, 0) },
  ],
  teams: [], reps: [], products: [],
  segments: [
    { key: "mid", deals: 50, value: 500_000, toOff: move(12, 150_000), toAligned: move(0, 0), avgDelta: -12 },
    { key: null, deals: 50, value: 500_000, toOff: move(8, 30_000), toAligned: move(2, 0), avgDelta: -3 },
  ],
  movers: [],
  ...over,
});
const names = { segment: (key: string | null) => (key === "mid" ? "Mid-market" : "?") };

describe("what-if headline", () => {
  it("names the share of value, the main rule and, when it dominates, the segment", () => {
    expect(headline(summary(), names)).toBe(
      "Under this draft, 18 % of open pipeline value turns off-strategy (20 deals), mostly because of “Discount over allowance” in Mid-market, and 0 % turns aligned (2 deals).",
    );
  });

  it("leaves the segment out when no segment carries most of the value", () => {
    const s = summary({ segments: [{ key: "mid", deals: 50, value: 500_000, toOff: move(12, 50_000), toAligned: move(0, 0), avgDelta: -1 }], toAligned: move(0, 0) });
    expect(headline(s, names)).toBe("Under this draft, 18 % of open pipeline value turns off-strategy (20 deals), mostly because of “Discount over allowance”.");
  });

  it("says when nothing moves, and when only scores move", () => {
    expect(headline(summary({ toOff: move(0, 0), toAligned: move(0, 0), scoreChanged: 0 }), names)).toBe("Nothing changes: every open deal scores exactly as it does now.");
    expect(headline(summary({ toOff: move(0, 0), toAligned: move(0, 0), scoreChanged: 1 }), names)).toBe(
      "No open deal changes between aligned and off-strategy under this draft; 1 deal changes score.",
    );
    expect(headline(summary({ deals: 0 }), names)).toBe("There are no open deals to score against this draft.");
  });
});

describe("what the draft changes", () => {
  it("lists scoring changes in words and ignores the rest", () => {
    const diffs: SectionDiff[] = [
      { section: "mission", added: [], removed: [], changed: [{ key: "mission", name: "mission", changes: [{ field: "whoWeAre", before: "a", after: "b" }] }] },
      { section: "valueProposition", added: [], removed: [], changed: [{ key: "valueProposition", name: "valueProposition", changes: [{ field: "valuePosition", before: -20, after: 60 }, { field: "valueRationale", before: "", after: "x" }] }] },
      { section: "capabilities", added: [{ key: "k1", name: "Seat maps" }], removed: [], changed: [{ key: "k2", name: "AI pricing", changes: [{ field: "status", before: "available", after: "not_offered" }] }] },
      { section: "products", added: [], removed: [{ key: "k3", name: "Starter" }], changed: [{ key: "k4", name: "Pro", changes: [{ field: "maxDiscountPct", before: 10, after: 5 }] }] },
    ];
    expect(describeChanges(diffs)).toEqual([
      "Value position: −20 → +60",
      "New capability: Seat maps",
      "AI pricing: status available → not offered",
      "Removed product: Starter",
      "Pro: maximum discount 10 → 5",
    ]);
  });
});
