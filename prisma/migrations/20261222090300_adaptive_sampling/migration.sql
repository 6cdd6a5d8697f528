-- Adaptive sampling (docs/statistics.md#adaptive-sampling). An audit's sampling: null asks every
-- prompt × configuration samples_per_pair times; {"mode":"adaptive","halfWidth":…,"minSamples":…,
-- "maxSamples":…,"waveSize":…} asks in waves until the own brand's mention rate is known to ±halfWidth.
ALTER TABLE "audits" ADD COLUMN "sampling" JSONB;

-- The design a run was started with (null: fixed).
ALTER TABLE "runs" ADD COLUMN "sampling" JSONB;

-- One row per prompt × configuration of an adaptive run: the wave it is in, the answers asked for
-- so far, the figures of its last look and why it stopped. A wave is added by one conditional
-- UPDATE of this row (WHERE wave = the wave decided on), so a retried decision adds nothing.
CREATE TABLE "run_cells" (
    "run_id" UUID NOT NULL,
    "prompt_id" UUID NOT NULL,
    "model_config_id" UUID NOT NULL,
    "wave" INTEGER NOT NULL DEFAULT 0,
    "planned" INTEGER NOT NULL,
    "answers" INTEGER,
    "mentioned" INTEGER,
    "low" DOUBLE PRECISION,
    "high" DOUBLE PRECISION,
    "stop_reason" TEXT,
    "stopped_at" TIMESTAMPTZ(3),

    CONSTRAINT "run_cells_pkey" PRIMARY KEY ("run_id", "prompt_id", "model_config_id"),
    CONSTRAINT "run_cells_stop_reason_check" CHECK ("stop_reason" IN ('precision', 'max_samples', 'budget', 'failures', 'cancelled'))
);

ALTER TABLE "run_cells" ADD CONSTRAINT "run_cells_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
