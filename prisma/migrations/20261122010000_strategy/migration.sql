-- CreateEnum
CREATE TYPE "StrategyStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "SegmentPriority" AS ENUM ('PRIMARY', 'SECONDARY', 'AVOID');

-- CreateEnum
CREATE TYPE "CapabilityStatus" AS ENUM ('AVAILABLE', 'BETA', 'ROADMAP', 'NOT_OFFERED');

-- CreateEnum
CREATE TYPE "TargetScope" AS ENUM ('COMPANY', 'TEAM', 'REP');

-- CreateTable
CREATE TABLE "StrategyVersion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "status" "StrategyStatus" NOT NULL DEFAULT 'DRAFT',
    "number" INTEGER,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "basedOnId" UUID,
    "whoWeAre" TEXT NOT NULL DEFAULT '',
    "whyWeAreHere" TEXT NOT NULL DEFAULT '',
    "whyItMatters" TEXT NOT NULL DEFAULT '',
    "valuePosition" INTEGER NOT NULL DEFAULT 0,
    "valueRationale" TEXT NOT NULL DEFAULT '',
    "changeNote" TEXT,
    "createdById" UUID,
    "updatedById" UUID,
    "publishedById" UUID,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StrategyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategySegment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "key" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "industries" TEXT[],
    "employeeMin" INTEGER,
    "employeeMax" INTEGER,
    "revenueMin" DOUBLE PRECISION,
    "revenueMax" DOUBLE PRECISION,
    "regions" TEXT[],
    "priority" "SegmentPriority" NOT NULL,
    "buyingCriteria" TEXT[],

    CONSTRAINT "StrategySegment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategyCapability" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "key" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "aliases" TEXT[],
    "status" "CapabilityStatus" NOT NULL,
    "expectedDate" DATE,

    CONSTRAINT "StrategyCapability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategyGuardrail" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "key" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "aliases" TEXT[],

    CONSTRAINT "StrategyGuardrail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategyProduct" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "key" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "listPrice" DOUBLE PRECISION NOT NULL,
    "currency" TEXT NOT NULL,
    "maxDiscountPct" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "StrategyProduct_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategyTarget" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "key" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "scope" "TargetScope" NOT NULL,
    "scopeId" UUID,
    "metric" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "StrategyTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategyAcknowledgement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StrategyAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategyQuestion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organizationId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "section" TEXT NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "answer" TEXT,
    "answeredById" UUID,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StrategyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StrategyVersion_organizationId_status_idx" ON "StrategyVersion"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "StrategyVersion_organizationId_number_key" ON "StrategyVersion"("organizationId", "number");

-- CreateIndex
CREATE INDEX "StrategySegment_organizationId_idx" ON "StrategySegment"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "StrategySegment_versionId_key_key" ON "StrategySegment"("versionId", "key");

-- CreateIndex
CREATE INDEX "StrategyCapability_organizationId_idx" ON "StrategyCapability"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "StrategyCapability_versionId_key_key" ON "StrategyCapability"("versionId", "key");

-- CreateIndex
CREATE INDEX "StrategyGuardrail_organizationId_idx" ON "StrategyGuardrail"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "StrategyGuardrail_versionId_key_key" ON "StrategyGuardrail"("versionId", "key");

-- CreateIndex
CREATE INDEX "StrategyProduct_organizationId_idx" ON "StrategyProduct"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "StrategyProduct_versionId_key_key" ON "StrategyProduct"("versionId", "key");

-- CreateIndex
CREATE INDEX "StrategyTarget_organizationId_period_idx" ON "StrategyTarget"("organizationId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "StrategyTarget_versionId_key_key" ON "StrategyTarget"("versionId", "key");

-- CreateIndex
CREATE INDEX "StrategyAcknowledgement_organizationId_userId_idx" ON "StrategyAcknowledgement"("organizationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "StrategyAcknowledgement_versionId_userId_key" ON "StrategyAcknowledgement"("versionId", "userId");

-- CreateIndex
CREATE INDEX "StrategyQuestion_organizationId_versionId_idx" ON "StrategyQuestion"("organizationId", "versionId");

-- CreateIndex
CREATE INDEX "StrategyQuestion_authorId_idx" ON "StrategyQuestion"("authorId");

-- AddForeignKey
ALTER TABLE "StrategyVersion" ADD CONSTRAINT "StrategyVersion_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategySegment" ADD CONSTRAINT "StrategySegment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "StrategyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyCapability" ADD CONSTRAINT "StrategyCapability_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "StrategyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyGuardrail" ADD CONSTRAINT "StrategyGuardrail_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "StrategyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyProduct" ADD CONSTRAINT "StrategyProduct_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "StrategyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyTarget" ADD CONSTRAINT "StrategyTarget_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "StrategyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyAcknowledgement" ADD CONSTRAINT "StrategyAcknowledgement_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "StrategyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyAcknowledgement" ADD CONSTRAINT "StrategyAcknowledgement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyQuestion" ADD CONSTRAINT "StrategyQuestion_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "StrategyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyQuestion" ADD CONSTRAINT "StrategyQuestion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A published strategy version is immutable: neither its row nor its parts may change, whatever
-- code path tries (lib/strategy refuses first, with a clear message; this is the backstop).
CREATE FUNCTION keel_refuse_published_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  version_status "StrategyStatus";
BEGIN
  IF TG_TABLE_NAME = 'StrategyVersion' THEN
    IF OLD."status" = 'PUBLISHED' THEN
      RAISE EXCEPTION 'strategy version % is published and immutable', OLD."id" USING ERRCODE = 'KL001';
    END IF;
    RETURN NEW;
  END IF;
  SELECT "status" INTO version_status FROM "StrategyVersion" WHERE "id" = NEW."versionId";
  IF version_status = 'PUBLISHED' THEN
    RAISE EXCEPTION 'strategy version % is published and immutable', NEW."versionId" USING ERRCODE = 'KL001';
  END IF;
  IF TG_OP = 'UPDATE' THEN
    SELECT "status" INTO version_status FROM "StrategyVersion" WHERE "id" = OLD."versionId";
    IF version_status = 'PUBLISHED' THEN
      RAISE EXCEPTION 'strategy version % is published and immutable', OLD."versionId" USING ERRCODE = 'KL001';
    END IF;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "StrategyVersion_immutable" BEFORE UPDATE ON "StrategyVersion"
  FOR EACH ROW EXECUTE FUNCTION keel_refuse_published_change();
CREATE TRIGGER "StrategySegment_immutable" BEFORE INSERT OR UPDATE ON "StrategySegment"
  FOR EACH ROW EXECUTE FUNCTION keel_refuse_published_change();
CREATE TRIGGER "StrategyCapability_immutable" BEFORE INSERT OR UPDATE ON "StrategyCapability"
  FOR EACH ROW EXECUTE FUNCTION keel_refuse_published_change();
CREATE TRIGGER "StrategyGuardrail_immutable" BEFORE INSERT OR UPDATE ON "StrategyGuardrail"
  FOR EACH ROW EXECUTE FUNCTION keel_refuse_published_change();
CREATE TRIGGER "StrategyProduct_immutable" BEFORE INSERT OR UPDATE ON "StrategyProduct"
  FOR EACH ROW EXECUTE FUNCTION keel_refuse_published_change();
CREATE TRIGGER "StrategyTarget_immutable" BEFORE INSERT OR UPDATE ON "StrategyTarget"
  FOR EACH ROW EXECUTE FUNCTION keel_refuse_published_change();
