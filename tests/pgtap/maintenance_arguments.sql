-- maintenance: every bad argument is rejected with an error naming it, and changes nothing.
BEGIN;
SELECT plan(36);

CREATE TEMP TABLE policy_before AS
    SELECT parent_table, kind, partition_interval, premake_days, retention, retention_action, enabled FROM maintenance.policy;

SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance_for('exchange.nope')$$,
    '42P01', 'p_parent_table: table "exchange.nope" does not exist', 'an unknown table is rejected, naming p_parent_table');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance_for('exchange.series')$$,
    '22023', 'p_parent_table: exchange.series has no maintenance policy', 'a table without a policy is rejected');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance_for(NULL)$$,
    '22023', 'p_parent_table: a table name is required, got NULL', 'a NULL table is rejected');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance_for('')$$,
    '22023', 'p_parent_table: a table name is required, got ''''', 'an empty table name is rejected, not taken as every table');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance_for('exchange.trades', now(), false, -1)$$,
    '22023', 'p_premake_days: days to premake must be between 0 and 366, got -1', 'a negative premake is rejected');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance_for('exchange.trades', now(), false, 5000)$$,
    '22023', 'p_premake_days: days to premake must be between 0 and 366, got 5000', 'an absurd premake is rejected');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance_for('exchange.trades', NULL)$$,
    '22023', 'p_reference_time: a finite timestamp is required, got NULL', 'a NULL reference time is rejected');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance(NULL, true)$$,
    '22023', 'p_reference_time: a finite timestamp is required, got NULL', 'run_maintenance rejects a NULL reference time');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance('infinity', true)$$,
    '22023', 'p_reference_time: a finite timestamp is required, got infinity', 'an infinite reference time is rejected');
SELECT throws_ok($$SELECT * FROM maintenance.run_maintenance(now(), NULL)$$,
    '22023', 'p_dry_run must be true or false, not NULL', 'a NULL dry-run flag is rejected');

-- A run that changes anything works at the server's time (1 hour either way); a dry run may
-- look 10 years either way. Nothing past that, whoever asks.
SELECT throws_like($$SELECT * FROM maintenance.run_maintenance_for('exchange.market_snapshots', now() + interval '10 years')$$,
    'p_reference_time: % is more than 01:00:00 from the server''s clock %',
    'a run 10 years ahead (which would drop every snapshot partition) is rejected');
SELECT throws_like($$SELECT * FROM maintenance.run_maintenance_for('exchange.trades', '2000-01-01')$$,
    'p_reference_time: % is more than 01:00:00 from the server''s clock %',
    'a run in 2000 (which would create thousands of partitions) is rejected');
SELECT throws_like($$SELECT * FROM maintenance.run_maintenance_for('exchange.trades', now() - interval '61 minutes')$$,
    'p_reference_time: %', 'a run 61 minutes from the clock is rejected');
SELECT lives_ok($$SELECT * FROM maintenance.run_maintenance_for('exchange.trades', now() - interval '59 minutes')$$,
    'a run 59 minutes from the clock is accepted');
SELECT throws_like($$SELECT * FROM maintenance.run_maintenance_for('exchange.trades', '0001-01-01', true)$$,
    'p_reference_time: % is more than 10 years from the server''s clock %, even for a dry run', 'a dry run in year 1 is rejected');
SELECT throws_like($$SELECT * FROM maintenance.run_maintenance('294276-12-30', true)$$,
    'p_reference_time: % is more than 10 years from the server''s clock %, even for a dry run', 'a dry run in year 294276 is rejected');
SELECT throws_like($$SELECT * FROM maintenance.run_maintenance('9999-12-31', true)$$,
    'p_reference_time: %', 'a dry run in year 9999 is rejected at once');
SELECT throws_like($$SELECT * FROM maintenance.run_maintenance()$$,
    'p_dry_run: run_maintenance() maintains every table in one transaction, which can deadlock writers; only a dry run is allowed',
    'a real run of every table in one transaction is refused: it could deadlock writers');

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
    '22023', 'p_premake_days: days to premake must be between 0 and 366, got -1', 'registering a negative premake is rejected');
SELECT throws_ok($$SELECT maintenance.register_partitioned_table('exchange.probe', p_partition_interval => interval '1 hour')$$,
    '22023', 'p_partition_interval: partitioned tables support only 1 day, got 01:00:00', 'an interval other than 1 day is rejected');
SELECT throws_ok($$SELECT maintenance.register_partitioned_table('exchange.probe', p_retention => interval '-1 day')$$,
    '22023', 'p_retention: retention must be positive or NULL (keep everything), got -1 days', 'a negative retention is rejected');
SELECT throws_ok($$SELECT maintenance.register_partitioned_table('exchange.probe', p_retention_action => 'archive')$$,
    '22023', 'p_retention_action must be drop or detach, got archive', 'an unknown retention action is rejected');
SELECT throws_ok($$SELECT maintenance.register_partitioned_table('exchange.trades')$$,
    '22023', 'p_parent_table: exchange.trades is already registered', 'a table cannot be registered twice, and the error says so');
SET LOCAL ROLE marketdb_owner;
CREATE TABLE exchange.probe_with_a_name_far_too_long_for_its_partitions_x (ts timestamptz NOT NULL) PARTITION BY RANGE (ts);
CREATE TABLE exchange.probe_long_default PARTITION OF exchange.probe_with_a_name_far_too_long_for_its_partitions_x DEFAULT;
RESET ROLE;
SELECT throws_like($$SELECT maintenance.register_partitioned_table('exchange.probe_with_a_name_far_too_long_for_its_partitions_x')$$,
    'p_parent_table: the name of % is too long: its partitions'' names (%_pYYYYMMDD) would exceed 63 bytes',
    'a table whose partition names would not fit 63 bytes is rejected with the reason');

-- The registry's own constraints stop a bad UPDATE by hand.
SELECT throws_like($$UPDATE maintenance.policy SET premake_days = -1 WHERE parent_table = 'exchange.trades'$$,
    '%"policy_premake_days_range"%', 'the registry rejects a negative premake');
SELECT throws_like($$UPDATE maintenance.policy SET partition_interval = interval '1 hour' WHERE parent_table = 'exchange.trades'$$,
    '%"policy_partitioned_interval_one_day"%', 'the registry rejects an interval other than 1 day');
SELECT throws_like($$UPDATE maintenance.policy SET retention_action = 'archive' WHERE parent_table = 'exchange.trades'$$,
    '%"policy_retention_action_known"%', 'the registry rejects an unknown retention action');

SELECT set_eq('SELECT parent_table, kind, partition_interval, premake_days, retention, retention_action, enabled FROM maintenance.policy',
    'SELECT * FROM policy_before', 'no rejected call changed the registry');
SELECT is((SELECT count(*)::integer FROM maintenance.partitions_of('exchange.probe')), 1, 'no rejected call created a partition');

SELECT is(
    (SELECT parent_table FROM maintenance.register_partitioned_table('exchange.probe', p_premake_days => 2)),
    'exchange.probe', 'a valid registration is accepted');
SELECT * FROM finish();
ROLLBACK;
