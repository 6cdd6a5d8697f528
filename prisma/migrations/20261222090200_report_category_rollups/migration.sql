-- Rollups for the parts of the citations report that read the answer tables: the competitor-only
-- sources (per-domain and per-URL counts restricted to answers naming a competitor, and answers
-- naming an own brand) and the split by source category (per run × configuration × category, with
-- the classification rules it was built under). Existing rollups lack the new counts, so they are
-- cleared: reports read those runs from the answer tables and have them rebuilt in the background
-- (src/modules/reports/rollups.service.ts RollupRefresher) until every run has a new rollup.

TRUNCATE "report_rollup_runs", "report_answer_rollups", "report_config_answer_rollups", "report_brand_rollups",
         "report_prompt_brand_rollups", "report_config_brand_rollups", "report_domain_rollups",
         "report_config_domain_rollups", "report_url_rollups", "report_config_url_rollups", "report_periods",
         "report_period_domain_rollups", "report_period_url_rollups";

-- AlterTable
ALTER TABLE "report_domain_rollups" ADD COLUMN "competitor_citations" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "competitor_answers" INTEGER NOT NULL DEFAULT 0, ADD COLUMN "own_answers" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "report_config_domain_rollups" ADD COLUMN "competitor_citations" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "competitor_answers" INTEGER NOT NULL DEFAULT 0, ADD COLUMN "own_answers" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "report_period_domain_rollups" ADD COLUMN "competitor_citations" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "competitor_answers" INTEGER NOT NULL DEFAULT 0, ADD COLUMN "own_answers" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "report_url_rollups" ADD COLUMN "competitor_cited" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "report_config_url_rollups" ADD COLUMN "competitor_cited" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "report_period_url_rollups" ADD COLUMN "competitor_cited" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "report_rollup_runs" ADD COLUMN "category_rules" TEXT;

-- CreateTable
CREATE TABLE "report_category_rollups" (
    "run_id" UUID NOT NULL,
    "model_config_id" UUID NOT NULL,
    "category" TEXT NOT NULL,
    "workspace_id" UUID NOT NULL,
    "run_at" TIMESTAMPTZ(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "answers" INTEGER NOT NULL,
    "x" INTEGER NOT NULL,
    "xx" BIGINT NOT NULL,
    "xy" BIGINT NOT NULL,

    CONSTRAINT "report_category_rollups_pkey" PRIMARY KEY ("run_id","model_config_id","category")
);

-- CreateIndex
CREATE INDEX "report_category_rollups_workspace_id_run_at_idx" ON "report_category_rollups"("workspace_id", "run_at");

-- AddForeignKey
ALTER TABLE "report_category_rollups" ADD CONSTRAINT "report_category_rollups_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
