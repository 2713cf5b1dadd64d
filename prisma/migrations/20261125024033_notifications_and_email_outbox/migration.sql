-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'LOGGED', 'FAILED');

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "link" TEXT,
    "dedupeKey" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailOutbox" (
    "id" UUID NOT NULL,
    "userId" UUID,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_dedupeKey_key" ON "Notification"("userId", "dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "EmailOutbox_dedupeKey_key" ON "EmailOutbox"("dedupeKey");

-- CreateIndex
CREATE INDEX "EmailOutbox_status_nextAttemptAt_idx" ON "EmailOutbox"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ═══════════════════════════ Hand-written: the walls of notifications and the outbox ═══════════════════════════
-- (docs/decisions/015-notifications-and-reminders.md)

-- Notifications are personal: a user reads and marks read only their own, whatever their role.
-- Any use case that runs for a signed-in viewer may notify others (the coordinator returning a
-- follow-up notifies the division head): inserting needs a viewer, nothing more — the use case
-- that calls notify() has already been authorized for the change it reports.
ALTER TABLE "Notification" ENABLE ROW LEVEL SECURITY;
CREATE POLICY notification_select ON "Notification" FOR SELECT TO varna_app
  USING ("userId" = varna_user_id());
CREATE POLICY notification_insert ON "Notification" FOR INSERT TO varna_app
  WITH CHECK (varna_user_id() IS NOT NULL AND "readAt" IS NULL);
CREATE POLICY notification_update ON "Notification" FOR UPDATE TO varna_app
  USING ("userId" = varna_user_id()) WITH CHECK ("userId" = varna_user_id());
-- Marking read is the only change: the text, link and recipient stay as they were written.
REVOKE UPDATE, DELETE, TRUNCATE ON "Notification" FROM varna_app;
GRANT UPDATE ("readAt") ON "Notification" TO varna_app;

-- The outbox holds other people's addresses: the app role may only add to it. Delivery, the
-- reminder sweep and the log run as the owner (a system job, no viewer).
ALTER TABLE "EmailOutbox" ENABLE ROW LEVEL SECURITY;
CREATE POLICY email_outbox_insert ON "EmailOutbox" FOR INSERT TO varna_app
  WITH CHECK (varna_user_id() IS NOT NULL AND status = 'PENDING' AND attempts = 0 AND "sentAt" IS NULL);
REVOKE SELECT, UPDATE, DELETE, TRUNCATE ON "EmailOutbox" FROM varna_app;
