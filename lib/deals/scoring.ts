import "server-only";
import { db, type Tx } from "@/lib/db";
import type { DealInput, ScoreResult, StrategySnapshot } from "@/lib/scoring/types";
import { dealFacts } from "@/lib/scoring/facts";
import { loadVersion } from "@/lib/strategy/content";
import { toSnapshot } from "@/lib/strategy/snapshot";
import type { DealForm } from "@/lib/validations/deal";
import type { Prisma } from "@/lib/generated/prisma/client";

// Published versions never change, so their snapshots (and the engine's compiled index, cached
// on the snapshot object) are kept per version id for the life of the process.
const snapshots = new Map<string, StrategySnapshot>();

export async function snapshotFor(organizationId: string, versionId: string, tx: Tx = db): Promise<StrategySnapshot | null> {
  const cached = snapshots.get(versionId);
  if (cached) return cached;
  const content = await loadVersion(organizationId, { id: versionId }, tx);
  if (!content) return null;
  const snapshot = toSnapshot(content);
  if (content.status === "published") {
    if (snapshots.size > 200) snapshots.clear();
    snapshots.set(versionId, snapshot);
  }
  return snapshot;
}

/** The version deals are scored against now: the latest published one, or null before the first. */
export async function currentSnapshot(organizationId: string, tx: Tx = db): Promise<StrategySnapshot | null> {
  const latest = await tx.strategyVersion.findFirst({
    where: { organizationId, status: "PUBLISHED" },
    orderBy: { number: "desc" },
    select: { id: true },
  });
  return latest ? snapshotFor(organizationId, latest.id, tx) : null;
}

export type AccountFacts = { name: string; industry: string | null; employees: number | null; revenue: number | null; region: string | null };

/** The engine's view of a deal form and its account. */
export function toDealInput(form: Pick<DealForm, "stage" | "expectedCloseDate" | "lineItems" | "primaryCriterion" | "commitments" | "requests">, account: AccountFacts): DealInput {
  return {
    account: { name: account.name, industry: account.industry, employees: account.employees, revenue: account.revenue, region: account.region },
    stage: form.stage,
    expectedCloseDate: form.expectedCloseDate,
    lineItems: form.lineItems.map((l) => ({ productId: l.productKey, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct })),
    primaryCriterion: form.primaryCriterion,
    commitments: form.commitments.map((c) => ({ text: c.text, kind: c.kind, dueDate: c.dueDate })),
    requests: form.requests.map((r) => ({ text: r.text })),
  };
}

export const dealAmount = (lineItems: DealForm["lineItems"]) =>
  Math.round(lineItems.reduce((sum, l) => sum + l.quantity * l.unitPrice * (1 - l.discountPct / 100), 0) * 100) / 100;

type ScoredDeal = { id: string; organizationId: string; revision: number };

/** Appends a score row; scores are history and never rewritten. */
export async function appendScore(tx: Tx, deal: ScoredDeal, snapshot: StrategySnapshot, result: ScoreResult) {
  await tx.dealScore.create({
    data: {
      organizationId: deal.organizationId,
      dealId: deal.id,
      strategyVersionId: snapshot.versionId,
      dealRevision: deal.revision,
      score: result.score,
      offStrategy: result.offStrategy,
      subScores: result.subScores as unknown as Prisma.InputJsonValue,
      findings: result.findings as unknown as Prisma.InputJsonValue,
      requestInsights: result.requestInsights as unknown as Prisma.InputJsonValue,
    },
  });
}

/** The deal columns that mirror its latest score, for lists and dashboards. */
export function scoreColumns(input: DealInput, snapshot: StrategySnapshot, result: ScoreResult) {
  return { score: result.score, offStrategy: result.offStrategy, scoredVersionId: snapshot.versionId, ...dealFacts(input, snapshot, result) };
}

/** Appends a score row and mirrors it on the deal for lists and dashboards. */
export async function storeScore(tx: Tx, deal: ScoredDeal, snapshot: StrategySnapshot, input: DealInput, result: ScoreResult) {
  await appendScore(tx, deal, snapshot, result);
  await tx.deal.update({ where: { id: deal.id }, data: scoreColumns(input, snapshot, result) });
}
