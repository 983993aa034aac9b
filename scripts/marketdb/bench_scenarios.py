"""The benchmark's measured scenarios. Each compares two things in the same run, runs
`runs` times after a warm-up, and checks its own result, so a broken run cannot produce a
good number."""

from __future__ import annotations

import random
import statistics
import sys
import threading
import time
from datetime import date, datetime, timedelta, timezone
from typing import Callable

import psycopg
import psycopg.sql

from . import config, db, harness, localdb, plan_rules, replication, standby
from .bench_data import SEED, Sizes

_STARTED = time.monotonic()


def log(message: str) -> None:
    print(f"[bench {time.monotonic() - _STARTED:5.0f} s] {message}", file=sys.stderr, flush=True)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def median_runs(runs: int, measure: Callable[[int], float]) -> list[float]:
    measure(-1)  # warm-up, not counted
    return [measure(i) for i in range(runs)]


def check(condition: bool, message: str) -> None:
    if not condition:
        raise RuntimeError(f"benchmark self-check failed: {message}")


def copy_into(conn: psycopg.Connection, table: str, columns: str, data: bytes) -> None:
    with conn.cursor() as cur:
        with cur.copy(f"COPY {table} ({columns}) FROM STDIN (FORMAT csv)") as copy:
            for i in range(0, len(data), 1 << 20):
                copy.write(data[i:i + (1 << 20)])
    conn.commit()


def count(conn: psycopg.Connection, sql: str, params=()) -> int:
    value = conn.execute(sql, params).fetchone()[0]
    conn.commit()
    return value


# --------------------------------------------------------------------------- set-up


def setup(conn: psycopg.Connection, start: datetime) -> None:
    """Plain twins of the benchmarked tables, and partitions for the data's days."""
    conn.execute("CREATE SCHEMA bench AUTHORIZATION marketdb_owner")
    for twin, source in (("exchange_trades_plain", "exchange.trades"), ("crypto_trades_plain", "crypto.trades"),
                         ("onchain_trades_plain", "onchain.trades")):
        # Same columns, constraints, defaults and indexes; only the partitioning differs.
        conn.execute(f"CREATE TABLE bench.{twin} (LIKE {source} INCLUDING ALL)")
    # Only the benchmark's own tables are maintained in this database.
    conn.execute("UPDATE maintenance.policy SET enabled = false")
    cover_days(conn, "exchange.trades", start)
    conn.commit()


def copy_benchmark(conn, sizes: Sizes, start: datetime, partitioned: str, plain: str, columns: str, data: bytes) -> dict:
    def run(table: str) -> float:
        conn.execute(f"TRUNCATE {table}")
        conn.commit()
        seconds = timed(lambda: copy_into(conn, table, columns, data))
        check(count(conn, f"SELECT count(*) FROM {table}") == sizes.copy_rows, f"{table} holds every copied row")
        return seconds

    times: dict[str, list[float]] = {partitioned: [], plain: []}

    def one(i: int) -> float:
        order = (partitioned, plain) if i % 2 == 0 else (plain, partitioned)
        for table in order:
            seconds = run(table)
            if i >= 0:
                times[table].append(seconds)
        return 0.0

    median_runs(sizes.runs, one)
    if partitioned == "exchange.trades":
        check(count(conn, "SELECT count(*) FROM exchange.trades_default") == 0, "no copied trade fell into the default partition")
    ours_rate = sizes.copy_rows / statistics.median(times[partitioned])
    plain_rate = sizes.copy_rows / statistics.median(times[plain])
    return {"rows": sizes.copy_rows, "days": sizes.copy_days, "ours_rows_per_s": round(ours_rate),
            "plain_rows_per_s": round(plain_rate), "ratio": round(ours_rate / plain_rate, 3)}


# Columns of a generated trade: trade_id, ticker, ts, yes_price, no_price, count, taker_side.
UPSERT_SQL = {
    "exchange": ("INSERT INTO {t} (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                 " SELECT u.* FROM unnest(%s::text[], %s::text[], %s::timestamptz[], %s::numeric[], %s::numeric[],"
                 " %s::integer[], %s::text[]) AS u ON CONFLICT DO NOTHING", (0, 1, 2, 3, 4, 5, 6)),
    # The same trades as on-chain fills: ticker as token id, yes price / 100 as price, count as size.
    "onchain": ("INSERT INTO {t} (trade_id, token_id, ts, price, size, side)"
                " SELECT u.a, u.b, u.c, u.d / 100, u.e, CASE u.f WHEN 'yes' THEN 'buy' ELSE 'sell' END"
                " FROM unnest(%s::text[], %s::text[], %s::timestamptz[], %s::numeric[], %s::numeric[], %s::text[])"
                " AS u(a, b, c, d, e, f) ON CONFLICT DO NOTHING", (0, 1, 2, 3, 5, 6)),
}


def upsert_benchmark(conn, sizes: Sizes, ours: str, plain: str, batches: list[list[list[str]]], kind: str) -> dict:
    sql, picked = UPSERT_SQL[kind]
    columns = [[list(col) for col in zip(*batch)] for batch in batches]
    arrays = [[cols[i] for i in picked] for cols in columns]
    distinct = len({row[0] for batch in batches for row in batch})
    times: dict[str, list[float]] = {ours: [], plain: []}

    def run(table: str) -> float:
        conn.execute(f"TRUNCATE {table}")
        conn.commit()
        start = time.perf_counter()
        for a in arrays:
            conn.execute(sql.format(t=table), a)
            conn.commit()
        seconds = time.perf_counter() - start
        check(count(conn, f"SELECT count(*) FROM {table}") == distinct, f"{table} stores each upserted trade once")
        return seconds

    def one(i: int) -> float:
        for table in ((ours, plain) if i % 2 == 0 else (plain, ours)):
            seconds = run(table)
            if i >= 0:
                times[table].append(seconds)
        return 0.0

    median_runs(sizes.runs, one)
    sent = sum(len(b) for b in batches)
    ours_rate = sent / statistics.median(times[ours])
    plain_rate = sent / statistics.median(times[plain])
    return {"batches": len(batches), "batch_rows": sizes.batch_rows, "already_stored": "10%",
            "ours_rows_per_s": round(ours_rate), "plain_rows_per_s": round(plain_rate),
            "ratio": round(ours_rate / plain_rate, 3)}


def point_read_benchmark(conn, sizes: Sizes) -> dict:
    """One ticker's trades for one day, out of read_days x read_rows_per_day trades."""
    end = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    start = end - timedelta(days=sizes.read_days - 1)
    cover_days(conn, "exchange.trades", start)
    conn.execute("TRUNCATE exchange.trades, bench.exchange_trades_plain")
    total = sizes.read_days * sizes.read_rows_per_day
    # Generated in the server from a fixed seed: skewed tickers, times spread over each day.
    fill = ("INSERT INTO {t} (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
            " SELECT 'R' || g, 'KX' || lpad((floor(500 * power(random(), 3)))::int::text, 4, '0'),"
            "        %s::timestamptz + (g / %s) * interval '1 day' + random() * interval '86399 seconds',"
            "        50, 50, 1, 'yes'"
            "   FROM generate_series(0, %s - 1) AS g")
    for table in ("exchange.trades", "bench.exchange_trades_plain"):
        conn.execute("SELECT setseed(0.5)")
        conn.execute(fill.format(t=table), (start, sizes.read_rows_per_day, total))
        conn.execute(f"ANALYZE {table}")
        conn.commit()
    check(count(conn, "SELECT count(*) FROM exchange.trades_default") == 0, "no read-benchmark row fell into the default partition")
    rng = random.Random(SEED)
    queries = [(f"KX{int(500 * rng.random() ** 3):04d}", start + timedelta(days=rng.randrange(sizes.read_days)))
               for _ in range(sizes.read_queries)]
    sql = "EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM {t} WHERE ticker = %s AND ts >= %s AND ts < %s"
    stats: dict[str, dict[str, list[float]]] = {t: {"planning": [], "execution": []}
                                                for t in ("exchange.trades", "bench.exchange_trades_plain")}
    rows_seen: dict[str, list[int]] = {t: [] for t in stats}

    def one(i: int) -> float:
        for table in stats:
            planning, execution, rows = [], [], []
            for ticker, day in queries:
                plan = conn.execute(sql.format(t=table), (ticker, day, day + timedelta(days=1))).fetchone()[0][0]
                planning.append(plan["Planning Time"])
                execution.append(plan["Execution Time"])
                rows.append(plan["Plan"]["Actual Rows"])
            conn.commit()
            if i >= 0:
                stats[table]["planning"].append(statistics.median(planning))
                stats[table]["execution"].append(statistics.median(execution))
                rows_seen[table] = rows
        return 0.0

    median_runs(sizes.runs, one)
    # The same queries through a prepared statement with a generic plan: pruning then
    # happens at execution, and planning is paid once per session, not per query.
    prepared: dict[str, list[float]] = {t: [] for t in stats}
    conn.execute("SET plan_cache_mode = force_generic_plan")
    for n, table in enumerate(stats):
        conn.execute(f"PREPARE point_{n} (text, timestamptz, timestamptz) AS"
                     f" SELECT * FROM {table} WHERE ticker = $1 AND ts >= $2 AND ts < $3")

    def one_prepared(i: int) -> float:
        for n, table in enumerate(stats):
            totals, rows = [], []
            for ticker, day in queries:
                # EXECUTE's arguments are literals here: a utility statement takes no bind parameters.
                statement = psycopg.sql.SQL("EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE {} ({}, {}, {})").format(
                    psycopg.sql.Identifier(f"point_{n}"), psycopg.sql.Literal(ticker), psycopg.sql.Literal(day),
                    psycopg.sql.Literal(day + timedelta(days=1)))
                plan = conn.execute(statement).fetchone()[0][0]
                totals.append(plan["Planning Time"] + plan["Execution Time"])
                rows.append(plan["Plan"]["Actual Rows"])
            conn.commit()
            check(rows == rows_seen[table], f"the prepared query on {table} returns the same rows")
            if i >= 0:
                prepared[table].append(statistics.median(totals))
        return 0.0

    median_runs(sizes.runs, one_prepared)
    conn.execute("DEALLOCATE ALL")
    conn.execute("RESET plan_cache_mode")
    conn.commit()
    check(rows_seen["exchange.trades"] == rows_seen["bench.exchange_trades_plain"], "both tables return the same rows per query")
    check(sum(rows_seen["exchange.trades"]) > 0, "the queries return rows")
    result = {"rows": total, "days": sizes.read_days, "queries": len(queries)}
    for table, key in (("exchange.trades", "partitioned"), ("bench.exchange_trades_plain", "plain")):
        result[f"{key}_planning_ms"] = round(statistics.median(stats[table]["planning"]), 3)
        result[f"{key}_execution_ms"] = round(statistics.median(stats[table]["execution"]), 3)
    part = result["partitioned_planning_ms"] + result["partitioned_execution_ms"]
    plain = result["plain_planning_ms"] + result["plain_execution_ms"]
    result["ratio"] = round(part / plain, 3)
    result["partitioned_prepared_ms"] = round(statistics.median(prepared["exchange.trades"]), 3)
    result["plain_prepared_ms"] = round(statistics.median(prepared["bench.exchange_trades_plain"]), 3)
    result["prepared_ratio"] = round(result["partitioned_prepared_ms"] / result["plain_prepared_ms"], 3)
    conn.execute("TRUNCATE exchange.trades, bench.exchange_trades_plain")
    conn.commit()
    return result


# --------------------------------------------------------------------------- years of history

# At most this many partitions: a table whose backlog is merged (10 years: 120 months and
# about 45 days), merging the month just due.
STEADY_PARTITIONS = 400


def _history_reads(conn, tickers: list[str], days: list[datetime], ids: list[str]) -> dict:
    """The reads of issue 12 on exchange.trades and its plain twin, median of planning +
    execution (EXPLAIN ANALYZE) over the queries, and locks a lookup by id takes."""
    out: dict = {}
    forms = {
        "ticker_day": ("SELECT * FROM {t} WHERE ticker = %s AND ts >= %s AND ts < %s", lambda q: (q[0], q[1], q[1] + timedelta(days=1))),
        # Bounded above too: a history longer than the exchange's window ends in the future.
        "now_relative": ("SELECT * FROM {t} WHERE ticker = %s AND ts >= now() - interval '1 day' AND ts < now()", lambda q: (q[0],)),
        "lookup": ("SELECT * FROM {t} WHERE trade_id = %s", lambda q: (q[2],)),
    }
    queries = list(zip(tickers, days, ids))
    for table, key in (("exchange.trades", "partitioned"), ("bench.exchange_trades_plain", "plain")):
        for name, (sql, args) in forms.items():
            totals, rows = [], []
            for _ in range(3):
                for q in queries:
                    plan = conn.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql.format(t=table), args(q)).fetchone()[0][0]
                    totals.append(plan["Planning Time"] + plan["Execution Time"])
                    rows.append(plan["Plan"]["Actual Rows"])
                conn.commit()
            out[f"{key}_{name}_ms"] = round(statistics.median(totals), 3)
            out[f"{key}_{name}_rows"] = sum(rows)
        # The fast way: exchange.trades_between plans the same range with literal bounds.
        if key == "partitioned":
            totals = []
            for _ in range(3):
                for q in queries:
                    plan = conn.execute("EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM exchange.trades_between(now() - interval '1 day', now(), %s)",
                                        (q[0],)).fetchone()[0][0]
                    totals.append(plan["Planning Time"] + plan["Execution Time"])
                conn.commit()
            out["partitioned_between_ms"] = round(statistics.median(totals), 3)
        conn.execute("SELECT * FROM " + table + " WHERE trade_id = %s", (ids[0],)).fetchall()
        out[f"{key}_lookup_locks"] = conn.execute("SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation'").fetchone()[0]
        conn.commit()
        # A prepared statement with a generic plan: planned once per session, pruned at execution.
        conn.execute("SET plan_cache_mode = force_generic_plan")
        conn.execute(f"PREPARE hist_day (text, timestamptz, timestamptz) AS SELECT * FROM {table} WHERE ticker = $1 AND ts >= $2 AND ts < $3")
        totals = []
        for q in queries:
            statement = psycopg.sql.SQL("EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE hist_day ({}, {}, {})").format(
                psycopg.sql.Literal(q[0]), psycopg.sql.Literal(q[1]), psycopg.sql.Literal(q[1] + timedelta(days=1)))
            plan = conn.execute(statement).fetchone()[0][0]
            totals.append(plan["Planning Time"] + plan["Execution Time"])
        out[f"{key}_ticker_day_prepared_ms"] = round(statistics.median(totals), 3)
        conn.execute("DEALLOCATE hist_day")
        conn.execute("RESET plan_cache_mode")
        conn.commit()
    for name in ("ticker_day", "now_relative", "lookup", "ticker_day_prepared"):
        out[f"{name}_ratio"] = round(out[f"partitioned_{name}_ms"] / out[f"plain_{name}_ms"], 3)
    for name in ("ticker_day", "lookup"):
        check(out[f"partitioned_{name}_rows"] == out[f"plain_{name}_rows"], f"{name}: both tables return the same rows")
    # now() moves between the timed queries (a row of the history may leave or enter the
    # last day meanwhile): the rows are compared in one transaction, at one now().
    same = [conn.execute(f"SELECT count(*) FROM {table} WHERE ticker = ANY (%s) AND ts >= now() - interval '1 day' AND ts < now()",
                         (tickers,)).fetchone()[0] for table in ("exchange.trades", "bench.exchange_trades_plain")]
    conn.commit()
    check(same[0] == same[1], "now_relative: both tables return the same rows at the same now()")
    out["partitions"] = count(conn, "SELECT count(*) FROM maintenance.partitions_of('exchange.trades')")
    return out


def _compact_all(url: str, reference: datetime) -> dict:
    """Every month due at the reference time merged, a step per transaction as `marketdb
    maintain` calls compact_for (run_compaction: the owner's path, at the history's own
    time), while a writer inserts a trade for now() every 5 ms."""
    stop, waits, errors = threading.Event(), [], []

    def writer() -> None:
        with psycopg.connect(url, autocommit=True) as w:
            i = 0
            while not stop.is_set():
                i += 1
                started = time.perf_counter()
                try:
                    w.execute("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                              " VALUES (%s, 'WRITER', now(), 50, 50, 1, 'yes')", (f"w-{time.time_ns()}-{i}",))
                except psycopg.Error as exc:
                    errors.append(f"{exc.sqlstate}: {exc}")
                waits.append((started, (time.perf_counter() - started) * 1000))
                time.sleep(0.005)

    thread = threading.Thread(target=writer)
    thread.start()
    time.sleep(0.3)
    steps, months, locked, calls = 0, 0, [], []
    started = time.perf_counter()
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            while True:
                partitions = conn.execute("SELECT count(*) FROM pg_inherits WHERE inhparent = 'exchange.trades'::regclass").fetchone()[0]
                call_started = time.perf_counter()
                actions = conn.execute("SELECT action, detail FROM maintenance.run_compaction('exchange.trades', %s, false)",
                                       (reference,)).fetchall()
                calls.append((call_started, time.perf_counter(), partitions))
                steps += 1
                for action, detail in actions:
                    if action == "compact":
                        months += 1
                        locked.append((partitions, float(detail.rsplit("locked ", 1)[1].split(" ")[0])))
                    check(action not in ("error", "lock_timeout", "skip"), f"compaction step: {action}: {detail}")
                if not any(a in ("capture", "compact") for a, _ in actions):
                    break
    finally:
        seconds = time.perf_counter() - started
        time.sleep(0.1)
        stop.set()
        thread.join(timeout=60)
    check(not errors, f"the writer failed during compaction: {errors[:3]}")
    # The steady state: merging one month beside what a table keeps once its backlog is
    # merged (months plus about 35 + premake days), not the first merges of years of days.
    steady = [(t0, t1) for t0, t1, n in calls if n <= STEADY_PARTITIONS]
    steady_waits = [ms for at, ms in waits if any(t0 <= at <= t1 for t0, t1 in steady)]
    return {"months": months, "calls": steps, "seconds": round(seconds, 1), "writer_max_wait_ms": round(max(ms for _, ms in waits), 1),
            "parent_locked_max_ms": max((ms for _, ms in locked), default=0), "writer_rows": len(waits),
            "partitions_first_merge": calls[0][2] if calls else 0, "steady_partitions": STEADY_PARTITIONS,
            "steady_writer_max_wait_ms": round(max(steady_waits), 1) if steady_waits else None,
            "steady_parent_locked_max_ms": max((ms for n, ms in locked if n <= STEADY_PARTITIONS), default=None)}


def history_benchmark(conn, url: str, sizes: Sizes) -> list[dict]:
    """exchange.trades with years of daily partitions against its plain twin, before and after
    the months are merged (issue 12)."""
    results = []
    today = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    for days in sizes.history:
        # The exchange's times start in 2018 (trades_ts_plausible): a history longer than
        # that ends in the future, and is merged at its own last day.
        end = max(today, datetime(2018, 1, 1, tzinfo=timezone.utc) + timedelta(days=days + 40))
        compact_after = conn.execute("SELECT compact_after FROM maintenance.policy WHERE parent_table = 'exchange.trades'").fetchone()[0]
        conn.execute("SELECT maintenance.set_compaction('exchange.trades', NULL)")
        conn.execute("TRUNCATE exchange.trades, bench.exchange_trades_plain")
        for (partition,) in conn.execute("SELECT partition::text FROM maintenance.partitions_of('exchange.trades') WHERE NOT is_default").fetchall():
            conn.execute(f"DROP TABLE {partition}")
        conn.commit()
        start = end - timedelta(days=days - 1)
        log(f"9: {days} days of history: {days + 8} daily partitions, {days * sizes.history_rows_per_day:,} trades")
        conn.execute("SET ROLE marketdb_owner")
        for d in range(days + 8):
            day = start + timedelta(days=d)
            conn.execute(f"CREATE TABLE exchange.trades_p{day:%Y%m%d} PARTITION OF exchange.trades FOR VALUES FROM ('{day.isoformat()}') TO ('{(day + timedelta(days=1)).isoformat()}')")
            if d % 200 == 199:
                conn.commit()
        conn.execute("RESET ROLE")
        conn.commit()
        fill = ("INSERT INTO {t} (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                " SELECT 'H' || g, 'KX' || lpad((floor(500 * power(random(), 3)))::int::text, 4, '0'),"
                "        %s::timestamptz + (g / %s) * interval '1 day' + random() * interval '86399 seconds', 50, 50, 1, 'yes'"
                "   FROM generate_series(0, %s - 1) AS g")
        for table in ("exchange.trades", "bench.exchange_trades_plain"):
            conn.execute("SELECT setseed(0.25)")
            conn.execute(fill.format(t=table), (start, sizes.history_rows_per_day, days * sizes.history_rows_per_day))
            conn.execute(f"ANALYZE {table}")
            conn.commit()
        check(count(conn, "SELECT count(*) FROM exchange.trades_default") == 0, "no history row fell into the default partition")
        rng = random.Random(SEED + days)
        n = 20
        tickers = [f"KX{int(500 * rng.random() ** 3):04d}" for _ in range(n)]
        query_days = [start + timedelta(days=rng.randrange(days)) for _ in range(n)]
        ids = [f"H{rng.randrange(days * sizes.history_rows_per_day)}" for _ in range(n)]
        before = _history_reads(conn, tickers, query_days, ids)
        conn.execute("SELECT maintenance.set_compaction('exchange.trades', %s)", (compact_after,))  # the plan's default
        conn.commit()
        quiesce(conn)
        log(f"9: merging {days} days into months (compact_after {compact_after})")
        compaction = _compact_all(url, end + timedelta(hours=12))
        conn.execute("DELETE FROM exchange.trades WHERE ticker = 'WRITER'")
        conn.execute("ANALYZE exchange.trades")
        conn.commit()
        check(count(conn, "SELECT count(*) FROM exchange.trades") == count(conn, "SELECT count(*) FROM bench.exchange_trades_plain"),
              "compaction kept every row")
        after = _history_reads(conn, tickers, query_days, ids)
        results.append({"days": days, "rows": days * sizes.history_rows_per_day, "before": before, "after": after, "compaction": compaction})
    conn.execute("TRUNCATE exchange.trades, bench.exchange_trades_plain")
    conn.commit()
    return results


# --------------------------------------------------------------------------- maintenance vs pg_partman

MAINT_TABLES = ("m1", "m2", "m3")


def _make_maintenance_tables(conn, n: int) -> None:
    """Three tables each for marketdb's maintenance and pg_partman, n daily partitions each."""
    conn.execute("DROP SCHEMA IF EXISTS bench_ours CASCADE")
    conn.execute("DROP SCHEMA IF EXISTS bench_partman CASCADE")
    conn.execute("DELETE FROM maintenance.policy WHERE parent_table LIKE 'bench_ours.%'")
    conn.execute("DELETE FROM partman.part_config WHERE parent_table LIKE 'bench_partman.%'")
    for name in MAINT_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS partman.template_bench_partman_{name}")
    conn.execute("CREATE SCHEMA bench_ours AUTHORIZATION marketdb_owner")
    conn.execute("CREATE SCHEMA bench_partman")
    today = server_today(conn)
    # n + 1 days in all: first .. today + 8, one day past both systems' premake of 7, so
    # neither has work at any hour, nor when the clock passes noon or midnight mid-run.
    # pg_partman counts premade partitions as round((last end - now) / 1 day): with only
    # today + 7 made, that is 6 after 12:00 UTC and its run adds a partition.
    first = today - timedelta(days=n - 8)
    for name in MAINT_TABLES:
        ddl = ("CREATE TABLE {s}.{t} (id bigint NOT NULL, ts timestamptz NOT NULL, v numeric NOT NULL,"
               " CONSTRAINT {t}_key UNIQUE (id, ts)) PARTITION BY RANGE (ts)")
        conn.execute("SET ROLE marketdb_owner")
        conn.execute(ddl.format(s="bench_ours", t=name))
        conn.execute(f"CREATE TABLE bench_ours.{name}_default PARTITION OF bench_ours.{name} DEFAULT")
        conn.execute("RESET ROLE")
        conn.execute("SELECT maintenance.register_partitioned_table(%s)", (f"bench_ours.{name}",))
        cover_days(conn, f"bench_ours.{name}", first)
        # One run makes at most 400 partitions per table: run until nothing is deferred.
        while conn.execute("SELECT count(*) FILTER (WHERE action = 'deferred') FROM maintenance.run_maintenance_for(%s, now(), false, 8)",
                           (f"bench_ours.{name}",)).fetchone()[0]:
            pass
        conn.execute(ddl.format(s="bench_partman", t=name))
        conn.execute("SELECT partman.create_parent(%s, 'ts', '1 day', p_premake := 8, p_start_partition := %s)",
                     (f"bench_partman.{name}", first.isoformat()))
        # Premake 7 like ours (8 above only made the extra day), and from the clock even on
        # an empty table, as marketdb's maintenance does.
        conn.execute("UPDATE partman.part_config SET premake = 7, infinite_time_partitions = true WHERE parent_table = %s",
                     (f"bench_partman.{name}",))
        conn.commit()
    for schema in ("bench_ours", "bench_partman"):
        for name in MAINT_TABLES:
            parts = count(conn, "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                                " WHERE c.relkind = 'r' AND i.inhparent = %s::regclass", (f"{schema}.{name}",))
            check(abs(parts - (n + 2)) <= 2, f"{schema}.{name} has about {n + 1} daily partitions plus its default (has {parts})")


def maintain_at(conn, table: str, reference, premake: int | None = None) -> None:
    """A maintenance run at a reference time far from the clock: the owner's path (the bench
    connects as a superuser); the maintainer's entry points hold real runs near the clock."""
    conn.execute("SELECT count(*) FROM maintenance.run_policies(ARRAY[%s], %s, %s, false, %s)", (table, table, reference, premake))


def cover_days(conn, table: str, first: date | datetime) -> None:
    """Partitions for every day from first through the clock's premake. Gap filling only looks
    a week back from its reference, so step the reference a week at a time, then run at now."""
    if not isinstance(first, datetime):
        first = datetime.combine(first, datetime.min.time(), timezone.utc)
    now = conn.execute("SELECT now()").fetchone()[0]  # the server's clock: tests move it
    reference = first  # at least once: a run at now() fills no day before the first partition
    while True:
        maintain_at(conn, table, reference)
        reference += timedelta(days=7)
        if reference >= now - timedelta(days=7):
            break
    conn.execute("SELECT count(*) FROM maintenance.run_maintenance_for(%s, now())", (table,))


def run_all(conn) -> None:
    """CALL maintenance.run_all(): it commits table by table, so not inside a transaction."""
    conn.commit()
    conn.autocommit = True
    try:
        conn.execute("CALL maintenance.run_all()")
    finally:
        conn.autocommit = False


def quiesce(conn) -> None:
    """VACUUM the system catalogs before a writer-wait measurement. The sections before churn
    thousands of partitions in minutes (made, merged, dropped); until autovacuum reaches the
    catalogs, every catalog lookup of the DDL under measure steps over their dead rows. What
    is measured is then maintenance's own lock, not the previous section's leftovers."""
    conn.commit()
    conn.autocommit = True
    try:
        for (catalog,) in conn.execute("SELECT c.oid::regclass::text FROM pg_class AS c"
                                       " WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'r'"
                                       " ORDER BY 1").fetchall():
            conn.execute(f"VACUUM {catalog}")
    finally:
        conn.autocommit = False


def server_today(conn) -> date:
    """The server's UTC date: days are cut by the server's clock, which may differ from this
    process's (tests move it)."""
    return conn.execute("SELECT (now() AT TIME ZONE 'UTC')::date").fetchone()[0]


def partition_count(conn, schema: str) -> int:
    return count(conn, "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                       " WHERE c.relkind = 'r' AND c.relnamespace = %s::regnamespace", (schema,))


def maintenance_benchmark(conn, sizes: Sizes) -> dict:
    conn.execute("CREATE SCHEMA IF NOT EXISTS partman")
    conn.execute("CREATE EXTENSION IF NOT EXISTS pg_partman SCHEMA partman")
    # marketdb's run_all() covers the three bench tables only, as pg_partman's does:
    # the deployed tables' policies are paused for the comparison (and restored after).
    paused = [r[0] for r in conn.execute(
        "UPDATE maintenance.policy SET enabled = false WHERE enabled AND parent_table NOT LIKE 'bench\\_ours.%%'"
        " RETURNING parent_table").fetchall()]
    conn.commit()
    try:
        return _maintenance_comparison(conn, sizes)
    finally:
        conn.rollback()
        conn.execute("UPDATE maintenance.policy SET enabled = true WHERE parent_table = ANY(%s)", (paused,))
        conn.commit()


def _maintenance_comparison(conn, sizes: Sizes) -> dict:
    curve = []
    for n in sizes.maintenance_partitions:
        log(f"maintenance: {n} daily partitions x 3 tables, marketdb vs pg_partman")
        _make_maintenance_tables(conn, n)

        def ours() -> None:
            run_all(conn)
            outcomes = {r[0] for r in conn.execute("SELECT last_outcome FROM maintenance.policy WHERE parent_table LIKE 'bench\\_ours.%'")}
            conn.commit()
            check(outcomes == {"noop"}, f"marketdb's run at {n} partitions had nothing to do ({outcomes})")

        def partman() -> None:
            conn.execute("SELECT partman.run_maintenance(p_jobmon := false)")
            conn.commit()

        times = {"ours": [], "partman": []}
        ours(), partman()  # warm-up
        before = partition_count(conn, "bench_ours"), partition_count(conn, "bench_partman")
        for i in range(sizes.runs):
            for key, run in ((("ours", ours), ("partman", partman)) if i % 2 == 0 else (("partman", partman), ("ours", ours))):
                times[key].append(timed(run) * 1000)
        check((partition_count(conn, "bench_ours"), partition_count(conn, "bench_partman")) == before, "a no-op run changed no partition")
        ours_ms, partman_ms = statistics.median(times["ours"]), statistics.median(times["partman"])
        curve.append({"partitions_per_table": n, "ours_ms": round(ours_ms, 2), "partman_ms": round(partman_ms, 2),
                      "ratio": round(ours_ms / partman_ms, 3)})
    # 6: add the next day's partitions (everything past the server's today + 6 dropped
    # first), and rescue rows. Both re-create at least today + 7 for each table; pg_partman
    # also today + 8 after 12:00 UTC (its rounding, see _make_maintenance_tables), so the
    # count is checked as a lower bound, whatever the hour.
    adds = {"ours": [], "partman": []}
    for i in range(sizes.runs + 1):
        for schema, key in (("bench_ours", "ours"), ("bench_partman", "partman")):
            for name in MAINT_TABLES:
                horizon = conn.execute(
                    "SELECT c.oid::regclass::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                    " WHERE i.inhparent = %s::regclass AND pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'"
                    "   AND c.relname > %s || to_char((now() AT TIME ZONE 'UTC')::date + 6, 'YYYYMMDD')",
                    (f"{schema}.{name}", f"{name}_p")).fetchall()
                for (child,) in horizon:
                    conn.execute(f"DROP TABLE {child}")
            conn.commit()
            before = partition_count(conn, schema)
            seconds = timed(lambda: run_all(conn) if key == "ours"
                            else (conn.execute("SELECT partman.run_maintenance(p_jobmon := false)"), conn.commit()))
            check(partition_count(conn, schema) >= before + 3, f"{key} re-created the dropped partitions of the next day")
            if i > 0:
                adds[key].append(seconds * 1000)
    rescues = {"ours": [], "partman": []}
    # Beyond premake (no partition yet), inside the 31 days ahead maintenance makes partitions for.
    day = datetime.combine(server_today(conn) + timedelta(days=20), datetime.min.time(), timezone.utc)
    for i in range(sizes.runs + 1):
        for schema, key in (("bench_ours", "ours"), ("bench_partman", "partman")):
            conn.execute(f"DELETE FROM {schema}.m1 WHERE ts >= %s", (day,))
            for child in conn.execute("SELECT c.oid::regclass::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                                      " WHERE i.inhparent = %s::regclass AND c.relname LIKE %s",
                                      (f"{schema}.m1", f"m1_p{day:%Y%m%d}%")).fetchall():
                conn.execute(f"DROP TABLE {child[0]}")
            conn.execute(f"INSERT INTO {schema}.m1 (id, ts, v) SELECT g, %s + g * interval '0.5 second', g FROM generate_series(1, %s) AS g",
                         (day, sizes.rescue_rows))
            conn.commit()
            check(count(conn, f"SELECT count(*) FROM {schema}.m1_default") == sizes.rescue_rows, f"{key}: rows wait in the default partition")
            if key == "ours":
                # As `marketdb maintain` does: prepare_rescue committed first, then the run.
                seconds = timed(lambda: (conn.execute("SELECT count(*) FROM maintenance.prepare_rescue('bench_ours.m1')"), conn.commit(),
                                         conn.execute("SELECT count(*) FROM maintenance.run_maintenance_for('bench_ours.m1')"), conn.commit()))
            else:
                seconds = timed(lambda: (conn.execute("SELECT partman.partition_data_time('bench_partman.m1', p_batch_count := 10)"), conn.commit()))
            check(count(conn, f"SELECT count(*) FROM {schema}.m1_default") == 0, f"{key} emptied the default partition")
            check(count(conn, f"SELECT count(*) FROM {schema}.m1 WHERE ts >= %s", (day,)) == sizes.rescue_rows, f"{key} kept every row")
            if i > 0:
                rescues[key].append(seconds)
    return {
        "noop_curve": curve,
        "add_next_day": {"tables": 3, "ours_ms": round(statistics.median(adds["ours"]), 2),
                         "partman_ms": round(statistics.median(adds["partman"]), 2)},
        "rescue_default": {"rows": sizes.rescue_rows,
                           "ours_ms": round(statistics.median(rescues["ours"]) * 1000, 1),
                           "ours_rows_per_s": round(sizes.rescue_rows / statistics.median(rescues["ours"])),
                           "partman_ms": round(statistics.median(rescues["partman"]) * 1000, 1),
                           "partman_rows_per_s": round(sizes.rescue_rows / statistics.median(rescues["partman"]))},
    }


# --------------------------------------------------------------------------- writer waits


def _writer_waits(url: str, table: str, stop: threading.Event, waits: list[float], errors: list[str],
                  late_day: datetime | None = None) -> None:
    """One writer inserting a row every 5 ms, for now() or (a late writer) for late_day; each
    insert's latency is recorded, and any error."""
    with psycopg.connect(url, autocommit=True) as conn:
        i = 0
        while not stop.is_set():
            i += 1
            started = time.perf_counter()
            try:
                if late_day is None:
                    conn.execute(f"INSERT INTO {table} (id, ts, v) VALUES (%s, now(), 1)", (10_000_000_000 + i,))
                else:
                    conn.execute(f"INSERT INTO {table} (id, ts, v) VALUES (%s, %s::timestamptz + %s * interval '1 ms', 2)",
                                 (20_000_000_000 + i, late_day, i))
            except psycopg.Error as exc:
                errors.append(f"{exc.sqlstate}: {exc}")
            waits.append((time.perf_counter() - started) * 1000)
            time.sleep(0.005)


def _with_writer(url: str, table: str, action: Callable[[], object],
                 late_day: datetime | None = None) -> tuple[float, float, float | None, int, list[str]]:
    """Runs action while a writer inserts rows for now() into table (and, given late_day, a
    second one inserts rows for that day); returns (action ms, writer max wait ms, late
    writer max wait ms, late rows written, writer errors)."""
    stop, waits, late_waits, errors = threading.Event(), [], [], []
    writers = [threading.Thread(target=_writer_waits, args=(url, table, stop, waits, errors))]
    if late_day is not None:
        writers.append(threading.Thread(target=_writer_waits, args=(url, table, stop, late_waits, errors, late_day)))
    for w in writers:
        w.start()
    time.sleep(0.3)
    try:
        seconds = timed(action)
    finally:
        time.sleep(0.1)
        stop.set()
        for w in writers:
            w.join(timeout=120)
    return seconds * 1000, max(waits), (max(late_waits) if late_waits else None), len(late_waits), errors


def writer_wait_benchmark(conn, url: str, sizes: Sizes) -> dict:
    """Issue 10's measure, marketdb beside pg_partman 5.2 on identical tables: how long one
    writer (a row every 5 ms) waits while maintenance detaches a partition of wait_rows rows
    past retention, and while it rescues wait_rows rows from the default partition."""
    today = server_today(conn)
    old_day = today - timedelta(days=40)
    rescue_day = today + timedelta(days=20)
    ddl = "CREATE TABLE {s}.w1 (id bigint NOT NULL, ts timestamptz NOT NULL, v numeric NOT NULL, CONSTRAINT w1_key UNIQUE (id, ts)) PARTITION BY RANGE (ts)"
    conn.execute("DROP TABLE IF EXISTS bench_ours.w1, bench_partman.w1")
    conn.execute("DELETE FROM maintenance.policy WHERE parent_table = 'bench_ours.w1'")
    conn.execute("DELETE FROM partman.part_config WHERE parent_table = 'bench_partman.w1'")
    conn.execute("DROP TABLE IF EXISTS partman.template_bench_partman_w1")
    conn.execute("SET ROLE marketdb_owner")
    conn.execute(ddl.format(s="bench_ours"))
    conn.execute("CREATE TABLE bench_ours.w1_default PARTITION OF bench_ours.w1 DEFAULT")
    conn.execute("RESET ROLE")
    conn.execute("SELECT maintenance.register_partitioned_table('bench_ours.w1', p_retention => interval '30 days', p_retention_action => 'detach')")
    # Every day from old_day - 1 through today + 8 gets its partition now, as pg_partman's
    # create_parent does below, so the measured run only detaches (and makes no partition).
    maintain_at(conn, "bench_ours.w1", datetime.combine(old_day, datetime.min.time(), timezone.utc) + timedelta(hours=12), 48)
    conn.execute(ddl.format(s="bench_partman"))
    conn.execute("SELECT partman.create_parent('bench_partman.w1', 'ts', '1 day', p_premake := 8, p_start_partition := %s)", (old_day.isoformat(),))
    conn.execute("UPDATE partman.part_config SET premake = 7, infinite_time_partitions = true, retention = '30 days',"
                 " retention_keep_table = true WHERE parent_table = 'bench_partman.w1'")
    fill = "INSERT INTO {t} (id, ts, v) SELECT g, %s::timestamptz + g * interval '1 ms' * (86000000.0 / %s), g FROM generate_series(1, %s) AS g"
    start_old = datetime.combine(old_day, datetime.min.time(), timezone.utc)
    for schema in ("bench_ours", "bench_partman"):
        conn.execute(fill.format(t=f"{schema}.w1"), (start_old, sizes.wait_rows, sizes.wait_rows))
        # A row today: the old partition is not the newest one holding data, so it may go.
        conn.execute(f"INSERT INTO {schema}.w1 (id, ts, v) VALUES (0, now(), 0)")
    conn.commit()
    check(count(conn, f"SELECT count(*) FROM bench_ours.w1_p{old_day:%Y%m%d}") == sizes.wait_rows, "the old partition is full")
    # Only this table is maintained by marketdb's run here (as pg_partman's run_maintenance(table)).
    conn.execute("UPDATE maintenance.policy SET enabled = (parent_table = 'bench_ours.w1')")
    conn.commit()
    result: dict = {"rows": sizes.wait_rows}
    quiesce(conn)
    log(f"8: writer waits while a {sizes.wait_rows:,}-row partition past retention is detached")
    ours = _with_writer(url, "bench_ours.w1", lambda: run_all(conn))
    check(ours[4] == [], f"no writer error while marketdb detached: {ours[4][:3]}")
    check(to_regclass(conn, f"bench_ours.w1_p{old_day:%Y%m%d}") and not is_partition(conn, f"bench_ours.w1_p{old_day:%Y%m%d}"),
          "marketdb detached the old partition")
    partman = _with_writer(url, "bench_partman.w1", lambda: (conn.execute("SELECT partman.run_maintenance('bench_partman.w1', p_jobmon := false)"), conn.commit()))
    check(not is_partition(conn, f"bench_partman.w1_p{old_day:%Y%m%d}"), "pg_partman detached the old partition")
    result["detach"] = {"ours_ms": round(ours[0], 1), "ours_writer_max_wait_ms": round(ours[1], 1),
                        "partman_ms": round(partman[0], 1), "partman_writer_max_wait_ms": round(partman[1], 1)}
    log(f"8: writer waits while {sizes.wait_rows:,} rows are rescued from the default partition")
    start_rescue = datetime.combine(rescue_day, datetime.min.time(), timezone.utc)
    for schema in ("bench_ours", "bench_partman"):
        conn.execute(f"DELETE FROM {schema}.w1 WHERE ts >= %s", (start_rescue,))
        for (child,) in conn.execute("SELECT c.oid::regclass::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                                     " WHERE i.inhparent = %s::regclass AND c.relname LIKE %s", (f"{schema}.w1", f"w1_p{rescue_day:%Y%m%d}%")).fetchall():
            conn.execute(f"DROP TABLE {child}")
        conn.execute(fill.format(t=f"{schema}.w1"), (start_rescue, sizes.wait_rows, sizes.wait_rows))
    conn.commit()
    check(count(conn, "SELECT count(*) FROM bench_ours.w1_default") == sizes.wait_rows, "the rows wait in marketdb's default partition")
    # Beside the writer of today's rows, a late writer adds rows for the very day being
    # rescued: they reach the default partition while its rows are copied out.
    late_day = start_rescue + timedelta(hours=23)
    ours = _with_writer(url, "bench_ours.w1", lambda: run_all(conn), late_day)
    check(ours[4] == [], f"no writer error while marketdb rescued: {ours[4][:3]}")
    check(count(conn, "SELECT count(*) FROM bench_ours.w1_default") == 0, "marketdb rescued every row")
    check(count(conn, "SELECT count(*) FROM bench_ours.w1 WHERE ts >= %s", (start_rescue,)) == sizes.wait_rows + ours[3],
          "marketdb kept every row, the late writer's included")
    partman_failure: list[str] = []

    def partman_rescue() -> None:
        conn.commit()
        conn.autocommit = True
        try:
            conn.execute("CALL partman.partition_data_proc('bench_partman.w1', p_wait := 0, p_quiet := true)")
        except psycopg.Error as exc:  # a late row for the day it is moving breaks its ATTACH
            partman_failure.append((exc.diag.message_primary or str(exc)).splitlines()[0])
        finally:
            conn.autocommit = False

    partman = _with_writer(url, "bench_partman.w1", partman_rescue, late_day)
    partman_rows = count(conn, "SELECT count(*) FROM bench_partman.w1 WHERE ts >= %s", (start_rescue,))
    result["rescue"] = {"ours_ms": round(ours[0], 1), "ours_writer_max_wait_ms": round(ours[1], 1),
                        "ours_late_writer_max_wait_ms": round(ours[2], 1), "ours_late_rows": ours[3],
                        "partman_ms": round(partman[0], 1), "partman_writer_max_wait_ms": round(partman[1], 1),
                        "partman_late_writer_max_wait_ms": round(partman[2], 1), "partman_late_rows": partman[3],
                        "partman_writer_errors": len(partman[4]), "partman_rows_kept": partman_rows == sizes.wait_rows + partman[3] - len(partman[4]),
                        "partman_default_rows_after": count(conn, "SELECT count(*) FROM bench_partman.w1_default"),
                        "partman_failure": partman_failure[0] if partman_failure else None}
    conn.execute("UPDATE maintenance.policy SET enabled = true")
    conn.commit()
    return result


EDGE_ROW_REPS = 3  # fresh tables, each with one edge row: the worst is held to the bound
EDGE_DEFAULT_ROWS = (0, 10_000, 100_000)  # rows in the default partition during a month's ATTACH


def edge_benchmark(conn, url: str, sizes: Sizes) -> dict:
    """Issue 19's measures on bench_ours.e1: (a) a writer of today's rows while maintenance
    handles one row at 2018-01-01 (its day rescued, then merged into its month); (b) the
    horizon trigger's cost on rows that land in a default partition (rows routed to their
    day never meet it); (c) what rows in the default partition cost a month's ATTACH, which
    scans it (compaction_plan defers merges above 10,000 such rows); (d) ANALYZE of the
    parent after maintenance changed its partitions."""
    ddl = "CREATE TABLE bench_ours.e1 (id bigint NOT NULL, ts timestamptz NOT NULL, v numeric NOT NULL, CONSTRAINT e1_key UNIQUE (id, ts)) PARTITION BY RANGE (ts)"

    def make_table() -> None:
        conn.execute("DROP TABLE IF EXISTS bench_ours.e1")
        conn.execute("DELETE FROM maintenance.policy WHERE parent_table = 'bench_ours.e1'")
        conn.execute("SET ROLE marketdb_owner")
        conn.execute(ddl)
        conn.execute("CREATE TABLE bench_ours.e1_default PARTITION OF bench_ours.e1 DEFAULT")
        conn.execute("RESET ROLE")
        conn.execute("SELECT maintenance.register_partitioned_table('bench_ours.e1')")
        conn.execute("SELECT maintenance.set_compaction('bench_ours.e1', interval '3 days')")
        conn.execute("SELECT count(*) FROM maintenance.run_maintenance_for('bench_ours.e1', now())")
        conn.execute("UPDATE maintenance.policy SET enabled = (parent_table = 'bench_ours.e1')")
        conn.commit()

    result: dict = {}
    log(f"11: writer waits while one row at 2018-01-01 is handled ({EDGE_ROW_REPS} fresh tables)")
    partitions = lambda: count(conn, "SELECT count(*) FROM maintenance.partitions_of('bench_ours.e1')")
    quiesce(conn)
    reps = []
    for _ in range(EDGE_ROW_REPS):
        make_table()
        before = partitions()
        conn.execute("INSERT INTO bench_ours.e1 (id, ts, v) VALUES (-1, '2018-01-01 00:00+00', 0)")
        conn.commit()
        ours = _with_writer(url, "bench_ours.e1", lambda: run_all(conn))
        check(ours[4] == [], f"no writer error while the edge row was handled: {ours[4][:3]}")
        check(count(conn, "SELECT count(*) FROM bench_ours.e1_p201801") == 1, "the edge row is in its month")
        reps.append((ours[0], ours[1], partitions() - before))
    # The worst of the tables is the figure held to the bound.
    result["edge_row"] = {"run_ms": round(statistics.median(r[0] for r in reps), 1),
                          "writer_max_wait_ms": round(max(r[1] for r in reps), 1),
                          "writer_max_wait_ms_each": [round(r[1], 1) for r in reps],
                          "partitions_added": reps[-1][2]}

    n = sizes.rescue_rows
    log(f"11: the horizon trigger's cost on {n:,} rows that land in the default partition")
    day = server_today(conn)
    waiting = datetime.combine(day + timedelta(days=20), datetime.min.time(), timezone.utc)
    routed = datetime.combine(day, datetime.min.time(), timezone.utc)
    fill = "INSERT INTO bench_ours.e1 (id, ts, v) SELECT g, %s::timestamptz + g * interval '1 ms', g FROM generate_series(1, %s) AS g"
    times: dict[str, list[float]] = {"default": [], "default_no_trigger": [], "routed": []}

    def insert(kind: str) -> float:
        conn.execute("ALTER TABLE bench_ours.e1_default " + ("DISABLE" if kind == "default_no_trigger" else "ENABLE") + " TRIGGER marketdb_horizon")
        conn.execute("DELETE FROM bench_ours.e1 WHERE id > 0")
        conn.commit()
        seconds = timed(lambda: (conn.execute(fill, (routed if kind == "routed" else waiting, n)), conn.commit()))
        check(count(conn, "SELECT count(*) FROM bench_ours.e1 WHERE id > 0") == n, f"{kind}: every row stored")
        return seconds

    def one(i: int) -> float:
        kinds = list(times) if i % 2 == 0 else list(reversed(times))
        for kind in kinds:
            seconds = insert(kind)
            if i >= 0:
                times[kind].append(seconds)
        return 0.0

    median_runs(sizes.runs, one)
    conn.execute("ALTER TABLE bench_ours.e1_default ENABLE TRIGGER marketdb_horizon")
    med = {k: statistics.median(v) for k, v in times.items()}
    result["horizon_trigger"] = {"rows": n, "default_ms": round(med["default"] * 1000, 1),
                                 "default_no_trigger_ms": round(med["default_no_trigger"] * 1000, 1),
                                 "routed_ms": round(med["routed"] * 1000, 1),
                                 "ratio": round(med["default"] / med["default_no_trigger"], 3)}

    log("11: a month's ATTACH with rows in the default partition")
    conn.execute("DELETE FROM bench_ours.e1 WHERE id > 0")
    attach: list[dict] = []
    for rows in EDGE_DEFAULT_ROWS:
        conn.execute("DELETE FROM bench_ours.e1_default")
        if rows:
            conn.execute(fill, (waiting, rows))
        conn.execute("SET ROLE marketdb_owner")
        conn.execute("CREATE TABLE bench_ours.e1_attach (LIKE bench_ours.e1 INCLUDING ALL)")
        conn.execute("RESET ROLE")
        conn.commit()

        def attach_once() -> None:
            conn.execute("ALTER TABLE bench_ours.e1 ATTACH PARTITION bench_ours.e1_attach FOR VALUES FROM ('2017-06-01 00:00+00') TO ('2017-07-01 00:00+00')")
            conn.commit()

        seconds = timed(attach_once)
        conn.execute("DROP TABLE bench_ours.e1_attach")
        conn.commit()
        attach.append({"default_rows": rows, "attach_ms": round(seconds * 1000, 2)})
    conn.execute("DELETE FROM bench_ours.e1_default")
    conn.commit()
    result["attach"] = attach

    log("11: ANALYZE of the parent")
    analyze: list[dict] = []
    for rows in (n, 10 * n):
        conn.execute("DELETE FROM bench_ours.e1 WHERE id > 0")
        conn.execute(fill.replace("g * interval '1 ms'", "g * interval '1 ms' * (86000000.0 / %s)"), (routed, rows, rows))
        conn.commit()
        seconds = statistics.median(timed(lambda: (conn.execute("ANALYZE (SKIP_LOCKED) bench_ours.e1"), conn.commit()))
                                    for _ in range(3))
        analyze.append({"rows": rows, "partitions": partitions(), "ms": round(seconds * 1000, 1)})
    result["analyze"] = analyze
    conn.execute("DROP TABLE bench_ours.e1")
    conn.execute("DELETE FROM maintenance.policy WHERE parent_table = 'bench_ours.e1'")
    conn.execute("UPDATE maintenance.policy SET enabled = true")
    conn.commit()
    return result


def replication_benchmark(conn, url: str, sizes: Sizes) -> dict | None:
    """Issue 13's measure: a streaming standby of the private server during the biggest
    maintenance run of the benchmark, the online rescue of wait_rows rows (section 8's table):
    the lag the primary reports (bytes not yet replayed, replay_lag) and the catch-up after."""
    if config.database_url():
        log("10: skipped: a standby is made only of the private server (DATABASE_URL is set)")
        return None
    from psycopg.conninfo import conninfo_to_dict

    replica_port = config.replica_port()
    started_here = not localdb.is_running(localdb.server(replica_port))
    log(f"10: a streaming standby on port {replica_port}, lag while {sizes.wait_rows:,} rows are rescued")
    replica = standby.replica_up(replica_port)
    standby_url = db.with_dbname(replica.url("postgres"), conninfo_to_dict(url)["dbname"])
    name = standby.replica_name(replica_port)
    try:
        day = server_today(conn) + timedelta(days=22)
        start = datetime.combine(day, datetime.min.time(), timezone.utc)
        conn.execute("INSERT INTO bench_ours.w1 (id, ts, v) SELECT 30000000000 + g, %s::timestamptz + g * interval '1 ms' * (86000000.0 / %s), g"
                     "  FROM generate_series(1, %s) AS g", (start, sizes.wait_rows, sizes.wait_rows))
        conn.execute("UPDATE maintenance.policy SET enabled = (parent_table = 'bench_ours.w1')")
        conn.commit()
        check(count(conn, "SELECT count(*) FROM bench_ours.w1_default") == sizes.wait_rows, "the rows wait in the default partition")
        replication.wait_for_standby(url, standby_url, timeout=600)
        stop, lag = threading.Event(), {"bytes": 0, "ms": 0.0}

        def sampler() -> None:
            with psycopg.connect(url, autocommit=True) as s:
                while not stop.is_set():
                    row = s.execute("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint, extract(epoch FROM replay_lag) * 1000"
                                    "  FROM pg_stat_replication WHERE application_name = %s", (name,)).fetchone()
                    if row:
                        lag["bytes"] = max(lag["bytes"], row[0] or 0)
                        lag["ms"] = max(lag["ms"], float(row[1] or 0))
                    time.sleep(0.02)

        thread = threading.Thread(target=sampler)
        wal_before = conn.execute("SELECT pg_current_wal_lsn()::text").fetchone()[0]
        conn.commit()
        thread.start()
        try:
            run_ms = timed(lambda: run_all(conn)) * 1000
            catch_up = replication.wait_for_standby(url, standby_url, timeout=600)
        finally:
            stop.set()
            thread.join(timeout=60)
        wal = conn.execute("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), %s::pg_lsn)::bigint", (wal_before,)).fetchone()[0]
        check(count(conn, "SELECT count(*) FROM bench_ours.w1_default") == 0, "the rows were rescued")
        with psycopg.connect(standby_url) as s:
            check(count(s, "SELECT count(*) FROM bench_ours.w1 WHERE ts >= %s AND ts < %s", (start, start + timedelta(days=1)))
                  == count(conn, "SELECT count(*) FROM bench_ours.w1 WHERE ts >= %s AND ts < %s", (start, start + timedelta(days=1))),
                  "the standby holds the rescued day as the primary does")
        conn.execute("UPDATE maintenance.policy SET enabled = true")
        conn.commit()
        return {"rows": sizes.wait_rows, "run_ms": round(run_ms, 1), "max_lag_bytes": lag["bytes"], "max_replay_lag_ms": round(lag["ms"], 1),
                "catch_up_ms": round(catch_up * 1000, 1), "wal_bytes": wal}
    finally:
        if started_here:
            standby.replica_down(replica_port)


def to_regclass(conn, name: str) -> bool:
    return conn.execute("SELECT to_regclass(%s) IS NOT NULL", (name,)).fetchone()[0]


def is_partition(conn, name: str) -> bool:
    return conn.execute("SELECT EXISTS (SELECT FROM pg_inherits WHERE inhrelid = to_regclass(%s))", (name,)).fetchone()[0]


def deploy_benchmark(server_url: str, sizes: Sizes) -> dict:
    """The whole plan (or its first sizes.deploy_changes changes) deployed with --verify, then
    reverted, into an empty database."""
    url = harness.create_test_database(server_url, "benchdeploy", pgtap=False)
    try:
        ids = plan_rules.change_ids(config.PROJECT_ROOT)
        changes = len(ids) if sizes.deploy_changes is None else min(sizes.deploy_changes, len(ids))
        deploy_s = timed(lambda: harness.deploy(config.PROJECT_ROOT, url, to=ids[changes - 1]))
        with db.connect(url) as conn:
            check(conn.execute("SELECT count(*) FROM sqitch.changes").fetchone()[0] == changes, f"{changes} changes deployed")
        revert_s = timed(lambda: harness.revert(config.PROJECT_ROOT, url))
        with db.connect(url) as conn:
            check(conn.execute("SELECT count(*) FROM pg_namespace WHERE nspname IN ('exchange', 'macro')").fetchone()[0] == 0,
                  "the full revert removed the schemas")
    finally:
        harness.drop_test_database(url)
    return {"changes": changes, "deploy_with_verify_s": round(deploy_s, 2), "revert_s": round(revert_s, 2),
            "deploy_s_per_change": round(deploy_s / changes, 3), "revert_s_per_change": round(revert_s / changes, 3)}
