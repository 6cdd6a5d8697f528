-- CreateTable
CREATE TABLE "report_rollup_runs" (
    "run_id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "run_at" TIMESTAMPTZ(3) NOT NULL,
    "succeeded" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "analyzed" INTEGER NOT NULL,
    "brand_ids" UUID[],
    "own_brand_ids" UUID[],
    "built_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_rollup_runs_pkey" PRIMARY KEY ("run_id")
);

-- CreateTable
CREATE TABLE "report_answer_rollups" (
    "run_id" UUID NOT NULL,
    "prompt_id" UUID NOT NULL,
    "model_config_id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "run_at" TIMESTAMPTZ(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "answers" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "pending" INTEGER NOT NULL,
    "brands_sq" BIGINT NOT NULL,
    "mentions_sq" BIGINT NOT NULL,
    "cited" INTEGER NOT NULL,
    "cited_sq" BIGINT NOT NULL,
    "annotations" INTEGER NOT NULL,
    "links" INTEGER NOT NULL,
    "search_results" INTEGER NOT NULL,
    "citing_answers" INTEGER NOT NULL,

    CONSTRAINT "report_answer_rollups_pkey" PRIMARY KEY ("run_id","prompt_id","model_config_id")
);

-- CreateTable
CREATE TABLE "report_config_answer_rollups" (
    "run_id" UUID NOT NULL,
    "model_config_id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "run_at" TIMESTAMPTZ(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "answers" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "pending" INTEGER NOT NULL,
    "brands_sq" BIGINT NOT NULL,
    "mentions_sq" BIGINT NOT NULL,
    "cited" INTEGER NOT NULL,
    "cited_sq" BIGINT NOT NULL,
    "annotations" INTEGER NOT NULL,
    "links" INTEGER NOT NULL,
    "search_results" INTEGER NOT NULL,
    "citing_answers" INTEGER NOT NULL,

    CONSTRAINT "report_config_answer_rollups_pkey" PRIMARY KEY ("run_id","model_config_id")
);

-- CreateTable
CREATE TABLE "report_brand_rollups" (
    "run_id" UUID NOT NULL,
    "prompt_id" UUID NOT NULL,
    "model_config_id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "run_at" TIMESTAMPTZ(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "mentioned" INTEGER NOT NULL,
    "mention_count" INTEGER NOT NULL,
    "mention_count_sq" BIGINT NOT NULL,
    "presence_cross" BIGINT NOT NULL,
    "count_cross" BIGINT NOT NULL,
    "rank_sum" INTEGER NOT NULL,
    "rank_sq" BIGINT NOT NULL,
    "top1" INTEGER NOT NULL,
    "sentiment_sum" DOUBLE PRECISION NOT NULL,
    "sentiment_sq" DOUBLE PRECISION NOT NULL,
    "positive" INTEGER NOT NULL,
    "neutral" INTEGER NOT NULL,
    "negative" INTEGER NOT NULL,
    "gap" INTEGER NOT NULL,
    "gap_sample" UUID,
    "cited" INTEGER NOT NULL,
    "cited_sq" BIGINT NOT NULL,
    "cited_cross" BIGINT NOT NULL,
    "citing_answers" INTEGER NOT NULL,
    "retrieved" INTEGER NOT NULL,

    CONSTRAINT "report_brand_rollups_pkey" PRIMARY KEY ("run_id","prompt_id","model_config_id","brand_id")
);

-- CreateTable
CREATE TABLE "report_prompt_brand_rollups" (
    "run_id" UUID NOT NULL,
    "prompt_id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "run_at" TIMESTAMPTZ(3) NOT NULL,
    "mentioned" INTEGER NOT NULL,
    "mention_count" INTEGER NOT NULL,
    "mention_count_sq" BIGINT NOT NULL,
    "presence_cross" BIGINT NOT NULL,
    "count_cross" BIGINT NOT NULL,
    "rank_sum" INTEGER NOT NULL,
    "rank_sq" BIGINT NOT NULL,
    "top1" INTEGER NOT NULL,
    "sentiment_sum" DOUBLE PRECISION NOT NULL,
    "sentiment_sq" DOUBLE PRECISION NOT NULL,
    "positive" INTEGER NOT NULL,
    "neutral" INTEGER NOT NULL,
    "negative" INTEGER NOT NULL,
    "gap" INTEGER NOT NULL,
    "gap_sample" UUID,
    "cited" INTEGER NOT NULL,
    "cited_sq" BIGINT NOT NULL,
    "cited_cross" BIGINT NOT NULL,
    "citing_answers" INTEGER NOT NULL,
    "retrieved" INTEGER NOT NULL,

    CONSTRAINT "report_prompt_brand_rollups_pkey" PRIMARY KEY ("run_id","prompt_id","brand_id")
);

-- CreateTable
CREATE TABLE "report_config_brand_rollups" (
    "run_id" UUID NOT NULL,
    "model_config_id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "run_at" TIMESTAMPTZ(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "mentioned" INTEGER NOT NULL,
    "mention_count" INTEGER NOT NULL,
    "mention_count_sq" BIGINT NOT NULL,
    "presence_cross" BIGINT NOT NULL,
    "count_cross" BIGINT NOT NULL,
    "rank_sum" INTEGER NOT NULL,
    "rank_sq" BIGINT NOT NULL,
    "top1" INTEGER NOT NULL,
    "sentiment_sum" DOUBLE PRECISION NOT NULL,
    "sentiment_sq" DOUBLE PRECISION NOT NULL,
    "positive" INTEGER NOT NULL,
    "neutral" INTEGER NOT NULL,
    "negative" INTEGER NOT NULL,
    "gap" INTEGER NOT NULL,
    "gap_sample" UUID,
    "cited" INTEGER NOT NULL,
    "cited_sq" BIGINT NOT NULL,
    "cited_cross" BIGINT NOT NULL,
    "citing_answers" INTEGER NOT NULL,
    "retrieved" INTEGER NOT NULL,

    CONSTRAINT "report_config_brand_rollups_pkey" PRIMARY KEY ("run_id","model_config_id","brand_id")
);

-- CreateTable
CREATE TABLE "report_domain_rollups" (
    "run_id" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "workspace_id" UUID NOT NULL,
    "run_at" TIMESTAMPTZ(3) NOT NULL,
    "annotations" INTEGER NOT NULL,
    "links" INTEGER NOT NULL,
    "search_results" INTEGER NOT NULL,
    "citing_answers" INTEGER NOT NULL,
    "retrieving_answers" INTEGER NOT NULL,

    CONSTRAINT "report_domain_rollups_pkey" PRIMARY KEY ("run_id","domain")
);

-- CreateTable
CREATE TABLE "report_config_domain_rollups" (
    "run_id" UUID NOT NULL,
    "model_config_id" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "workspace_id" UUID NOT NULL,
    "run_at" TIMESTAMPTZ(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "annotations" INTEGER NOT NULL,
    "links" INTEGER NOT NULL,
    "search_results" INTEGER NOT NULL,
    "citing_answers" INTEGER NOT NULL,
    "retrieving_answers" INTEGER NOT NULL,

    CONSTRAINT "report_config_domain_rollups_pkey" PRIMARY KEY ("run_id","model_config_id","domain")
);

-- CreateTable
CREATE TABLE "report_url_rollups" (
    "id" BIGSERIAL NOT NULL,
    "run_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "workspace_id" UUID NOT NULL,
    "run_at" TIMESTAMPTZ(3) NOT NULL,
    "cited" INTEGER NOT NULL,
    "retrieved" INTEGER NOT NULL,

    CONSTRAINT "report_url_rollups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_config_url_rollups" (
    "id" BIGSERIAL NOT NULL,
    "run_id" UUID NOT NULL,
    "model_config_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "workspace_id" UUID NOT NULL,
    "run_at" TIMESTAMPTZ(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "cited" INTEGER NOT NULL,
    "retrieved" INTEGER NOT NULL,

    CONSTRAINT "report_config_url_rollups_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "report_rollup_runs_workspace_id_run_at_idx" ON "report_rollup_runs"("workspace_id", "run_at");

-- CreateIndex
CREATE INDEX "report_answer_rollups_workspace_id_run_at_idx" ON "report_answer_rollups"("workspace_id", "run_at");

-- CreateIndex
CREATE INDEX "report_config_answer_rollups_workspace_id_run_at_idx" ON "report_config_answer_rollups"("workspace_id", "run_at");

-- CreateIndex
CREATE INDEX "report_brand_rollups_workspace_id_run_at_idx" ON "report_brand_rollups"("workspace_id", "run_at");

-- CreateIndex
CREATE INDEX "report_prompt_brand_rollups_workspace_id_run_at_idx" ON "report_prompt_brand_rollups"("workspace_id", "run_at");

-- CreateIndex
CREATE INDEX "report_config_brand_rollups_workspace_id_run_at_idx" ON "report_config_brand_rollups"("workspace_id", "run_at");

-- CreateIndex
CREATE INDEX "report_domain_rollups_workspace_id_run_at_idx" ON "report_domain_rollups"("workspace_id", "run_at");

-- CreateIndex
CREATE INDEX "report_config_domain_rollups_workspace_id_run_at_idx" ON "report_config_domain_rollups"("workspace_id", "run_at");

-- CreateIndex
CREATE INDEX "report_url_rollups_run_id_idx" ON "report_url_rollups"("run_id");

-- CreateIndex
CREATE INDEX "report_url_rollups_workspace_id_run_at_idx" ON "report_url_rollups"("workspace_id", "run_at");

-- CreateIndex
CREATE INDEX "report_config_url_rollups_run_id_idx" ON "report_config_url_rollups"("run_id");

-- CreateIndex
CREATE INDEX "report_config_url_rollups_workspace_id_run_at_idx" ON "report_config_url_rollups"("workspace_id", "run_at");

-- AddForeignKey
ALTER TABLE "report_rollup_runs" ADD CONSTRAINT "report_rollup_runs_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_answer_rollups" ADD CONSTRAINT "report_answer_rollups_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_config_answer_rollups" ADD CONSTRAINT "report_config_answer_rollups_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_brand_rollups" ADD CONSTRAINT "report_brand_rollups_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_prompt_brand_rollups" ADD CONSTRAINT "report_prompt_brand_rollups_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_config_brand_rollups" ADD CONSTRAINT "report_config_brand_rollups_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_domain_rollups" ADD CONSTRAINT "report_domain_rollups_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_config_domain_rollups" ADD CONSTRAINT "report_config_domain_rollups_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_url_rollups" ADD CONSTRAINT "report_url_rollups_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_config_url_rollups" ADD CONSTRAINT "report_config_url_rollups_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
