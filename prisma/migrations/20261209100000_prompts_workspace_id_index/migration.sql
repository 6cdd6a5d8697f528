-- The prompt list pages by id within a workspace (keyset pagination, with or without a tag or text
-- filter). With an index on the workspace alone, Postgres either walks the primary key in id order
-- and skips other workspaces' prompts, or reads the whole workspace and sorts it; on (workspace_id,
-- id) a page is one range read, however many prompts other workspaces hold. It serves lookups by
-- workspace too, so it replaces the index on workspace_id alone.
DROP INDEX "prompts_workspace_id_idx";
CREATE INDEX "prompts_workspace_id_id_idx" ON "prompts"("workspace_id", "id");
