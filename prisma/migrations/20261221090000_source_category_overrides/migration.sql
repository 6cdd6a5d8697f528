-- Per-workspace source-category overrides (docs/analysis-rules.md#source-categories): a domain and
-- the category a workspace gives it, over the domain list kept in the code. Read at report time.

-- CreateTable
CREATE TABLE "source_category_overrides" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "source_category_overrides_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "source_category_overrides_workspace_id_domain_key" ON "source_category_overrides"("workspace_id", "domain");

-- AddForeignKey
ALTER TABLE "source_category_overrides" ADD CONSTRAINT "source_category_overrides_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
