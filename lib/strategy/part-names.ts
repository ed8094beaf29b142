import "server-only";
import { rawPool } from "@/lib/db-raw";

/** Names of strategy parts (segments, products, capabilities, guardrails) by stable key, newest version first. */
export async function partNames(organizationId: string): Promise<{ segments: Map<string, string>; products: Map<string, string>; catalog: Map<string, { name: string; kind: "capability" | "guardrail" }> }> {
  const { rows } = await rawPool().query<{ kind: string; key: string; name: string }>(
    `SELECT DISTINCT ON (kind, key) kind, key, name FROM (
       SELECT 'segment' AS kind, s.key, s.name, v.number FROM "StrategySegment" s JOIN "StrategyVersion" v ON v.id = s."versionId" WHERE s."organizationId" = $1 AND v.status = 'PUBLISHED'
       UNION ALL SELECT 'product', s.key, s.name, v.number FROM "StrategyProduct" s JOIN "StrategyVersion" v ON v.id = s."versionId" WHERE s."organizationId" = $1 AND v.status = 'PUBLISHED'
       UNION ALL SELECT 'capability', s.key, s.name, v.number FROM "StrategyCapability" s JOIN "StrategyVersion" v ON v.id = s."versionId" WHERE s."organizationId" = $1 AND v.status = 'PUBLISHED'
       UNION ALL SELECT 'guardrail', s.key, s.name, v.number FROM "StrategyGuardrail" s JOIN "StrategyVersion" v ON v.id = s."versionId" WHERE s."organizationId" = $1 AND v.status = 'PUBLISHED'
     ) parts ORDER BY kind, key, number DESC`,
    [organizationId],
  );
  const segments = new Map<string, string>();
  const products = new Map<string, string>();
  const catalog = new Map<string, { name: string; kind: "capability" | "guardrail" }>();
  for (const r of rows) {
    if (r.kind === "segment") segments.set(r.key, r.name);
    else if (r.kind === "product") products.set(r.key, r.name);
    else catalog.set(r.key, { name: r.name, kind: r.kind as "capability" | "guardrail" });
  }
  return { segments, products, catalog };
}
