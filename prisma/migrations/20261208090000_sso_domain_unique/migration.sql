-- One organization per single sign-on domain: the people of a domain join at most one organization
-- just in time, and no organization can claim a domain another already uses.
CREATE UNIQUE INDEX "organizations_sso_domain_key" ON "organizations"("sso_domain");
