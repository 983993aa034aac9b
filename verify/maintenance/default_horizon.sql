-- Verify marketdb:maintenance/default_horizon on pg

BEGIN;

-- Every registered table's default partition refuses rows past the horizon.
SELECT 1 / (NOT EXISTS (SELECT FROM maintenance.policy AS p CROSS JOIN LATERAL maintenance.partitions_of(p.parent_table::regclass) AS d
                         WHERE p.kind = 'partitioned' AND d.is_default
                           AND NOT EXISTS (SELECT FROM pg_trigger AS t WHERE t.tgrelid = d.partition AND t.tgname = 'marketdb_horizon')))::integer;
SELECT maintenance.horizon_of(p, now()) FROM maintenance.policy AS p WHERE false;
SELECT maintenance.guard_default(NULL) WHERE false;
SELECT 1 / (maintenance.horizon_trigger('maintenance.policy', 'ts', 32) LIKE 'CREATE TRIGGER marketdb_horizon %')::integer;

ROLLBACK;
