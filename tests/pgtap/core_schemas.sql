-- core/schemas: the six schemas, their owner, and who may use them.
BEGIN;
SELECT plan(30);

SELECT has_schema(s, format('schema %s exists', s))
  FROM unnest(ARRAY['exchange', 'onchain', 'crypto', 'macro', 'equities', 'maintenance']) AS s;

SELECT schema_owner_is(s, 'marketdb_owner', format('schema %s is owned by marketdb_owner', s))
  FROM unnest(ARRAY['exchange', 'onchain', 'crypto', 'macro', 'equities', 'maintenance']) AS s;

SELECT schema_privs_are(s, 'public', ARRAY[]::text[], format('PUBLIC has neither CREATE nor USAGE on %s', s))
  FROM unnest(ARRAY['exchange', 'onchain', 'crypto', 'macro', 'equities', 'maintenance']) AS s;

SELECT schema_privs_are(s, 'marketdb_reader', ARRAY['USAGE'], format('the reader may use but not create in %s', s))
  FROM unnest(ARRAY['exchange', 'onchain', 'crypto', 'macro', 'equities']) AS s;

SELECT schema_privs_are('maintenance', 'marketdb_reader', ARRAY['USAGE'], 'the reader may read the maintenance schema (run log, registry)');
SELECT schema_privs_are('maintenance', 'marketdb_maintainer', ARRAY['USAGE'], 'the maintainer may use the maintenance schema');
SELECT schema_privs_are('maintenance', 'marketdb_writer', ARRAY[]::text[], 'the writer has no business in the maintenance schema');
SELECT schema_privs_are('exchange', 'marketdb_writer', ARRAY['USAGE'], 'the writer may use but not create in exchange');
SELECT schema_privs_are('exchange', 'marketdb_maintainer', ARRAY[]::text[], 'the maintainer has no access to data schemas');
SELECT schema_privs_are('timescaledb', 'marketdb_reader', ARRAY['USAGE'], 'the reader may call TimescaleDB functions such as time_bucket');
SELECT schema_privs_are('timescaledb', 'marketdb_owner', ARRAY['USAGE'], 'the owner may call the TimescaleDB API (create_hypertable, drop_chunks)');

SELECT * FROM finish();
ROLLBACK;
