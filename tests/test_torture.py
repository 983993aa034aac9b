"""Torture: maintenance under writers, kills, a lock holder and an immediate server stop.

On a throwaway cluster of its own (temp_file_limit set): writers insert trades and snapshots
across days with and without partitions, two tables per transaction (the pattern that
deadlocked with v0.1.0's one-transaction run); the pg_cron path (CALL maintenance.run_all())
and `marketdb maintain` loop meanwhile; a killer terminates maintenance backends mid-run; a
reader holds ACCESS SHARE locks. Then a large rescue is cut by an immediate server stop.
Afterwards: every committed row is there exactly once, no writer failed, the default
partitions are empty after a final run, and every run_log row is finished.

`make test` runs the short version (about a minute). `make torture` runs the long one
(MARKETDB_TORTURE_SECONDS, default 300, and a bigger rescue); a long run's figures are in
docs/performance.md (the benchmark's in bench/results.md).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone

import psycopg
import pytest

from conftest import PROJECT, free_port, needs_private_server
from marketdb import localdb

pytestmark = needs_private_server

SECONDS = int(os.environ.get("MARKETDB_TORTURE_SECONDS", "14"))
RESCUE_ROWS = int(os.environ.get("MARKETDB_TORTURE_RESCUE_ROWS", "200000"))
WRITERS = 3
SQL_APP, CLI_APP = "torture-run-all", "torture-maintain"
_today = datetime.now(timezone.utc)
# The first day of the month before last: wholly older than compact_after (1 day) any day.
MONTH_BEFORE_LAST = datetime(_today.year - (_today.month <= 2), (_today.month - 3) % 12 + 1, 1, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def cluster(deployed_seed):
    port = free_port()
    # A committed row must survive the immediate stop: the private server's
    # synchronous_commit = off would lose the last commits' WAL with the server's memory.
    settings = "temp_file_limit = '4GB'\nsynchronous_commit = on\n"
    with localdb.temporary_server(port, settings=settings, seed=deployed_seed) as srv:
        url = srv.url("marketdb")  # the plan, deployed in the run's seed cluster
        # Last month's days are merged while the writers write into them (a day after it ends).
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("SELECT maintenance.set_compaction('exchange.trades', interval '1 day')")
        yield srv, url


def test_nothing_is_lost_or_duplicated_and_no_writer_fails(cluster):
    srv, url = cluster
    stop = threading.Event()
    committed: list[str] = []
    snapshots_committed = [0]
    writer_errors: list[str] = []
    maint_errors: list[str] = []
    stats = {"run_all": 0, "run_all_not_done": 0, "cli": 0, "cli_not_done": 0, "killed": 0, "lock_holds": 0}
    lock = threading.Lock()

    def writer(n: int) -> None:
        rng = random.Random(n)
        i = 0
        try:
            with psycopg.connect(url, autocommit=False) as conn:
                while not stop.is_set():
                    rows, snaps = [], []
                    for _ in range(20):
                        i += 1
                        # -20 .. +25 days: partitions exist for -1 .. +7 at first. One row in
                        # five goes to the month before last, which is due for merging.
                        if rng.random() < 0.2:
                            ts = MONTH_BEFORE_LAST + timedelta(seconds=rng.randint(0, 28 * 86_400 - 1))
                        else:
                            ts = datetime.now(timezone.utc) + timedelta(days=rng.randint(-20, 25), seconds=rng.randint(-43_200, 43_200))
                        yes = rng.randint(1, 99)
                        rows.append((f"t{n}-{i}", f"T{rng.randint(1, 4)}", ts, yes, 100 - yes, 1, "yes"))
                        snaps.append((f"S{n}", ts + timedelta(microseconds=i), 40, 41))
                    with conn.cursor() as cur:
                        cur.executemany("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                                        " VALUES (%s, %s, %s, %s, %s, %s, %s)", rows)
                        cur.executemany("INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask) VALUES (%s, %s, %s, %s)", snaps)
                    conn.commit()
                    with lock:
                        committed.extend(r[0] for r in rows)
                        snapshots_committed[0] += len(snaps)
        except Exception as exc:  # noqa: BLE001 - any writer failure is the finding
            writer_errors.append(f"writer {n}: {exc!r}")

    def sql_maintenance() -> None:
        while not stop.is_set():
            try:
                with psycopg.connect(url, autocommit=True, application_name=SQL_APP) as conn:
                    while not stop.is_set():
                        try:
                            conn.execute("CALL maintenance.run_all()")
                        except psycopg.errors.ObjectNotInPrerequisiteState:
                            stats["run_all_not_done"] += 1  # skip or lock_timeout: visible, retried
                        stats["run_all"] += 1
            except psycopg.OperationalError:
                pass  # terminated by the killer: reconnect
            except psycopg.Error as exc:
                maint_errors.append(f"CALL maintenance.run_all(): {exc!r}")
                return

    def cli_maintenance() -> None:
        env = dict(os.environ, DATABASE_URL=url, PGAPPNAME=CLI_APP)
        while not stop.is_set():
            result = subprocess.run([sys.executable, "-m", "marketdb.cli", "maintain", "--json"],
                                    capture_output=True, text=True, env=env, cwd=PROJECT, timeout=300)
            if result.returncode in (0, 3):
                stats["cli"] += 1
            if result.returncode == 3:
                stats["cli_not_done"] += 1
            elif result.returncode != 0 and "terminating connection" not in result.stderr and "server closed" not in result.stderr:
                maint_errors.append(f"marketdb maintain exited {result.returncode}: {result.stderr[-500:]}")

    def killer() -> None:
        # A path is killed again only after it completed a run since its last kill: kills
        # every second or so, yet a slow machine still proves that each path finishes.
        done_at_kill = {SQL_APP: -1, CLI_APP: -1}
        counter = {SQL_APP: "run_all", CLI_APP: "cli"}
        with psycopg.connect(url, autocommit=True) as conn:
            while not stop.is_set():
                time.sleep(random.uniform(0.5, 2.0))
                for app in random.sample(list(done_at_kill), 2):
                    if stats[counter[app]] > done_at_kill[app]:
                        killed = conn.execute(
                            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                            " WHERE application_name = %s AND state = 'active' AND pid <> pg_backend_pid()", (app,)).fetchone()[0]
                        if killed:
                            stats["killed"] += killed
                            done_at_kill[app] = stats[counter[app]]
                            break

    def lock_holder() -> None:
        with psycopg.connect(url, autocommit=False) as conn:
            while not stop.is_set():
                conn.execute("SELECT count(*) FROM exchange.market_snapshots").fetchone()  # ACCESS SHARE, held
                time.sleep(random.uniform(0.5, 3.0))
                conn.rollback()
                stats["lock_holds"] += 1
                time.sleep(1.0)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    threads += [threading.Thread(target=f) for f in (sql_maintenance, cli_maintenance, killer, lock_holder)]
    for t in threads:
        t.start()
    time.sleep(SECONDS)
    stop.set()
    for t in threads:
        t.join(timeout=300)

    assert writer_errors == [], writer_errors
    assert maint_errors == [], maint_errors
    assert stats["run_all"] > 0 and stats["cli"] > 0 and stats["killed"] > 0, stats

    # A large rescue, cut by an immediate stop while it copies the rows out of the default
    # partition (the long part of an online rescue; the parent's lock is held milliseconds).
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
            # Day + 30: writers stop at + 25, so no partition exists for it yet.
            " SELECT 'crash-' || g, 'CRASH', (date_trunc('day', now() AT TIME ZONE 'UTC') + interval '30 days') AT TIME ZONE 'UTC'"
            "        + g * interval '10 ms', 50, 50, 1, 'no'"
            "   FROM generate_series(1, %s) AS g", (RESCUE_ROWS,))
    # The copy has begun when the run holds a lock on a table no other session can see yet:
    # the day's stage, made in its transaction.
    stop_during_copy(srv, url, "run_maintenance_for", "the rescue")

    # Final runs until nothing waits in a default partition (the bounds may defer work).
    for _ in range(5):
        result = subprocess.run([sys.executable, "-m", "marketdb.cli", "maintain", "--json"], capture_output=True, text=True,
                                env=dict(os.environ, DATABASE_URL=url), cwd=PROJECT, timeout=600)
        assert result.returncode == 0, result.stderr
        with psycopg.connect(url) as conn:
            waiting = conn.execute("SELECT (SELECT count(*) FROM exchange.trades_default) + (SELECT count(*) FROM exchange.market_snapshots_default)").fetchone()[0]
        if waiting == 0:
            break
    with psycopg.connect(url) as conn:
        def one(sql: str, *params):
            return conn.execute(sql, params).fetchone()[0]
        assert waiting == 0, "rows still wait in a default partition after the final runs"
        ids = list(committed)
        conn.execute("CREATE TEMP TABLE committed_ids (trade_id text PRIMARY KEY)")
        with conn.cursor().copy("COPY committed_ids (trade_id) FROM STDIN") as copy:
            for trade_id in ids:
                copy.write_row((trade_id,))
        assert one("SELECT count(*) FROM exchange.trades t JOIN committed_ids c USING (trade_id)") == len(ids), "a committed trade is missing"
        assert one("SELECT count(*) FROM exchange.trades WHERE trade_id LIKE 't%%'") == len(ids), "a trade is stored twice or uncommitted"
        assert one("SELECT count(*) FROM exchange.market_snapshots WHERE ticker LIKE 'S_'") == snapshots_committed[0]
        assert one("SELECT count(*) FROM exchange.trades WHERE trade_id LIKE 'crash-%%'") == RESCUE_ROWS, "the crashed rescue lost or doubled rows"
        assert one("SELECT count(*) FROM exchange.trades t WHERE t.tableoid::regclass::text NOT IN ("
                   " 'exchange.trades_p' || to_char(t.ts AT TIME ZONE 'UTC', 'YYYYMMDD'),"
                   " 'exchange.trades_p' || to_char(t.ts AT TIME ZONE 'UTC', 'YYYYMM'))") == 0, "a trade is outside its day's (or month's) partition"
        assert one("SELECT count(*) FROM maintenance.run_log WHERE finished_at IS NULL OR status = 'running'") == 0, "a run_log row never finished"
        merged = one("SELECT count(*) FROM maintenance.run_log, jsonb_array_elements(actions) AS a WHERE a ->> 'action' = 'compact'")
        assert merged >= 1 and one("SELECT count(*) FROM maintenance.partitions_of('exchange.trades') WHERE lower_bound = %s"
                                   " AND upper_bound = %s::timestamptz + interval '1 month'", MONTH_BEFORE_LAST, MONTH_BEFORE_LAST) == 1, \
            "the month before last was not merged"
    print(f"torture: {SECONDS} s, {len(ids)} trades and {snapshots_committed[0]} snapshots committed, {stats}, {merged} months merged, "
          f"then an immediate stop during a {RESCUE_ROWS}-row rescue")


def test_an_immediate_stop_in_the_middle_of_a_merge_loses_nothing(cluster):
    """A month's merge cut by an immediate server stop while it copies the days into the
    month: after the restart the days are as they were, their captures still log, and the
    next run merges the month with every row once, rows written after the crash included."""
    srv, url = cluster
    month = datetime(MONTH_BEFORE_LAST.year - (MONTH_BEFORE_LAST.month == 1), (MONTH_BEFORE_LAST.month - 2) % 12 + 1, 1, tzinfo=timezone.utc)
    end = datetime(MONTH_BEFORE_LAST.year, MONTH_BEFORE_LAST.month, 1, tzinfo=timezone.utc)
    days = (end - month).days

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "marketdb.cli", *args], capture_output=True, text=True,
                              env=dict(os.environ, DATABASE_URL=url), cwd=PROJECT, timeout=600)

    with psycopg.connect(url, autocommit=True) as conn:
        # The month's days first, daily (compaction off meanwhile).
        conn.execute("SELECT maintenance.set_compaction('exchange.trades', NULL)")
        conn.execute("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                     " SELECT 'merge-' || g, 'MERGE', %s::timestamptz + (g %% %s) * interval '1 day' + g * interval '1 ms', 50, 50, 1, 'no'"
                     "   FROM generate_series(1, %s) AS g", (month, days, RESCUE_ROWS))
    result = cli("maintain", "--table", "exchange.trades")
    assert result.returncode == 0, result.stdout + result.stderr
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT maintenance.set_compaction('exchange.trades', interval '1 day')")
        step = conn.execute("SELECT action FROM maintenance.compact_for('exchange.trades')").fetchall()
        assert step == [("capture",)], step

        def month_state() -> tuple[int, int, int]:
            return conn.execute(
                "SELECT count(*) FILTER (WHERE p.upper_bound - p.lower_bound = interval '1 day'),"
                "       count(*) FILTER (WHERE p.upper_bound - p.lower_bound > interval '1 day'),"
                "       count(t.tgrelid)"
                "  FROM maintenance.partitions_of('exchange.trades') AS p"
                "  LEFT JOIN pg_trigger AS t ON t.tgrelid = p.partition AND t.tgname = 'marketdb_rescue_capture'"
                " WHERE p.lower_bound >= %s AND p.upper_bound <= %s", (month, end)).fetchone()

        assert month_state() == (days, 0, days)

    # The copy has begun when compact_for holds a lock on a table no other session can see
    # yet: the month, made in its transaction.
    stop_during_copy(srv, url, "compact_for", "the merge")

    with psycopg.connect(url, autocommit=True) as conn:
        assert month_state() == (days, 0, days), "the days, or their captures, changed in the crash"
        assert conn.execute("SELECT count(*) FROM exchange.trades WHERE ticker = 'MERGE'").fetchone()[0] == RESCUE_ROWS
        # Written after the crash, before the merge: captured, and merged with the rest.
        conn.execute("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                     " SELECT 'merge-late-' || g, 'MERGE', %s::timestamptz + g * interval '1 hour', 50, 50, 1, 'no'"
                     "   FROM generate_series(1, 100) AS g", (month,))
    result = cli("maintain", "--table", "exchange.trades", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    with psycopg.connect(url, autocommit=True) as conn:
        assert month_state() == (0, 1, 0), "the month was not merged after the crash"
        assert conn.execute("SELECT count(*), count(DISTINCT trade_id) FROM exchange.trades WHERE ticker = 'MERGE'").fetchone() == \
            (RESCUE_ROWS + 100, RESCUE_ROWS + 100)
        assert conn.execute("SELECT count(*) FROM exchange.trades WHERE ticker = 'MERGE' AND tableoid <> %s::regclass",
                            (f"exchange.trades_p{month:%Y%m}",)).fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM maintenance.run_log WHERE finished_at IS NULL AND started_at > now() - interval '10 minutes'"
                            "   AND parent_table = 'exchange.trades'").fetchone()[0] == 0  # the crashed merge rolled its row back


def stop_during_copy(srv, url: str, function: str, what: str) -> None:
    """Runs `marketdb maintain --table exchange.trades` and stops the server immediately once
    a call of `function` holds ACCESS EXCLUSIVE on a relation no other session can see yet
    (what it is building), then starts it again."""
    outcome: list[subprocess.CompletedProcess[str]] = []
    run = threading.Thread(target=lambda: outcome.append(subprocess.run(
        [sys.executable, "-m", "marketdb.cli", "maintain", "--table", "exchange.trades"],
        capture_output=True, text=True, env=dict(os.environ, DATABASE_URL=url), cwd=PROJECT, timeout=300)))
    run.start()
    deadline = time.monotonic() + 60
    with psycopg.connect(url, autocommit=True) as conn:
        while not conn.execute(
                "SELECT EXISTS (SELECT FROM pg_locks AS l WHERE l.locktype = 'relation' AND l.database = ("
                "SELECT oid FROM pg_database WHERE datname = current_database())"
                " AND l.mode = 'AccessExclusiveLock' AND l.granted AND NOT EXISTS (SELECT FROM pg_class AS c WHERE c.oid = l.relation)"
                " AND l.pid IN (SELECT a.pid FROM pg_stat_activity AS a WHERE a.query LIKE %s))", (f"%{function}%",)).fetchone()[0]:
            assert time.monotonic() < deadline and not outcome, f"{what} never began its copy: {outcome}"
            time.sleep(0.005)
        time.sleep(0.1)
        assert not outcome, f"{what} ended before the stop: {outcome}"
    localdb.down(srv.port, mode="immediate")
    run.join(timeout=120)
    localdb.up(srv.port)
