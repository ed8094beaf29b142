import { z } from "zod";

// The contract of the scoring engine. The strategy workspace produces a StrategySnapshot (one
// published or draft version), the deal forms and the API produce a DealInput. Both are validated
// here, strictly, so the engine itself never has to defend against malformed data.

export const CRITERIA = ["price", "quality", "service", "speed", "innovation", "relationship"] as const;
export const criterionSchema = z.enum(CRITERIA);
export type Criterion = z.infer<typeof criterionSchema>;

// A calendar day. ISO strings of this shape compare correctly as plain strings.
const isoDate = z.iso.date();
const id = z.string().min(1).max(200);
const name = z.string().min(1).max(200);
const aliases = z.array(z.string().min(1).max(200)).max(100);

export const segmentSchema = z.strictObject({
  id,
  name,
  industries: z.array(z.string().min(1).max(200)).max(200),
  employeeMin: z.int().min(0).nullable(),
  employeeMax: z.int().min(0).nullable(),
  revenueMin: z.number().min(0).nullable(),
  revenueMax: z.number().min(0).nullable(),
  regions: z.array(z.string().min(1).max(200)).max(200),
  priority: z.enum(["primary", "secondary", "avoid"]),
  buyingCriteria: z.array(criterionSchema).max(CRITERIA.length),
});

export const CAPABILITY_STATUSES = ["available", "beta", "roadmap", "not_offered"] as const;
export const capabilitySchema = z.strictObject({
  id,
  name,
  description: z.string().max(5000),
  aliases,
  status: z.enum(CAPABILITY_STATUSES),
  expectedDate: isoDate.nullable(),
});

export const guardrailSchema = z.strictObject({
  id,
  name,
  description: z.string().max(5000),
  aliases,
});

export const productSchema = z.strictObject({
  id,
  name,
  listPrice: z.number().min(0),
  currency: z.string().min(1).max(10),
  maxDiscountPct: z.number().min(0).max(100),
});

export const strategySnapshotSchema = z.strictObject({
  versionId: id,
  version: z.int().min(1),
  valuePosition: z.int().min(-100).max(100),
  segments: z.array(segmentSchema).max(500),
  capabilities: z.array(capabilitySchema).max(5000),
  guardrails: z.array(guardrailSchema).max(1000),
  products: z.array(productSchema).max(5000),
});

export type Segment = z.infer<typeof segmentSchema>;
export type Capability = z.infer<typeof capabilitySchema>;
export type CapabilityStatus = Capability["status"];
export type Guardrail = z.infer<typeof guardrailSchema>;
export type Product = z.infer<typeof productSchema>;
export type StrategySnapshot = z.infer<typeof strategySnapshotSchema>;

export const DEAL_STAGES = ["prospecting", "qualifying", "proposal", "negotiation", "won", "lost"] as const;
export const COMMITMENT_KINDS = [
  "feature",
  "custom_work",
  "service_level",
  "price_term",
  "delivery_date",
  "other",
] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

const freeText = z.string().trim().min(1).max(2000);

export const dealInputSchema = z.strictObject({
  account: z.strictObject({
    name: z.string().trim().min(1).max(200),
    industry: z.string().max(200).nullable(),
    employees: z.int().min(0).nullable(),
    revenue: z.number().min(0).nullable(),
    region: z.string().max(200).nullable(),
  }),
  stage: z.enum(DEAL_STAGES),
  expectedCloseDate: isoDate.nullable(),
  lineItems: z
    .array(
      z.strictObject({
        productId: id,
        quantity: z.number().positive().finite(),
        unitPrice: z.number().min(0).finite(),
        discountPct: z.number().min(0).max(100),
      }),
    )
    .max(500),
  primaryCriterion: criterionSchema.nullable(),
  commitments: z
    .array(z.strictObject({ text: freeText, kind: z.enum(COMMITMENT_KINDS), dueDate: isoDate.nullable() }))
    .max(50),
  requests: z.array(z.strictObject({ text: freeText })).max(50),
});

export type DealInput = z.infer<typeof dealInputSchema>;
export type Commitment = DealInput["commitments"][number];

/** Throws a ZodError when the deal is malformed or carries unknown keys. */
export function parseDealInput(input: unknown): DealInput {
  return dealInputSchema.parse(input);
}

/** Throws a ZodError when the strategy snapshot is malformed or carries unknown keys. */
export function parseStrategySnapshot(input: unknown): StrategySnapshot {
  return strategySnapshotSchema.parse(input);
}

// ---- results -------------------------------------------------------------------------------

export type Severity = "info" | "warning" | "critical";
export type Area = "promiseIntegrity" | "pricingDiscipline" | "segmentFit" | "valuePropositionFit";
export const AREAS: readonly Area[] = ["promiseIntegrity", "pricingDiscipline", "segmentFit", "valuePropositionFit"];

export type RuleId =
  | "promise.not_offered"
  | "promise.unlisted"
  | "promise.roadmap"
  | "promise.roadmap_before_date"
  | "promise.beta"
  | "promise.guardrail"
  | "pricing.discount_over_allowance"
  | "pricing.unknown_product"
  | "value.custom_work_on_cost_position"
  | "value.criterion_mismatch"
  | "segment.avoided"
  | "segment.untargeted"
  | "request.enablement_gap";

/** What a piece of free text matched in the catalog, and why. */
export interface CatalogMatch {
  kind: "capability" | "guardrail";
  id: string;
  name: string;
  /** The capability/guardrail name or alias that matched best. */
  via: string;
  /** The rep's own words that matched, in the order they were written. */
  matchedWords: string[];
  /** Weighted share of the name/alias that the text covers, 0..1. */
  strength: number;
}

export interface Evidence {
  subject: { kind: "commitment" | "request" | "lineItem" | "account" | "deal"; index?: number };
  text?: string;
  /** null means the text was compared with the catalog and nothing matched. */
  matched?: CatalogMatch | null;
  [fact: string]: unknown;
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  points: number;
  area: Area;
  message: string;
  evidence: Evidence;
  remedy: string;
}

export type RequestInsightKind = "enablement_gap" | "roadmap_demand" | "beta" | "not_offered" | "guardrail" | "unmatched";

export interface RequestInsight {
  requestIndex: number;
  kind: RequestInsightKind;
  capabilityId?: string;
  guardrailId?: string;
  match?: CatalogMatch;
}

export interface SubScores {
  promiseIntegrity: number;
  pricingDiscipline: number;
  segmentFit: number;
  valuePropositionFit: number;
}

export interface ScoreResult {
  score: number;
  subScores: SubScores;
  offStrategy: boolean;
  findings: Finding[];
  requestInsights: RequestInsight[];
}
