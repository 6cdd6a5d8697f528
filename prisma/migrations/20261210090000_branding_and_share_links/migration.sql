-- White label per organization (display name, two colours, email sender name, logo) and share
-- links: read-only, expiring, revocable links to one workspace's reports. The logo is kept as
-- re-encoded by the API, never as uploaded; a share link's token is stored as its SHA-256 only,
-- and each opening keeps the client's network (/24 or /48), never the full address.

-- CreateTable
CREATE TABLE "organization_brandings" (
    "organization_id" UUID NOT NULL,
    "display_name" TEXT,
    "primary_color" TEXT,
    "accent_color" TEXT,
    "email_sender_name" TEXT,
    "logo" BYTEA,
    "logo_type" TEXT,
    "logo_width" INTEGER,
    "logo_height" INTEGER,
    "logo_updated_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organization_brandings_pkey" PRIMARY KEY ("organization_id")
);

-- CreateTable
CREATE TABLE "share_links" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "locked_from" TIMESTAMPTZ(3),
    "locked_to" TIMESTAMPTZ(3),
    "locked_providers" TEXT[],
    "locked_tags" TEXT[],
    "created_by" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "share_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "share_link_openings" (
    "id" UUID NOT NULL,
    "share_link_id" UUID NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "address_class" TEXT NOT NULL,
    "what" TEXT NOT NULL,

    CONSTRAINT "share_link_openings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "share_links_token_hash_key" ON "share_links"("token_hash");

-- CreateIndex
CREATE INDEX "share_links_workspace_id_id_idx" ON "share_links"("workspace_id", "id");

-- CreateIndex
CREATE INDEX "share_link_openings_share_link_id_opened_at_idx" ON "share_link_openings"("share_link_id", "opened_at");

-- AddForeignKey
ALTER TABLE "organization_brandings" ADD CONSTRAINT "organization_brandings_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "share_link_openings" ADD CONSTRAINT "share_link_openings_share_link_id_fkey" FOREIGN KEY ("share_link_id") REFERENCES "share_links"("id") ON DELETE CASCADE ON UPDATE CASCADE;
