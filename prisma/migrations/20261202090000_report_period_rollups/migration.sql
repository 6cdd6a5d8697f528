-- Source lists (domains, URLs) summed over aligned periods of 1, 2, 4, … 64 days in the
-- workspace's time zone, per provider and for every provider together (provider = ''), so a
-- citations report over weeks or months sums a few period rows per source instead of one row
-- per run and configuration. Rebuilt with the runs they contain (src/modules/reports/rollups.repo.ts).

-- CreateTable
CREATE TABLE "report_periods" (
    "workspace_id" UUID NOT NULL,
    "span" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "timezone" TEXT NOT NULL,
    "built_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_periods_pkey" PRIMARY KEY ("workspace_id","span","day")
);

-- CreateTable
CREATE TABLE "report_period_domain_rollups" (
    "workspace_id" UUID NOT NULL,
    "span" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "provider" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "annotations" INTEGER NOT NULL,
    "links" INTEGER NOT NULL,
    "search_results" INTEGER NOT NULL,
    "citing_answers" INTEGER NOT NULL,
    "retrieving_answers" INTEGER NOT NULL,

    CONSTRAINT "report_period_domain_rollups_pkey" PRIMARY KEY ("workspace_id","span","day","provider","domain")
);

-- CreateTable
CREATE TABLE "report_period_url_rollups" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" UUID NOT NULL,
    "span" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "provider" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "cited" INTEGER NOT NULL,
    "retrieved" INTEGER NOT NULL,

    CONSTRAINT "report_period_url_rollups_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "report_period_url_rollups_workspace_id_span_day_provider_idx" ON "report_period_url_rollups"("workspace_id", "span", "day", "provider");

-- AddForeignKey
ALTER TABLE "report_periods" ADD CONSTRAINT "report_periods_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_period_domain_rollups" ADD CONSTRAINT "report_period_domain_rollups_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_period_url_rollups" ADD CONSTRAINT "report_period_url_rollups_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
