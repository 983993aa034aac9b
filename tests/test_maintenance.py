"""Partition maintenance against a real server: concurrency, lock timeouts, and the CLI."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone

import psycopg
import psycopg.conninfo
import psycopg.sql
import pytest

from conftest import PROJECT, _cleanup
from marketdb import db, harness


@pytest.fixture(scope="module")
def maint_url(server_url):
    """A deployed database of this module's own: these tests change partitions for real."""
    url = harness.create_test_database(server_url, "maint", pgtap=False)
    try:
        harness.deploy(PROJECT, url)
        yield url
    finally:
        _cleanup(url)


def cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DATABASE_URL=url)
    return subprocess.run([sys.executable, "-m", "marketdb.cli", *args], capture_output=True, text=True, env=env, cwd=PROJECT, timeout=120)


def count(url: str, sql: str, params=()) -> int:
    with db.connect(url) as conn:
        return conn.execute(sql, params).fetchone()[0]


# Every table in the maintenance registry after a full deploy.
MANAGED = {
    "exchange.market_snapshots", "exchange.orderbook_deltas", "exchange.trades",
    "onchain.price_snapshots", "onchain.orderbook_snapshots", "onchain.trades",
    "crypto.candles_1m", "crypto.trades", "crypto.oi_snapshots", "crypto.funding",
    "macro.market_data", "macro.macro_series", "macro.curves", "macro.flow_data", "macro.fiscal_data",
    "macro.vol_surfaces", "macro.signals", "equities.market_data",
}

# --------------------------------------------------------------------------- concurrency

WRITERS = 4
MAINTAINERS = 4
ROWS_PER_WRITER = 2_000
BATCH = 50


def test_concurrent_maintenance_and_writers_lose_and_duplicate_nothing(maint_url):
    """4 maintenance callers and 4 writers at once, rows spread over days with and without
    partitions (beyond premake, and long past): no error anywhere, every row stored once,
    and the default partition empty after a final run."""
    today = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    errors: list[str] = []
    skips: list[str] = []
    rescued: list[int] = []
    writers_done = threading.Event()

    def writer(n: int) -> None:
        rng = random.Random(n)
        try:
            with psycopg.connect(maint_url, autocommit=False) as conn:
                for start in range(0, ROWS_PER_WRITER, BATCH):
                    rows = []
                    for i in range(start, start + BATCH):
                        # -20 .. +20 days: partitions exist only for -1 .. +7 at first.
                        ts = today + timedelta(days=rng.randint(-20, 20), seconds=rng.randint(0, 86_399))
                        yes = rng.randint(1, 99)
                        rows.append((f"w{n}-{i}", f"T{rng.randint(1, 5)}", ts, yes, 100 - yes, rng.randint(1, 9), rng.choice(["yes", "no"])))
                    with conn.cursor() as cur:
                        cur.executemany(
                            "INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                            " VALUES (%s, %s, %s, %s, %s, %s, %s)", rows)
                    conn.commit()
        except Exception as exc:  # noqa: BLE001 - every failure is the finding
            errors.append(f"writer {n}: {exc!r}")

    def maintainer(n: int) -> None:
        try:
            with psycopg.connect(maint_url, autocommit=True) as conn:
                while not writers_done.is_set():
                    reference = today + timedelta(hours=random.Random(n).randint(0, 48))
                    rows = conn.execute(
                        "SELECT action, detail, rows_moved FROM maintenance.run_maintenance_for('exchange.trades', %s)" if n % 2
                        else "SELECT action, detail, rows_moved FROM maintenance.run_maintenance(%s)",
                        (reference,)).fetchall()
                    for action, detail, moved in rows:
                        if action == "rescue":
                            rescued.append(moved)
                        if action == "error":
                            errors.append(f"maintainer {n}: {detail}")
                        if action == "skip":
                            skips.append(detail)
                    time.sleep(0.01)
        except Exception as exc:  # noqa: BLE001
            errors.append(f"maintainer {n}: {exc!r}")

    threads = [threading.Thread(target=maintainer, args=(n,)) for n in range(MAINTAINERS)]
    writer_threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for t in threads + writer_threads:
        t.start()
    for t in writer_threads:
        t.join(timeout=300)
    writers_done.set()
    for t in threads:
        t.join(timeout=60)

    assert errors == []
    # The test is only worth something if maintenance really moved rows while writers wrote.
    assert sum(rescued) > 0
    final = cli(maint_url, "maintain", "--table", "exchange.trades", "--json")
    assert final.returncode == 0, final.stderr
    expected = WRITERS * ROWS_PER_WRITER
    assert count(maint_url, "SELECT count(*) FROM exchange.trades WHERE trade_id LIKE 'w%%'") == expected
    assert count(maint_url, "SELECT count(DISTINCT trade_id) FROM exchange.trades WHERE trade_id LIKE 'w%%'") == expected
    assert count(maint_url, "SELECT count(*) FROM exchange.trades_default") == 0
    # Each row sits in the partition of its own UTC day.
    assert count(maint_url, """
        SELECT count(*) FROM exchange.trades t
          JOIN maintenance.partitions_of('exchange.trades') p ON p.partition = t.tableoid
         WHERE NOT (t.ts >= p.lower_bound AND t.ts < p.upper_bound)""") == 0
    print(f"{sum(rescued)} rows rescued concurrently; {len(skips)} calls skipped a table another call held")


# --------------------------------------------------------------------------- locks


def test_a_second_concurrent_run_skips_the_table_visibly(maint_url):
    with psycopg.connect(maint_url) as first, psycopg.connect(maint_url, autocommit=True) as second:
        first.execute("SELECT * FROM maintenance.run_maintenance_for('exchange.market_snapshots')").fetchall()
        # first's transaction is still open: it holds the table's advisory lock.
        rows = second.execute("SELECT action, detail FROM maintenance.run_maintenance_for('exchange.market_snapshots')").fetchall()
        first.rollback()
    assert rows == [("skip", "another maintenance run is working on this table; skipped")]


def test_lock_timeout_is_reported_and_changes_nothing_and_writers_proceed(maint_url):
    future = datetime.now(timezone.utc) + timedelta(days=60)  # needs new partitions
    before = count(maint_url, "SELECT count(*) FROM maintenance.partitions_of('exchange.orderbook_deltas')")
    with psycopg.connect(maint_url) as reader:
        # A long-running reader holds ACCESS SHARE on the table.
        reader.execute("SELECT count(*) FROM exchange.orderbook_deltas").fetchone()
        result = cli(maint_url, "maintain", "--table", "exchange.orderbook_deltas", "--now", future.isoformat(), "--json")
        # A writer queued behind the maintenance lock request gets through once it gives up.
        with psycopg.connect(maint_url, autocommit=True) as writer:
            writer.execute("INSERT INTO exchange.orderbook_deltas (ticker, ts, seq, side, price, delta) VALUES ('L', now(), 1, 'yes', 50, 1)")
        reader.rollback()
    assert result.returncode == 1, result.stdout + result.stderr
    payload = json.loads(result.stdout)
    assert payload["status"] == "partial"
    assert [a["action"] for a in payload["actions"]] == ["lock_timeout"]
    assert "within lock_timeout" in payload["actions"][0]["detail"]
    assert count(maint_url, "SELECT count(*) FROM maintenance.partitions_of('exchange.orderbook_deltas')") == before
    assert count(maint_url, "SELECT count(*) FROM exchange.orderbook_deltas WHERE ticker = 'L'") == 1
    assert count(maint_url, "SELECT count(*) FROM maintenance.run_log WHERE status = 'partial'") >= 1


def test_hypertable_retention_behind_a_reader_reports_lock_timeout_and_drops_nothing(maint_url):
    with psycopg.connect(maint_url, autocommit=True) as conn:
        conn.execute("INSERT INTO crypto.funding (symbol, ts, rate) VALUES ('LCK', now() - interval '800 days', 0.0001),"
                     " ('LCK', now(), 0.0001)")
    with psycopg.connect(maint_url) as reader:
        reader.execute("SELECT count(*) FROM crypto.funding").fetchone()  # ACCESS SHARE on every chunk
        result = cli(maint_url, "maintain", "--table", "crypto.funding", "--json")
        reader.rollback()
    assert result.returncode == 1, result.stdout + result.stderr
    assert [a["action"] for a in json.loads(result.stdout)["actions"]] == ["lock_timeout"]
    assert count(maint_url, "SELECT count(*) FROM crypto.funding WHERE symbol = 'LCK'") == 2
    # Once the reader is gone the same run goes through.
    again = json.loads(cli(maint_url, "maintain", "--table", "crypto.funding", "--json").stdout)
    assert [(a["action"], a["rows_moved"]) for a in again["actions"]] == [("drop", 1)]


# --------------------------------------------------------------------------- the CLI


def test_cli_dry_run_prints_a_table_of_actions_and_changes_nothing(maint_url):
    before = count(maint_url, "SELECT count(*) FROM maintenance.partitions_of('exchange.trades')")
    future = (datetime.now(timezone.utc) + timedelta(days=30)).strftime("%Y-%m-%dT12:00:00Z")
    result = cli(maint_url, "maintain", "--dry-run", "--now", future)
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[0].split()
    assert header == ["parent_table", "action", "partition_name", "rows_moved", "detail"]
    assert "dry run: would create" in result.stdout
    assert {line.split()[0] for line in result.stdout.splitlines()[2:]} == MANAGED
    assert count(maint_url, "SELECT count(*) FROM maintenance.partitions_of('exchange.trades')") == before


def test_cli_json_shape_and_second_run_noop(maint_url):
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    first = cli(maint_url, "maintain", "--json", "--now", now)
    assert first.returncode == 0, first.stderr
    payload = json.loads(first.stdout)
    assert set(payload) == {"reference_time", "dry_run", "status", "actions"}
    assert payload["dry_run"] is False and payload["status"] in {"ok", "noop"}
    for action in payload["actions"]:
        assert set(action) == {"parent_table", "action", "partition_name", "rows_moved", "detail"}
    second = json.loads(cli(maint_url, "maintain", "--json", "--now", now).stdout)
    assert second["status"] == "noop"
    assert [a["action"] for a in second["actions"]] == ["noop"] * len(MANAGED)


def test_cli_premake_creates_further_ahead(maint_url):
    result = cli(maint_url, "maintain", "--table", "exchange.market_snapshots", "--premake", "20", "--json")
    assert result.returncode == 0, result.stderr
    day20 = (datetime.now(timezone.utc) + timedelta(days=20)).strftime("%Y%m%d")
    names = [a["partition_name"] for a in json.loads(result.stdout)["actions"]]
    assert f"market_snapshots_p{day20}" in names


def test_cli_runs_as_a_login_granted_only_the_maintainer_role(maint_url):
    role = f"maint_cli_{os.getpid()}"
    with db.connect(maint_url) as conn:
        conn.execute(psycopg.sql.SQL("CREATE ROLE {} LOGIN PASSWORD 'x' IN ROLE marketdb_maintainer").format(psycopg.sql.Identifier(role)))
    try:
        as_maintainer = psycopg.conninfo.make_conninfo(maint_url, user=role, password="x")
        result = cli(as_maintainer, "maintain", "--json")
        assert result.returncode == 0, result.stderr
        assert {a["parent_table"] for a in json.loads(result.stdout)["actions"]} == MANAGED
        assert cli(as_maintainer, "status").returncode == 0
    finally:
        with db.connect(maint_url) as conn:
            conn.execute(psycopg.sql.SQL("DROP ROLE {}").format(psycopg.sql.Identifier(role)))


@pytest.mark.parametrize(
    "args, message",
    [
        (["maintain", "--now", "yesterday"], "--now: 'yesterday' is not an ISO 8601 timestamp"),
        (["maintain", "--table", "exchange.nope"], 'p_parent_table: table "exchange.nope" does not exist'),
        (["maintain", "--table", "exchange.series"], "p_parent_table: exchange.series has no maintenance policy"),
        (["maintain", "--premake", "3"], "--premake applies to one table"),
        (["maintain", "--table", "exchange.trades", "--premake", "-1"], "--premake must be between 0 and 366"),
        (["maintain", "--bogus"], "unrecognized arguments: --bogus"),
    ],
    ids=["bad --now", "unknown table", "no policy", "premake without table", "negative premake", "unknown option"],
)
def test_cli_bad_arguments_exit_2_naming_the_argument(maint_url, args, message):
    result = cli(maint_url, *args)
    assert result.returncode == 2
    assert message in result.stderr


def test_cli_database_failure_exits_1_with_the_error(maint_url):
    unreachable = db.with_dbname(maint_url, "marketdb_no_such_database")
    result = cli(unreachable, "maintain")
    assert result.returncode == 1
    assert "marketdb_no_such_database" in result.stderr


def test_cli_status_lists_every_managed_table(maint_url):
    result = cli(maint_url, "status", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    rows = {r["parent_table"]: r for r in payload["tables"]}
    assert set(rows) == MANAGED
    assert rows["exchange.market_snapshots"]["retention"] == "180 days"
    assert rows["exchange.trades"]["rows_in_default"] == 0
    # Hypertables: chunk counts and cut-offs, no default partition.
    assert rows["crypto.trades"]["kind"] == "hypertable"
    assert rows["crypto.trades"]["retention"] == "30 days"
    assert rows["crypto.trades"]["rows_in_default"] is None
    assert rows["crypto.trades"]["next_retention_cutoff"] is not None
    assert rows["onchain.orderbook_snapshots"]["next_retention_cutoff"] is None
    table = cli(maint_url, "status")
    assert table.stdout.splitlines()[0].split()[:4] == ["parent_table", "kind", "enabled", "partitions"]
    assert "TimescaleDB jobs" in table.stdout


def test_cli_status_shows_timescaledb_jobs_and_their_failures(maint_url):
    with db.connect(maint_url) as conn:
        edition = conn.execute("SELECT maintenance.edition()").fetchone()[0]
    payload = json.loads(cli(maint_url, "status", "--json").stdout)
    jobs = {(j["proc_name"], j["target"]) for j in payload["timescaledb_jobs"]}
    if edition == "apache":
        assert jobs == set(), "the apache edition has no TimescaleDB policies"
        assert "none (the apache edition" in cli(maint_url, "status").stdout
        return
    # timescale: the two rollup refreshes and a compression policy per hypertable.
    assert {("policy_refresh_continuous_aggregate", "onchain.price_candles_1h"),
            ("policy_refresh_continuous_aggregate", "onchain.trade_volume_1h"),
            ("policy_compression", "crypto.trades")} <= jobs
    # A job whose last run failed (here one that always raises, run by the scheduler) is
    # named on stderr with its error; status still exits 0.
    with db.connect(maint_url) as conn:
        conn.execute("CREATE PROCEDURE public.status_test_failing_job(job_id integer, config jsonb) LANGUAGE plpgsql"
                     " AS $$ BEGIN RAISE EXCEPTION 'status test: this job always fails'; END $$")
        conn.execute("SET ROLE marketdb_owner")
        job_id = conn.execute("SELECT timescaledb.add_job('public.status_test_failing_job', '1 hour', initial_start => now())").fetchone()[0]
        conn.execute("RESET ROLE")
        try:
            deadline = time.monotonic() + 60
            while conn.execute("SELECT last_run_status FROM timescaledb_information.job_stats WHERE job_id = %s",
                               (job_id,)).fetchone() != ("Failed",):
                assert time.monotonic() < deadline, "TimescaleDB's scheduler never ran the failing job"
                time.sleep(0.5)
            result = cli(maint_url, "status")
        finally:
            conn.execute("SELECT timescaledb.delete_job(%s)", (job_id,))
            conn.execute("DROP PROCEDURE public.status_test_failing_job")
    assert result.returncode == 0
    assert f"TimescaleDB job {job_id}" in result.stderr
