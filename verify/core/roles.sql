-- Verify marketdb:core/roles on pg
-- verify-absent: roles are cluster-wide and outlive a database's revert by design
-- (revert/core/roles.sql); tests/test_roles.py proves this verify fails on a cluster
-- without them.

BEGIN;

-- Raises division_by_zero unless all four roles exist as NOLOGIN, non-superuser roles
-- (the owner may log in on the timescale edition: see the deploy script).
SELECT 1 / (count(*) = 4)::integer
  FROM pg_catalog.pg_roles
 WHERE rolname IN ('marketdb_owner', 'marketdb_writer', 'marketdb_reader', 'marketdb_maintainer')
   AND (NOT rolcanlogin OR (rolname = 'marketdb_owner' AND current_setting('timescaledb.license', true) = 'timescale'))
   AND NOT rolsuper
   AND NOT rolcreaterole
   AND NOT rolcreatedb
   AND NOT rolbypassrls;

ROLLBACK;
