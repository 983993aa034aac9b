-- Deploy marketdb:exchange/trades_compaction to pg
-- requires: maintenance/compaction

-- exchange.trades merges a month 3 days after it ends, not 35. A merge is online and late
-- rows for a merged month go straight into its partition, so waiting gains nothing, and
-- the daily tier is what a query without a time filter pays for: 120 months (ten years)
-- and 35 + up to 31 + 7 premade days took up to 585 locks (505 measured), over the 500
-- issue 12 allows; with 3 days the daily tier is 11 to 42 partitions (at most about 490).
-- Only a policy still at the shipped 35 days changes: an owner's own choice stays.

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE marketdb_owner;

UPDATE maintenance.policy SET compact_after = interval '3 days'
 WHERE parent_table = 'exchange.trades' AND compact_after = interval '35 days';

COMMIT;
