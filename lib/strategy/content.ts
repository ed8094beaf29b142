import "server-only";
import { db, type Tx } from "@/lib/db";
import { isoDay } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SectionData } from "@/lib/validations/strategy";

// Prisma stores enums in upper case; the product speaks lower case (the zod schemas, the UI, files).
const lower = <T extends string>(v: T) => v.toLowerCase() as Lowercase<T>;
const upper = <T extends string>(v: T) => v.toUpperCase() as Uppercase<T>;

const versionInclude = {
  segments: { orderBy: { position: "asc" } },
  capabilities: { orderBy: { position: "asc" } },
  guardrails: { orderBy: { position: "asc" } },
  products: { orderBy: { position: "asc" } },
  targets: { orderBy: { position: "asc" } },
} satisfies Prisma.StrategyVersionInclude;

type VersionRow = Prisma.StrategyVersionGetPayload<{ include: typeof versionInclude }>;

/** A strategy version as the product sees it: its sections, in the shape of the section schemas. */
export type StrategyContent = {
  id: string;
  organizationId: string;
  status: "draft" | "published";
  number: number | null;
  revision: number;
  changeNote: string | null;
  publishedAt: Date | null;
  publishedById: string | null;
  updatedAt: Date;
  mission: SectionData["mission"];
  valueProposition: SectionData["valueProposition"];
  segments: (SectionData["segments"]["segments"][number] & { key: string })[];
  capabilities: (SectionData["capabilities"]["capabilities"][number] & { key: string })[];
  guardrails: (SectionData["guardrails"]["guardrails"][number] & { key: string })[];
  products: (SectionData["products"]["products"][number] & { key: string })[];
  targets: (SectionData["targets"]["targets"][number] & { key: string })[];
};

export function toContent(v: VersionRow): StrategyContent {
  return {
    id: v.id,
    organizationId: v.organizationId,
    status: lower(v.status),
    number: v.number,
    revision: v.revision,
    changeNote: v.changeNote,
    publishedAt: v.publishedAt,
    publishedById: v.publishedById,
    updatedAt: v.updatedAt,
    mission: { whoWeAre: v.whoWeAre, whyWeAreHere: v.whyWeAreHere, whyItMatters: v.whyItMatters },
    valueProposition: { valuePosition: v.valuePosition, valueRationale: v.valueRationale },
    segments: v.segments.map((s) => ({
      key: s.key, name: s.name, industries: s.industries, employeeMin: s.employeeMin, employeeMax: s.employeeMax,
      revenueMin: s.revenueMin, revenueMax: s.revenueMax, regions: s.regions, priority: lower(s.priority),
      buyingCriteria: s.buyingCriteria as StrategyContent["segments"][number]["buyingCriteria"],
    })),
    capabilities: v.capabilities.map((c) => ({
      key: c.key, name: c.name, description: c.description, aliases: c.aliases, status: lower(c.status), expectedDate: isoDay(c.expectedDate),
    })),
    guardrails: v.guardrails.map((g) => ({ key: g.key, name: g.name, description: g.description, aliases: g.aliases })),
    products: v.products.map((p) => ({ key: p.key, name: p.name, listPrice: p.listPrice, currency: p.currency, maxDiscountPct: p.maxDiscountPct })),
    targets: v.targets.map((t) => ({
      key: t.key, period: t.period, scope: lower(t.scope), scopeId: t.scopeId, metric: t.metric as StrategyContent["targets"][number]["metric"], value: t.value,
    })),
  };
}

export async function loadVersion(organizationId: string, where: { id?: string; number?: number }, tx: Tx = db) {
  const row = await tx.strategyVersion.findFirst({ where: { organizationId, ...where }, include: versionInclude });
  return row ? toContent(row) : null;
}

export async function latestPublished(organizationId: string, tx: Tx = db) {
  const row = await tx.strategyVersion.findFirst({
    where: { organizationId, status: "PUBLISHED" },
    orderBy: { number: "desc" },
    include: versionInclude,
  });
  return row ? toContent(row) : null;
}

type ListSection = "segments" | "capabilities" | "guardrails" | "products" | "targets";

/** Replaces one list section of a draft: rows keep their key (new ones get one) and their order. */
export async function writeListSection(
  tx: Tx,
  version: { id: string; organizationId: string },
  section: ListSection,
  items: { key?: string }[],
) {
  const base = (item: { key?: string }, position: number) => ({
    organizationId: version.organizationId,
    versionId: version.id,
    key: item.key ?? crypto.randomUUID(),
    position,
  });
  switch (section) {
    case "segments": {
      await tx.strategySegment.deleteMany({ where: { versionId: version.id } });
      const rows = items as StrategyContent["segments"];
      await tx.strategySegment.createMany({
        data: rows.map((s, i) => ({
          ...base(s, i), name: s.name, industries: s.industries, employeeMin: s.employeeMin, employeeMax: s.employeeMax,
          revenueMin: s.revenueMin, revenueMax: s.revenueMax, regions: s.regions, priority: upper(s.priority), buyingCriteria: s.buyingCriteria,
        })),
      });
      return;
    }
    case "capabilities": {
      await tx.strategyCapability.deleteMany({ where: { versionId: version.id } });
      const rows = items as StrategyContent["capabilities"];
      await tx.strategyCapability.createMany({
        data: rows.map((c, i) => ({
          ...base(c, i), name: c.name, description: c.description, aliases: c.aliases, status: upper(c.status),
          expectedDate: c.expectedDate ? new Date(`${c.expectedDate}T00:00:00Z`) : null,
        })),
      });
      return;
    }
    case "guardrails": {
      await tx.strategyGuardrail.deleteMany({ where: { versionId: version.id } });
      const rows = items as StrategyContent["guardrails"];
      await tx.strategyGuardrail.createMany({
        data: rows.map((g, i) => ({ ...base(g, i), name: g.name, description: g.description, aliases: g.aliases })),
      });
      return;
    }
    case "products": {
      await tx.strategyProduct.deleteMany({ where: { versionId: version.id } });
      const rows = items as StrategyContent["products"];
      await tx.strategyProduct.createMany({
        data: rows.map((p, i) => ({ ...base(p, i), name: p.name, listPrice: p.listPrice, currency: p.currency, maxDiscountPct: p.maxDiscountPct })),
      });
      return;
    }
    case "targets": {
      await tx.strategyTarget.deleteMany({ where: { versionId: version.id } });
      const rows = items as StrategyContent["targets"];
      await tx.strategyTarget.createMany({
        data: rows.map((t, i) => ({ ...base(t, i), period: t.period, scope: upper(t.scope), scopeId: t.scopeId, metric: t.metric, value: t.value })),
      });
      return;
    }
  }
}

/** The value of one section of a version, in the section schema's shape (for diffs and conflicts). */
export function sectionOf(content: StrategyContent, section: keyof SectionData): unknown {
  switch (section) {
    case "mission":
      return content.mission;
    case "valueProposition":
      return content.valueProposition;
    default:
      return { [section]: content[section] };
  }
}
