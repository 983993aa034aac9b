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
import psycopg.errors
import psycopg.sql
import pytest

from conftest import PROJECT, deployed_clone
from marketdb import db


@pytest.fixture(scope="module")
def maint_url(template_url):
    """A deployed database of this module's own: these tests change partitions for real."""
    yield from deployed_clone(template_url, "maint")


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
    writers_done = threading.Event()

    expected_counts: dict[str, int] = {}

    def writer(n: int) -> None:
        rng = random.Random(n)
        written: list[tuple[str, datetime]] = []
        try:
            with psycopg.connect(maint_url, autocommit=False) as conn:
                for start in range(0, ROWS_PER_WRITER, BATCH):
                    rows = []
                    for i in range(start, start + BATCH):
                        # -20 .. +20 days: partitions exist only for -1 .. +7 at first.
                        ts = today + timedelta(days=rng.randint(-20, 20), seconds=rng.randint(0, 86_399))
                        yes = rng.randint(1, 99)
                        rows.append((f"w{n}-{i}", f"T{rng.randint(1, 5)}", ts, yes, 100 - yes, rng.randint(1, 9), rng.choice(["yes", "no"])))
                        expected_counts[f"w{n}-{i}"] = rows[-1][5]
                        written.append((f"w{n}-{i}", ts))
                    with conn.cursor() as cur:
                        cur.executemany(
                            "INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                            " VALUES (%s, %s, %s, %s, %s, %s, %s)", rows)
                        # Corrections of rows written before, wherever they are now (the
                        # default partition, a stage being copied, a rescued partition):
                        # by UPDATE, and by re-sending with ON CONFLICT DO UPDATE.
                        for trade_id, ts in rng.sample(written, 3):
                            value = rng.randint(10, 99)
                            cur.execute("UPDATE exchange.trades SET count = %s WHERE trade_id = %s AND ts = %s", (value, trade_id, ts))
                            assert cur.rowcount == 1, f"update of {trade_id} found {cur.rowcount} rows"
                            expected_counts[trade_id] = value
                        for trade_id, ts in rng.sample(written, 3):
                            value = rng.randint(10, 99)
                            cur.execute(
                                "INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                                " VALUES (%s, 'T1', %s, 50, 50, %s, 'yes')"
                                " ON CONFLICT (trade_id, ts) DO UPDATE SET count = excluded.count", (trade_id, ts, value))
                            expected_counts[trade_id] = value
                    conn.commit()
        except Exception as exc:  # noqa: BLE001 - every failure is the finding
            errors.append(f"writer {n}: {exc!r}")

    def maintainer(n: int) -> None:
        try:
            with psycopg.connect(maint_url, autocommit=True) as conn:
                while not writers_done.is_set():
                    if n % 2 == 0:
                        # The pg_cron path: every table, committing table by table. It ends
                        # with an error when a table was skipped (another run held it).
                        try:
                            conn.execute("CALL maintenance.run_all()")
                        except psycopg.errors.ObjectNotInPrerequisiteState as exc:
                            skips.append(str(exc))
                        time.sleep(0.01)
                        continue
                    # The CLI's path: prepare_rescue in its own transaction, then the run.
                    rows = conn.execute("SELECT action, detail, rows_moved FROM maintenance.prepare_rescue('exchange.trades')").fetchall()
                    rows += conn.execute("SELECT action, detail, rows_moved FROM maintenance.run_maintenance_for('exchange.trades')").fetchall()
                    for action, detail, _moved in rows:
                        if action == "error":
                            errors.append(f"maintainer {n}: {detail}")
                        if action == "skip":
                            skips.append(detail)
                    time.sleep(0.01)
        except Exception as exc:  # noqa: BLE001
            errors.append(f"maintainer {n}: {exc!r}")

    first_run = count(maint_url, "SELECT coalesce(max(run_id), 0) FROM maintenance.run_log")
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
    # The test is only worth something if maintenance really moved rows while writers wrote
    # (through either path: run_all's actions are in the run log).
    rescued_rows = count(maint_url, """
        SELECT coalesce(sum((a->>'rows_moved')::bigint), 0) FROM maintenance.run_log AS l
         CROSS JOIN jsonb_array_elements(l.actions) AS a
         WHERE l.run_id > %s AND a->>'action' = 'rescue'""", (first_run,))
    assert rescued_rows > 0
    final = cli(maint_url, "maintain", "--table", "exchange.trades", "--json")
    assert final.returncode == 0, final.stderr
    expected = WRITERS * ROWS_PER_WRITER
    assert count(maint_url, "SELECT count(*) FROM exchange.trades WHERE trade_id LIKE 'w%%'") == expected
    assert count(maint_url, "SELECT count(DISTINCT trade_id) FROM exchange.trades WHERE trade_id LIKE 'w%%'") == expected
    assert count(maint_url, "SELECT count(*) FROM exchange.trades_default") == 0
    # Every correction made while its row was being rescued is there.
    with db.connect(maint_url) as conn:
        stored = dict(conn.execute("SELECT trade_id, count FROM exchange.trades WHERE trade_id LIKE 'w%%'").fetchall())
    assert stored == expected_counts
    # Each row sits in the partition of its own UTC day.
    assert count(maint_url, """
        SELECT count(*) FROM exchange.trades t
          JOIN maintenance.partitions_of('exchange.trades') p ON p.partition = t.tableoid
         WHERE NOT (t.ts >= p.lower_bound AND t.ts < p.upper_bound)""") == 0
    replayed = count(maint_url, """
        SELECT count(*) FROM maintenance.run_log AS l CROSS JOIN jsonb_array_elements(l.actions) AS a
         WHERE l.run_id > %s AND a->>'detail' LIKE '%%replayed%%'""", (first_run,))
    print(f"{rescued_rows} rows rescued concurrently ({replayed} rescues replayed changes made during their copy);"
          f" {len(skips)} calls skipped a table another call held")


# --------------------------------------------------------------------------- locks


def test_a_second_concurrent_run_skips_the_table_visibly(maint_url):
    with psycopg.connect(maint_url) as first, psycopg.connect(maint_url, autocommit=True) as second:
        first.execute("SELECT * FROM maintenance.run_maintenance_for('exchange.market_snapshots')").fetchall()
        # first's transaction is still open: it holds the table's policy row lock.
        rows = second.execute("SELECT action, detail FROM maintenance.run_maintenance_for('exchange.market_snapshots')").fetchall()
        first.rollback()
    assert rows == [("skip", "another maintenance run is working on this table; skipped")]


def test_lock_timeout_is_reported_and_changes_nothing_and_writers_proceed(maint_url):
    before = count(maint_url, "SELECT count(*) FROM maintenance.partitions_of('exchange.orderbook_deltas')")
    with psycopg.connect(maint_url) as reader:
        # A long-running reader holds ACCESS SHARE on the table.
        reader.execute("SELECT count(*) FROM exchange.orderbook_deltas").fetchone()
        # 60 days ahead: new partitions are needed, so the run needs the parent's lock.
        result = cli(maint_url, "maintain", "--table", "exchange.orderbook_deltas", "--premake", "60", "--json")
        # A writer queued behind the maintenance lock request gets through once it gives up.
        with psycopg.connect(maint_url, autocommit=True) as writer:
            writer.execute("INSERT INTO exchange.orderbook_deltas (ticker, ts, seq, side, price, delta) VALUES ('L', now(), 1, 'yes', 50, 1)")
        reader.rollback()
    # Finished, but a table was not maintained: exit 3, and the next run retries.
    assert result.returncode == 3, result.stdout + result.stderr
    assert "not maintained" in result.stderr
    payload = json.loads(result.stdout)
    assert payload["status"] == "partial"
    # (the parent's planner statistics may still be refreshed: ANALYZE skips what is locked)
    assert [a["action"] for a in payload["actions"] if a["action"] != "analyze"] == ["lock_timeout"]
    assert "within lock_timeout" in payload["actions"][0]["detail"]
    assert count(maint_url, "SELECT count(*) FROM maintenance.partitions_of('exchange.orderbook_deltas')") == before
    assert count(maint_url, "SELECT count(*) FROM exchange.orderbook_deltas WHERE ticker = 'L'") == 1
    assert count(maint_url, "SELECT count(*) FROM maintenance.run_log WHERE status = 'partial'") >= 1


def test_hypertable_retention_behind_a_reader_reports_lock_timeout_and_drops_nothing(maint_url):
    with psycopg.connect(maint_url, autocommit=True) as conn:
        conn.execute("INSERT INTO crypto.funding (symbol, funding_ts, funding_rate) VALUES ('LCK', now() - interval '800 days', 0.0001),"
                     " ('LCK', now(), 0.0001)")
    with psycopg.connect(maint_url) as reader:
        reader.execute("SELECT count(*) FROM crypto.funding").fetchone()  # ACCESS SHARE on every chunk
        result = cli(maint_url, "maintain", "--table", "crypto.funding", "--json")
        reader.rollback()
    assert result.returncode == 3, result.stdout + result.stderr
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
        # Exporting archives drops tables: the owner's, not the maintainer's.
        refused = cli(as_maintainer, "maintain", "--archive-to", "/tmp")
        assert refused.returncode == 2 and "only marketdb_owner may" in refused.stderr, refused.stderr
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
        (["maintain", "--table", "exchange.trades", "--premake", "-1"], "p_premake_days: days to premake must be between 0 and 366, got -1"),
        (["maintain", "--bogus"], "unrecognized arguments: --bogus"),
        (["maintain", "--now", ""], "--now: '' is not an ISO 8601 timestamp"),
        (["maintain", "--table", ""], "--table: a table name is required"),
        (["maintain", "--now", "2000-01-01T00:00:00Z"], "p_reference_time: 2000-01-01 00:00:00+00 is more than 01:00:00 from the server's clock"),
        (["status", "--now", ""], "--now: '' is not an ISO 8601 timestamp"),
    ],
    ids=["bad --now", "unknown table", "no policy", "premake without table", "negative premake", "unknown option",
         "empty --now", "empty --table", "--now far from the clock", "status empty --now"],
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
    assert {("policy_refresh_continuous_aggregate", "onchain.price_ohlc_1h"),
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


@pytest.mark.parametrize(
    "url, message",
    [("postgresql://postgres:x@127.0.0.1:99999/marketdb", "DATABASE_URL has port '99999'"),
     ("postgresql://[broken", "DATABASE_URL cannot be parsed"),
     ("not a url at all", "DATABASE_URL cannot be parsed")],
    ids=["port 99999", "unparseable URI", "not a URL"],
)
def test_cli_a_bad_database_url_exits_2_naming_it(url, message):
    for args in (["maintain"], ["status"]):
        result = cli(url, *args)
        assert result.returncode == 2, result.stderr
        assert message in result.stderr


# --------------------------------------------------------------------------- issue 10: writers and locks


def test_the_pg_cron_path_commits_table_by_table_and_never_deadlocks_a_writer(maint_url):
    """The reproduction: a writer inserts into trades, maintenance runs over every table with
    rows waiting in both default partitions, the writer then inserts into snapshots. With
    one transaction for every table the writer was cancelled (40P01); CALL run_all() commits
    each table before locking the next, so the writer's transaction goes through."""
    for attempt in range(3):
        with psycopg.connect(maint_url, autocommit=True) as setup:
            setup.execute("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                          " VALUES (%s, 'DL', now() + interval '12 days', 50, 50, 1, 'yes')", (f"dl-wait-{attempt}",))
            setup.execute("INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask)"
                          " VALUES ('DL', now() + interval '12 days' + %s * interval '1 second', 40, 41)", (attempt,))
        outcome: dict[str, object] = {}
        with psycopg.connect(maint_url, autocommit=False) as writer:
            writer.execute("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                           " VALUES (%s, 'DL', now(), 50, 50, 1, 'yes')", (f"dl-{attempt}",))

            def maintain() -> None:
                with psycopg.connect(maint_url, autocommit=True) as m:
                    try:
                        m.execute("CALL maintenance.run_all()")
                        outcome["maintenance"] = "done"
                    except psycopg.Error as exc:
                        outcome["maintenance"] = exc.sqlstate

            thread = threading.Thread(target=maintain)
            thread.start()
            time.sleep(1.0)  # maintenance has locked snapshots (and queued behind the writer on trades)
            started = time.monotonic()
            writer.execute("INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask) VALUES ('DL', now(), 40, 41)")
            outcome["writer_wait_s"] = time.monotonic() - started
            writer.commit()
            thread.join(timeout=60)
        # The writer was never cancelled; maintenance either waited for it or timed out on trades.
        assert outcome["maintenance"] in ("done", "55000"), outcome
        assert outcome["writer_wait_s"] < 5, outcome
    assert count(maint_url, "SELECT count(*) FROM exchange.trades WHERE trade_id LIKE 'dl-%%'") == 6
    # The function that held every table in one transaction now refuses real runs.
    with psycopg.connect(maint_url, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InvalidParameterValue, match="deadlock writers"):
            conn.execute("SELECT * FROM maintenance.run_maintenance()")


def test_only_marketdb_roles_can_make_a_run_skip_a_table(maint_url):
    role = f"skip_probe_{os.getpid()}"
    with db.connect(maint_url) as conn:
        conn.execute(psycopg.sql.SQL("CREATE ROLE {} LOGIN PASSWORD 'x' IN ROLE marketdb_reader").format(psycopg.sql.Identifier(role)))
    try:
        as_reader = psycopg.conninfo.make_conninfo(maint_url, user=role, password="x")
        with psycopg.connect(as_reader, autocommit=False) as reader:
            # The lock v0.1.0's runs used: any login could take it.
            reader.execute("SELECT pg_advisory_lock(hashtext('marketdb.maintenance'), hashtext('exchange.trades'))")
            # The policy row lock runs take now needs UPDATE on the registry.
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                reader.execute("SELECT 1 FROM maintenance.policy WHERE parent_table = 'exchange.trades' FOR UPDATE")
            reader.rollback()
            reader.execute("SELECT pg_advisory_lock(hashtext('marketdb.maintenance'), hashtext('exchange.trades'))")
            result = cli(maint_url, "maintain", "--table", "exchange.trades", "--json")
            reader.execute("SELECT pg_advisory_unlock_all()")
        assert result.returncode == 0, result.stderr
        assert "skip" not in {a["action"] for a in json.loads(result.stdout)["actions"]}
    finally:
        with db.connect(maint_url) as conn:
            conn.execute(psycopg.sql.SQL("DROP ROLE {}").format(psycopg.sql.Identifier(role)))


def test_a_skipped_table_exits_3_and_shows_in_status(maint_url):
    with psycopg.connect(maint_url, autocommit=False) as holder:
        # Another run holding the table (here: its policy row, as a run does).
        holder.execute("SELECT 1 FROM maintenance.policy WHERE parent_table = 'exchange.trades' FOR NO KEY UPDATE")
        result = cli(maint_url, "maintain", "--table", "exchange.trades", "--json")
        holder.rollback()
    assert result.returncode == 3, result.stdout + result.stderr
    assert [a["action"] for a in json.loads(result.stdout)["actions"]] == ["skip"]
    assert "finished, but 1 table(s) were not maintained" in result.stderr
    rows = {r["parent_table"]: r for r in json.loads(cli(maint_url, "status", "--json").stdout)["tables"]}
    assert rows["exchange.trades"]["last_outcome"] in ("ok", "noop")  # the skip could not touch the locked row
    with db.connect(maint_url) as conn:
        conn.execute("UPDATE maintenance.policy SET last_success_at = now() - interval '4 hours', last_outcome = 'lock_timeout'"
                     " WHERE parent_table = 'exchange.trades'")
    status = cli(maint_url, "status", "--json")
    rows = {r["parent_table"]: r for r in json.loads(status.stdout)["tables"]}
    assert status.returncode == 0
    assert rows["exchange.trades"]["overdue"] is True and rows["exchange.market_snapshots"]["overdue"] is False
    assert "exchange.trades is overdue" in status.stderr
    assert cli(maint_url, "maintain", "--table", "exchange.trades").returncode == 0
    rows = {r["parent_table"]: r for r in json.loads(cli(maint_url, "status", "--json").stdout)["tables"]}
    assert rows["exchange.trades"]["overdue"] is False


def test_hostile_rows_stay_in_the_default_partition_reported_and_status_still_works(maint_url):
    """A registered table without a time-window constraint, fed the rows that wedged or
    exploded v0.1.0's maintenance: infinity, -infinity, year 294276, 1970. The future ones
    are refused now (hostile_ts_within_horizon); stored before that rule (planted here as a
    subscriber's apply worker writes, past ordinary triggers), they stay reported."""
    with db.connect(maint_url) as conn:
        conn.execute("SET ROLE marketdb_owner")
        conn.execute("CREATE TABLE exchange.hostile (id bigint GENERATED ALWAYS AS IDENTITY, ts timestamptz NOT NULL) PARTITION BY RANGE (ts)")
        conn.execute("CREATE TABLE exchange.hostile_default PARTITION OF exchange.hostile DEFAULT")
        conn.execute("RESET ROLE")
        conn.execute("SELECT maintenance.register_partitioned_table('exchange.hostile', p_retention => interval '30 days')")
        conn.execute("SET statement_timeout = '60s'")
        for future in ("infinity", "294276-12-31 23:00+00"):
            with pytest.raises(psycopg.errors.CheckViolation, match='violates rule "hostile_ts_within_horizon"'):
                conn.execute("INSERT INTO exchange.hostile (ts) VALUES (%s)", (future,))
        conn.execute("SET session_replication_role = replica")
        conn.execute("INSERT INTO exchange.hostile (ts) VALUES ('infinity'), ('294276-12-31 23:00+00')")
        conn.execute("RESET session_replication_role")
        conn.execute("INSERT INTO exchange.hostile (ts) VALUES ('-infinity'), ('1970-01-01'), (now() + interval '9 days'), (now() - interval '45 days')")
        partitions = conn.execute("SELECT count(*) FROM maintenance.partitions_of('exchange.hostile')").fetchone()[0]
    try:
        result = cli(maint_url, "maintain", "--table", "exchange.hostile", "--json")
        assert result.returncode == 0, result.stderr
        actions = json.loads(result.stdout)["actions"]
        kinds = [a["action"] for a in actions]
        # The row 9 days ahead is rescued (identity column kept), the one 45 days old goes as
        # retention says; the four implausible ones stay, reported once, never as partitions.
        assert kinds.count("rescue") == 1 and kinds.count("discard") == 1, actions
        outside = [a for a in actions if a["action"] == "out_of_window"]
        assert len(outside) == 1 and outside[0]["rows_moved"] == 4, actions
        assert "-infinity" in outside[0]["detail"] and "infinity" in outside[0]["detail"]
        assert json.loads(result.stdout)["status"] == "ok"  # reported, but no work for a later run
        assert count(maint_url, "SELECT count(*) FROM maintenance.partitions_of('exchange.hostile')") == partitions + 1
        assert count(maint_url, "SELECT count(*) FROM exchange.hostile_default") == 4
        status = cli(maint_url, "status", "--json")
        assert status.returncode == 0, status.stderr
        row = {r["parent_table"]: r for r in json.loads(status.stdout)["tables"]}["exchange.hostile"]
        assert row["rows_in_default"] == 4
        assert (row["oldest_in_default"], row["newest_in_default"]) == ("-infinity", "infinity")
        assert cli(maint_url, "status").returncode == 0
        # A second run does the same, no more: nothing wedges, nothing grows.
        again = json.loads(cli(maint_url, "maintain", "--table", "exchange.hostile", "--json").stdout)["actions"]
        assert [a["action"] for a in again] == ["out_of_window"]
    finally:
        with db.connect(maint_url) as conn:
            conn.execute("DELETE FROM maintenance.policy WHERE parent_table = 'exchange.hostile'")
            conn.execute("DROP TABLE exchange.hostile")


# --------------------------------------------------------------------------- online rescue


def same_rows(left: list[tuple], right: list[tuple]) -> bool:
    """Row lists equal, NaN equal to NaN (as PostgreSQL has it)."""
    def norm(rows):
        return [tuple("NaN" if isinstance(v, float) and v != v else v for v in row) for row in rows]
    return norm(left) == norm(right)


def test_changes_made_while_a_rescue_copies_its_rows_are_replayed_exactly(maint_url):
    """The online rescue step by step, with a second and a third session changing the
    default partition before the copy's snapshot, during it (a transaction in flight) and
    after it: inserts, updates, a row re-sent with ON CONFLICT DO UPDATE, deletes, NULLs,
    floats written with extra_float_digits = 0, a column named like the log's bookkeeping.
    Replaying the log makes the stage hold exactly the default partition's rows of the day;
    then a real run rescues them the same way."""
    day = (datetime.now(timezone.utc) + timedelta(days=20)).replace(hour=0, minute=0, second=0, microsecond=0)
    with db.connect(maint_url) as conn:
        conn.execute("SET ROLE marketdb_owner")
        conn.execute("CREATE TABLE exchange.replay (id integer NOT NULL, ts timestamptz NOT NULL, seq integer,"
                     " x double precision, note text, CONSTRAINT replay_id_ts_key UNIQUE (id, ts)) PARTITION BY RANGE (ts)")
        conn.execute("CREATE TABLE exchange.replay_default PARTITION OF exchange.replay DEFAULT")
        conn.execute("RESET ROLE")
        conn.execute("SELECT maintenance.register_partitioned_table('exchange.replay')")
        conn.execute("INSERT INTO exchange.replay SELECT g, %s::timestamptz + g * interval '1 minute', g, g / 3.0, 'n' || g"
                     "  FROM generate_series(1, 200) AS g", (day,))
    day_rows = "SELECT id, ts, seq, x, note FROM exchange.replay_default WHERE ts >= %s AND ts < %s::timestamptz + interval '1 day'"
    try:
        with psycopg.connect(maint_url) as a, psycopg.connect(maint_url) as b, psycopg.connect(maint_url) as c:
            b.execute("SET extra_float_digits = 0")
            c.execute("SET extra_float_digits = 0")
            assert [r[1] for r in a.execute("SELECT * FROM maintenance.prepare_rescue('exchange.replay')").fetchall()] == ["capture"]
            a.commit()
            # Before the copy's snapshot: logged, and already in the copy (replayed once only).
            b.execute("UPDATE exchange.replay SET note = 'before' WHERE id <= 5")
            b.execute("DELETE FROM exchange.replay WHERE id BETWEEN 6 AND 8")
            b.commit()
            # In flight when the copy takes its snapshot: invisible to it, replayed later.
            c.execute("UPDATE exchange.replay SET note = 'in flight', x = 0.1::float8 + 0.2::float8 WHERE id = 10")
            c.execute("INSERT INTO exchange.replay VALUES (1001, %s::timestamptz + interval '5 hours', NULL, NULL, NULL)", (day,))
            staged = a.execute(
                "SELECT stage::text, rows_copied, snap::text FROM maintenance.stage_rows('exchange.replay', 'exchange.replay_default',"
                " 'replay_stage', %s::date, ARRAY[%s::date])", (day, day)).fetchone()
            assert staged[1] == 197
            c.commit()
            # After it.
            b.execute("UPDATE exchange.replay SET note = 'twice' WHERE id = 20")
            b.execute("UPDATE exchange.replay SET note = 'twice, again', seq = NULL WHERE id = 20")
            b.execute("DELETE FROM exchange.replay WHERE id IN (30, 1001)")
            b.execute("INSERT INTO exchange.replay VALUES (40, %s::timestamptz + interval '40 minutes', 40, 'NaN', 're-sent')"
                      " ON CONFLICT (id, ts) DO UPDATE SET x = excluded.x, note = excluded.note", (day,))
            b.execute("INSERT INTO exchange.replay VALUES (2002, %s::timestamptz + interval '23 hours', -1, 1e-300, 'after')", (day,))
            b.commit()
            log = a.execute("SELECT maintenance.capture_log('exchange.replay_default')::text").fetchone()[0]
            replayed = a.execute(
                "SELECT * FROM maintenance.apply_captured(%s::regclass, %s::regclass, 'ts', %s::date, ARRAY[%s::date], %s::pg_snapshot, NULL)",
                (log, staged[0], day, day, staged[2])).fetchone()
            # c: 1 update (D + I) and 1 insert; b after: 2 updates, 2 deletes, 1 upsert, 1 insert.
            assert replayed == (6, 6)
            stage = a.execute("SELECT id, ts, seq, x, note FROM exchange.replay_stage ORDER BY id").fetchall()
            default = a.execute(day_rows + " ORDER BY id", (day, day)).fetchall()
            assert len(stage) == 197 and same_rows(stage, default)
            assert [r for r in stage if r[0] == 10][0][3] == 0.1 + 0.2  # every digit, whatever the writer's setting
            assert str([r for r in stage if r[0] == 40][0][3]) == "nan"
            a.rollback()
        # The real run, with a late row arriving after prepare: all there, once, in the day's partition.
        with db.connect(maint_url) as conn:
            conn.execute("INSERT INTO exchange.replay VALUES (3003, %s::timestamptz + interval '1 hour', 3, 3, 'late')", (day,))
            expected = conn.execute(day_rows + " ORDER BY id", (day, day)).fetchall()
        notices: list[str] = []
        with psycopg.connect(maint_url, autocommit=True) as conn:
            conn.add_notice_handler(lambda d: notices.append(d.message_primary or ""))
            conn.execute("SET client_min_messages = debug1")
            conn.execute("SELECT * FROM maintenance.prepare_rescue('exchange.replay')").fetchall()
            actions = conn.execute("SELECT action FROM maintenance.run_maintenance_for('exchange.replay')").fetchall()
        assert ("rescue",) in actions
        # The stage's CHECK spared the validation scan under the lock.
        assert f'partition constraint for table "replay_p{day:%Y%m%d}" is implied by existing constraints' in notices, notices
        with db.connect(maint_url) as conn:
            assert same_rows(conn.execute(f"SELECT id, ts, seq, x, note FROM exchange.replay_p{day:%Y%m%d} ORDER BY id").fetchall(), expected)
            assert conn.execute("SELECT count(*) FROM exchange.replay_default").fetchone()[0] == 0
            # The capture went with the old default partition; the new one has none, nor a log.
            assert conn.execute("SELECT maintenance.capture_log('exchange.replay_default')").fetchone()[0] is None
            assert conn.execute("SELECT array_agg(relname) FROM pg_class WHERE relname LIKE 'rescue\\_%'").fetchone()[0] is None
            assert conn.execute("SELECT array_agg(indexrelid::regclass::text ORDER BY 1) FROM pg_index"
                                " WHERE indrelid = 'exchange.replay_default'::regclass").fetchone()[0] == ["exchange.replay_default_id_ts_key"]
    finally:
        with db.connect(maint_url) as conn:
            conn.execute("DELETE FROM maintenance.policy WHERE parent_table = 'exchange.replay'")
            conn.execute("DROP TABLE IF EXISTS exchange.replay, exchange.replay_stage")


def test_prepare_rescue_installs_the_capture_only_while_rows_wait_and_never_waits_long(maint_url):
    day = (datetime.now(timezone.utc) + timedelta(days=20)).replace(hour=12, minute=0, second=0, microsecond=0)

    def prepare() -> list[str]:
        with db.connect(maint_url) as conn:
            return [r[0] for r in conn.execute("SELECT action FROM maintenance.prepare_rescue('exchange.orderbook_deltas')").fetchall()]

    def log() -> str | None:
        return count(maint_url, "SELECT maintenance.capture_log('exchange.orderbook_deltas_default')::text")

    assert prepare() == [] and log() is None  # nothing waits: nothing to do
    with db.connect(maint_url) as conn:
        conn.execute("INSERT INTO exchange.orderbook_deltas (ticker, seq, ts, side, price, delta) VALUES ('PR', 1, %s, 'yes', 50, 1)", (day,))
    # A writer of late rows in flight holds the default partition: prepare gives up visibly.
    with psycopg.connect(maint_url) as writer:
        writer.execute("INSERT INTO exchange.orderbook_deltas (ticker, seq, ts, side, price, delta) VALUES ('PR', 2, %s, 'yes', 50, 1)", (day,))
        started = time.monotonic()
        assert prepare() == ["lock_timeout"] and log() is None
        assert time.monotonic() - started < 6
    assert prepare() == ["capture"] and log() is not None
    assert prepare() == []  # already installed
    with db.connect(maint_url) as conn:
        conn.execute("DELETE FROM exchange.orderbook_deltas WHERE ticker = 'PR'")
    assert prepare() == ["capture"] and log() is None  # nothing waits any more: removed
    # The maintainer may call it; it names a table without a policy.
    with db.connect(maint_url) as conn:
        conn.execute("SET ROLE marketdb_maintainer")
        assert conn.execute("SELECT count(*) FROM maintenance.prepare_rescue('exchange.orderbook_deltas')").fetchone()[0] == 0
        with pytest.raises(psycopg.errors.InvalidParameterValue, match="p_parent_table: exchange.markets has no maintenance policy"):
            conn.execute("SELECT * FROM maintenance.prepare_rescue('exchange.markets')")


# --------------------------------------------------------------------------- a hostile or careless caller


def test_an_abandoned_maintenance_transaction_ends_within_a_second_and_the_next_run_proceeds(maint_url):
    """A maintainer login that claims a table (prepare_rescue) and leaves its transaction
    open used to make every later run skip the table for as long as its session lived."""
    role = f"maint_idle_{os.getpid()}"
    with db.connect(maint_url) as conn:
        conn.execute(psycopg.sql.SQL("CREATE ROLE {} LOGIN PASSWORD 'x' IN ROLE marketdb_maintainer").format(psycopg.sql.Identifier(role)))
    try:
        abandoned = psycopg.connect(psycopg.conninfo.make_conninfo(maint_url, user=role, password="x"))
        abandoned.execute("SELECT * FROM maintenance.prepare_rescue('exchange.trades')").fetchall()
        claimed = time.monotonic()
        held = cli(maint_url, "maintain", "--table", "exchange.trades", "--json")
        assert held.returncode == 3 and [a["action"] for a in json.loads(held.stdout)["actions"]] == ["skip"], held.stdout
        while True:
            result = cli(maint_url, "maintain", "--table", "exchange.trades", "--json")
            if result.returncode == 0 or time.monotonic() - claimed > 10:
                break
            time.sleep(0.2)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "skip" not in [a["action"] for a in json.loads(result.stdout)["actions"]]
        assert time.monotonic() - claimed < 4  # 1 s idle, plus the CLI's start-ups
        with pytest.raises((psycopg.OperationalError, psycopg.errors.IdleInTransactionSessionTimeout)):
            abandoned.execute("SELECT 1")
        abandoned.close()
    finally:
        with db.connect(maint_url) as conn:
            conn.execute(psycopg.sql.SQL("DROP ROLE {}").format(psycopg.sql.Identifier(role)))


def test_a_session_holding_a_capture_log_makes_the_run_lock_timeout_and_readers_cannot(maint_url):
    """A lock held on a rescue's capture log made the run an error (exit 1) where any other
    lock wait gives lock_timeout (exit 3); and the reader role could take one."""
    # Past the 20 days test_cli_premake_creates_further_ahead makes, within the horizon.
    day = (datetime.now(timezone.utc) + timedelta(days=25)).replace(hour=12, minute=0, second=0, microsecond=0)
    with db.connect(maint_url) as conn:
        conn.execute("INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask) VALUES ('LOG', %s, 40, 45)", (day,))
        assert [r[0] for r in conn.execute("SELECT action FROM maintenance.prepare_rescue('exchange.market_snapshots')")] == ["capture"]
        log = conn.execute("SELECT maintenance.capture_log('exchange.market_snapshots_default')::text").fetchone()[0]
        assert log is not None
        # The reader role can neither read nor lock a capture log: it is maintenance's own.
        conn.execute("SET ROLE marketdb_reader")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f"SELECT count(*) FROM {log}")
        conn.execute("RESET ROLE")
    with psycopg.connect(maint_url) as holder:  # a superuser's session reading the log
        holder.execute(f"SELECT count(*) FROM {log}").fetchone()
        result = cli(maint_url, "maintain", "--table", "exchange.market_snapshots", "--json")
        holder.rollback()
    assert result.returncode == 3, result.stdout + result.stderr
    # (the parent's planner statistics may still be refreshed: ANALYZE skips what is locked)
    assert [a["action"] for a in json.loads(result.stdout)["actions"] if a["action"] != "analyze"] == ["lock_timeout"], result.stdout
    assert count(maint_url, "SELECT count(*) FROM exchange.market_snapshots_default WHERE ticker = 'LOG'") == 1
    again = cli(maint_url, "maintain", "--table", "exchange.market_snapshots", "--json")
    assert again.returncode == 0, again.stdout + again.stderr
    assert count(maint_url, "SELECT count(*) FROM exchange.market_snapshots_default") == 0


def test_one_row_at_the_window_edge_costs_one_partition_and_never_stalls_a_writer_of_today(maint_url):
    """One accepted trade at 2018-01-01 00:00 made the next run make 400 partitions under the
    parent's lock while a writer of today's trades waited 2.7 s."""
    with db.connect(maint_url) as conn:
        # Up to date first, so that what the run below makes is the edge row's doing alone.
        conn.execute("SELECT count(*) FROM maintenance.run_maintenance_for('exchange.trades')")
        conn.execute("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                     " VALUES ('edge-2018', 'EDGE', '2018-01-01 00:00+00', 50, 50, 1, 'yes')")
        before = conn.execute("SELECT array_agg(partition_name::text) FROM maintenance.partitions_of('exchange.trades')").fetchone()[0]
    stop, waits, errors = threading.Event(), [], []

    def writer() -> None:
        with psycopg.connect(maint_url, autocommit=True) as conn:
            i = 0
            while not stop.is_set():
                i += 1
                started = time.perf_counter()
                try:
                    conn.execute("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                                 " VALUES (%s, 'NOW', now(), 50, 50, 1, 'yes')", (f"edge-now-{i}",))
                except psycopg.Error as exc:
                    errors.append(str(exc))
                waits.append((time.perf_counter() - started) * 1000)
                time.sleep(0.002)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        time.sleep(0.3)
        result = cli(maint_url, "maintain", "--table", "exchange.trades", "--json")
        time.sleep(0.2)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert result.returncode == 0, result.stdout + result.stderr
    actions = [(a["action"], a["partition_name"]) for a in json.loads(result.stdout)["actions"]]
    assert ("rescue", "trades_p20180101") in actions and ("compact", "trades_p201801") in actions, actions
    assert not [a for a in actions if a[0] == "deferred"], actions
    assert errors == [] and len(waits) > 20
    # A stall detector, not the bound: the old main made 400 partitions under the lock
    # (2.7 s); the 100 ms bound is measured by the benchmark (section 11), not here.
    assert max(waits) < 1000, f"a writer of today waited {max(waits):.0f} ms"
    with db.connect(maint_url) as conn:
        # One month partition more (its day was made and merged) and at most the week before
        # the clock that gap filling covers; no other old day was made.
        after = conn.execute("SELECT array_agg(partition_name::text) FROM maintenance.partitions_of('exchange.trades')").fetchone()[0]
        today = conn.execute("SELECT (now() AT TIME ZONE 'UTC')::date").fetchone()[0]
        week = {f"trades_p{today - timedelta(days=d):%Y%m%d}" for d in range(0, 8)}
        # (those days, when their month is due, merged into it by the same maintain)
        months = {f"trades_p{today - timedelta(days=d):%Y%m}" for d in range(0, 8)}
        assert set(after) - set(before) <= {"trades_p201801"} | week | months, (before, after)
        assert "trades_p201801" in after
        assert conn.execute("SELECT tableoid::regclass::text FROM exchange.trades WHERE trade_id = 'edge-2018'").fetchone()[0] == "exchange.trades_p201801"


def test_maintenance_analyzes_a_parent_once_its_partitions_changed_and_the_plan_improves(maint_url):
    with db.connect(maint_url) as conn:
        conn.execute("SET ROLE marketdb_owner")
        conn.execute("CREATE TABLE exchange.stats (ticker text NOT NULL, ts timestamptz NOT NULL) PARTITION BY RANGE (ts)")
        conn.execute("CREATE TABLE exchange.stats_default PARTITION OF exchange.stats DEFAULT")
        conn.execute("RESET ROLE")
        conn.execute("SELECT maintenance.register_partitioned_table('exchange.stats')")
        conn.execute("INSERT INTO exchange.stats SELECT 'T' || (g % 3), now() - g * interval '1 minute' FROM generate_series(1, 3000) AS g")
        plan = "EXPLAIN (FORMAT JSON) SELECT ticker, count(*) FROM exchange.stats GROUP BY ticker"
        assert conn.execute(plan).fetchone()[0][0]["Plan"]["Plan Rows"] == 200  # no statistics: the default
    try:
        first = cli(maint_url, "maintain", "--table", "exchange.stats", "--json")
        assert first.returncode == 0, first.stderr
        assert "analyze" in [a["action"] for a in json.loads(first.stdout)["actions"]]
        with db.connect(maint_url) as conn:
            assert conn.execute(plan).fetchone()[0][0]["Plan"]["Plan Rows"] == 3
            assert conn.execute("SELECT last_analyze IS NOT NULL FROM pg_stat_all_tables WHERE relid = 'exchange.stats'::regclass").fetchone()[0]
        # Analyzed today, nothing changed: the next run leaves it alone.
        second = cli(maint_url, "maintain", "--table", "exchange.stats", "--json")
        assert [a["action"] for a in json.loads(second.stdout)["actions"]] == ["noop"], second.stdout
    finally:
        with db.connect(maint_url) as conn:
            conn.execute("DELETE FROM maintenance.policy WHERE parent_table = 'exchange.stats'")
            conn.execute("DROP TABLE exchange.stats")


def test_new_days_are_made_while_a_writer_of_today_holds_the_parent(maint_url):
    """A run made its days under the parent's ACCESS EXCLUSIVE lock, which waits for every
    writer in flight (and makes the next ones wait): with a writer's transaction open, a run
    that only makes days gave up with lock_timeout. Days are now made beside the parent and
    attached, in the run and, before a rescue, in prepare_rescue."""
    today = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    with db.connect(maint_url) as conn:
        conn.execute("SET ROLE marketdb_owner")
        conn.execute("CREATE TABLE exchange.beside (ticker text NOT NULL, ts timestamptz NOT NULL, v integer NOT NULL DEFAULT 1,"
                     " CONSTRAINT beside_v_positive CHECK (v > 0), CONSTRAINT beside_pkey PRIMARY KEY (ticker, ts)) PARTITION BY RANGE (ts)")
        conn.execute("CREATE INDEX ON exchange.beside (ts)")
        conn.execute("CREATE TABLE exchange.beside_default PARTITION OF exchange.beside DEFAULT")
        conn.execute("RESET ROLE")
        conn.execute("SELECT maintenance.register_partitioned_table('exchange.beside', p_premake_days => 3)")
        conn.execute("SELECT count(*) FROM maintenance.run_maintenance_for('exchange.beside')")

    def days() -> set[str]:
        with db.connect(maint_url) as conn:
            return {r[0] for r in conn.execute("SELECT partition_name::text FROM maintenance.partitions_of('exchange.beside') WHERE NOT is_default")}

    try:
        made = days()
        with psycopg.connect(maint_url) as writer:  # today's row, not committed: ROW EXCLUSIVE on the parent
            writer.execute("INSERT INTO exchange.beside (ticker, ts) VALUES ('OPEN', now())")
            # A run that only makes days (premake 6 instead of 3).
            run = cli(maint_url, "maintain", "--table", "exchange.beside", "--premake", "6", "--json")
            assert run.returncode == 0, run.stdout + run.stderr
            created = [a["partition_name"] for a in json.loads(run.stdout)["actions"] if a["action"] == "create"]
            assert sorted(created) == [f"beside_p{today + timedelta(days=d):%Y%m%d}" for d in (4, 5, 6)], run.stdout
            # A row waits for day 20: prepare_rescue makes the run's new days (premake 8 now)
            # while the writer still holds the parent, and leaves the rescue to the run.
            with db.connect(maint_url) as conn:
                conn.execute("UPDATE maintenance.policy SET premake_days = 8 WHERE parent_table = 'exchange.beside'")
                conn.execute("INSERT INTO exchange.beside (ticker, ts) VALUES ('LATE', %s)", (today + timedelta(days=20, hours=5),))
                prepared = conn.execute("SELECT action, partition_name FROM maintenance.prepare_rescue('exchange.beside')").fetchall()
            assert sorted(prepared) == [("capture", None)] + [("create", f"beside_p{today + timedelta(days=d):%Y%m%d}") for d in (7, 8)], prepared
            writer.rollback()
        with db.connect(maint_url) as conn:
            logged = conn.execute("SELECT actions FROM maintenance.run_log WHERE parent_table = 'exchange.beside' ORDER BY run_id DESC LIMIT 1").fetchone()[0]
        assert [a["action"] for a in logged] == ["create", "create"]  # prepare's days are in the run log
        run = cli(maint_url, "maintain", "--table", "exchange.beside", "--json")
        assert run.returncode == 0, run.stdout + run.stderr
        actions = [(a["action"], a["partition_name"]) for a in json.loads(run.stdout)["actions"]]
        assert ("rescue", f"beside_p{today + timedelta(days=20):%Y%m%d}") in actions and "create" not in [a for a, _ in actions], actions
        assert days() - made == {f"beside_p{today + timedelta(days=d):%Y%m%d}" for d in (4, 5, 6, 7, 8, 20)}
        assert count(maint_url, "SELECT count(*) FROM exchange.beside_default") == 0
    finally:
        with db.connect(maint_url) as conn:
            conn.execute("DELETE FROM maintenance.policy WHERE parent_table = 'exchange.beside'")
            conn.execute("DROP TABLE exchange.beside")
