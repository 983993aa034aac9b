"""pg_cron runs marketdb's maintenance for real: the job `marketdb schedule` installs, run by
pg_cron's scheduler on a throwaway cluster (the private server's settings: pg_cron preloaded,
cron.database_name = 'postgres', background workers), with a schedule of seconds. That the
job runs nowhere on a hot standby is in test_replica.py, which has one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time

import psycopg
import pytest

from conftest import PROJECT, free_port, needs_private_server
from marketdb import db, doctor, localdb, schedule

pytestmark = needs_private_server


@pytest.fixture(scope="module")
def cron_url(deployed_seed):
    with localdb.temporary_server(free_port(), seed=deployed_seed) as srv:
        yield srv.url("marketdb")


def cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "marketdb.cli", *args], capture_output=True, text=True,
                          env=dict(os.environ, DATABASE_URL=url), cwd=PROJECT, timeout=120)


def runs_after(url: str, runid: int) -> list[tuple]:
    with db.connect(db.with_dbname(url, "postgres")) as conn:
        return conn.execute("SELECT runid, status, return_message, start_time, end_time FROM cron.job_run_details"
                            " WHERE runid > %s AND end_time IS NOT NULL ORDER BY runid", (runid,)).fetchall()


def last_runid(url: str) -> int:
    with db.connect(db.with_dbname(url, "postgres")) as conn:
        return conn.execute("SELECT coalesce(max(runid), 0) FROM cron.job_run_details").fetchone()[0]


def wait_for(url: str, runid: int, status: str, count: int = 1, timeout: float = 30) -> list[tuple]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [r for r in runs_after(url, runid) if r[1] == status]
        if len(found) >= count:
            return found
        time.sleep(0.2)
    raise AssertionError(f"no {count} {status} run(s) of the job in {timeout} s: {runs_after(url, runid)}")


def test_the_job_runs_table_by_table_while_writers_write_and_no_writer_fails(cron_url):
    made = cli(cron_url, "schedule", "--every", "1 seconds", "--json")
    assert made.returncode == 0, made.stderr
    again = cli(cron_url, "schedule", "--every", "1 seconds", "--json")  # idempotent: the same job
    assert again.returncode == 0, again.stderr
    assert [j["jobid"] for j in json.loads(again.stdout)] == [j["jobid"] for j in json.loads(made.stdout)]
    jobs = schedule.jobs(cron_url)
    assert len(jobs) == 1 and jobs[0]["username"] == "marketdb_cron" and jobs[0]["database"] == "marketdb"
    with db.connect(cron_url) as conn:
        assert conn.execute("SELECT rolsuper, pg_has_role('marketdb_cron', 'marketdb_maintainer', 'MEMBER')"
                            " FROM pg_roles WHERE rolname = 'marketdb_cron'").fetchone() == (False, True)
    start = last_runid(cron_url)
    errors: list[str] = []
    written = [0]
    stop = threading.Event()

    def writer() -> None:
        # One transaction over two managed tables, as the deadlock that run_all's per-table
        # commits prevent needed; some rows land days ahead, in the default partitions, so
        # the runs have rows to rescue.
        with psycopg.connect(cron_url) as conn:
            i = 0
            while not stop.is_set():
                i += 1
                ahead = "12 days" if i % 10 == 0 else "0 days"
                try:
                    conn.execute("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                                 " VALUES (%s, 'CRON', now() + %s::interval, 50, 50, 1, 'yes')", (f"cron-{i}", ahead))
                    conn.execute("INSERT INTO exchange.market_snapshots (ticker, ts, yes_bid, yes_ask)"
                                 " VALUES ('CRON', clock_timestamp() + %s::interval, 40, 41)", (ahead,))
                    conn.commit()
                    written[0] += 1
                except psycopg.Error as exc:
                    errors.append(f"{exc.sqlstate}: {exc}")
                    conn.rollback()
                time.sleep(0.01)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        done = wait_for(cron_url, start, "succeeded", count=3)
    finally:
        stop.set()
        thread.join(timeout=60)
    assert errors == [] and written[0] > 0, errors[:3]
    with db.connect(cron_url) as conn:
        tables = conn.execute("SELECT count(*) FROM maintenance.policy WHERE enabled").fetchone()[0]
        # Within one run of the job: a transaction (xmin) per table at least, so each table's
        # locks went with its commit.
        commits, maintained = conn.execute(
            "SELECT count(DISTINCT xmin::text), count(DISTINCT parent_table) FROM maintenance.run_log"
            " WHERE run_by = 'marketdb_cron' AND started_at BETWEEN %s AND %s", (done[-1][3], done[-1][4])).fetchone()
        rescued = conn.execute("SELECT count(*) FROM exchange.trades_default WHERE ticker = 'CRON'").fetchone()[0]
    assert maintained == tables and commits >= tables, (commits, maintained, tables)
    assert rescued <= 1  # rows ahead were rescued into their days as they came (the last may wait)


def test_a_table_not_maintained_fails_the_run_naming_it_and_doctor_says_so(cron_url):
    if not schedule.jobs(cron_url):
        schedule.install(cron_url, "1 seconds")
    start = last_runid(cron_url)
    with psycopg.connect(cron_url) as holder:
        # Another run holding the table (its policy row, as a run does): the job skips it,
        # maintains the others and fails at the end, naming it.
        holder.execute("SELECT 1 FROM maintenance.policy WHERE parent_table = 'exchange.trades' FOR NO KEY UPDATE")
        failed = wait_for(cron_url, start, "failed")
        found = {f.check: f for f in doctor.run(cron_url)}
        holder.rollback()
    message = failed[0][2]
    assert "1 table(s) were not maintained" in message and "exchange.trades: skip" in message, message
    assert found["pg_cron"].status == "change" and "exchange.trades" in found["pg_cron"].found, found["pg_cron"]
    wait_for(cron_url, failed[0][0], "succeeded")
    found = {f.check: f for f in doctor.run(cron_url)}
    assert found["pg_cron"].status == "ok" and "succeeded" in found["pg_cron"].found, found["pg_cron"]
    removed = cli(cron_url, "schedule", "--remove")
    assert removed.returncode == 0 and schedule.jobs(cron_url) == []
    assert "pg_cron" not in {f.check for f in doctor.run(cron_url)}  # no job: nothing to check
