import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Finding } from "@/lib/scoring/types";

// The `data` of each event (README "Webhooks"): ids and the few facts a receiver acts on; the
// full record is one GET /api/v1/… away.

export function flaggedDealData(
  deal: { id: string; name: string; revision: number; ownerId: string; teamId: string | null },
  result: { score: number; findings: Pick<Finding, "ruleId" | "severity" | "message">[] },
  source: "saved" | "rescored",
  strategyVersionId: string,
): Prisma.InputJsonValue {
  return {
    source,
    deal: { id: deal.id, name: deal.name, revision: deal.revision, ownerId: deal.ownerId, teamId: deal.teamId, score: result.score, path: `/deals/${deal.id}` },
    strategyVersionId,
    findings: result.findings.filter((f) => f.severity !== "info").map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message })),
  };
}
