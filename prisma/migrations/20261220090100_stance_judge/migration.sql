-- The optional model judge of stance (docs/sentiment.md#the-model-judge): chosen per audit, its
-- labels stored beside the rule-based ones, once per (answer, brand, definition version).

-- AlterTable
ALTER TABLE "audits" ADD COLUMN "judge_model_config_id" UUID;

-- CreateTable
CREATE TABLE "stance_judgements" (
    "id" BIGSERIAL NOT NULL,
    "response_id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "brand_id" UUID NOT NULL,
    "definition_version" INTEGER NOT NULL,
    "model_config_id" UUID,
    "config_hash" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "label" "sentiment_label",
    "sentence" TEXT,
    "cost_usd" DECIMAL(12,6),
    "error_code" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stance_judgements_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "stance_judgements_response_id_brand_id_definition_version_key" ON "stance_judgements"("response_id", "brand_id", "definition_version");

-- CreateIndex
CREATE INDEX "stance_judgements_run_id_idx" ON "stance_judgements"("run_id");

-- CreateIndex
CREATE INDEX "stance_judgements_brand_id_idx" ON "stance_judgements"("brand_id");

-- AddForeignKey
ALTER TABLE "audits" ADD CONSTRAINT "audits_judge_model_config_id_fkey" FOREIGN KEY ("judge_model_config_id") REFERENCES "model_configs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stance_judgements" ADD CONSTRAINT "stance_judgements_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "responses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stance_judgements" ADD CONSTRAINT "stance_judgements_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stance_judgements" ADD CONSTRAINT "stance_judgements_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE CASCADE ON UPDATE CASCADE;
