-- What-if: the open pipeline scored against a strategy draft (lib/whatif, ADR 8).

-- CreateTable
CREATE TABLE "WhatIfRun" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "versionRevision" INTEGER NOT NULL,
    "jobId" UUID,
    "snapshot" JSONB NOT NULL,
    "summary" JSONB,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "WhatIfRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
-- Written once per run and read back whole: no index beyond the key. UNLOGGED: derived data, no
-- WAL to write (most of a what-if's write cost); after a crash PostgreSQL empties it, and a run
-- that resumes re-reads every deal its results no longer hold (lib/jobs/deal-stream.ts).
CREATE UNLOGGED TABLE "WhatIfResult" (
    "runId" UUID NOT NULL,
    "dealId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "dealRevision" INTEGER NOT NULL,
    "amount" DOUBLE PRECISION NOT NULL,
    "ownerId" UUID NOT NULL,
    "teamId" UUID,
    "segmentKey" UUID,
    "productKey" UUID,
    "scoreBefore" INTEGER,
    "offBefore" BOOLEAN NOT NULL,
    "scoreAfter" INTEGER NOT NULL,
    "offAfter" BOOLEAN NOT NULL,
    "rulesAdded" TEXT[],
    "rulesRemoved" TEXT[],
    "criticalRules" TEXT[],

    CONSTRAINT "WhatIfResult_pkey" PRIMARY KEY ("runId","dealId")
);

-- CreateIndex
-- Batch jobs (re-score, what-if) walk one organisation's deals in id order: without it they walk
-- every organisation's deals and skip the others'.
CREATE INDEX "Deal_organizationId_id_idx" ON "Deal"("organizationId", "id");

-- CreateIndex
CREATE INDEX "WhatIfRun_organizationId_createdAt_idx" ON "WhatIfRun"("organizationId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "WhatIfRun_versionId_idx" ON "WhatIfRun"("versionId");

-- AddForeignKey
ALTER TABLE "WhatIfRun" ADD CONSTRAINT "WhatIfRun_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "StrategyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WhatIfResult" ADD CONSTRAINT "WhatIfResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "WhatIfRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
