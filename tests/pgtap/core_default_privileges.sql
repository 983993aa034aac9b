-- core/schemas: objects the owner creates later are granted by rule, not by hand.
BEGIN;
SELECT plan(14);

SET LOCAL ROLE marketdb_owner;
CREATE TABLE exchange.probe_table (id bigint GENERATED ALWAYS AS IDENTITY, v text);
CREATE TABLE equities.probe_table (id integer);
CREATE TABLE maintenance.probe_table (id integer);
CREATE SEQUENCE crypto.probe_seq;
CREATE FUNCTION exchange.probe_fn() RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION maintenance.probe_fn() RETURNS integer LANGUAGE sql AS 'SELECT 1';
RESET ROLE;

SELECT table_privs_are('exchange', 'probe_table', 'marketdb_reader', ARRAY['SELECT'],
    'a new exchange table is readable by the reader, and only readable');
SELECT table_privs_are('exchange', 'probe_table', 'marketdb_writer', ARRAY['INSERT', 'SELECT', 'UPDATE'],
    'a new exchange table is insertable and updatable by the writer, never deletable or truncatable');
SELECT table_privs_are('exchange', 'probe_table', 'marketdb_maintainer', ARRAY[]::text[],
    'the maintainer gets no privilege on a new data table');
SELECT table_privs_are('exchange', 'probe_table', 'public', ARRAY[]::text[],
    'PUBLIC gets no privilege on a new data table');
SELECT table_privs_are('equities', 'probe_table', 'marketdb_reader', ARRAY['SELECT'],
    'the rule holds in every data schema (equities)');
SELECT table_privs_are('equities', 'probe_table', 'marketdb_writer', ARRAY['INSERT', 'SELECT', 'UPDATE'],
    'the writer rule holds in every data schema (equities)');
SELECT table_privs_are('maintenance', 'probe_table', 'marketdb_reader', ARRAY['SELECT'],
    'a new maintenance table is readable by the reader');
SELECT table_privs_are('maintenance', 'probe_table', 'marketdb_writer', ARRAY[]::text[],
    'a new maintenance table is not writable by the writer');
SELECT sequence_privs_are('crypto', 'probe_seq', 'marketdb_writer', ARRAY['SELECT', 'USAGE'],
    'a new sequence is usable by the writer');
SELECT function_privs_are('exchange', 'probe_fn', ARRAY[]::text[], 'public', ARRAY[]::text[],
    'a new function is not executable by PUBLIC');
SELECT function_privs_are('maintenance', 'probe_fn', ARRAY[]::text[], 'marketdb_maintainer', ARRAY['EXECUTE'],
    'a new maintenance function is executable by the maintainer');
SELECT function_privs_are('maintenance', 'probe_fn', ARRAY[]::text[], 'marketdb_reader', ARRAY[]::text[],
    'a new maintenance function is not executable by the reader');

-- Privileges in action, not only in the catalog.
SET LOCAL ROLE marketdb_writer;
INSERT INTO exchange.probe_table (v) VALUES ('written by the writer');
RESET ROLE;
SET LOCAL ROLE marketdb_reader;
SELECT is((SELECT v FROM exchange.probe_table), 'written by the writer', 'the reader reads what the writer wrote');
SELECT throws_ok('INSERT INTO exchange.probe_table (v) VALUES (''x'')', '42501', NULL, 'the reader cannot insert');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
