"""Green at any hour: the clock-sensitive paths with the server's clock just before and after
00:00 and 12:00 UTC.

A throwaway cluster runs with libfaketime preloaded, reading its offset from a file, so the
test moves the server's clock (now(), clock_timestamp(), pg_partman's CURRENT_TIMESTAMP)
forward without touching the machine's. At each moment it runs, at the server's real time:
the SQL maintenance path (premake, rescue from the default partition, retention),
`marketdb maintain` without --now, and the benchmark's marketdb-vs-pg_partman maintenance
comparison. Each check is computed from the reference time the run itself logged, so a run
that crosses the boundary mid-way is judged by its own clock.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import psycopg
import pytest

from conftest import PROJECT, free_port, needs_private_server
from marketdb import bench, localdb, localdb_root

pytestmark = needs_private_server

# Days after today (real UTC) and the time of day the server's clock is set to, in order:
# the clock only moves forward.
MOMENTS = (
    (3, "11:59:50"),
    (3, "12:00:10"),
    (3, "23:59:50"),
    (4, "00:00:10"),
)
EXCHANGE = ("exchange.trades", "exchange.orderbook_deltas", "exchange.market_snapshots")
TINY = bench.Sizes(0, 0, 0, 0, 0, 0, 0, (30,), 2_000, 2)


class Clock:
    def __init__(self, srv: localdb.Server, offset_file: Path, url: str) -> None:
        self.srv, self.offset_file, self.url = srv, offset_file, url

    def set(self, target: datetime) -> datetime:
        """Moves the server's clock to target and returns the server's now() once it shows."""
        offset = round((target - datetime.now(timezone.utc)).total_seconds())
        # Atomically: a backend starting meanwhile must never read a half-written file.
        partial = self.offset_file.with_name(self.offset_file.name + ".partial")
        partial.write_text(f"{offset:+d}\n")
        partial.chmod(0o644)
        os.replace(partial, self.offset_file)
        deadline = time.monotonic() + 10
        while True:
            with psycopg.connect(self.url, autocommit=True) as conn:
                shown = conn.execute("SELECT clock_timestamp()").fetchone()[0]
            if target - timedelta(seconds=2) <= shown <= target + timedelta(seconds=5):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"the server's clock shows {shown}, not {target}: libfaketime is not working")
            time.sleep(0.2)


@pytest.fixture(scope="module")
def clock(deployed_seed):
    port = free_port()
    srv = localdb.server(port)
    inside = f"{localdb_root._server_home_root()}/faketime-{port}"
    offset_file = srv.root / inside.lstrip("/")
    offset_file.parent.mkdir(parents=True, exist_ok=True)
    offset_file.write_text("+0\n")
    offset_file.chmod(0o644)
    env = {
        "LD_PRELOAD": localdb_root.FAKETIME_LIB,
        "FAKETIME_TIMESTAMP_FILE": inside,
        # Re-read the offset every second; never fake the monotonic clock PostgreSQL's
        # timeouts run on.
        "FAKETIME_CACHE_DURATION": "1",
        "FAKETIME_DONT_FAKE_MONOTONIC": "1",
    }
    try:
        # The cluster is fed rows at odd times: never let a run fill the disk.
        with localdb.temporary_server(port, env=env, settings="temp_file_limit = '2GB'\n", seed=deployed_seed) as started:
            url = started.url("marketdb")  # the plan, deployed in the run's seed cluster
            yield Clock(started, offset_file, url)
    finally:
        offset_file.unlink(missing_ok=True)


def utc_day(ts: datetime) -> date:
    return ts.astimezone(timezone.utc).date()


def attached_days(conn, table: str) -> set[date]:
    rows = conn.execute(
        "SELECT substring(c.relname from '_p(\\d{8})$') FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
        " WHERE i.inhparent = %s::regclass AND c.relname ~ '_p\\d{8}$'", (table,)).fetchall()
    return {datetime.strptime(r[0], "%Y%m%d").date() for r in rows}


def insert_rows(conn) -> list[date]:
    """Rows at the server's now(): hot, beyond the premake horizon, a gap in the past, and
    deltas either side of the 90-day retention cut-off. Returns the deltas' days."""
    conn.execute(
        "INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
        " SELECT 'clock-' || g || '-' || md5(clock_timestamp()::text), 'CLOCK-T', now() + g * interval '1 day', 40, 60, 1, 'yes'"
        "   FROM unnest(ARRAY[0, 9, -30]) AS g")
    conn.execute(
        "INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask, volume, open_interest)"
        " VALUES ('CLOCK-S', now(), 40, 41, 1, 1), ('CLOCK-S', now() + interval '10 days', 40, 41, 1, 1)")
    days = conn.execute(
        "INSERT INTO exchange.orderbook_deltas (ticker, ts, seq, side, price, delta)"
        " SELECT 'CLOCK-D', ((now() AT TIME ZONE 'UTC')::date + k)::timestamp AT TIME ZONE 'UTC' + interval '12 hours', (extract(epoch FROM clock_timestamp()) * 1000)::bigint, 'yes', 40, 1"
        "   FROM generate_series(-92, -88) AS k"
        " RETURNING (ts AT TIME ZONE 'UTC')::date").fetchall()
    conn.execute("INSERT INTO exchange.orderbook_deltas (ticker, ts, seq, side, price, delta) VALUES ('CLOCK-D', now(), (extract(epoch FROM clock_timestamp()) * 1000)::bigint, 'yes', 40, 1)")
    return sorted(r[0] for r in days)


def check_run(conn, references: dict[str, datetime], delta_days: list[date]) -> None:
    """What each table's run must have left, judged by the reference time that run logged,
    whichever side of midnight or noon it ran."""
    for table in EXCHANGE:
        reference = references[table]
        today = utc_day(reference)
        missing = {today + timedelta(days=k) for k in range(8)} - attached_days(conn, table)
        assert not missing, f"{table}: no partition for {sorted(missing)} after a run at {reference}"
        in_default = conn.execute(f"SELECT count(*) FROM {table}_default").fetchone()[0]
        assert in_default == 0, f"{table}: {in_default} rows left in the default partition after a run at {reference}"
        # Its day's partition, or its month's once merged (exchange.trades: 3 days after it ends).
        misplaced = conn.execute(
            f"SELECT count(*) FROM {table} t"
            f" WHERE t.tableoid::regclass::text NOT IN (%s || to_char(t.ts AT TIME ZONE 'UTC', 'YYYYMMDD'),"
            f"                                          %s || to_char(t.ts AT TIME ZONE 'UTC', 'YYYYMM'))",
            (f"{table}_p", f"{table}_p")).fetchone()[0]
        assert misplaced == 0, f"{table}: {misplaced} rows outside the partition of their UTC day (or month)"
    cutoff = references["exchange.orderbook_deltas"] - timedelta(days=90)
    kept = attached_days(conn, "exchange.orderbook_deltas")
    for day in delta_days:
        wholly_older = datetime.combine(day + timedelta(days=1), datetime.min.time(), timezone.utc) <= cutoff
        assert (day not in kept) == wholly_older, (
            f"orderbook_deltas day {day}: {'still attached' if day in kept else 'detached'} after a run at {reference} "
            f"(retention 90 days: cut-off {cutoff})")


def references_since(conn, run_id: int) -> dict[str, datetime]:
    """Each exchange table's reference time in the runs logged after run_id."""
    rows = conn.execute("SELECT parent_table, max(reference_time) FROM maintenance.run_log"
                        " WHERE run_id > %s AND parent_table = ANY(%s) GROUP BY 1", (run_id, list(EXCHANGE))).fetchall()
    assert {r[0] for r in rows} == set(EXCHANGE), f"not every exchange table was maintained: {rows}"
    return dict(rows)


@pytest.mark.parametrize("days_ahead, clock_time", MOMENTS, ids=[f"day+{d}-{t}" for d, t in MOMENTS])
def test_maintenance_is_right_at_any_hour(clock, days_ahead, clock_time):
    day = datetime.now(timezone.utc).date() + timedelta(days=days_ahead)
    target = datetime.combine(day, datetime.strptime(clock_time, "%H:%M:%S").time(), timezone.utc)
    try:
        run_everything_at(clock, target)
    except (AssertionError, psycopg.Error, RuntimeError) as exc:
        raise AssertionError(f"{exc}\n\nlast lines of the server's log:\n{localdb_root._tail(clock.srv.log, 30)}") from exc


def run_everything_at(clock: Clock, target: datetime) -> None:
    clock.set(target)

    # The SQL path at the server's now(), twice: the second run judged by its own clock.
    with psycopg.connect(clock.url, autocommit=True) as conn:
        delta_days = insert_rows(conn)
        for attempt in (1, 2):
            before = conn.execute("SELECT max(run_id) FROM maintenance.run_log").fetchone()[0]
            conn.execute("CALL maintenance.run_all()")  # raises if a table was not maintained
            references = references_since(conn, before)
            for reference in references.values():
                assert abs(reference - target) < timedelta(minutes=2), f"run {attempt} ran at {reference}, not the server's clock"
            check_run(conn, references, delta_days)

    # marketdb maintain without --now: each table at the server's clock.
    with psycopg.connect(clock.url, autocommit=True) as conn:
        delta_days = insert_rows(conn)
        before = conn.execute("SELECT max(run_id) FROM maintenance.run_log").fetchone()[0]
    result = subprocess.run(
        [sys.executable, "-m", "marketdb.cli", "maintain", "--json"], capture_output=True, text=True, cwd=PROJECT,
        env={**os.environ, "DATABASE_URL": clock.url}, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["status"] in ("ok", "noop")
    with psycopg.connect(clock.url, autocommit=True) as conn:
        check_run(conn, references_since(conn, before), delta_days)

    # The benchmark's maintenance comparison checks itself (no-op runs change nothing, the
    # dropped next day is re-made, every rescued row kept) and raises when it fails.
    with psycopg.connect(clock.url) as conn:
        result = bench.maintenance_benchmark(conn, TINY)
    assert result["noop_curve"][0]["partitions_per_table"] == 30
