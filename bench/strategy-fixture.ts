// The strategy the database benchmarks score against: 200 capabilities, 20 guardrails, a product.
import type pg from "pg";

export async function publishBenchStrategy(c: pg.Client, organizationId: string): Promise<{ versionId: string; productKey: string }> {
  const { rows: [version] } = await c.query(`INSERT INTO "StrategyVersion" ("organizationId", status, number, "whoWeAre", "whyWeAreHere", "whyItMatters", "valuePosition", "updatedAt") VALUES ($1, 'DRAFT', NULL, 'a', 'b', 'c', 60, now()) RETURNING id`, [organizationId]);
  const caps = [
    ["Abandoned basket e-mails", "{cart recovery,checkout reminders}", "AVAILABLE", null],
    ["Audience segmentation", "{customer segments}", "AVAILABLE", null],
    ["AI dynamic pricing", "{automatic price optimisation,machine learning pricing}", "ROADMAP", "2027-06-30"],
    ["Mobile app", "{iOS app,Android app}", "NOT_OFFERED", null],
    ...Array.from({ length: 196 }, (_, i) => [`Capability ${i} reports`, `{capability ${i} dashboards}`, i % 3 ? "AVAILABLE" : "BETA", null]),
  ];
  for (const [i, [name, aliases, status, date]] of caps.entries()) {
    await c.query(`INSERT INTO "StrategyCapability" ("organizationId","versionId",key,position,name,aliases,status,"expectedDate") VALUES ($1,$2,gen_random_uuid(),$3,$4,$5,$6,$7)`, [organizationId, version.id, i, name, aliases, status, date]);
  }
  for (let i = 0; i < 20; i++) {
    const g = i === 0 ? ["Custom development", "{custom integration,bespoke features}"] : i === 1 ? ["On-premise hosting", "{self-hosted,on prem}"] : [`Guardrail ${i}`, `{guardrail ${i} service}`];
    await c.query(`INSERT INTO "StrategyGuardrail" ("organizationId","versionId",key,position,name,aliases) VALUES ($1,$2,gen_random_uuid(),$3,$4,$5)`, [organizationId, version.id, i, g[0], g[1]]);
  }
  const { rows: [product] } = await c.query(`INSERT INTO "StrategyProduct" ("organizationId","versionId",key,position,name,"listPrice",currency,"maxDiscountPct") VALUES ($1,$2,gen_random_uuid(),0,'Insight Pro',24000,'EUR',10) RETURNING key`, [organizationId, version.id]);
  await c.query(`UPDATE "StrategyVersion" SET status = 'PUBLISHED', number = 1 WHERE id = $1`, [version.id]);
  return { versionId: version.id, productKey: product.key };
}
