"""Data shaped like production for `marketdb review`: metadata rows, exchange tables with
many daily partitions, merged months and rows waiting in a default partition, hypertables
with many chunks. It works on any released schema from v0.1.0 on: columns are chosen by
the names the deployed schema has (crypto.trades.ts became trade_ts), functions only where
they exist (months need maintenance.compact_for)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import psycopg

from . import db

DAYS = 75  # daily partitions of the exchange tables, back from today
HYPERTABLE_DAYS = 60  # chunks of crypto.trades (3 days each) and onchain.trades (a day each)
AHEAD = 10  # rows this many days ahead, beyond the premake: they wait in the default partition
MAX_STEPS = 400  # compaction steps per table and run, as maintenance.run_all bounds them


def _columns(conn: psycopg.Connection, table: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(%s)"
                                       " AND attnum > 0 AND NOT attisdropped", (table,))}


def _insert(conn: psycopg.Connection, table: str, exprs: dict[str, str], source: str, params=()) -> int:
    """INSERT INTO table (the columns of exprs it has) SELECT their expressions FROM source."""
    have = _columns(conn, table)
    if not have:
        return 0
    chosen = [(c, e) for c, e in exprs.items() if c in have]
    cur = conn.execute(f"INSERT INTO {table} ({', '.join(c for c, _ in chosen)}) SELECT {', '.join(e for _, e in chosen)}"
                       f" FROM {source} ON CONFLICT DO NOTHING", params)
    return cur.rowcount


def _exists(conn: psycopg.Connection, signature: str) -> bool:
    return conn.execute("SELECT to_regprocedure(%s) IS NOT NULL", (signature,)).fetchone()[0]


def today(conn: psycopg.Connection) -> date:
    return conn.execute("SELECT (now() AT TIME ZONE 'UTC')::date").fetchone()[0]


def _midnight(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time(), timezone.utc)


def _cover_days(conn: psycopg.Connection, table: str, first: date) -> None:
    """The days from first through the premake, made by maintenance itself (as a superuser):
    one run at first's midnight with a premake reaching a week past today."""
    premake = (today(conn) - first).days + 7
    # The owner's entry point takes any reference; v0.1.0's run_maintenance_for did too.
    if _exists(conn, "maintenance.run_policies(text[], text, timestamptz, boolean, integer)"):
        conn.execute("SELECT count(*) FROM maintenance.run_policies(ARRAY[%s], %s, %s, false, %s)",
                     (table, table, _midnight(first), premake))
    else:
        conn.execute("SELECT count(*) FROM maintenance.run_maintenance_for(%s, %s, false, %s)", (table, _midnight(first), premake))
    conn.execute("SELECT count(*) FROM maintenance.run_maintenance_for(%s, now())", (table,))


def merge_months(conn: psycopg.Connection, table: str) -> None:
    """Merges the months wholly before last month (one step per call, as run_all): compaction
    set, for the while, to a day more than this month has run."""
    kept = conn.execute("SELECT compact_after FROM maintenance.policy WHERE parent_table = %s", (table,)).fetchone()[0]
    conn.execute("UPDATE maintenance.policy SET compact_after = make_interval(days => 2 + extract(day FROM now() AT TIME ZONE 'UTC')::int)"
                 " WHERE parent_table = %s", (table,))
    try:
        for _ in range(MAX_STEPS):
            actions = [r[0] for r in conn.execute("SELECT action FROM maintenance.compact_for(%s)", (table,))]
            if not any(a in ("capture", "compact") for a in actions):
                break
    finally:
        conn.execute("UPDATE maintenance.policy SET compact_after = %s WHERE parent_table = %s", (kept, table))


def seed(url: str, size: int = 1) -> dict[str, int]:
    """Fills the database at url; returns the rows each table got."""
    if size < 1:
        raise ValueError("size must be at least 1")
    rows: dict[str, int] = {}
    with db.connect(url) as conn:
        day0 = today(conn)
        first = day0 - timedelta(days=DAYS)
        rows["exchange.series"] = _insert(conn, "exchange.series", {
            "series_ticker": "'S' || g", "title": "'Series ' || g", "category": "'politics'", "tags": "ARRAY['t' || g]"},
            "generate_series(1, %s) AS g", (50 * size,))
        rows["macro.instruments"] = _insert(conn, "macro.instruments", {
            "ticker": "'I' || g", "asset_class": "'rates'", "country": "'US'", "currency": "'USD'"},
            "generate_series(1, %s) AS g", (50 * size,))
        # As the owner, which production's days have: v0.1.0's maintenance, called by a
        # superuser at a past reference, made days owned by the caller, which v0.1.1's
        # exchange/time_window (SET ROLE marketdb_owner) may then not alter.
        conn.execute("SET ROLE marketdb_owner")
        for table in ("exchange.trades", "exchange.orderbook_deltas"):
            _cover_days(conn, table, first)
        conn.execute("RESET ROLE")
        per_day = 200 * size
        days = f"generate_series(%s::timestamptz, %s::timestamptz, interval '1 day') AS d, generate_series(1, {per_day}) AS g"
        at = f"d + g * interval '{86400 // per_day} seconds'"
        span = (_midnight(first), _midnight(day0))
        rows["exchange.trades"] = _insert(conn, "exchange.trades", {
            "trade_id": "'R' || to_char(d, 'YYYYMMDD') || '-' || g", "ticker": "'T' || mod(g, 50)", "ts": at,
            "yes_price": "40", "no_price": "60", "count": "mod(g, 9) + 1", "taker_side": "'yes'"}, days, span)
        rows["exchange.orderbook_deltas"] = _insert(conn, "exchange.orderbook_deltas", {
            "ticker": "'T' || mod(g, 50)", "ts": at, "seq": "g", "side": "'no'", "price": "30", "delta": "mod(g, 5) + 1"}, days, span)
        ahead = _midnight(day0 + timedelta(days=AHEAD))
        waiting = _insert(conn, "exchange.trades", {
            "trade_id": "'A' || g", "ticker": "'T' || mod(g, 50)", "ts": "%s::timestamptz + g * interval '1 minute'",
            "yes_price": "55", "no_price": "45", "count": "1", "taker_side": "'no'"}, "generate_series(1, %s) AS g",
            (ahead, 300 * size))
        rows["exchange.trades"] += waiting
        rows["exchange.trades (default partition)"] = waiting
        hyper = f"generate_series(1, {HYPERTABLE_DAYS * 100 * size}) AS g"
        step = f"interval '{86400 * HYPERTABLE_DAYS // (HYPERTABLE_DAYS * 100 * size)} seconds'"
        rows["crypto.trades"] = _insert(conn, "crypto.trades", {
            "symbol": "'BTCUSDT'", "ts": f"now() - g * {step}", "trade_ts": f"now() - g * {step}", "trade_id": "'c' || g",
            "price": "60000 + mod(g, 100)", "quantity": "0.01", "buyer_is_maker": "mod(g, 2) = 0", "is_buyer_maker": "mod(g, 2) = 0",
            "side": "'buy'"}, hyper)
        rows["onchain.trades"] = _insert(conn, "onchain.trades", {
            "trade_id": "'o' || g", "token_id": "'tok' || mod(g, 20)", "ts": f"now() - g * {step}", "price": "0.5",
            "size": "10", "side": "'sell'"}, hyper)
        if _exists(conn, "maintenance.compact_for(text, timestamptz, boolean)"):
            # Months wholly before last month are merged; last month stays daily (the
            # maintenance review merges it).
            merge_months(conn, "exchange.trades")
        conn.execute("ANALYZE")
    return rows


def maintenance_work(url: str) -> list[str]:
    """Leaves one run of every kind of work: days to premake (the last three premade days of
    the exchange tables dropped, empty), rows to rescue (the seed's default partition), days
    past retention (exchange.trades keeps 60 days), a month to merge (last month), chunks
    past retention (crypto.trades keeps 30 days of the seed's 60). Returns what it set."""
    done, dropped = [], []
    with db.connect(url) as conn:
        day0 = today(conn)
        for table in ("exchange.trades", "exchange.orderbook_deltas"):
            schema, name = table.split(".")
            for back in range(3):
                day = day0 + timedelta(days=7 - back)
                part = f"{schema}.{name}_p{day:%Y%m%d}"
                if conn.execute("SELECT to_regclass(%s) IS NOT NULL", (part,)).fetchone()[0]:
                    if conn.execute(f"SELECT NOT EXISTS (SELECT FROM {part})").fetchone()[0]:
                        conn.execute(f"DROP TABLE {part}")
                        dropped.append(part)
        if dropped:
            done.append(f"premake: dropped the empty days {', '.join(dropped)}")
        conn.execute("UPDATE maintenance.policy SET retention = interval '60 days' WHERE parent_table = 'exchange.trades'")
        done.append("exchange.trades: retention 60 days (the seed has 75)")
        if _columns(conn, "maintenance.policy") >= {"compact_after"}:
            conn.execute("UPDATE maintenance.policy SET compact_after = interval '1 day' WHERE parent_table = 'exchange.trades'")
            done.append("exchange.trades: compact_after 1 day (last month merges)")
    return done
