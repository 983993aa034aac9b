-- Verify marketdb:maintenance/checks on pg

BEGIN;

SELECT 'maintenance.require_table(text, text)'::regprocedure,
       'maintenance.require_finite_time(text, timestamptz)'::regprocedure,
       'maintenance.insertable_columns(regclass)'::regprocedure,
       'maintenance.require_reference_time(text, timestamptz, boolean)'::regprocedure,
       'maintenance.require_premake(text, integer)'::regprocedure,
       'maintenance.require_retention(text, interval)'::regprocedure,
       'maintenance.require_owned(text, text)'::regprocedure,
       'maintenance.partition_key(regclass)'::regprocedure;

ROLLBACK;
