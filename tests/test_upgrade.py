"""Upgrades keep every row. One database, deployed to v0.1.0 and given data (metadata, daily
partitions, rows waiting in a default partition, a hypertable's chunks), deploys to the
plan as it stood before v0.2.0's adopting changes (today's main before them): nothing is
lost. There it gets merged months from maintenance, and deploys on to v0.2.0: nothing is
lost, the merged month stays. One database takes both steps, so the v0.1.0 one reaches
v0.2.0 through them: the same scripts a single deploy would run. (Deploys without --verify:
rows are what this proves; the run's template deploy verifies every change.)"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from conftest import PROJECT, _cleanup
from marketdb import db, harness, plan_rules

TABLES = ("exchange.series", "exchange.trades", "exchange.orderbook_deltas", "crypto.trades", "macro.instruments")


def columns_at_v010(conn) -> dict[str, list[int]]:
    """Each table's columns as v0.1.0 has them, by number: later changes rename some
    (crypto.trades.ts is trade_ts since crypto/seed_names) and add others."""
    return {t: [r[0] for r in conn.execute("SELECT attnum FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0"
                                           " AND NOT attisdropped ORDER BY attnum", (t,))] for t in TABLES}


def fingerprint(url: str, attnums: dict[str, list[int]]) -> dict[str, tuple[int, str]]:
    """Per table: its row count and a digest of its rows (the v0.1.0 columns, sorted)."""
    found = {}
    with db.connect(url) as conn:
        for table, numbers in attnums.items():
            names = [r[0] for r in conn.execute("SELECT quote_ident(attname) FROM pg_attribute WHERE attrelid = %s::regclass"
                                                " AND attnum = ANY(%s) ORDER BY attnum", (table, numbers))]
            assert len(names) == len(numbers), f"{table} lost a column of v0.1.0"
            row = "concat_ws('|', " + ", ".join(f"{n}::text" for n in names) + ")"
            found[table] = conn.execute(f"SELECT count(*), md5(coalesce(string_agg({row}, E'\\n' ORDER BY {row}), ''))"
                                        f" FROM {table}").fetchone()
    return found


def month_partitions(url: str) -> list[str]:
    with db.connect(url) as conn:
        return [r[0] for r in conn.execute(
            "SELECT c.relname FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid"
            " WHERE i.inhparent = 'exchange.trades'::regclass AND c.relname ~ '_p\\d{6}$' ORDER BY 1")]


def test_a_database_at_v0_1_0_and_one_at_main_with_merged_months_deploy_to_v0_2_0_losing_nothing(server_url):
    changes, ids = plan_rules.read_plan(PROJECT), plan_rules.change_ids(PROJECT)
    start, stop = plan_rules.adopt_runs(PROJECT, changes)[0]
    assert plan_rules.last_tag(PROJECT) == ("v0.2.0", stop)  # the adopting changes end v0.2.0
    today = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    # A month wholly past: merged once compaction is set to a day.
    old_month = datetime(today.year - (today.month <= 2), (today.month - 3) % 12 + 1, 1, tzinfo=timezone.utc)
    url = harness.create_test_database(server_url, "upgrade", pgtap=False)
    try:
        harness.deploy(PROJECT, url, to="@v0.1.0", verify=False)
        with db.connect(url) as conn:
            conn.execute("INSERT INTO exchange.series (series_ticker, title, category, tags)"
                         " SELECT 'S' || g, 'Series ' || g, 'politics', ARRAY['t' || g] FROM generate_series(1, 20) AS g")
            conn.execute("INSERT INTO macro.instruments (ticker, asset_class, country, currency)"
                         " SELECT 'I' || g, 'rates', 'US', 'USD' FROM generate_series(1, 20) AS g")
            conn.execute("SELECT * FROM maintenance.run_maintenance(now(), false)")  # v0.1.0's days ahead
            # Today's days, a month long past and days ahead nobody made: the default partition.
            for base, step, count in ((today, "1 minute", 300), (old_month, "2 hours", 300), (today + timedelta(days=20), "1 hour", 50)):
                conn.execute("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                             " SELECT %s || g, 'T' || g %% 7, %s::timestamptz + g * %s::interval, 40, 60, g %% 9 + 1, 'yes'"
                             "   FROM generate_series(1, %s) AS g", (f"{base:%Y%m%d}-", base, step, count))
                conn.execute("INSERT INTO exchange.orderbook_deltas (ticker, ts, seq, side, price, delta)"
                             " SELECT 'T' || g %% 7, %s::timestamptz + g * %s::interval, g, 'no', 30, g %% 5 + 1"
                             "   FROM generate_series(1, %s) AS g", (base, step, count))
            conn.execute("INSERT INTO crypto.trades (symbol, ts, trade_id, price, quantity, buyer_is_maker, side)"
                         " SELECT 'BTCUSDT', %s::timestamptz - g * interval '3 hours', 'c' || g, 60000 + g, 0.01, g %% 2 = 0, 'buy'"
                         "   FROM generate_series(1, 200) AS g", (today,))
            attnums = columns_at_v010(conn)
        at_v010 = fingerprint(url, attnums)
        assert at_v010["exchange.trades"][0] == 650 and at_v010["crypto.trades"][0] == 200

        harness.deploy(PROJECT, url, to=ids[start - 1], verify=False)  # main before the adopting changes
        assert fingerprint(url, attnums) == at_v010

        with db.connect(url) as conn:
            conn.execute("SELECT maintenance.set_compaction('exchange.trades', interval '1 day')")
            for _ in range(3):  # rescue, then the month's merge, a step per transaction
                conn.execute("CALL maintenance.run_all()")
        merged = month_partitions(url)
        assert f"trades_p{old_month:%Y%m}" in merged, merged
        at_main = fingerprint(url, attnums)
        assert at_main == at_v010  # maintenance moved rows, lost none

        harness.deploy(PROJECT, url, to="@v0.2.0", verify=False)
        assert fingerprint(url, attnums) == at_main
        assert month_partitions(url) == merged
    finally:
        _cleanup(url)
