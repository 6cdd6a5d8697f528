-- Alerts and digests (agencies): notification rules per workspace delivered by email or Slack, the
-- log of every delivery (one row per rule and event, so an event is delivered once per rule), and
-- the digest claims (one row per rule and period, claimed before sending, so a digest goes out once
-- whatever the number of workers).

-- CreateEnum
CREATE TYPE "alert_channel" AS ENUM ('email', 'slack');

-- CreateEnum
CREATE TYPE "digest_status" AS ENUM ('claimed', 'sent', 'failed');

-- CreateTable
CREATE TABLE "alert_rules" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "channel" "alert_channel" NOT NULL,
    "email" TEXT,
    "slack_url" TEXT,
    "events" TEXT[],
    "digest" TEXT,
    "digest_pdf" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "unsubscribe_secret" TEXT NOT NULL,
    "unsubscribed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_deliveries" (
    "id" UUID NOT NULL,
    "rule_id" UUID NOT NULL,
    "dedup_key" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "delivery_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_attempt_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "alert_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "digest_sends" (
    "id" UUID NOT NULL,
    "rule_id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "status" "digest_status" NOT NULL DEFAULT 'claimed',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "error" TEXT,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "digest_sends_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alert_rules_workspace_id_idx" ON "alert_rules"("workspace_id");

-- CreateIndex
CREATE UNIQUE INDEX "alert_deliveries_rule_id_dedup_key_key" ON "alert_deliveries"("rule_id", "dedup_key");

-- CreateIndex
CREATE INDEX "alert_deliveries_rule_id_created_at_idx" ON "alert_deliveries"("rule_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "digest_sends_rule_id_period_start_key" ON "digest_sends"("rule_id", "period_start");

-- CreateIndex
CREATE INDEX "digest_sends_workspace_id_idx" ON "digest_sends"("workspace_id");

-- AddForeignKey
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digest_sends" ADD CONSTRAINT "digest_sends_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digest_sends" ADD CONSTRAINT "digest_sends_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
