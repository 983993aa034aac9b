-- maintenance: every bad argument is rejected with an error naming it, and changes nothing.
BEGIN;
SELECT plan(26);

CREATE TEMP TABLE policy_before AS SELECT * FROM maintenance.policy;

SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance_for('exchange.nope')$$,
    '42P01', 'p_parent_table: table "exchange.nope" does not exist', 'an unknown table is rejected, naming p_parent_table');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance_for('exchange.series')$$,
    '22023', 'p_parent_table: exchange.series has no maintenance policy', 'a table without a policy is rejected');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance_for(NULL)$$,
    '22023', 'p_parent_table must not be NULL', 'a NULL table is rejected');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance_for('exchange.trades', now(), false, -1)$$,
    '22023', 'p_premake_days must be between 0 and 366 (NULL: the policy''s), got -1', 'a negative premake is rejected');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance_for('exchange.trades', now(), false, 5000)$$,
    '22023', 'p_premake_days must be between 0 and 366 (NULL: the policy''s), got 5000', 'an absurd premake is rejected');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance_for('exchange.trades', NULL)$$,
    '22023', 'p_reference_time must be a finite timestamp, got NULL', 'a NULL reference time is rejected');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance(NULL)$$,
    '22023', 'p_reference_time must be a finite timestamp, got NULL', 'run_maintenance rejects a NULL reference time');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance('infinity')$$,
    '22023', 'p_reference_time must be a finite timestamp, got infinity', 'an infinite reference time is rejected');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance(now(), NULL)$$,
    '22023', 'p_dry_run must be true or false, not NULL', 'a NULL dry-run flag is rejected');

-- Registration checks what maintenance relies on.
CREATE TABLE exchange.probe_notours (ts timestamptz NOT NULL) PARTITION BY RANGE (ts);
SET LOCAL ROLE marketdb_owner;
CREATE TABLE exchange.probe (ts timestamptz NOT NULL, v integer) PARTITION BY RANGE (ts);
CREATE TABLE exchange.probe_default PARTITION OF exchange.probe DEFAULT;
CREATE TABLE exchange.probe_nodefault (ts timestamptz NOT NULL) PARTITION BY RANGE (ts);
CREATE TABLE exchange.probe_bydate (d date NOT NULL) PARTITION BY RANGE (d);
CREATE TABLE exchange.probe_bylist (k text NOT NULL) PARTITION BY LIST (k);
RESET ROLE;

SELECT throws_ok($$SELECT maintenance.register_partitioned_table('exchange.nope')$$,
    '42P01', 'p_parent_table: table "exchange.nope" does not exist', 'registering an unknown table is rejected');
SELECT throws_like($$SELECT maintenance.register_partitioned_table('exchange.probe_notours')$$,
    'p_parent_table: exchange.probe_notours is owned by %, not marketdb_owner, so maintenance could not manage it',
    'registering a table the owner role does not own is rejected');
SELECT throws_ok($$SELECT maintenance.register_partitioned_table('exchange.series')$$,
    '22023', 'p_parent_table: exchange.series is not partitioned by RANGE on one column', 'registering a plain table is rejected');
SELECT throws_ok($$SELECT maintenance.register_partitioned_table('exchange.probe_bylist')$$,
    '22023', 'p_parent_table: exchange.probe_bylist is not partitioned by RANGE on one column', 'registering a LIST-partitioned table is rejected');
SELECT throws_ok($$SELECT maintenance.register_partitioned_table('exchange.probe_bydate')$$,
    '22023', 'p_parent_table: exchange.probe_bydate is partitioned on a date column, daily partitions need timestamptz',
    'registering a table partitioned on another type is rejected');
SELECT throws_ok($$SELECT maintenance.register_partitioned_table('exchange.probe_nodefault')$$,
    '22023', 'p_parent_table: exchange.probe_nodefault has no default partition', 'registering a table without a default partition is rejected');
SELECT throws_ok($$SELECT maintenance.register_partitioned_table('exchange.probe', p_premake_days => -1)$$,
    '22023', 'p_premake_days must be 0 or more, got -1', 'registering a negative premake is rejected');
SELECT throws_ok($$SELECT maintenance.register_partitioned_table('exchange.probe', p_partition_interval => interval '1 hour')$$,
    '22023', 'p_partition_interval: partitioned tables support only 1 day, got 01:00:00', 'an interval other than 1 day is rejected');
SELECT throws_ok($$SELECT maintenance.register_partitioned_table('exchange.probe', p_retention => interval '-1 day')$$,
    '22023', 'p_retention must be positive or NULL (keep everything), got -1 days', 'a negative retention is rejected');
SELECT throws_ok($$SELECT maintenance.register_partitioned_table('exchange.probe', p_retention_action => 'archive')$$,
    '22023', 'p_retention_action must be drop or detach, got archive', 'an unknown retention action is rejected');
SELECT throws_like($$SELECT maintenance.register_partitioned_table('exchange.trades')$$,
    '%"policy_pkey"%', 'a table cannot be registered twice');

-- The registry's own constraints stop a bad UPDATE by hand.
SELECT throws_like($$UPDATE maintenance.policy SET premake_days = -1 WHERE parent_table = 'exchange.trades'$$,
    '%"policy_premake_days_range"%', 'the registry rejects a negative premake');
SELECT throws_like($$UPDATE maintenance.policy SET partition_interval = interval '1 hour' WHERE parent_table = 'exchange.trades'$$,
    '%"policy_partitioned_interval_one_day"%', 'the registry rejects an interval other than 1 day');
SELECT throws_like($$UPDATE maintenance.policy SET retention_action = 'archive' WHERE parent_table = 'exchange.trades'$$,
    '%"policy_retention_action_known"%', 'the registry rejects an unknown retention action');

SELECT set_eq('SELECT * FROM maintenance.policy', 'SELECT * FROM policy_before', 'no rejected call changed the registry');
SELECT is((SELECT count(*)::integer FROM maintenance.partitions_of('exchange.probe')), 1, 'no rejected call created a partition');

SELECT is(
    (SELECT parent_table FROM maintenance.register_partitioned_table('exchange.probe', p_premake_days => 2)),
    'exchange.probe', 'a valid registration is accepted');
SELECT * FROM finish();
ROLLBACK;
