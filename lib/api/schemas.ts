// The /api/v1 contract in zod: request bodies and query strings (the same schemas the forms and
// server actions use, extended where the API needs more) and the resources it answers with. The
// route handlers validate with these and lib/api/openapi.ts generates the OpenAPI document from
// them, so the document cannot drift from what the API accepts.
import { z } from "zod";
import { ERROR_STATUS } from "@/lib/errors";
import { COMMITMENT_KINDS, CRITERIA, DEAL_STAGES } from "@/lib/scoring/types";
import { accountSchema, dealFormSchema, standaloneRequestSchema } from "@/lib/validations/deal";
import { capabilitySchema, guardrailSchema, missionSchema, productSchema, segmentSchema, targetSchema, valuePropositionSchema } from "@/lib/validations/strategy";

// ---- requests -------------------------------------------------------------------------------

/** POST /deals: the deal form, plus who owns the deal. */
export const dealCreateSchema = dealFormSchema.extend({
  ownerEmail: z
    .email({ error: "Use the e-mail of a user of your organisation." })
    .optional()
    .describe("The deal's owner (a rep of the token's organisation). Default: the admin who created the token, or the signed-in user."),
});

/** PATCH /deals/{id}: any fields of the deal form; omitted ones keep their value. */
export const dealPatchSchema = dealFormSchema.partial().extend({
  revision: z.number().int().min(0).optional().describe("The revision the change is based on; a stale one gets 409 CONFLICT. Omit to update the current revision."),
});

export const accountCreateSchema = accountSchema;
export const accountPatchSchema = accountSchema.partial();

export const requestCreateSchema = standaloneRequestSchema;
export const requestPatchSchema = standaloneRequestSchema.partial();

export const paginationSchema = z.object({
  limit: z.coerce.number({ error: "Use a number from 1 to 100." }).int("Use a whole number.").min(1, "Use a number from 1 to 100.").max(100, "Use a number from 1 to 100.").default(25),
  cursor: z.string().max(500).optional().describe("`nextCursor` of the previous page."),
});

const optionalUuid = z.uuid({ error: "Use an id (UUID)." }).optional();

export const dealListQuerySchema = paginationSchema.extend({
  stage: z.enum(DEAL_STAGES, { error: `Use one of ${DEAL_STAGES.join(", ")}.` }).optional(),
  offStrategy: z.enum(["true", "false"], { error: "Use true or false." }).optional(),
  accountId: optionalUuid,
  externalId: z.string().trim().min(1).max(200).optional(),
});

export const accountListQuerySchema = paginationSchema.extend({
  externalId: z.string().trim().min(1).max(200).optional(),
  q: z.string().trim().min(1).max(200).optional().describe("Part of the account name."),
});

export const requestListQuerySchema = paginationSchema.extend({
  accountId: optionalUuid,
  dealId: optionalUuid,
  themeId: optionalUuid,
});

export const themeListQuerySchema = paginationSchema.extend({
  status: z.enum(["open", "planned", "declined", "available"], { error: "Use open, planned, declined or available." }).optional(),
});

// ---- resources ------------------------------------------------------------------------------

const isoDateTime = z.iso.datetime();
const isoDay = z.iso.date();

export const findingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(["info", "warning", "critical"]),
  points: z.number(),
  area: z.enum(["promiseIntegrity", "pricingDiscipline", "segmentFit", "valuePropositionFit"]),
  message: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  remedy: z.string(),
});

export const scoreResource = z.object({
  id: z.uuid(),
  dealId: z.uuid(),
  score: z.number().int().min(0).max(100),
  offStrategy: z.boolean(),
  subScores: z.object({ promiseIntegrity: z.number(), pricingDiscipline: z.number(), segmentFit: z.number(), valuePropositionFit: z.number() }),
  findings: z.array(findingSchema),
  requestInsights: z.array(z.object({ requestIndex: z.number().int(), kind: z.string(), capabilityId: z.string().optional(), guardrailId: z.string().optional() }).loose()),
  strategyVersion: z.object({ id: z.uuid(), number: z.number().int().nullable() }),
  dealRevision: z.number().int(),
  createdAt: isoDateTime,
});

export const dealResource = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  name: z.string(),
  accountId: z.uuid(),
  owner: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  teamId: z.uuid().nullable(),
  stage: z.enum(DEAL_STAGES),
  expectedCloseDate: isoDay.nullable(),
  primaryCriterion: z.enum(CRITERIA).nullable(),
  notes: z.string(),
  amount: z.number().describe("Sum of the line items after discounts."),
  revision: z.number().int().describe("Send it back with PATCH to detect concurrent changes."),
  score: z.number().int().nullable().describe("The latest score, 0–100; null before the first strategy is published."),
  offStrategy: z.boolean(),
  reviewState: z.string().nullable(),
  lineItems: z.array(z.object({ productKey: z.uuid(), productName: z.string(), quantity: z.number(), unitPrice: z.number(), discountPct: z.number() })),
  commitments: z.array(z.object({ text: z.string(), kind: z.enum(COMMITMENT_KINDS), dueDate: isoDay.nullable() })),
  requests: z.array(z.object({ id: z.uuid(), text: z.string(), themeId: z.uuid().nullable() })),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const accountResource = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  name: z.string(),
  industry: z.string().nullable(),
  employees: z.number().int().nullable(),
  revenue: z.number().nullable(),
  region: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const requestResource = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  dealId: z.uuid().nullable().describe("Set when the request was logged with a deal; change it through the deal."),
  authorId: z.uuid().nullable(),
  text: z.string(),
  insight: z.string().nullable().describe("What the catalog says: enablement_gap, roadmap_demand, beta, not_offered, guardrail, unmatched."),
  capabilityKey: z.uuid().nullable(),
  themeId: z.uuid().nullable(),
  createdAt: isoDateTime,
});

export const strategyVersionSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  changeNote: z.string().nullable(),
  publishedAt: isoDateTime.nullable(),
});

export const strategyVersionResource = strategyVersionSummary.extend({
  mission: missionSchema,
  valueProposition: valuePropositionSchema,
  segments: z.array(segmentSchema),
  capabilities: z.array(capabilitySchema),
  guardrails: z.array(guardrailSchema),
  products: z.array(productSchema),
  targets: z.array(targetSchema),
});

export const themeSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(["open", "planned", "declined", "available"]),
  answer: z.string().nullable(),
  answeredAt: isoDateTime.nullable(),
  capabilityKey: z.uuid().nullable(),
  size: z.number().int().describe("Requests in the theme."),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const themeResource = z.object({
  theme: themeSummary.omit({ size: true, createdAt: true, updatedAt: true, answeredAt: true }).extend({
    answeredBy: z.string().nullable(),
    answeredAt: isoDay.nullable(),
    mergedInto: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    concepts: z.array(z.object({ concept: z.string(), count: z.number().int() })),
  }),
  figures: z.object({ requests: z.number().int(), accounts: z.number().int(), reps: z.number().int(), revenue: z.number(), first: isoDay.nullable(), latest: isoDay.nullable() }),
  trend: z.array(z.object({ week: isoDay, requests: z.number().int() })),
  segments: z.array(z.object({ key: z.string().nullable(), name: z.string(), target: z.boolean().nullable(), requests: z.number().int() })),
  members: z.array(z.object({
    id: z.uuid(), text: z.string(), createdAt: isoDay, account: z.string(), rep: z.string().nullable(), dealId: z.uuid().nullable(), deal: z.string().nullable(),
    similarity: z.number().nullable(), shared: z.array(z.string()), pinned: z.boolean(),
  })),
});

export const errorResource = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional().describe("One entry per problem, with the field's path (e.g. lineItems.0.quantity)."),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional().describe("The same problems keyed by path."),
  }),
});

export const one = <T extends z.ZodType>(schema: T) => z.object({ data: schema });
export const page = <T extends z.ZodType>(schema: T) =>
  z.object({ data: z.array(schema), nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page.") });

export type DealResource = z.input<typeof dealResource>;
export type AccountResource = z.input<typeof accountResource>;
export type RequestResource = z.input<typeof requestResource>;
export type ScoreResource = z.input<typeof scoreResource>;
export type ThemeSummary = z.input<typeof themeSummary>;
