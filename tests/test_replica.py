"""A streaming hot standby of a throwaway primary, made by `marketdb db replica up`: a deploy
and every kind of maintenance replay; readers on the standby during maintenance get right
answers or the documented cancellation; maintain and deploy refuse a standby (exit 2),
status works there."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone

import psycopg
import pytest

from conftest import PROJECT, free_port, needs_private_server
from marketdb import db, doctor, localdb, replication, schedule, standby

pytestmark = needs_private_server

TABLES = {"exchange.trades": "trade_id, ts", "exchange.orderbook_deltas": "ticker, seq, ts", "exchange.market_snapshots": "ticker, ts"}


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "marketdb.cli", *args], capture_output=True, text=True, env=env, cwd=PROJECT, timeout=600)


@pytest.fixture(scope="module")
def pair():
    port, replica_port = free_port(), free_port()
    while replica_port == port:
        replica_port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(MARKETDB_PORT=str(port), MARKETDB_REPLICA_PORT=str(replica_port))
    with localdb.temporary_server(port) as srv:
        db.create_database(srv.url("postgres"), "marketdb")
        try:
            made = run(env, "db", "replica", "up")
            assert made.returncode == 0, made.stderr
            yield env, srv.url("marketdb"), localdb.server(replica_port).url("marketdb")
        finally:
            standby.replica_down(replica_port, port)


def fingerprint(url: str) -> dict:
    """What a reader can ask of the exchange tables and of maintenance: rows (count and a hash
    of the keys), partitions with their bounds, policy state, run log."""
    out = {}
    with psycopg.connect(url) as conn:
        for table, key in TABLES.items():
            out[table] = conn.execute(f"SELECT count(*), md5(coalesce(string_agg(({key})::text, ',' ORDER BY {key}), '')) FROM {table}").fetchone()
            out[table + " partitions"] = conn.execute(
                "SELECT array_agg(partition_name || ' ' || coalesce(lower_bound::text, 'default') ORDER BY partition_name)"
                "  FROM maintenance.partitions_of(%s)", (table,)).fetchone()[0]
        out["policy"] = conn.execute("SELECT array_agg((parent_table, last_outcome, last_success_at)::text ORDER BY parent_table)"
                                     "  FROM maintenance.policy").fetchone()[0]
        out["run_log"] = conn.execute("SELECT count(*), max(run_id) FROM maintenance.run_log").fetchone()
        out["sqitch"] = conn.execute("SELECT array_agg(change ORDER BY committed_at, change) FROM sqitch.changes").fetchone()[0]
    return out


def test_deploy_and_maintenance_replay_and_readers_on_the_standby_agree(pair):
    env, primary, standby = pair
    deployed = run(env, "deploy")
    assert deployed.returncode == 0, deployed.stderr
    # A deploy that changes something first makes a restore point to recover to (a superuser here).
    assert re.search(r"marketdb: restore point marketdb-core\.extensions-\d{8}T\d{6}Z at [0-9A-F]+/[0-9A-F]+: to undo this deploy",
                     deployed.stderr), deployed.stderr
    replication.wait_for_standby(primary, standby)
    assert fingerprint(standby) == fingerprint(primary), "the deploy did not replay"
    assert len(fingerprint(standby)["sqitch"]) > 50

    today = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    month = datetime(today.year - (today.month <= 3), (today.month - 4) % 12 + 1, 1, tzinfo=timezone.utc)
    with psycopg.connect(primary, autocommit=True) as conn:
        # Today's rows; late rows for day + 20 (default partition: rescued); a month three
        # months back (rescued, then merged); deltas for a day retention detaches (below);
        # snapshots for a day past retention (discarded from the default partition).
        conn.execute("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                     " SELECT 'r-' || g, 'T' || g %% 5, %s::timestamptz + g * interval '1 second', 50, 50, 1, 'yes'"
                     "   FROM generate_series(1, 2000) AS g", (today,))
        conn.execute("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                     " SELECT 'late-' || g, 'L', %s::timestamptz + g * interval '1 second', 50, 50, 1, 'yes'"
                     "   FROM generate_series(1, 20000) AS g", (today + timedelta(days=20),))
        conn.execute("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                     " SELECT 'old-' || g, 'M', %s::timestamptz + g * interval '2 minutes', 50, 50, 1, 'yes'"
                     "   FROM generate_series(1, 20000) AS g", (month,))
        conn.execute("INSERT INTO exchange.orderbook_deltas (ticker, seq, ts, side, price, delta)"
                     " SELECT 'D', g, %s::timestamptz + g * interval '1 second', 'yes', 50, 1 FROM generate_series(1, 1000) AS g",
                     (today - timedelta(days=80),))
        # (Retention never removes the newest partition holding a row: today's hold some.)
        conn.execute("INSERT INTO exchange.orderbook_deltas (ticker, seq, ts, side, price, delta)"
                     " SELECT 'E', g, %s::timestamptz + g * interval '1 second', 'no', 50, 1 FROM generate_series(1, 100) AS g", (today,))
        conn.execute("INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask)"
                     " SELECT 'S' || g, %s::timestamptz + g * interval '1 second', 40, 41 FROM generate_series(1, 500) AS g",
                     (today - timedelta(days=200),))
        conn.execute("INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask)"
                     " SELECT 'N' || g, %s::timestamptz + g * interval '1 second', 40, 41 FROM generate_series(1, 500) AS g",
                     (today + timedelta(days=20),))
    replication.wait_for_standby(primary, standby)

    # Readers on the standby while the primary maintains: each answer is one the primary
    # committed (no row twice), or the documented cancellation (40001) when replay could not
    # wait longer for it. Lag sampled on the primary meanwhile.
    stop = threading.Event()
    reads, errors, cancelled, lag = {"n": 0}, [], [], {"bytes": 0, "seconds": 0.0}

    def reader() -> None:
        with psycopg.connect(standby, autocommit=True) as conn:
            while not stop.is_set():
                try:
                    n, distinct = conn.execute("SELECT count(*), count(DISTINCT trade_id) FROM exchange.trades").fetchone()
                    if n != distinct:
                        errors.append(f"a row read twice: {n} rows, {distinct} distinct")
                    reads["n"] += 1
                except psycopg.Error as exc:
                    (cancelled if exc.sqlstate == "40001" else errors).append(f"{exc.sqlstate}: {exc}")

    def sampler() -> None:
        with psycopg.connect(primary, autocommit=True) as conn:
            while not stop.is_set():
                row = conn.execute("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint,"
                                   "       extract(epoch FROM replay_lag)::float8 FROM pg_stat_replication").fetchone()
                if row:
                    lag["bytes"] = max(lag["bytes"], row[0] or 0)
                    lag["seconds"] = max(lag["seconds"], row[1] or 0.0)
                time.sleep(0.02)

    threads = [threading.Thread(target=reader), threading.Thread(target=sampler)]
    for t in threads:
        t.start()
    maintained = run(env, "maintain", "--json")
    stop.set()
    for t in threads:
        t.join(timeout=60)
    assert maintained.returncode == 0, maintained.stdout + maintained.stderr
    actions = {a for a in ('"rescue"', '"compact"', '"discard"', '"create"') if a in maintained.stdout}
    assert actions == {'"rescue"', '"compact"', '"discard"', '"create"'}, maintained.stdout
    assert errors == [] and reads["n"] > 0, errors
    replication.wait_for_standby(primary, standby)
    assert fingerprint(standby) == fingerprint(primary), "the standby's answers differ from the primary's after catching up"
    with psycopg.connect(standby) as conn:
        assert conn.execute("SELECT count(*) FROM maintenance.partitions_of('exchange.trades')"
                            " WHERE lower_bound = %s AND upper_bound = %s::timestamptz + interval '1 month'", (month, month)).fetchone()[0] == 1
    print(f"standby: {reads['n']} reads during maintenance, {len(cancelled)} cancelled; max lag {lag['bytes']:,} bytes, {lag['seconds']:.3f} s")

    # Retention's detach (the owner's path at a reference time 12 days on): replays too; the
    # detached partition keeps its rows on both.
    with psycopg.connect(primary, autocommit=True) as conn:
        detached = conn.execute(
            "SELECT action, partition_name, detail FROM maintenance.run_policies(ARRAY['exchange.orderbook_deltas'], 'exchange.orderbook_deltas',"
            "                                                    now() + interval '12 days', false, NULL)").fetchall()
    assert ("detach", f"orderbook_deltas_p{today - timedelta(days=80):%Y%m%d}") in [d[:2] for d in detached], detached
    replication.wait_for_standby(primary, standby)
    assert fingerprint(standby) == fingerprint(primary)


def test_pg_cron_runs_the_maintenance_job_on_the_primary_and_nothing_on_the_standby(pair):
    # Both servers preload pg_cron (the standby has the primary's settings) and the standby
    # replays the job's definition; its scheduler waits while the server is in recovery.
    env, primary, standby_url = pair
    standby_log = localdb.server(int(env["MARKETDB_REPLICA_PORT"])).log
    primary_log = localdb.server(int(env["MARKETDB_PORT"])).log
    seen = standby_log.read_text()
    schedule.install(primary, "1 seconds")
    try:
        deadline = time.monotonic() + 30
        with psycopg.connect(db.with_dbname(primary, "postgres"), autocommit=True) as conn:
            while conn.execute("SELECT count(*) FROM cron.job_run_details WHERE status = 'succeeded'").fetchone()[0] < 2:
                assert time.monotonic() < deadline, "the job never ran on the primary"
                time.sleep(0.2)
        replication.wait_for_standby(primary, standby_url)
        time.sleep(1.5)  # a second and more of the standby's scheduler with the job in its catalog
        with psycopg.connect(db.with_dbname(standby_url, "postgres")) as conn:
            assert conn.execute("SELECT count(*) FROM cron.job WHERE jobname = %s", (schedule.JOB,)).fetchone()[0] == 1
            on_standby = {r[0] for r in conn.execute("SELECT runid FROM cron.job_run_details")}
        with psycopg.connect(db.with_dbname(primary, "postgres")) as conn:
            on_primary = {r[0] for r in conn.execute("SELECT runid FROM cron.job_run_details")}
        assert on_standby and on_standby <= on_primary  # every run it shows is one the primary made
        assert "cron job" in primary_log.read_text()  # pg_cron logs each start where it runs one
        # Nothing of pg_cron's: a job started there, or failing (read only), would be logged.
        new = [line for line in standby_log.read_text()[len(seen):].splitlines()
               if "cron" in line.lower() or "run_all" in line]
        assert new == [], new
        found = {f.check: f for f in doctor.run(standby_url)}
        assert found["pg_cron"].status == "ok" and "the primary runs it" in found["pg_cron"].advice, found["pg_cron"]
        # The standby's lag as monitoring reads it (maintenance.standby_health): one standby,
        # its lag in bytes known; on the standby itself, none.
        with psycopg.connect(primary) as conn:
            assert conn.execute("SELECT count(*), bool_and(replay_lag_bytes IS NOT NULL) FROM maintenance.standby_health").fetchone() == (1, True)
        with psycopg.connect(standby_url) as conn:
            assert conn.execute("SELECT count(*) FROM maintenance.standby_health").fetchone()[0] == 0
    finally:
        schedule.remove(primary)


def test_a_standby_read_that_holds_replay_back_is_cancelled_after_the_delay(pair):
    env, primary, standby = pair
    def lock_conflicts() -> int:
        with psycopg.connect(standby, autocommit=True) as conn:
            return conn.execute("SELECT confl_lock FROM pg_stat_database_conflicts WHERE datname = current_database()").fetchone()[0]

    with psycopg.connect(standby, autocommit=True) as conn:
        conn.execute("ALTER SYSTEM SET max_standby_streaming_delay = '2s'")
        conn.execute("SELECT pg_reload_conf()")
    before = lock_conflicts()
    try:
        with psycopg.connect(standby) as reader:
            reader.execute("SELECT count(*) FROM exchange.market_snapshots").fetchone()  # holds ACCESS SHARE until it ends
            with psycopg.connect(primary, autocommit=True) as conn:
                conn.execute("INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask)"
                             " VALUES ('X', now() + interval '25 days', 40, 41)")
            maintained = run(env, "maintain", "--table", "exchange.market_snapshots")
            assert maintained.returncode == 0, maintained.stderr
            time.sleep(4)
            with pytest.raises(psycopg.Error) as caught:
                reader.execute("SELECT count(*) FROM exchange.market_snapshots").fetchone()
        # Idle in its transaction, the reader's session is ended (FATAL, SQLSTATE 40001:
        # "terminating connection due to conflict with recovery"); a running query would get
        # the same as an ERROR. The standby counts it.
        assert caught.value.sqlstate in ("40001", None), caught.value
        assert lock_conflicts() == before + 1
        replication.wait_for_standby(primary, standby)
        assert fingerprint(standby) == fingerprint(primary)
    finally:
        with psycopg.connect(standby, autocommit=True) as conn:
            conn.execute("ALTER SYSTEM RESET max_standby_streaming_delay")
            conn.execute("SELECT pg_reload_conf()")


def test_maintain_and_deploy_refuse_a_standby_and_status_works_there(pair):
    env, primary, standby = pair
    on_standby = dict(env, DATABASE_URL=standby)
    for args in (("maintain",), ("deploy",)):
        result = run(on_standby, *args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert "is a hot standby" in result.stderr and "primary" in result.stderr
    checked = run(on_standby, "doctor", "--json")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert '"hot standby"' in checked.stdout and "run them on the primary" in checked.stdout
    status = run(on_standby, "status", "--json")
    assert status.returncode == 0, status.stderr
    assert '"exchange.trades"' in status.stdout
    state = run(env, "db", "replica", "status")
    assert state.returncode == 0 and "streaming:" in state.stdout and "True" in state.stdout, state.stdout + state.stderr
    # With DATABASE_URL, marketdb makes no standby and says where to read how.
    refused = run(on_standby, "db", "replica", "up")
    assert refused.returncode == 2 and "When one server is not enough" in refused.stderr


def test_replica_down_removes_the_standby_and_its_slot(pair):
    env, primary, standby = pair
    down = run(env, "db", "replica", "down")
    assert down.returncode == 0, down.stderr
    assert run(env, "db", "replica", "status").returncode == 3
    with psycopg.connect(primary) as conn:
        assert conn.execute("SELECT count(*) FROM pg_replication_slots").fetchone()[0] == 0
    again = run(env, "db", "replica", "up")
    assert again.returncode == 0, again.stderr
    replication.wait_for_standby(primary, standby)
    assert fingerprint(standby) == fingerprint(primary)


@pytest.mark.parametrize("value", ["abc", "80", "70000"])
def test_a_bad_replica_port_is_refused_naming_the_setting(value):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["MARKETDB_REPLICA_PORT"] = value
    result = run(env, "db", "replica", "status")
    assert result.returncode == 2 and "MARKETDB_REPLICA_PORT" in result.stderr, result.stderr


def test_the_replica_port_may_not_be_the_servers():
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(MARKETDB_PORT="54400", MARKETDB_REPLICA_PORT="54400")
    result = run(env, "db", "replica", "up")
    assert result.returncode == 2 and "other than MARKETDB_PORT" in result.stderr, result.stderr
