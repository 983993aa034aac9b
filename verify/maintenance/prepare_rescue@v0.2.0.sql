-- Verify marketdb:maintenance/prepare_rescue on pg

BEGIN;

-- Before a rescue, the run's new days are made beside the parent.
SELECT 1 / (pg_get_functiondef('maintenance.prepare_rescue(text)'::regprocedure)
            LIKE '%maintenance.attach_new_day(%')::integer;

ROLLBACK;
