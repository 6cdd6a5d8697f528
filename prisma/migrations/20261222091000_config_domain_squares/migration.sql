-- The per-domain squares the app-versus-API gap report needs to read its citation shares from the
-- rollups: per run × configuration × domain, Σx² and Σx·y over answers, with x an answer's cited
-- sources (annotations and links) on the domain and y all its cited sources.
--
-- Rollups built before this migration lack them. Rather than a backfill (one aggregation over every
-- citation, inside the migration), every rollup is cleared, as 20261222090200_report_category_rollups
-- did: reports read the runs without a manifest row (report_rollup_runs) from the answer tables and
-- ask for them to be rebuilt in the background (src/modules/reports/rollups.service.ts
-- RollupRefresher); a re-analysis rebuilds them too. Every report stays exact meanwhile; it is
-- only slower until the runs are rebuilt (docs/operators.md).

TRUNCATE "report_rollup_runs", "report_answer_rollups", "report_config_answer_rollups", "report_brand_rollups",
         "report_prompt_brand_rollups", "report_config_brand_rollups", "report_domain_rollups",
         "report_config_domain_rollups", "report_url_rollups", "report_config_url_rollups", "report_periods",
         "report_period_domain_rollups", "report_period_url_rollups", "report_category_rollups";

-- AlterTable
ALTER TABLE "report_config_domain_rollups" ADD COLUMN "cited_sq" BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN "cited_cross" BIGINT NOT NULL DEFAULT 0;
