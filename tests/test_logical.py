"""A logical subscriber of the exchange domain: two throwaway clusters deployed with the same
plan, each with its own maintenance. Rows written on the publisher (rescued, discarded,
detached by retention, merged into a month, updated, deleted; some while both sides'
maintenance runs) are on the subscriber exactly once, and its maintenance leaves it as
healthy as the publisher."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone

import psycopg
import pytest

from conftest import PROJECT, free_port, needs_private_server
from marketdb import localdb, replication

pytestmark = needs_private_server

KEYS = {"exchange.trades": "trade_id, ts", "exchange.orderbook_deltas": "ticker, seq, ts", "exchange.market_snapshots": "ticker, ts"}


def maintain(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DATABASE_URL=url)
    return subprocess.run([sys.executable, "-m", "marketdb.cli", "maintain", *args], capture_output=True, text=True,
                          env=env, cwd=PROJECT, timeout=600)


def rows(url: str, table: str, where: str = "true") -> tuple[int, str]:
    key = KEYS[table]
    with psycopg.connect(url) as conn:
        return conn.execute(f"SELECT count(*), md5(coalesce(string_agg(({key})::text || ' ' || md5(t::text), ',' ORDER BY {key}), ''))"
                            f"  FROM {table} AS t WHERE {where}").fetchone()


@pytest.fixture(scope="module")
def clusters(deployed_seed):
    pub_port, sub_port = free_port(), free_port()
    while sub_port == pub_port:
        sub_port = free_port()
    # Both start as copies of the run's seed cluster: the plan deployed in database marketdb.
    with (localdb.temporary_server(pub_port, settings="wal_level = logical\n", seed=deployed_seed) as pub,
          localdb.temporary_server(sub_port, seed=deployed_seed) as sub):
        yield [pub.url("marketdb"), sub.url("marketdb")]


def test_the_subscriber_holds_every_row_once_and_its_maintenance_keeps_it_healthy(clusters):
    pub, sub = clusters
    today = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    month = datetime(today.year - (today.month <= 3), (today.month - 4) % 12 + 1, 1, tzinfo=timezone.utc)
    trade = ("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
             " SELECT %s || g, 'T' || g %% 5, %s::timestamptz + g * %s::interval, 50, 50, 1, 'yes' FROM generate_series(1, %s) AS g")
    with psycopg.connect(pub, autocommit=True) as conn:
        conn.execute(trade, ("before-", today, "1 second", 1000))  # copied when the subscription starts
    replication.subscribe(pub, sub)

    with psycopg.connect(pub, autocommit=True) as conn:
        conn.execute(trade, ("today-", today, "1 second", 5000))
        conn.execute(trade, ("late-", today + timedelta(days=20), "1 second", 20000))      # default partition: rescued
        conn.execute(trade, ("old-", month, "2 minutes", 20000))                          # rescued, then merged into its month
        conn.execute("INSERT INTO exchange.orderbook_deltas (ticker, seq, ts, side, price, delta)"
                     " SELECT 'D', g, %s::timestamptz + g * interval '1 second', 'yes', 50, 1 FROM generate_series(1, 1000) AS g",
                     (today - timedelta(days=80),))                                         # detached by retention below
        conn.execute("INSERT INTO exchange.orderbook_deltas (ticker, seq, ts, side, price, delta)"
                     " SELECT 'E', g, %s::timestamptz + g * interval '1 second', 'no', 50, 1 FROM generate_series(1, 100) AS g", (today,))
        conn.execute("INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask)"
                     " SELECT 'S' || g, %s::timestamptz + g * interval '1 second', 40, 41 FROM generate_series(1, 500) AS g",
                     (today - timedelta(days=200),))                                        # past retention: discarded
        conn.execute("INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask)"
                     " SELECT 'N' || g, %s::timestamptz + g * interval '1 second', 40, 41 FROM generate_series(1, 500) AS g",
                     (today + timedelta(days=20),))
        conn.execute("UPDATE exchange.trades SET count = 7 WHERE trade_id LIKE 'today-1%'")
        conn.execute("DELETE FROM exchange.trades WHERE trade_id LIKE 'today-2%'")

    # Both sides maintain while a writer goes on (today and the month being merged): on the
    # subscriber the apply worker writes into the default partition and the month's days
    # while its own rescues and merges copy them.
    stop, errors, written = threading.Event(), [], {"n": 0}

    def writer() -> None:
        try:
            with psycopg.connect(pub, autocommit=True) as conn:
                while not stop.is_set():
                    written["n"] += 1
                    i = written["n"]
                    conn.execute("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                                 " VALUES (%s, 'W', %s, 50, 50, 1, 'no'), (%s, 'W', %s, 50, 50, 1, 'no'), (%s, 'W', %s, 50, 50, 1, 'no')",
                                 (f"w-now-{i}", datetime.now(timezone.utc), f"w-old-{i}", month + timedelta(days=9, microseconds=i),
                                  f"w-late-{i}", today + timedelta(days=21, microseconds=i)))
                    time.sleep(0.005)
        except Exception as exc:  # noqa: BLE001
            errors.append(repr(exc))

    def subscriber_maintenance() -> None:
        while not stop.is_set():
            result = maintain(sub)
            if result.returncode not in (0, 3):
                errors.append(f"subscriber maintain: {result.returncode}: {result.stderr[-500:]}")

    threads = [threading.Thread(target=writer), threading.Thread(target=subscriber_maintenance)]
    for t in threads:
        t.start()
    time.sleep(1)
    published = maintain(pub, "--json")
    time.sleep(1)
    stop.set()
    for t in threads:
        t.join(timeout=300)
    assert errors == [], errors
    assert published.returncode == 0, published.stdout + published.stderr
    for action in ('"rescue"', '"compact"', '"discard"'):
        assert action in published.stdout, (action, published.stdout)
    with psycopg.connect(pub, autocommit=True) as conn:
        detached = conn.execute(
            "SELECT partition_name FROM maintenance.run_policies(ARRAY['exchange.orderbook_deltas'], 'exchange.orderbook_deltas',"
            "                                                    now() + interval '12 days', false, NULL) WHERE action = 'detach'").fetchall()
    day = f"orderbook_deltas_p{today - timedelta(days=80):%Y%m%d}"
    assert (day,) in detached, detached

    # The subscriber catches up: it holds what the publisher's tables hold, plus the rows of
    # the partition the publisher's retention detached (a detach publishes nothing).
    deadline = time.monotonic() + 180
    while True:
        want = {t: rows(pub, t) for t in KEYS}
        with psycopg.connect(pub) as conn:
            want["exchange.orderbook_deltas"] = conn.execute(
                "SELECT count(*), md5(coalesce(string_agg((ticker, seq, ts)::text || ' ' || md5(t::text), ',' ORDER BY ticker, seq, ts), ''))"
                f" FROM (SELECT * FROM exchange.orderbook_deltas UNION ALL SELECT * FROM exchange.{day}) AS t").fetchone()
        have = {t: rows(sub, t) for t in KEYS}
        if have == want:
            break
        assert time.monotonic() < deadline, f"the subscriber did not catch up: publisher {want}, subscriber {have}"
        time.sleep(0.5)
    assert want["exchange.trades"][0] == 1000 + 5000 - 1111 + 20000 + 20000 + 3 * written["n"]

    # The subscriber's own maintenance: rescues what waits, merges the month, and its
    # retention detaches the same day; then both sides agree table for table.
    result = maintain(sub)
    assert result.returncode == 0, result.stderr
    with psycopg.connect(sub, autocommit=True) as conn:
        ours = conn.execute(
            "SELECT partition_name FROM maintenance.run_policies(ARRAY['exchange.orderbook_deltas'], 'exchange.orderbook_deltas',"
            "                                                    now() + interval '12 days', false, NULL) WHERE action = 'detach'").fetchall()
        assert (day,) in ours, ours
        waiting = conn.execute("SELECT (SELECT count(*) FROM exchange.trades_default) + (SELECT count(*) FROM exchange.orderbook_deltas_default)"
                               " + (SELECT count(*) FROM exchange.market_snapshots_default)").fetchone()[0]
        assert waiting == 0, "rows wait in a default partition of the subscriber after its maintenance"
        merged = conn.execute("SELECT count(*) FROM maintenance.partitions_of('exchange.trades')"
                              " WHERE lower_bound = %s AND upper_bound = %s::timestamptz + interval '1 month'", (month, month)).fetchone()[0]
        assert merged == 1, "the subscriber's maintenance did not merge the month"
    for table in KEYS:
        assert rows(sub, table) == rows(pub, table), table
    with psycopg.connect(pub) as p, psycopg.connect(sub) as s:
        q = f"SELECT count(*), md5(string_agg(t::text, ',' ORDER BY seq)) FROM exchange.{day} AS t"
        assert s.execute(q).fetchone() == p.execute(q).fetchone(), "the detached day differs"
        q = "SELECT count(*) FROM exchange.trades WHERE trade_id LIKE 'today-1%' AND count <> 7"
        assert s.execute(q).fetchone()[0] == 0, "an update was not applied"
