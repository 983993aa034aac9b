-- Verify marketdb:macro/seed_compression on pg

BEGIN;

-- On the timescale edition both policies compress after 90 days; on apache there are none.
SELECT 1 / (count(*) = CASE WHEN maintenance.edition() = 'timescale' THEN 2 ELSE 0 END)::integer
  FROM timescaledb_information.jobs AS j
 WHERE j.proc_name = 'policy_compression'
   AND j.hypertable_schema = 'macro' AND j.hypertable_name IN ('curves', 'vol_surfaces')
   AND (j.config->>'compress_after')::interval = interval '90 days';

-- The tables say so, on both editions.
SELECT 1 / (obj_description('macro.curves'::regclass, 'pg_class') LIKE '%compressed after 90 days%')::integer,
       1 / (obj_description('macro.vol_surfaces'::regclass, 'pg_class') LIKE '%compressed after 90 days%')::integer;

ROLLBACK;
