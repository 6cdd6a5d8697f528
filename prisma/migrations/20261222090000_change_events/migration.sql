-- Change events (docs/marketers.md#change-impact): something done on a date (content published, a
-- site change, a PR campaign, a product launch…) and the prompts it should affect, chosen by id
-- and/or by tag. Trends mark them; the impact report compares those prompts with the others.

-- CreateEnum
CREATE TYPE "ChangeEventKind" AS ENUM ('content_published', 'site_change', 'pr_campaign', 'product_launch', 'other');

-- CreateTable
CREATE TABLE "change_events" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "kind" "ChangeEventKind" NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "title" TEXT,
    "notes" TEXT,
    "url" TEXT,
    "prompt_tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "change_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "change_event_prompts" (
    "event_id" UUID NOT NULL,
    "prompt_id" UUID NOT NULL,

    CONSTRAINT "change_event_prompts_pkey" PRIMARY KEY ("event_id","prompt_id")
);

-- CreateIndex
CREATE INDEX "change_events_workspace_id_occurred_at_idx" ON "change_events"("workspace_id", "occurred_at");

-- CreateIndex
CREATE INDEX "change_event_prompts_prompt_id_idx" ON "change_event_prompts"("prompt_id");

-- AddForeignKey
ALTER TABLE "change_events" ADD CONSTRAINT "change_events_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "change_event_prompts" ADD CONSTRAINT "change_event_prompts_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "change_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "change_event_prompts" ADD CONSTRAINT "change_event_prompts_prompt_id_fkey" FOREIGN KEY ("prompt_id") REFERENCES "prompts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
