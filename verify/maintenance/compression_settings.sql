-- Verify marketdb:maintenance/compression_settings on pg

BEGIN;

-- Both editions: the rule is stated where a new hypertable's compression is enabled.
SELECT 1 / (obj_description('maintenance.enable_compression(regclass, text, text, interval)'::regprocedure, 'pg_proc')
            LIKE '%Every unique key column must be in segment by or order by, or lead a btree index%')::integer;

-- Timescale edition: every column of every unique index of a hypertable with compression
-- is a segmentby or orderby column or leads a btree index (TimescaleDB keeps a sparse index
-- on it): a key's lookup in compressed chunks can filter batches by it.
SELECT 1 / (count(*) = 0)::integer
  FROM timescaledb_information.hypertables AS h
  JOIN pg_catalog.pg_index AS i ON i.indrelid = format('%I.%I', h.hypertable_schema, h.hypertable_name)::regclass AND i.indisunique
  JOIN pg_catalog.pg_attribute AS a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
 WHERE h.compression_enabled
   AND NOT EXISTS (SELECT FROM timescaledb_information.compression_settings AS s
                    WHERE (s.hypertable_schema, s.hypertable_name, s.attname) = (h.hypertable_schema, h.hypertable_name, a.attname))
   AND NOT EXISTS (SELECT FROM pg_catalog.pg_index AS x WHERE x.indrelid = i.indrelid AND x.indkey[0] = a.attnum)
HAVING maintenance.edition() = 'timescale'
UNION ALL
SELECT 1 WHERE maintenance.edition() <> 'timescale';

ROLLBACK;
