-- Verify marketdb:maintenance/outcome_of on pg

BEGIN;

-- Rows outside the window alone do not make a run partial.
SELECT 1 / (maintenance.outcome_of(ARRAY[('exchange.trades', 'out_of_window', NULL, 1, 'x')::maintenance.action]) = 'noop')::integer;

ROLLBACK;
