-- A day made beside its parent and attached (maintenance.attach_new_day: no lock writers of
-- other days wait for) is the partition CREATE TABLE ... PARTITION OF makes: the same
-- columns, defaults, CHECKs, keys, indexes, privileges and inheritance, on each table with a
-- partition policy. A late row for the day stops it by name, and nothing is left behind.
BEGIN;
\ir _helpers.psql
SELECT plan(8);

-- Everything a partition's catalog says about it, its own name written as P.
CREATE FUNCTION pg_temp.shape(p_partition regclass) RETURNS text[]
LANGUAGE sql AS $$
    SELECT ARRAY(
        SELECT replace(x, c.relname, 'P') FROM pg_class AS c, LATERAL (
            SELECT format('column %s %s notnull=%s default=%s generated=%s identity=%s local=%s inh=%s storage=%s compression=%s acl=%s',
                          a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attgenerated,
                          a.attidentity, a.attislocal, a.attinhcount, a.attstorage, a.attcompression, a.attacl)
              FROM pg_attribute AS a LEFT JOIN pg_attrdef AS d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            UNION ALL
            SELECT format('constraint %s %s local=%s inh=%s noinherit=%s', o.conname, pg_get_constraintdef(o.oid), o.conislocal, o.coninhcount, o.connoinherit)
              FROM pg_constraint AS o WHERE o.conrelid = c.oid
            UNION ALL
            SELECT format('index %s of %s', pg_get_indexdef(i.indexrelid), (SELECT h.inhparent::regclass FROM pg_inherits AS h WHERE h.inhrelid = i.indexrelid))
              FROM pg_index AS i WHERE i.indrelid = c.oid
            UNION ALL
            SELECT format('trigger %s', t.tgname) FROM pg_trigger AS t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal
            UNION ALL
            SELECT format('table owner=%s acl=%s replident=%s persistence=%s options=%s toast=%s partition=%s of %s',
                          c.relowner::regrole, c.relacl, c.relreplident, c.relpersistence, c.reloptions, c.reltoastrelid <> 0,
                          c.relispartition, (SELECT h.inhparent::regclass FROM pg_inherits AS h WHERE h.inhrelid = c.oid))
        ) AS s(x)
         WHERE c.oid = p_partition
         ORDER BY 1)
$$;

-- For each registered partitioned table: one day each way (a day of 2019, long before the
-- data here), compared.
DO $$
DECLARE
    v_parent text;
BEGIN
    FOR v_parent IN SELECT p.parent_table FROM maintenance.policy AS p WHERE p.kind = 'partitioned' LOOP
        EXECUTE format('CREATE TABLE %s_p20190101 PARTITION OF %s FOR VALUES FROM (%L) TO (%L)',
                       v_parent, v_parent, '2019-01-01 00:00+00', '2019-01-02 00:00+00');
        PERFORM maintenance.copy_privileges(v_parent::regclass, format('%s_p20190101', v_parent)::regclass, false);
        PERFORM maintenance.attach_new_day(v_parent::regclass, split_part(v_parent, '.', 2) || '_p20190102', '2019-01-02');
    END LOOP;
END
$$;
CREATE TEMP TABLE compared AS
SELECT p.parent_table,
       pg_temp.shape(format('%s_p20190101', p.parent_table)::regclass) AS made_by_create,
       pg_temp.shape(format('%s_p20190102', p.parent_table)::regclass) AS made_beside
  FROM maintenance.policy AS p
 WHERE p.kind = 'partitioned';

SELECT cmp_ok((SELECT count(*)::integer FROM compared), '>=', 3, 'days are made both ways on every table with a partition policy');
SELECT is((SELECT array_agg(parent_table ORDER BY parent_table) FROM compared WHERE made_beside IS DISTINCT FROM made_by_create), NULL,
    'a day made beside its parent and attached has the catalog of one made by PARTITION OF (columns, defaults, CHECKs, keys, indexes, privileges, inheritance)');
SELECT ok((SELECT bool_and(cardinality(made_beside) > 10) FROM compared), '... which says a lot about each');
SELECT is((SELECT made_beside FROM compared WHERE parent_table = 'exchange.trades') @> ARRAY[
              'index CREATE UNIQUE INDEX P_pkey ON exchange.P USING btree (trade_id, ts) of exchange.trades_pkey',
              'constraint trades_prices_sum_to_100 CHECK (((yes_price + no_price) = (100)::numeric)) local=f inh=1 noinherit=f'],
    true, 'exchange.trades'' day has its primary key (attached to the parent''s) and the parent''s CHECKs, inherited');

-- A late row for the day in the default partition: ATTACH refuses by name, nothing is made.
INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)
VALUES ('late-2019', 'LATE', '2019-01-03 12:00+00', 50, 50, 1, 'yes');
SELECT is((SELECT tableoid::regclass::text FROM exchange.trades WHERE trade_id = 'late-2019'), 'exchange.trades_default', 'a row for a day without a partition waits in the default partition');
SELECT throws_like($$SELECT maintenance.attach_new_day('exchange.trades', 'trades_p20190103', '2019-01-03')$$,
    '%default partition "trades_default" would be violated%', 'attaching its day is refused (check_violation)');
SELECT is(to_regclass('exchange.trades_p20190103'), NULL, '... and no table is left behind');
SELECT ok(NOT has_function_privilege('marketdb_maintainer', 'maintenance.attach_new_day(regclass, text, date)', 'EXECUTE'),
    'the maintainer cannot call it (internal)');

SELECT * FROM finish();
ROLLBACK;
