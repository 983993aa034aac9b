"""Automatic failover under Patroni (`make failover-test`; CI runs it after `make test`).

`marketdb ha up` makes a cluster of three members over a three-member etcd, deploys through
the leader and schedules maintenance in pg_cron every 2 seconds. A throwaway subscriber
follows marketdb_exchange through a failover slot. Then, one after another on the same
cluster, while writers insert trades (each trade id recorded once its commit is
acknowledged, each retried with its id until it is):
1. the leader's PostgreSQL is killed (SIGKILL, every process) while maintenance copies a
   rescue of 300,000 rows out of the default partition;
2. the same while a month merge waits for its swap's lock;
3. the leader's Patroni is killed (SIGKILL) at idle; its PostgreSQL runs on until Patroni
   is started again, as systemd would;
4. etcd loses its quorum (two of three members stopped), then gets it back.
After each: a replica leads (1-3), every acknowledged trade is there once, pg_cron's job has
finished there whatever the old leader left half done (captures, logs, staging, rows in the
default partition), the old leader is a streaming replica again, and the subscriber holds
the same rows as the leader. The figures of each are written to build/failover.json."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone

import psycopg
import pytest

from conftest import PROJECT, free_port, needs_private_server
from marketdb import db, ha, localdb, localdb_root, replication

pytestmark = needs_private_server

SCHEDULE = "2 seconds"
RESCUE_ROWS = 300_000
FIGURES: dict[str, dict] = {}
TODAY = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
# Days past the premade week: rows for them wait in the default partition until rescued.
FUTURE_DAYS = {"rescue": TODAY + timedelta(days=10), "merge": TODAY + timedelta(days=11),
               "patroni": TODAY + timedelta(days=12), "quorum": TODAY + timedelta(days=13)}
RESCUE_DAY = TODAY + timedelta(days=14)
OLD_MONTH = datetime(TODAY.year - (TODAY.month <= 3), (TODAY.month - 4) % 12 + 1, 1, tzinfo=timezone.utc)
INSERT = ("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
          " VALUES (%s, 'HA', %s, 50, 50, 1, 'yes') ON CONFLICT (trade_id, ts) DO NOTHING")


def cli(base: int, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.update(MARKETDB_HA_PORT=str(base), **env)
    return subprocess.run([sys.executable, "-m", "marketdb.cli", *args], capture_output=True, text=True,
                          env=environment, cwd=PROJECT, timeout=600)


def free_base() -> int:
    root = localdb_root.root_dir()
    for base in range(55000, 64000, 50):
        if all(ha._port_free(p) for p in ha.Cluster(base, root).ports()):
            return base
    raise AssertionError("no 33 free ports from 55000 to 64000")


class Writers:
    """Threads inserting trades one per transaction on the leader Patroni's REST API names.
    A trade counts as acknowledged only when its commit returned without the warning that
    it may not be on the standby; a commit that hangs (a primary cut off from its standby)
    is given up after 5 s by closing the socket, and the trade is retried with its id."""

    def __init__(self, c: ha.Cluster, prefix: str, count: int = 2):
        self.c, self.prefix, self.count = c, prefix, count
        self.future_day = FUTURE_DAYS[prefix]  # where one trade in four goes
        self.acked: dict[str, tuple[float, int]] = {}
        self.errors: list[tuple[float, str]] = []
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.threads = [threading.Thread(target=self._run, args=(w,), daemon=True) for w in range(count)]

    def __enter__(self) -> Writers:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        self.done.set()
        for thread in self.threads:
            thread.join(timeout=30)

    def first_ack(self, after: float, member: int) -> float | None:
        with self.lock:
            return min((t for t, m in self.acked.values() if t > after and m == member), default=None)

    def _connect(self) -> tuple[psycopg.Connection, int, list[str]]:
        i = ha.leader(self.c, timeout=0.3)
        if i is None:
            raise OSError("no member answers GET /primary")
        conn = psycopg.connect(self.c.url(i), autocommit=True, connect_timeout=2)
        warnings: list[str] = []
        conn.add_notice_handler(lambda d: warnings.append(d.message_primary or ""))
        return conn, i, warnings

    def _run(self, w: int) -> None:
        seq, conn, member, warnings = 0, None, -1, []
        trade = None
        while not self.done.is_set():
            if trade is None:
                seq += 1
                # One trade in four lands in the default partition (a day not made yet).
                when = self.future_day + timedelta(seconds=seq) if seq % 4 == 0 else datetime.now(timezone.utc)
                trade = (f"{self.prefix}-{w}-{seq}", when)
            try:
                if conn is None:
                    conn, member, warnings = self._connect()
                warnings.clear()
                timer = threading.Timer(5.0, _cut, args=(conn,))
                timer.start()
                try:
                    conn.execute(INSERT, trade)
                finally:
                    timer.cancel()
                if any("might not have been replicated" in m or "synchronous replication" in m for m in warnings):
                    raise psycopg.OperationalError(f"commit not confirmed by a standby: {warnings}")
                with self.lock:
                    self.acked[trade[0]] = (time.monotonic(), member)
                trade = None
            except (psycopg.Error, OSError) as exc:
                with self.lock:
                    self.errors.append((time.monotonic(), str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__))
                if conn is not None:
                    try:
                        conn.close()
                    except Exception:  # noqa: BLE001 (a socket cut under it)
                        pass
                conn = None
                time.sleep(0.05)
        if conn is not None:
            conn.close()


def _cut(conn: psycopg.Connection) -> None:
    """Ends a commit that waits forever: the client never sees it acknowledged."""
    try:
        sock = socket.socket(fileno=os.dup(conn.pgconn.socket))
        sock.shutdown(socket.SHUT_RDWR)
        sock.close()
    except (OSError, psycopg.Error):
        pass


def kill_postgres(c: ha.Cluster, i: int) -> None:
    """SIGKILL to the postmaster first (so it restarts nothing), then to every child."""
    for process in ha.postgres_processes(c, i):
        try:
            os.kill(process, signal.SIGKILL)
        except ProcessLookupError:
            pass


def wait_for_leader(c: ha.Cluster, other_than: int | None = None, timeout: float = 90) -> int:
    """The member that leads (one other than other_than, when given)."""
    found: list[int] = []

    def leads() -> bool:
        i = ha.leader(c)
        if i is not None and i != other_than:
            found.append(i)
        return bool(found)

    what = "no member led" if other_than is None else f"no member other than {c.name(other_than)} became leader"
    ha.wait_until(leads, timeout, what)
    return found[0]


def rejoined(c: ha.Cluster, name: str) -> bool:
    found = {m["name"]: m for m in ha.members(c)}
    leader = next((m for m in found.values() if m.get("role") == "leader"), None)
    return (ha.healthy(c) and name in found and found[name].get("role") in ("replica", "sync_standby")
            and found[name].get("state") == "streaming" and leader is not None and found[name].get("timeline") == leader.get("timeline"))


def maintenance_left(url: str) -> list[str]:
    """What a rescue or a merge can leave: captures, capture logs, rescue staging tables,
    tables of exchange.trades's family that are nobody's partition, rows in the default."""
    with db.connect(url) as conn:
        left = [f"capture on {r[0]}" for r in conn.execute(
            "SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname = 'marketdb_rescue_capture'")]
        left += [f"table {r[0]}" for r in conn.execute(
            "SELECT c.oid::regclass::text FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace"
            " WHERE c.relkind IN ('r', 'p') AND ((n.nspname = 'maintenance' AND c.relname ~ '^rescue_(log|rest)_')"
            "    OR (n.nspname = 'exchange' AND c.relname ~ '^(trades_|rescue_)' AND NOT c.relispartition))")]
        rows = conn.execute("SELECT count(*) FROM exchange.trades_default").fetchone()[0]
    return left + ([f"{rows} rows in exchange.trades_default"] if rows else [])


def trades(url: str, prefix: str) -> dict[str, int]:
    with db.connect(url) as conn:
        return dict(conn.execute("SELECT trade_id, count(*)::int FROM exchange.trades WHERE trade_id LIKE %s GROUP BY 1",
                                 (prefix + "-%",)).fetchall())


def fingerprint(url: str) -> tuple[int, str]:
    with db.connect(url) as conn:
        return conn.execute("SELECT count(*), md5(coalesce(string_agg(trade_id || ' ' || ts::text, ',' ORDER BY trade_id, ts), ''))"
                            "  FROM exchange.trades").fetchone()


def cron_runs_since(url: str, since: datetime) -> list[tuple[str, str]]:
    with db.connect(db.with_dbname(url, "postgres")) as conn:
        return conn.execute("SELECT status, return_message FROM cron.job_run_details WHERE start_time > %s AND end_time IS NOT NULL",
                            (since,)).fetchall()


def slot_synced(c: ha.Cluster, leader: int) -> bool:
    """The subscriber's slot is on every replica as a synchronized copy, at most 1 MB behind."""
    with db.connect(c.url(leader, "postgres")) as conn:
        lsn = conn.execute("SELECT confirmed_flush_lsn FROM pg_replication_slots WHERE slot_name = %s", (replication.PUBLICATION,)).fetchone()
    if not lsn or lsn[0] is None:
        return False
    for i in range(ha.MEMBERS):
        if i == leader:
            continue
        with db.connect(c.url(i, "postgres")) as conn:
            row = conn.execute("SELECT synced, pg_wal_lsn_diff(%s, confirmed_flush_lsn) FROM pg_replication_slots WHERE slot_name = %s",
                               (lsn[0], replication.PUBLICATION)).fetchone()
        if not row or not row[0] or row[1] is None or row[1] > 1 << 20:
            return False
    return True


def test_ha_refuses_a_database_url_and_says_where_the_recipe_is():
    base = free_base()
    for action in ("up", "status", "down"):
        refused = cli(base, "ha", action, DATABASE_URL="postgresql://someone@db.internal/marketdb")
        assert refused.returncode == 2 and "docs/ha.md" in refused.stderr, (action, refused.stderr)
    assert not ha.cluster(base).host_home.exists()
    # No cluster: status says so and exits 3.
    absent = cli(base, "ha", "status")
    assert absent.returncode == 3 and "leader none" in absent.stdout, absent.stdout + absent.stderr


@pytest.fixture(scope="module")
def cluster(deployed_seed):
    base = free_base()
    made = cli(base, "ha", "up", "--every", SCHEDULE)
    c = ha.cluster(base)
    try:
        assert made.returncode == 0, made.stderr[-3000:]
        assert "ready: leader node1" in made.stderr
        state = cli(base, "ha", "status", "--json")
        assert state.returncode == 0, state.stderr
        shown = json.loads(state.stdout)
        assert shown["leader"] == "node1" and sorted(m["role"] for m in shown["members"]) == ["leader", "replica", "sync_standby"]
        assert all(e["healthy"] for e in shown["etcd"])
        with localdb.temporary_server(free_port(), seed=deployed_seed, settings="wal_retrieve_retry_interval = '500ms'\n") as sub:
            replication.subscribe(c.url(0), sub.url("marketdb"), hosts=[("127.0.0.1", c.pg_port(i)) for i in range(ha.MEMBERS)],
                                  failover=True)
            ha.wait_until(lambda: slot_synced(c, 0), 90, "the subscriber's failover slot was not synchronized to both replicas")
            yield c, sub.url("marketdb")
    finally:
        # Patroni's, etcd's and PostgreSQL's logs outlive the cluster, for a failure's reader.
        logs = PROJECT / "build" / "failover-logs"
        shutil.rmtree(logs, ignore_errors=True)
        logs.mkdir(parents=True)
        for log in [*c.host_home.glob("*.log"), *c.host_home.glob("node*/data/log/*.log")]:
            shutil.copy(log, logs / (log.name if log.parent == c.host_home else f"{log.parts[-4]}-{log.name}"))
        gone = cli(base, "ha", "down")
        assert gone.returncode == 0, gone.stderr
        assert not c.host_home.exists()
        assert not ha.running(c) and all(ha.postmaster(c, i) is None for i in range(ha.MEMBERS))
        assert c.root == type(c.root)("/") or not any(os.path.ismount(c.root / where) for where, *_ in ha.MOUNTS)
        build = PROJECT / "build"
        build.mkdir(exist_ok=True)
        (build / "failover.json").write_text(json.dumps(FIGURES, indent=2) + "\n")


def settle(c: ha.Cluster, sub_url: str, writers: Writers, prefix: str, kill_at: float, kill_wall: datetime,
           old: int, promoted: bool = True, extra_rows: tuple[str, int] | None = None, at_promotion=None) -> dict:
    """After a failure: wait for the new leader and its first acknowledged write, stop the
    writers, then check what every scenario promises and return its figures. at_promotion
    is called with the new leader's URL as soon as it leads (before its pg_cron has run)."""
    new = wait_for_leader(c, old if promoted else None, 90 if promoted else 120)
    if at_promotion:
        at_promotion(c.url(new))
    first = ha.wait_until(lambda: writers.first_ack(kill_at, new), 90, f"no write acknowledged by {c.name(new)}")
    time.sleep(2)  # writes go on a while on the new leader
    writers.stop()
    errors = [t for t, _ in writers.errors if t > kill_at]
    url = c.url(new)
    # The old leader is a streaming replica of the new timeline again.
    if new != old:
        ha.wait_until(lambda: rejoined(c, c.name(old)), 180, f"{c.name(old)} did not rejoin as a streaming replica")
    else:
        ha.wait_until(lambda: ha.healthy(c), 180, "the cluster did not become healthy again")
    # pg_cron's job, on the new leader, finishes what the old one left.
    ha.wait_until(lambda: not maintenance_left(url), 180, f"maintenance left work on the new leader: {maintenance_left(url)}")
    ha.wait_until(lambda: any(status == "succeeded" for status, _ in cron_runs_since(url, kill_wall)), 60,
                  "pg_cron's job did not run on the new leader")
    runs = cron_runs_since(url, kill_wall)
    present = trades(url, prefix)
    lost = sorted(set(writers.acked) - set(present))
    doubled = sorted(t for t, n in present.items() if n > 1)
    assert not lost, f"{len(lost)} acknowledged trades lost: {lost[:10]}"
    assert not doubled, f"trades stored twice: {doubled[:10]}"
    if extra_rows:
        batch_prefix, expected = extra_rows
        batch = trades(url, batch_prefix)
        assert len(batch) == expected and set(batch.values()) == {1}, (len(batch), expected)
    # The subscriber continues from the new leader: the same rows, none twice.
    ha.wait_until(lambda: fingerprint(sub_url) == fingerprint(url), 120,
                  f"the subscriber does not hold the leader's trades: {fingerprint(sub_url)} vs {fingerprint(url)}")
    # Ready for the next failure: the subscriber's slot is on both replicas again.
    ha.wait_until(lambda: slot_synced(c, new), 120, "the subscriber's failover slot was not synchronized to both replicas again")
    with writers.lock:
        times = sorted(t for t, _ in writers.acked.values() if t > kill_at - 1)
    return {
        "new_leader": c.name(new),
        # The writers' outage: the longest time between two acknowledged writes.
        "longest_gap_between_acknowledged_writes_s": round(max((b - a for a, b in zip(times, times[1:])), default=0.0), 2),
        "kill_to_first_acknowledged_write_s": round(first - kill_at, 2),
        "writer_error_window_s": round(max(errors) - min(errors), 2) if errors else 0.0,
        "writer_errors": len(errors),
        "acknowledged": len(writers.acked),
        "acknowledged_lost": len(lost),
        "stored_twice": len(doubled),
        "cron_runs_on_new_leader": len(runs),
    }


def test_rescue_copy_when_the_leaders_postgres_is_killed(cluster):
    c, sub_url = cluster
    old = ha.leader(c)
    url = c.url(old)
    with Writers(c, "rescue") as writers:
        time.sleep(1)
        with db.connect(url) as conn:
            conn.execute("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                         " SELECT 'batch1-' || g, 'HA', %s::timestamptz + g * interval '100 ms', 50, 50, 1, 'yes'"
                         "   FROM generate_series(1, %s) AS g", (RESCUE_DAY, RESCUE_ROWS))
        writers.future_day = RESCUE_DAY  # the writers' rows too, captured while the rescue copies
        with db.connect(url) as conn:
            # pg_cron's run, in the rescue's own transaction: capture committed, rows not yet moved.
            ha.wait_until(lambda: conn.execute(
                "SELECT EXISTS (SELECT FROM pg_locks AS l JOIN pg_stat_activity AS a USING (pid)"
                "                WHERE a.query = 'CALL maintenance.run_all()' AND l.granted"
                "                  AND l.relation = 'exchange.trades_default'::regclass)"
                "   AND EXISTS (SELECT FROM pg_trigger WHERE tgrelid = 'exchange.trades_default'::regclass"
                "                  AND tgname = 'marketdb_rescue_capture')"
                "   AND EXISTS (SELECT FROM exchange.trades_default WHERE trade_id = 'batch1-1')").fetchone()[0],
                60, "pg_cron never started the rescue", interval=0.01)
            kill_wall = conn.execute("SELECT now()").fetchone()[0]
        kill_at = time.monotonic()
        kill_postgres(c, old)

        def rescue_undone(url: str) -> None:  # the crash took the whole rescue with it
            with db.connect(url) as conn:
                waiting = conn.execute("SELECT count(*) FROM exchange.trades_default WHERE trade_id LIKE 'batch1-%'").fetchone()[0]
            assert waiting == RESCUE_ROWS, f"the kill missed the rescue: {waiting} of its rows in the default partition"

        FIGURES["rescue copy, PostgreSQL killed"] = settle(c, sub_url, writers, "rescue", kill_at, kill_wall, old,
                                                           extra_rows=("batch1", RESCUE_ROWS), at_promotion=rescue_undone)


def test_merge_swap_when_the_leaders_postgres_is_killed(cluster):
    c, sub_url = cluster
    old = ha.leader(c)
    url = c.url(old)
    with db.connect(url) as conn:
        conn.execute("SELECT maintenance.set_compaction('exchange.trades', NULL)")
        conn.execute("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                     " SELECT 'batch2-' || g, 'HA', %s::timestamptz + g * interval '2 minutes', 50, 50, 1, 'yes'"
                     "   FROM generate_series(1, 20000) AS g", (OLD_MONTH,))
    # pg_cron rescues the month into its days first.
    ha.wait_until(lambda: not maintenance_left(url), 120, "the month's rows were not rescued into days")
    reader, conn = psycopg.connect(url), db.connect(url)  # closed, not committed: their server dies
    with Writers(c, "merge") as writers:
        # The writers' day past the premade week is rescued first: the only lock then asked
        # for on exchange.trades is the merge's.
        time.sleep(1)
        ha.wait_until(lambda: not maintenance_left(url), 60, "the writers' rows were not rescued")
        # A reader's transaction on the month: the merge's swap must wait for it.
        reader.execute("SELECT count(*) FROM exchange.trades WHERE ts >= %s AND ts < %s",
                       (OLD_MONTH, OLD_MONTH + timedelta(days=31)))
        conn.execute("SELECT maintenance.set_compaction('exchange.trades', interval '1 day')")
        ha.wait_until(lambda: conn.execute(
            "SELECT EXISTS (SELECT FROM pg_locks AS l JOIN pg_stat_activity AS a USING (pid)"
            "                WHERE a.query = 'CALL maintenance.run_all()' AND NOT l.granted AND l.mode = 'AccessExclusiveLock'"
            "                  AND l.relation = 'exchange.trades'::regclass)"
            "   AND (SELECT count(*) FROM pg_trigger WHERE tgname = 'marketdb_rescue_capture') >= 28").fetchone()[0],
            90, "pg_cron's merge never reached its swap", interval=0.005)
        kill_wall = conn.execute("SELECT now()").fetchone()[0]
        kill_at = time.monotonic()
        kill_postgres(c, old)
        reader.close()
        conn.close()

        def merge_undone(url: str) -> None:  # the month is still in days, each with its capture
            with db.connect(url) as conn:
                merged = conn.execute("SELECT to_regclass(%s) IS NOT NULL", (f"exchange.trades_p{OLD_MONTH:%Y%m}",)).fetchone()[0]
                captured = conn.execute("SELECT count(*) FROM pg_trigger WHERE tgname = 'marketdb_rescue_capture'").fetchone()[0]
            assert not merged and captured >= 28, (merged, captured)

        figures = settle(c, sub_url, writers, "merge", kill_at, kill_wall, old, extra_rows=("batch2", 20000),
                         at_promotion=merge_undone)
    with db.connect(c.url(ha.leader(c))) as conn:  # the month is one partition now
        assert conn.execute("SELECT to_regclass(%s) IS NOT NULL", (f"exchange.trades_p{OLD_MONTH:%Y%m}",)).fetchone()[0]
    FIGURES["merge swap, PostgreSQL killed"] = figures


def test_idle_when_the_leaders_patroni_is_killed(cluster):
    c, sub_url = cluster
    old = ha.leader(c)
    with Writers(c, "patroni") as writers, db.connect(c.url(old)) as conn:
        time.sleep(2)
        kill_wall = conn.execute("SELECT now()").fetchone()[0]
        kill_at = time.monotonic()
        os.kill(ha.pid(c, f"patroni{old + 1}"), signal.SIGKILL)
        new = wait_for_leader(c, old)
        assert ha.postmaster(c, old) is not None  # the old primary ran on without its Patroni
        ha.start_patroni(c, old)  # as systemd would: it demotes the old primary and rewinds it
        FIGURES["idle, Patroni killed"] = settle(c, sub_url, writers, "patroni", kill_at, kill_wall, old)
        assert FIGURES["idle, Patroni killed"]["new_leader"] == c.name(new)


def test_idle_when_etcd_loses_its_quorum(cluster):
    c, sub_url = cluster
    old = ha.leader(c)
    with Writers(c, "quorum") as writers:
        with db.connect(c.url(old)) as conn:
            time.sleep(2)
            kill_wall = conn.execute("SELECT now()").fetchone()[0]
        kill_at = time.monotonic()
        try:
            for j in (1, 2):
                ha.stop(c, f"etcd{j + 1}")
            # Without the DCS no member may take writes: the leader demotes itself.
            ha.wait_until(lambda: ha.leader(c) is None, 60, "the leader kept taking writes without etcd's quorum")
            demoted = time.monotonic()
            time.sleep(2)
            with writers.lock:
                during = [t for t, _ in writers.acked.values() if t > demoted + 1]
            assert not during, f"{len(during)} writes acknowledged without a leader"
        finally:
            for j in (1, 2):
                ha.start_etcd(c, j)
        FIGURES["idle, etcd quorum lost"] = settle(c, sub_url, writers, "quorum", kill_at, kill_wall, old, promoted=False)
