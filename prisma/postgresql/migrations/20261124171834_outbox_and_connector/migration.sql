-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "body" TEXT,
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "idempotencyKey" TEXT,
ADD COLUMN     "lastAttemptAt" TIMESTAMP(3),
ADD COLUMN     "leaseToken" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "maxAttempts" INTEGER NOT NULL DEFAULT 6,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3);

-- Rows from before the outbox keep their id as idempotency key.
UPDATE "EmailMessage" SET "idempotencyKey" = "id";
ALTER TABLE "EmailMessage" ALTER COLUMN "idempotencyKey" SET NOT NULL;

-- CreateTable
CREATE TABLE "EmailConnector" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "connectorId" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "secrets" TEXT NOT NULL,
    "fromAddress" TEXT NOT NULL,
    "fromName" TEXT,
    "updatedBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailConnector_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_idempotencyKey_key" ON "EmailMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "EmailMessage_status_nextAttemptAt_idx" ON "EmailMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EmailMessage_purpose_createdAt_idx" ON "EmailMessage"("purpose", "createdAt");

-- CreateIndex
CREATE INDEX "EmailMessage_createdAt_idx" ON "EmailMessage"("createdAt");

