// The draft editor's form state: what the inputs hold (strings, as typed) and how it maps to and
// from the section schemas in lib/validations/strategy.ts. Pure, so the client can validate with
// the same schema the server uses and show field messages before a round trip.
import {
  SECTION_SCHEMAS,
  type Section,
  type SectionData,
  type SectionInput,
} from "@/lib/validations/strategy";

type Segment = SectionData["segments"]["segments"][number];
type Capability = SectionData["capabilities"]["capabilities"][number];
type Guardrail = SectionData["guardrails"]["guardrails"][number];
type Product = SectionData["products"]["products"][number];
type Target = SectionData["targets"]["targets"][number];

export type SegmentRow = {
  key: string; name: string; industries: string; regions: string; employeeMin: string; employeeMax: string;
  revenueMin: string; revenueMax: string; priority: Segment["priority"]; buyingCriteria: Segment["buyingCriteria"];
};
export type CapabilityRow = { key: string; name: string; description: string; aliases: string; status: Capability["status"]; expectedDate: string };
export type GuardrailRow = { key: string; name: string; description: string; aliases: string };
export type ProductRow = { key: string; name: string; listPrice: string; currency: string; maxDiscountPct: string };
export type TargetRow = { key: string; period: string; scope: Target["scope"]; scopeId: string; metric: Target["metric"]; value: string };

export const STATUS_LABEL: Record<CapabilityRow["status"], string> = {
  available: "Available", beta: "Beta", roadmap: "Roadmap", not_offered: "Not offered",
};

export type FormOf = {
  mission: { whoWeAre: string; whyWeAreHere: string; whyItMatters: string };
  valueProposition: { valuePosition: string; valueRationale: string };
  segments: SegmentRow[];
  capabilities: CapabilityRow[];
  guardrails: GuardrailRow[];
  products: ProductRow[];
  targets: TargetRow[];
};
export type AnyForm = FormOf[Section];
export type ListSection = Exclude<Section, "mission" | "valueProposition">;

/** Section content as the server sends it (list rows carry their stable key). */
export type SectionContent = {
  mission: SectionData["mission"];
  valueProposition: SectionData["valueProposition"];
  segments: (Segment & { key?: string })[];
  capabilities: (Capability & { key?: string })[];
  guardrails: (Guardrail & { key?: string })[];
  products: (Product & { key?: string })[];
  targets: (Target & { key?: string })[];
};

/** A version-4 UUID; rows get their key in the browser so a row keeps it across saves and versions. */
export function newKey(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** "Software, Finance; Retail" → ["Software", "Finance", "Retail"]. */
export function splitList(value: string): string[] {
  return value.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
}
const joinList = (items: string[]) => items.join(", ");
const num = (v: number | null) => (v === null || v === undefined ? "" : String(v));
/** "" → null; "12" → 12; "abc" → NaN (the schema then says "Enter a number."). */
const toNullableNumber = (v: string) => (v.trim() === "" ? null : Number(v));
const toNumber = (v: string) => (v.trim() === "" ? undefined : Number(v));

export const emptyRow = {
  segments: (): SegmentRow => ({
    key: newKey(), name: "", industries: "", regions: "", employeeMin: "", employeeMax: "", revenueMin: "", revenueMax: "",
    priority: "primary", buyingCriteria: [],
  }),
  capabilities: (): CapabilityRow => ({ key: newKey(), name: "", description: "", aliases: "", status: "available", expectedDate: "" }),
  guardrails: (): GuardrailRow => ({ key: newKey(), name: "", description: "", aliases: "" }),
  products: (): ProductRow => ({ key: newKey(), name: "", listPrice: "", currency: "EUR", maxDiscountPct: "" }),
  targets: (): TargetRow => ({ key: newKey(), period: "", scope: "company", scopeId: "", metric: "revenue", value: "" }),
} satisfies { [S in ListSection]: () => FormOf[S][number] };

export function toForm<S extends Section>(section: S, content: SectionContent[S]): FormOf[S] {
  const c = content as SectionContent[Section];
  const out = ((): AnyForm => {
    switch (section) {
      case "mission": {
        const m = c as SectionContent["mission"];
        return { whoWeAre: m.whoWeAre, whyWeAreHere: m.whyWeAreHere, whyItMatters: m.whyItMatters };
      }
      case "valueProposition": {
        const v = c as SectionContent["valueProposition"];
        return { valuePosition: String(v.valuePosition), valueRationale: v.valueRationale };
      }
      case "segments":
        return (c as SectionContent["segments"]).map((s) => ({
          key: s.key ?? newKey(), name: s.name, industries: joinList(s.industries), regions: joinList(s.regions),
          employeeMin: num(s.employeeMin), employeeMax: num(s.employeeMax), revenueMin: num(s.revenueMin), revenueMax: num(s.revenueMax),
          priority: s.priority, buyingCriteria: [...s.buyingCriteria],
        }));
      case "capabilities":
        return (c as SectionContent["capabilities"]).map((x) => ({
          key: x.key ?? newKey(), name: x.name, description: x.description, aliases: joinList(x.aliases), status: x.status, expectedDate: x.expectedDate ?? "",
        }));
      case "guardrails":
        return (c as SectionContent["guardrails"]).map((g) => ({ key: g.key ?? newKey(), name: g.name, description: g.description, aliases: joinList(g.aliases) }));
      case "products":
        return (c as SectionContent["products"]).map((p) => ({
          key: p.key ?? newKey(), name: p.name, listPrice: num(p.listPrice), currency: p.currency, maxDiscountPct: num(p.maxDiscountPct),
        }));
      case "targets":
        return (c as SectionContent["targets"]).map((t) => ({
          key: t.key ?? newKey(), period: t.period, scope: t.scope, scopeId: t.scopeId ?? "", metric: t.metric, value: num(t.value),
        }));
    }
  })();
  return out as FormOf[S];
}

/** The form as the section schema's input (the `data` of saveSectionAction). */
export function toInput<S extends Section>(section: S, form: FormOf[S]): SectionInput[S] {
  const f = form as AnyForm;
  const out = ((): unknown => {
    switch (section) {
      case "mission":
        return { ...(f as FormOf["mission"]) };
      case "valueProposition": {
        const v = f as FormOf["valueProposition"];
        return { valuePosition: toNumber(v.valuePosition), valueRationale: v.valueRationale };
      }
      case "segments":
        return {
          segments: (f as SegmentRow[]).map((s) => ({
            key: s.key, name: s.name, industries: splitList(s.industries), regions: splitList(s.regions),
            employeeMin: toNullableNumber(s.employeeMin), employeeMax: toNullableNumber(s.employeeMax),
            revenueMin: toNullableNumber(s.revenueMin), revenueMax: toNullableNumber(s.revenueMax),
            priority: s.priority, buyingCriteria: s.buyingCriteria,
          })),
        };
      case "capabilities":
        return {
          capabilities: (f as CapabilityRow[]).map((x) => ({
            key: x.key, name: x.name, description: x.description, aliases: splitList(x.aliases), status: x.status,
            expectedDate: x.status === "roadmap" && x.expectedDate ? x.expectedDate : null,
          })),
        };
      case "guardrails":
        return { guardrails: (f as GuardrailRow[]).map((g) => ({ key: g.key, name: g.name, description: g.description, aliases: splitList(g.aliases) })) };
      case "products":
        return {
          products: (f as ProductRow[]).map((p) => ({
            key: p.key, name: p.name, listPrice: toNumber(p.listPrice), currency: p.currency, maxDiscountPct: toNumber(p.maxDiscountPct),
          })),
        };
      case "targets":
        return {
          targets: (f as TargetRow[]).map((t) => ({
            key: t.key, period: t.period, scope: t.scope, scopeId: t.scope === "company" || !t.scopeId ? null : t.scopeId, metric: t.metric, value: toNumber(t.value),
          })),
        };
    }
  })();
  return out as SectionInput[S];
}

/** The server's conflict payload ({ segments: [...] } or the mission object) as section content. */
export function contentFromData<S extends Section>(section: S, data: unknown): SectionContent[S] {
  if (section === "mission" || section === "valueProposition") return data as SectionContent[S];
  return ((data as Record<string, unknown>)[section] ?? []) as SectionContent[S];
}

export type FieldErrors = Record<string, string[]>;

/** Validates a section in the browser with the server's schema; paths like "segments.2.name". */
export function validateSection<S extends Section>(section: S, form: FormOf[S]): FieldErrors | null {
  const result = SECTION_SCHEMAS[section].safeParse(toInput(section, form));
  if (result.success) return null;
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".") || "_form";
    (errors[path] ??= []).push(issue.message);
  }
  return errors;
}

/** Server paths are "data.segments.2.name"; the editor uses "segments.2.name". */
export function stripDataPrefix(errors: FieldErrors | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(errors ?? {})) out[path.replace(/^data\.?/, "") || "_form"] = messages;
  return out;
}

/** Compares form states (used for the "unsaved changes" marker). */
export const sameForm = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
