-- Deploy marketdb:maintenance/edition to pg
-- requires: maintenance/hypertables
-- adopted from: maintenance/hypertables

-- maintenance.edition as maintenance/hypertables left it, taken unchanged from the deployed
-- catalog (pg_get_functiondef): from here on its current body is this file, changed only by
-- `sqitch rework maintenance/edition`. Deploying it changes nothing (make test compares the
-- dumps).

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

-- ---------------------------------------------------------------------------------------
-- edition: 'timescale' (full: compression, continuous aggregates, jobs) or 'apache' (the
-- Debian and Ubuntu build: hypertables, chunks, time_bucket only). See shared/DESIGN.md.
-- ---------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION maintenance.edition()
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
    SELECT coalesce(current_setting('timescaledb.license', true), 'apache')
$function$;

COMMENT ON FUNCTION maintenance.edition() IS
    'The TimescaleDB edition of this server: timescale or apache';

REVOKE ALL ON FUNCTION maintenance.edition() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION maintenance.edition() TO marketdb_maintainer;
GRANT EXECUTE ON FUNCTION maintenance.edition() TO marketdb_reader;

COMMIT;
