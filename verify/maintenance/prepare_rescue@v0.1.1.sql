-- Verify marketdb:maintenance/prepare_rescue on pg

BEGIN;

SELECT 1 / (pg_get_functiondef('maintenance.prepare_rescue(text)'::regprocedure)
            LIKE '%maintenance.bound_session()%WHEN lock_not_available THEN%')::integer;

ROLLBACK;
