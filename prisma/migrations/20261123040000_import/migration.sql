-- CSV import from another CRM (docs/decisions/0010-csv-import.md): staged files and rows, the
-- records each run read and wrote (with before-images for rollback), external ids of reps and
-- product mappings.

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "createdById" UUID,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "settings" JSONB NOT NULL DEFAULT '{}',
    "jobId" UUID,
    "rollbackJobId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportFile" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "size" INTEGER NOT NULL DEFAULT 0,
    "headers" TEXT[],
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "staged" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "fileId" UUID NOT NULL,
    "rowNo" INTEGER NOT NULL,
    "cells" JSONB NOT NULL,

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("fileId","rowNo")
);

-- CreateTable
CREATE TABLE "ImportItem" (
    "runId" UUID NOT NULL,
    "entity" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "organizationId" UUID NOT NULL,
    "fileId" UUID NOT NULL,
    "rowNo" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "problems" JSONB NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "targetId" UUID,
    "before" JSONB,

    CONSTRAINT "ImportItem_pkey" PRIMARY KEY ("runId","entity","key")
);

-- CreateTable
CREATE TABLE "ImportKey" (
    "organizationId" UUID NOT NULL,
    "entity" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "targetId" UUID NOT NULL,
    "runId" UUID,

    CONSTRAINT "ImportKey_pkey" PRIMARY KEY ("organizationId","entity","externalId")
);

-- CreateIndex
CREATE INDEX "ImportRun_organizationId_createdAt_idx" ON "ImportRun"("organizationId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ImportFile_runId_position_key" ON "ImportFile"("runId", "position");

-- CreateIndex
CREATE INDEX "ImportFile_organizationId_idx" ON "ImportFile"("organizationId");

-- CreateIndex
CREATE INDEX "ImportItem_runId_status_idx" ON "ImportItem"("runId", "status");

-- AddForeignKey
ALTER TABLE "ImportFile" ADD CONSTRAINT "ImportFile_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "ImportFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportItem" ADD CONSTRAINT "ImportItem_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
