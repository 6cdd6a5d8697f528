-- CreateEnum
CREATE TYPE "job_status" AS ENUM ('queued', 'running', 'completed', 'failed');

-- AlterTable
ALTER TABLE "audits" ADD COLUMN     "scheduled_through" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "runs" ADD COLUMN     "progressed_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "reanalyses" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "run_id" UUID,
    "from_time" TIMESTAMPTZ(3),
    "to_time" TIMESTAMPTZ(3),
    "status" "job_status" NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "cursor" UUID,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "reanalyses_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reanalyses_workspace_id_created_at_idx" ON "reanalyses"("workspace_id", "created_at");

-- CreateIndex
CREATE INDEX "runs_finished_at_progressed_at_idx" ON "runs"("finished_at", "progressed_at");

-- AddForeignKey
ALTER TABLE "reanalyses" ADD CONSTRAINT "reanalyses_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
