-- Mentions and citations carry their answer's workspace for tenant filters. Its foreign keys
-- checked, for every one of the millions of fact rows, what the answer's own keys already hold
-- (a fact's answer belongs to that workspace, and deleting a workspace deletes its answers and so
-- their facts): about a tenth of the time Postgres spends storing an analysed answer.
ALTER TABLE "mentions" DROP CONSTRAINT "mentions_workspace_id_fkey";
ALTER TABLE "citations" DROP CONSTRAINT "citations_workspace_id_fkey";
