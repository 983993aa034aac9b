-- Verify marketdb:maintenance/partition_privileges on pg

BEGIN;

-- Every partition of a registered table has exactly its parent's privileges.
SELECT 1 / (NOT EXISTS (SELECT FROM maintenance.policy AS p CROSS JOIN LATERAL maintenance.partitions_of(p.parent_table::regclass) AS t
                         WHERE p.kind = 'partitioned'
                           AND EXISTS ((SELECT * FROM maintenance.privileges_of(t.partition) EXCEPT SELECT * FROM maintenance.privileges_of(p.parent_table::regclass))
                                       UNION ALL
                                       (SELECT * FROM maintenance.privileges_of(p.parent_table::regclass) EXCEPT SELECT * FROM maintenance.privileges_of(t.partition)))))::integer;
SELECT 1 / count(*)::integer FROM maintenance.privileges_of('exchange.trades') WHERE column_name = 'yes_price';
SELECT maintenance.copy_privileges(NULL, NULL, NULL) WHERE false;
SELECT maintenance.align_privileges(NULL) WHERE false;
SELECT 1 / (maintenance.privilege_signature('exchange.trades') <> '')::integer;
SELECT maintenance.archives_of(NULL) WHERE false;

ROLLBACK;
