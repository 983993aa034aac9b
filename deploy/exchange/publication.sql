-- Deploy marketdb:exchange/publication to pg
-- requires: exchange/primary_keys

-- The exchange domain for logical subscribers (analytics servers): changes published as the
-- parent table's (publish_via_partition_root), so a subscriber may partition differently or
-- not at all, and partitions made, merged, detached or dropped by maintenance need no
-- publication change. The primary keys are the replica identity. Publishing costs nothing
-- until a subscription connects (and needs wal_level = logical then: `marketdb doctor`).
-- Maintenance moves rows between tables that are not yet partitions (rescue, merge): those
-- copies are not published, so a subscriber sees each row once. Rows retention discards or
-- archives from the default partition are deleted on subscribers; a partition it detaches or
-- drops is not (a subscriber's own maintenance applies its own retention).

BEGIN;

SET LOCAL lock_timeout = '5s';
-- Without wal_level = logical PostgreSQL warns at creation; doctor reports it instead.
SET LOCAL client_min_messages = error;

-- The deployer creates it (CREATE on the database); owning the tables through
-- marketdb_owner's membership is enough for FOR TABLE.
CREATE PUBLICATION marketdb_exchange
    FOR TABLE exchange.trades, exchange.orderbook_deltas, exchange.market_snapshots
    WITH (publish_via_partition_root = true);

COMMENT ON PUBLICATION marketdb_exchange IS
    'The exchange domain for logical subscribers, published as the parent tables (see README "When one server is not enough")';

COMMIT;
