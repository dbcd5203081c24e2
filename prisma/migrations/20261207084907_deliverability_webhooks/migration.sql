-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN "deliveryDetail" TEXT;
ALTER TABLE "EmailMessage" ADD COLUMN "deliveryStatus" TEXT;
ALTER TABLE "EmailMessage" ADD COLUMN "deliveryUpdatedAt" DATETIME;

-- CreateTable
CREATE TABLE "EmailSuppression" (
    "address" TEXT NOT NULL PRIMARY KEY,
    "reason" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "messageId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "provider" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("provider", "eventId")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "provider" TEXT NOT NULL PRIMARY KEY,
    "config" TEXT NOT NULL DEFAULT '{}',
    "secrets" TEXT NOT NULL,
    "lastEventAt" DATETIME,
    "lastEventType" TEXT,
    "updatedBy" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "EmailSuppression_createdAt_idx" ON "EmailSuppression"("createdAt");

-- CreateIndex
CREATE INDEX "WebhookEvent_receivedAt_idx" ON "WebhookEvent"("receivedAt");

-- CreateIndex
CREATE INDEX "EmailMessage_providerMessageId_idx" ON "EmailMessage"("providerMessageId");

