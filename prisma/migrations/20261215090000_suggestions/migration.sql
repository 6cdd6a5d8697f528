-- Suggested competitors and prompts for a workspace (onboarding): asked of a model as a priced,
-- budgeted job, read from the search queries of stored answers, or taken from built-in templates.

-- CreateEnum
CREATE TYPE "suggestion_source" AS ENUM ('model', 'searches', 'templates');

-- CreateEnum
CREATE TYPE "suggestion_status" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "suggestions" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "source" "suggestion_source" NOT NULL,
    "status" "suggestion_status" NOT NULL DEFAULT 'queued',
    "brand_name" TEXT NOT NULL,
    "website" TEXT,
    "category" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en-US',
    "model_config_id" UUID,
    "provider" TEXT,
    "model" TEXT,
    "params" JSONB NOT NULL DEFAULT '{}',
    "budget_usd" DECIMAL(12,6),
    "estimated_cost_usd" DECIMAL(12,6) NOT NULL DEFAULT 0,
    "cost_usd" DECIMAL(12,6),
    "competitors" JSONB NOT NULL DEFAULT '[]',
    "prompts" JSONB NOT NULL DEFAULT '[]',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "raw_text" TEXT,
    "error_code" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "progressed_at" TIMESTAMPTZ(3),

    CONSTRAINT "suggestions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "suggestions_workspace_id_created_at_idx" ON "suggestions"("workspace_id", "created_at");

-- AddForeignKey
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
