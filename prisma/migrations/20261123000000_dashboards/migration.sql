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
CREATE INDEX "Deal_organizationId_createdAt_idx" ON "Deal"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Deal_organizationId_teamId_createdAt_idx" ON "Deal"("organizationId", "teamId", "createdAt");

-- CreateIndex
CREATE INDEX "Deal_organizationId_ownerId_createdAt_idx" ON "Deal"("organizationId", "ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "Deal_organizationId_expectedCloseDate_idx" ON "Deal"("organizationId", "expectedCloseDate");

-- CreateIndex
CREATE INDEX "Deal_accountId_idx" ON "Deal"("accountId");
