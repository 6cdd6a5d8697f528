-- PDF reports: one row per report asked for (its period, status and the addresses to email it
-- to) and, once made, its bytes in a table of their own, so listing reports never reads files.
-- Files are kept in Postgres (bytea): a report is tens to a few hundred kilobytes, it is deleted
-- with its workspace, backed up with everything else, and no object store is needed to run Citewatch.
CREATE TABLE "pdf_reports" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "from_time" TIMESTAMPTZ(3) NOT NULL,
    "to_time" TIMESTAMPTZ(3) NOT NULL,
    "send_to" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "job_status" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "pages" INTEGER,
    "bytes" INTEGER,
    "requested_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "pdf_reports_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "pdf_report_files" (
    "report_id" UUID NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "pdf_report_files_pkey" PRIMARY KEY ("report_id")
);

CREATE INDEX "pdf_reports_workspace_id_created_at_idx" ON "pdf_reports"("workspace_id", "created_at");

ALTER TABLE "pdf_reports" ADD CONSTRAINT "pdf_reports_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "pdf_report_files" ADD CONSTRAINT "pdf_report_files_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "pdf_reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
