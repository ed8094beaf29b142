-- Dashboards aggregate deals in SQL. What they group and filter on is mirrored on the deal from
-- its latest score (lib/scoring/facts.ts), so no dashboard query has to open DealScore.findings.

-- AlterTable
ALTER TABLE "Deal" ADD COLUMN     "segmentKey" UUID,
ADD COLUMN     "inTargetSegment" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "productKey" UUID,
ADD COLUMN     "discountPct" DOUBLE PRECISION,
ADD COLUMN     "allowancePct" DOUBLE PRECISION,
ADD COLUMN     "findingRules" TEXT[],
ADD COLUMN     "criticalKeys" TEXT[],
ADD COLUMN     "promiseIssues" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
-- Covering (INCLUDE, written here because Prisma's schema cannot say it): the dashboards read a
-- period's deals from this index alone (index-only scans), never from the wide deal rows.
CREATE INDEX "Deal_organizationId_createdAt_idx" ON "Deal"("organizationId", "createdAt") INCLUDE ("id", "teamId", "ownerId", "segmentKey", "productKey", "stage", "amount", "score", "offStrategy", "promiseIssues", "discountPct", "allowancePct", "reviewState", "findingRules", "criticalKeys");

-- CreateIndex
-- The same, per team: a team dashboard reads only its own team's range.
CREATE INDEX "Deal_organizationId_teamId_createdAt_idx" ON "Deal"("organizationId", "teamId", "createdAt") INCLUDE ("id", "ownerId", "segmentKey", "productKey", "stage", "amount", "score", "offStrategy", "promiseIssues", "discountPct", "allowancePct", "reviewState", "findingRules", "criticalKeys");

-- CreateIndex
CREATE INDEX "Deal_organizationId_ownerId_createdAt_idx" ON "Deal"("organizationId", "ownerId", "createdAt");

-- CreateIndex
-- Covering as well: target attainment reads the deals closing in a period from the index alone.
CREATE INDEX "Deal_organizationId_expectedCloseDate_idx" ON "Deal"("organizationId", "expectedCloseDate") INCLUDE ("teamId", "ownerId", "accountId", "stage", "amount", "score", "offStrategy", "inTargetSegment", "discountPct");

-- CreateIndex
-- An account's earlier won deals ("new logos") in one index probe.
CREATE INDEX "Deal_accountId_stage_expectedCloseDate_idx" ON "Deal"("accountId", "stage", "expectedCloseDate");
