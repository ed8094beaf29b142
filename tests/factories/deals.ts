import type { DealForm } from "@/lib/validations/deal";

/** A deal form as a rep fills it; products are the strategy's keys. */
export function dealForm(accountId: string, productKey: string, overrides: Partial<DealForm> = {}): DealForm {
  return {
    accountId,
    name: "Insight Pro for Festival Co",
    stage: "proposal",
    expectedCloseDate: "2027-02-28",
    primaryCriterion: "quality",
    notes: "",
    externalId: null,
    lineItems: [{ productKey, quantity: 2, unitPrice: 24000, discountPct: 5 }],
    commitments: [{ text: "Abandoned basket e-mails from day one", kind: "feature", dueDate: null }],
    requests: [{ text: "Remind people who left tickets in the basket" }],
    ...overrides,
  };
}
