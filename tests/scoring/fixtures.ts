import { type DealInput, type StrategySnapshot, parseDealInput, parseStrategySnapshot } from "@/lib/scoring";

// A small strategy and deal builder for rule tests. Each test states the one thing it changes.

export function testStrategy(overrides: Partial<StrategySnapshot> = {}): StrategySnapshot {
  return parseStrategySnapshot({
    versionId: "test-v1",
    version: 1,
    valuePosition: 0,
    segments: [
      {
        id: "seg-target",
        name: "Mid-market retail",
        industries: ["Retail"],
        employeeMin: 50,
        employeeMax: 1000,
        revenueMin: null,
        revenueMax: null,
        regions: ["EU"],
        priority: "primary",
        buyingCriteria: ["price"],
      },
      {
        id: "seg-avoid",
        name: "Public sector",
        industries: ["Government"],
        employeeMin: null,
        employeeMax: null,
        revenueMin: null,
        revenueMax: null,
        regions: [],
        priority: "avoid",
        buyingCriteria: [],
      },
    ],
    capabilities: [
      { id: "cap-email", name: "Email ticketing", description: "", aliases: ["shared inbox"], status: "available", expectedDate: null },
      { id: "cap-dash", name: "Custom dashboards", description: "", aliases: ["reporting dashboards"], status: "available", expectedDate: null },
      { id: "cap-sfdc", name: "Salesforce integration", description: "", aliases: ["Salesforce sync"], status: "available", expectedDate: null },
      { id: "cap-export", name: "Data export", description: "", aliases: ["CSV export"], status: "available", expectedDate: null },
      { id: "cap-audit", name: "Audit log", description: "", aliases: ["change history"], status: "available", expectedDate: null },
      { id: "cap-portal", name: "Customer portal", description: "", aliases: ["self-service portal"], status: "available", expectedDate: null },
      { id: "cap-l10n", name: "Localisation", description: "", aliases: ["translated help centre"], status: "available", expectedDate: null },
      { id: "cap-whatsapp", name: "WhatsApp channel", description: "", aliases: [], status: "beta", expectedDate: null },
      { id: "cap-bot", name: "AI chatbot", description: "", aliases: ["virtual agent"], status: "roadmap", expectedDate: "2026-09-30" },
      { id: "cap-voice", name: "Call recording", description: "", aliases: [], status: "roadmap", expectedDate: null },
      {
        id: "cap-pricing",
        name: "AI dynamic pricing",
        description: "",
        aliases: ["automatic price optimisation", "machine learning pricing"],
        status: "not_offered",
        expectedDate: null,
      },
    ],
    guardrails: [
      { id: "g-custom", name: "Custom development", description: "", aliases: ["bespoke development", "custom code"] },
      { id: "g-onprem", name: "On-premise hosting", description: "", aliases: ["self-hosted"] },
      { id: "g-phone", name: "24/7 phone support", description: "", aliases: ["phone support"] },
      { id: "g-white", name: "White-labelling", description: "", aliases: [] },
    ],
    products: [
      { id: "p-std", name: "Standard", listPrice: 100, currency: "EUR", maxDiscountPct: 10 },
      { id: "p-free", name: "Free tier", listPrice: 0, currency: "EUR", maxDiscountPct: 0 },
    ],
    ...overrides,
  });
}

export function testDeal(overrides: Partial<DealInput> = {}): DealInput {
  return parseDealInput({
    account: { name: "Acme Retail", industry: "Retail", employees: 200, revenue: null, region: "EU" },
    stage: "proposal",
    expectedCloseDate: "2026-03-31",
    lineItems: [],
    primaryCriterion: null,
    commitments: [],
    requests: [],
    ...overrides,
  });
}

export const promise = (text: string, kind: DealInput["commitments"][number]["kind"] = "feature", dueDate: string | null = null) => ({
  text,
  kind,
  dueDate,
});
