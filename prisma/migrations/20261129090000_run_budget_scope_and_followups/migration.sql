-- Where a run's budget cap came from: 'run' (its own budget) or 'month' (what was left of its
-- audit's monthly budget when it started, when that was smaller). Null when the run has no cap.
-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "budget_scope" TEXT;

-- When a finished run's follow-ups (report rollups, webhook events) were done. Recovery hands
-- the follow-ups of finished runs without it out again, so a lost `finished` job loses nothing.
-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "followups_done_at" TIMESTAMPTZ(3);

-- Runs finished before this column existed had their follow-ups run then.
UPDATE "runs" SET "followups_done_at" = "finished_at" WHERE "finished_at" IS NOT NULL;

-- CreateIndex (few rows lack the mark: the sweep reads them without scanning every finished run)
CREATE INDEX "runs_followups_done_at_finished_at_idx" ON "runs"("followups_done_at", "finished_at");
