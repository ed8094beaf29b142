// The scoring engine's view of a strategy version (lib/scoring/types.ts StrategySnapshot).
// Ids are the parts' stable keys, so a deal's product and a finding's capability stay the same
// thing across versions.
import type { StrategySnapshot } from "@/lib/scoring/types";
import type { StrategyContent } from "@/lib/strategy/content";

export function toSnapshot(content: StrategyContent): StrategySnapshot {
  return {
    versionId: content.id,
    version: content.number ?? 1,
    valuePosition: content.valueProposition.valuePosition,
    segments: content.segments.map((s) => ({
      id: s.key, name: s.name, industries: s.industries, employeeMin: s.employeeMin, employeeMax: s.employeeMax,
      revenueMin: s.revenueMin, revenueMax: s.revenueMax, regions: s.regions, priority: s.priority, buyingCriteria: s.buyingCriteria,
    })),
    capabilities: content.capabilities.map((c) => ({
      id: c.key, name: c.name, description: c.description, aliases: c.aliases, status: c.status, expectedDate: c.expectedDate,
    })),
    guardrails: content.guardrails.map((g) => ({ id: g.key, name: g.name, description: g.description, aliases: g.aliases })),
    products: content.products.map((p) => ({ id: p.key, name: p.name, listPrice: p.listPrice, currency: p.currency, maxDiscountPct: p.maxDiscountPct })),
  };
}
