-- An answer row holds its text, the provider's raw payload, citations and sources: a few KB, over
-- the 2 KB at which Postgres compresses a row's largest values. Its default method (pglz) was 7%
-- of Postgres' time storing answers; lz4 compresses about as well and several times faster. Only
-- values written from now on use it (nothing is rewritten); both methods are read transparently.
-- A server built without lz4 keeps pglz: the migration still applies there.
DO $$
BEGIN
  ALTER TABLE "responses"
    ALTER COLUMN "text" SET COMPRESSION lz4,
    ALTER COLUMN "raw" SET COMPRESSION lz4,
    ALTER COLUMN "provider_citations" SET COMPRESSION lz4,
    ALTER COLUMN "sources" SET COMPRESSION lz4,
    ALTER COLUMN "request_params" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'this Postgres server has no lz4: answers keep the default compression';
END
$$;
