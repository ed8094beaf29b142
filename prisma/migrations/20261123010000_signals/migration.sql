-- Market signals: customer requests grouped into themes, incrementally (lib/signals, ADR 7).

-- CreateTable
CREATE TABLE "RequestTheme" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "nameLocked" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'open',
    "answer" TEXT,
    "answeredById" UUID,
    "answeredAt" TIMESTAMP(3),
    "capabilityKey" UUID,
    "concepts" JSONB NOT NULL DEFAULT '{}',
    "conceptKeys" TEXT[],
    "size" INTEGER NOT NULL DEFAULT 0,
    "mergedIntoId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RequestTheme_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "CustomerRequest" ADD COLUMN     "themeId" UUID,
ADD COLUMN     "themeSimilarity" DOUBLE PRECISION,
ADD COLUMN     "themeShared" TEXT[],
ADD COLUMN     "themePinned" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "concepts" TEXT[],
ADD COLUMN     "insight" TEXT,
ADD COLUMN     "capabilityKey" UUID;

-- CreateIndex
CREATE INDEX "RequestTheme_organizationId_status_idx" ON "RequestTheme"("organizationId", "status");

-- CreateIndex
-- Candidate themes for a new request: those sharing at least one concept (array overlap, GIN).
CREATE INDEX "RequestTheme_conceptKeys_idx" ON "RequestTheme" USING GIN ("conceptKeys");

-- CreateIndex
CREATE INDEX "CustomerRequest_themeId_idx" ON "CustomerRequest"("themeId");

-- CreateIndex
CREATE INDEX "CustomerRequest_organizationId_insight_idx" ON "CustomerRequest"("organizationId", "insight");

-- AddForeignKey
ALTER TABLE "RequestTheme" ADD CONSTRAINT "RequestTheme_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerRequest" ADD CONSTRAINT "CustomerRequest_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "RequestTheme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
-- The board streams each theme's requests from these two (index-only): accounts and reps per
-- theme, and the distinct deals per theme whose open value is "revenue at stake".
CREATE INDEX "CustomerRequest_organizationId_themeId_accountId_idx" ON "CustomerRequest"("organizationId", "themeId", "accountId") INCLUDE ("createdAt", "authorId");

-- CreateIndex
CREATE INDEX "CustomerRequest_organizationId_themeId_dealId_idx" ON "CustomerRequest"("organizationId", "themeId", "dealId") INCLUDE ("createdAt");
