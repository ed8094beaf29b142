// The deal form's schema, shared by the form (live feedback), the server actions and the API.
import { z } from "zod";
import { COMMITMENT_KINDS, CRITERIA, DEAL_STAGES } from "@/lib/scoring/types";

export const STAGE_LABEL: Record<(typeof DEAL_STAGES)[number], string> = {
  prospecting: "Prospecting", qualifying: "Qualifying", proposal: "Proposal", negotiation: "Negotiation", won: "Won", lost: "Lost",
};
export const OPEN_STAGES = ["prospecting", "qualifying", "proposal", "negotiation"] as const;
export const COMMITMENT_KIND_LABEL: Record<(typeof COMMITMENT_KINDS)[number], string> = {
  feature: "Feature", custom_work: "Custom work", service_level: "Service level", price_term: "Price term", delivery_date: "Delivery date", other: "Other",
};

const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);
const isoDate = z.iso.date({ error: "Use a date like 2027-03-31." });
const num = (what: string) => z.coerce.number({ error: `Enter ${what}.` }).finite(`Enter ${what}.`);
const text = (what: string, max: number) =>
  z.string({ error: `Enter ${what}.` }).trim().min(1, `Enter ${what}.`).max(max, `Keep it under ${max.toLocaleString("en")} characters.`);

export const lineItemSchema = z.object({
  productKey: z.uuid({ error: "Choose a product." }),
  quantity: num("a quantity").gt(0, "The quantity must be more than 0.").max(1_000_000_000, "That quantity is too large."),
  unitPrice: num("a unit price").min(0, "A price cannot be negative.").max(1_000_000_000_000, "That price is too large."),
  discountPct: num("a discount").min(0, "A discount cannot be negative.").max(100, "A discount cannot exceed 100 %."),
});

export const commitmentSchema = z.object({
  text: text("what you promised", 2000),
  kind: z.enum(COMMITMENT_KINDS, { error: "Choose what kind of promise this is." }),
  dueDate: z.preprocess(emptyToNull, isoDate.nullable()),
});

export const requestSchema = z.object({ text: text("what the customer asked for", 2000) });

export const dealFormSchema = z.object({
  accountId: z.uuid({ error: "Choose an account." }),
  name: text("a deal name", 200),
  stage: z.enum(DEAL_STAGES, { error: "Choose a stage." }),
  expectedCloseDate: z.preprocess(emptyToNull, isoDate.nullable()),
  primaryCriterion: z.preprocess(emptyToNull, z.enum(CRITERIA, { error: "Choose the customer's main buying criterion." }).nullable()),
  notes: z.string().trim().max(10_000, "Keep notes under 10,000 characters.").default(""),
  externalId: z.preprocess(emptyToNull, z.string().trim().max(200).nullable()).default(null),
  lineItems: z.array(lineItemSchema).max(100, "Use at most 100 line items.").default([]),
  commitments: z.array(commitmentSchema).max(50, "Use at most 50 commitments.").default([]),
  requests: z.array(requestSchema).max(50, "Use at most 50 customer requests.").default([]),
});
export type DealForm = z.output<typeof dealFormSchema>;

export const updateDealSchema = dealFormSchema.extend({ dealId: z.uuid(), revision: z.number().int().min(0) });

export const accountSchema = z.object({
  name: text("the account name", 200),
  industry: z.preprocess(emptyToNull, z.string().trim().max(120).nullable()).default(null),
  employees: z.preprocess(emptyToNull, z.coerce.number({ error: "Enter a whole number." }).int("Enter a whole number.").min(0, "Cannot be negative.").nullable()).default(null),
  revenue: z.preprocess(emptyToNull, z.coerce.number({ error: "Enter a number." }).finite().min(0, "Cannot be negative.").nullable()).default(null),
  region: z.preprocess(emptyToNull, z.string().trim().max(120).nullable()).default(null),
  externalId: z.preprocess(emptyToNull, z.string().trim().max(200).nullable()).default(null),
});
export const updateAccountSchema = accountSchema.extend({ accountId: z.uuid() });

export const standaloneRequestSchema = z.object({ accountId: z.uuid({ error: "Choose an account." }), text: text("what the customer asked for", 2000) });

/** Live feedback scores a form still being filled in: a missing name does not stop it. */
export const dealPreviewSchema = dealFormSchema.extend({ name: z.string().trim().max(200).default("") });
