// One zod schema per strategy section, used by the editor forms, the server actions and the JSON
// import alike. Messages are written for the leader filling the form.
import { z } from "zod";
import { CRITERIA } from "@/lib/scoring/types";

export const SECTIONS = ["mission", "valueProposition", "segments", "capabilities", "guardrails", "products", "targets"] as const;
export type Section = (typeof SECTIONS)[number];
export const SECTION_LABEL: Record<Section, string> = {
  mission: "Mission",
  valueProposition: "Value proposition",
  segments: "Target segments",
  capabilities: "Capabilities",
  guardrails: "Guardrails",
  products: "Products and pricing",
  targets: "Targets",
};

export const PRIORITIES = ["primary", "secondary", "avoid"] as const;
export const CAPABILITY_STATUSES = ["available", "beta", "roadmap", "not_offered"] as const;
export const TARGET_SCOPES = ["company", "team", "rep"] as const;
export const TARGET_METRICS = [
  "revenue", "new_logos", "target_segment_share", "avg_alignment_score", "avg_discount", "off_strategy_count",
] as const;
export const METRIC_LABEL: Record<(typeof TARGET_METRICS)[number], string> = {
  revenue: "Revenue won",
  new_logos: "New logos",
  target_segment_share: "Share of pipeline in target segments (%)",
  avg_alignment_score: "Average alignment score",
  avg_discount: "Average discount (%)",
  off_strategy_count: "Off-strategy deals (at most)",
};
const PERCENT_METRICS = new Set(["target_segment_share", "avg_alignment_score", "avg_discount"]);

const key = z.uuid().optional();
const required = (what: string, max: number) =>
  z.string({ error: `Enter ${what}.` }).trim().min(1, `Enter ${what}.`).max(max, `Use at most ${max} characters.`);
const optionalText = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`).default("");
const list = (itemMax: number, max: number) =>
  z.array(z.string().trim().min(1, "Remove the empty entry.").max(itemMax, `Use at most ${itemMax} characters per entry.`)).max(max, `Use at most ${max} entries.`);
const nullableNumber = z.number({ error: "Enter a number." }).finite().min(0, "Cannot be negative.").nullable();
const isoDate = z.iso.date({ error: "Use a date like 2027-03-31." });

/** Folds case, spacing, hyphens and dots, so "E-mail  Nudges" and "email nudges" count as one name. */
export function normalizeName(value: string): string {
  return value.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[\s\-_.]+/g, " ").trim();
}

export const missionSchema = z.object({
  whoWeAre: required("who we are", 2000),
  whyWeAreHere: required("why we are here", 2000),
  whyItMatters: required("why it matters", 2000),
});

export const valuePropositionSchema = z.object({
  valuePosition: z
    .number({ error: "Choose a position from −100 to +100." })
    .int("Use a whole number.")
    .min(-100, "Choose a position from −100 (make it for less) to +100 (sell it for more).")
    .max(100, "Choose a position from −100 (make it for less) to +100 (sell it for more)."),
  valueRationale: optionalText(4000),
});

const range = (min: number | null, max: number | null): [number, number] => [min ?? 0, max ?? Number.POSITIVE_INFINITY];
const rangesOverlap = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];
const setsOverlap = (a: string[], b: string[]) => {
  if (a.length === 0 || b.length === 0) return true; // an empty list means "any"
  const set = new Set(a.map(normalizeName));
  return b.some((x) => set.has(normalizeName(x)));
};

export const segmentSchema = z
  .object({
    key,
    name: required("a segment name", 120),
    industries: list(120, 50).default([]),
    employeeMin: nullableNumber.refine((v) => v === null || Number.isInteger(v), "Use a whole number."),
    employeeMax: nullableNumber.refine((v) => v === null || Number.isInteger(v), "Use a whole number."),
    revenueMin: nullableNumber,
    revenueMax: nullableNumber,
    regions: list(120, 50).default([]),
    priority: z.enum(PRIORITIES, { error: "Choose primary, secondary or avoid." }),
    buyingCriteria: z.array(z.enum(CRITERIA, { error: "Choose among price, quality, service, speed, innovation, relationship." })).max(CRITERIA.length).default([]),
  })
  .superRefine((s, ctx) => {
    if (s.employeeMin !== null && s.employeeMax !== null && s.employeeMin > s.employeeMax) {
      ctx.addIssue({ code: "custom", path: ["employeeMax"], message: "The maximum is below the minimum." });
    }
    if (s.revenueMin !== null && s.revenueMax !== null && s.revenueMin > s.revenueMax) {
      ctx.addIssue({ code: "custom", path: ["revenueMax"], message: "The maximum is below the minimum." });
    }
  });

export const segmentsSchema = z
  .object({ segments: z.array(segmentSchema).max(100, "Use at most 100 segments.") })
  .superRefine(({ segments }, ctx) => {
    segments.forEach((s, i) => {
      for (let j = 0; j < i; j++) {
        const o = segments[j]!;
        if (normalizeName(o.name) === normalizeName(s.name)) {
          ctx.addIssue({ code: "custom", path: ["segments", i, "name"], message: `Another segment is already called “${o.name}”.` });
        } else if (
          setsOverlap(o.industries, s.industries) && setsOverlap(o.regions, s.regions) &&
          rangesOverlap(range(o.employeeMin, o.employeeMax), range(s.employeeMin, s.employeeMax)) &&
          rangesOverlap(range(o.revenueMin, o.revenueMax), range(s.revenueMin, s.revenueMax))
        ) {
          ctx.addIssue({
            code: "custom",
            path: ["segments", i, "employeeMin"],
            message: `Overlaps with “${o.name}”: an account could fall in both. Narrow the industries, regions or ranges so they meet without overlapping (e.g. 50–499 and 500+ employees).`,
          });
        }
      }
    });
  });

/** Names and aliases must be unique across a catalog, or a promise could match two things. */
function refineUniqueNames(items: { name: string; aliases: string[] }[], field: string, ctx: z.RefinementCtx) {
  const seen = new Map<string, string>();
  items.forEach((item, i) => {
    const names: [string, (string | number)[]][] = [[item.name, [field, i, "name"]], ...item.aliases.map((a): [string, (string | number)[]] => [a, [field, i, "aliases"]])];
    for (const [value, path] of names) {
      const n = normalizeName(value);
      const owner = seen.get(n);
      if (owner !== undefined) {
        ctx.addIssue({ code: "custom", path, message: `“${value}” is already used by “${owner}”. Each name and alias must be unique.` });
      } else {
        seen.set(n, item.name);
      }
    }
  });
}

export const capabilitySchema = z
  .object({
    key,
    name: required("a capability name", 120),
    description: optionalText(2000),
    aliases: list(120, 30).default([]),
    status: z.enum(CAPABILITY_STATUSES, { error: "Choose available, beta, roadmap or not offered." }),
    expectedDate: isoDate.nullable().default(null),
  })
  .superRefine((c, ctx) => {
    if (c.status === "roadmap" && !c.expectedDate) {
      ctx.addIssue({ code: "custom", path: ["expectedDate"], message: "A roadmap capability needs an expected date." });
    }
  })
  .transform((c) => ({ ...c, expectedDate: c.status === "roadmap" ? c.expectedDate : null }));

export const capabilitiesSchema = z
  .object({ capabilities: z.array(capabilitySchema).max(2000, "Use at most 2000 capabilities.") })
  .superRefine(({ capabilities }, ctx) => refineUniqueNames(capabilities, "capabilities", ctx));

export const guardrailSchema = z.object({
  key,
  name: required("what we do not do", 120),
  description: optionalText(2000),
  aliases: list(120, 30).default([]),
});

export const guardrailsSchema = z
  .object({ guardrails: z.array(guardrailSchema).max(500, "Use at most 500 guardrails.") })
  .superRefine(({ guardrails }, ctx) => refineUniqueNames(guardrails, "guardrails", ctx));

export const productSchema = z.object({
  key,
  name: required("a product name", 120),
  listPrice: z.number({ error: "Enter a list price." }).finite().min(0, "A price cannot be negative."),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Use a three-letter currency code, like EUR or USD."),
  maxDiscountPct: z.number({ error: "Enter the most discount allowed, in %." }).finite().min(0, "A discount cannot be negative.").max(100, "A discount cannot exceed 100 %."),
});

export const productsSchema = z
  .object({ products: z.array(productSchema).max(1000, "Use at most 1000 products.") })
  .superRefine(({ products }, ctx) => refineUniqueNames(products.map((p) => ({ name: p.name, aliases: [] })), "products", ctx));

export const targetSchema = z
  .object({
    key,
    period: z.string().trim().regex(/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/, "Use a quarter like 2027-Q1 or a month like 2027-01."),
    scope: z.enum(TARGET_SCOPES, { error: "Choose company, team or rep." }),
    scopeId: z.uuid({ error: "Choose a team or a rep." }).nullable().default(null),
    metric: z.enum(TARGET_METRICS, { error: "Choose a metric." }),
    value: z.number({ error: "Enter a target value." }).finite().min(0, "A target cannot be negative."),
  })
  .superRefine((t, ctx) => {
    if (t.scope !== "company" && !t.scopeId) ctx.addIssue({ code: "custom", path: ["scopeId"], message: `Choose the ${t.scope} this target is for.` });
    if (PERCENT_METRICS.has(t.metric) && t.value > 100) ctx.addIssue({ code: "custom", path: ["value"], message: "This metric is a percentage or a score: at most 100." });
  })
  .transform((t) => ({ ...t, scopeId: t.scope === "company" ? null : t.scopeId }));

export const targetsSchema = z.object({ targets: z.array(targetSchema).max(1000, "Use at most 1000 targets.") });

export const SECTION_SCHEMAS = {
  mission: missionSchema,
  valueProposition: valuePropositionSchema,
  segments: segmentsSchema,
  capabilities: capabilitiesSchema,
  guardrails: guardrailsSchema,
  products: productsSchema,
  targets: targetsSchema,
} as const;

export type SectionData = { [S in Section]: z.output<(typeof SECTION_SCHEMAS)[S]> };
export type SectionInput = { [S in Section]: z.input<(typeof SECTION_SCHEMAS)[S]> };

export const saveSectionSchema = z.discriminatedUnion("section", [
  z.object({ section: z.literal("mission"), versionId: z.uuid(), revision: z.number().int().min(0), data: missionSchema }),
  z.object({ section: z.literal("valueProposition"), versionId: z.uuid(), revision: z.number().int().min(0), data: valuePropositionSchema }),
  z.object({ section: z.literal("segments"), versionId: z.uuid(), revision: z.number().int().min(0), data: segmentsSchema }),
  z.object({ section: z.literal("capabilities"), versionId: z.uuid(), revision: z.number().int().min(0), data: capabilitiesSchema }),
  z.object({ section: z.literal("guardrails"), versionId: z.uuid(), revision: z.number().int().min(0), data: guardrailsSchema }),
  z.object({ section: z.literal("products"), versionId: z.uuid(), revision: z.number().int().min(0), data: productsSchema }),
  z.object({ section: z.literal("targets"), versionId: z.uuid(), revision: z.number().int().min(0), data: targetsSchema }),
]);
export type SaveSectionInput = z.output<typeof saveSectionSchema>;

export const publishSchema = z.object({
  versionId: z.uuid(),
  revision: z.number().int().min(0),
  changeNote: required("why this changed (the change note)", 4000),
});

export const acknowledgeSchema = z.object({ versionId: z.uuid() });
export const askQuestionSchema = z.object({
  versionId: z.uuid(),
  section: z.enum(SECTIONS, { error: "Choose the section your question is about." }),
  body: required("your question", 2000),
});
export const answerQuestionSchema = z.object({ questionId: z.uuid(), answer: required("an answer", 4000) });

/** A whole strategy version as a portable file (export, import, git). */
export const STRATEGY_FORMAT = "keel.strategy/v1";
export const strategyDocumentSchema = z.strictObject({
  format: z.literal(STRATEGY_FORMAT, { error: `The file must say "format": "${STRATEGY_FORMAT}".` }),
  mission: missionSchema,
  valueProposition: valuePropositionSchema,
  segments: segmentsSchema.shape.segments,
  capabilities: capabilitiesSchema.shape.capabilities,
  guardrails: guardrailsSchema.shape.guardrails,
  products: productsSchema.shape.products,
  targets: z.array(
    z.strictObject({
      period: z.string(),
      scope: z.enum(TARGET_SCOPES),
      scopeRef: z.string().nullable().describe("team name or rep e-mail; null for the company"),
      metric: z.enum(TARGET_METRICS),
      value: z.number(),
    }),
  ),
}).superRefine((doc, ctx) => {
  refineUniqueNames(doc.capabilities, "capabilities", ctx);
  refineUniqueNames(doc.guardrails, "guardrails", ctx);
  const seg = segmentsSchema.safeParse({ segments: doc.segments });
  if (!seg.success) for (const issue of seg.error.issues) ctx.addIssue({ ...issue, code: "custom", message: issue.message });
});
export type StrategyDocument = z.output<typeof strategyDocumentSchema>;
