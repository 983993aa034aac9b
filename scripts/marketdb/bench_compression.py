"""Late rows into compressed ranges: INSERT ... ON CONFLICT DO NOTHING before and after
maintenance/compression_settings, on the full (timescale) edition.

For each table the same rows are loaded and compressed twice, once under v0.1.0's settings
(segment by the series, order by time) and once under the change's (the keys' other
columns added to order by); then the same late batch (re-sent rows and new rows into the
compressed range) is inserted, and the time and the rows decompressed are compared. The
section it writes replaces its own block in bench/results.md.

    DATABASE_URL=postgresql://...full-edition-server.../postgres python -m marketdb.bench_compression

The server must run the timescale edition (apache has no compression); a scratch database
is made there and dropped.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from psycopg import sql

from . import config, db, harness

START = datetime(2026, 1, 5, tzinfo=timezone.utc)
BEGIN_MARK = "<!-- bench_compression: begin -->"
END_MARK = "<!-- bench_compression: end -->"


@dataclass(frozen=True)
class Case:
    table: str
    columns: str
    key_note: str
    before: tuple[str, str]  # segmentby, orderby of v0.1.0
    after: tuple[str, str]   # of maintenance/compression_settings


CASES = (
    Case("crypto.trades", "symbol, trade_ts, trade_id, price, quantity, is_buyer_maker",
         "(symbol, trade_ts, trade_id); exchange trade ids rise with time per symbol",
         ("symbol", "trade_ts DESC"), ("symbol", "trade_ts DESC, trade_id")),
    Case("onchain.trades", "trade_id, token_id, ts, price, size, side",
         "(trade_id, ts) where trade_id is set; fill ids are transaction hashes (no order)",
         ("token_id", "ts DESC"), ("token_id", "ts DESC, trade_id")),
)


def _rows(case: Case, n: int, series: int, rng: random.Random) -> list[tuple]:
    """n rows over two days for `series` symbols or tokens, in time order."""
    out = []
    for i in range(n):
        s = f"S{i % series:03d}"
        ts = START + timedelta(seconds=i * (2 * 86400) / n)
        if case.table == "crypto.trades":
            out.append((s, ts, f"{i:012d}", 100 + round(rng.random(), 4), 1, bool(i % 2)))
        else:
            out.append((f"0x{rng.getrandbits(64):016x}-{i}", s, ts, round(rng.random(), 6), 1, "buy" if i % 2 else "sell"))
    return out


def _measure(url: str, case: Case, settings: tuple[str, str], rows: list[tuple], late: list[tuple]) -> dict:
    with db.connect(url) as conn:
        conn.execute(sql.SQL("TRUNCATE {}").format(sql.SQL(case.table)))
        conn.execute(sql.SQL("ALTER TABLE {} SET (timescaledb.compress_segmentby = {}, timescaledb.compress_orderby = {})")
                     .format(sql.SQL(case.table), sql.Literal(settings[0]), sql.Literal(settings[1])))
        with conn.cursor() as cur, cur.copy(f"COPY {case.table} ({case.columns}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row(r)
        conn.execute(f"SELECT count(timescaledb.compress_chunk(c)) FROM timescaledb.show_chunks('{case.table}') AS c")
        conn.execute(f"ANALYZE {case.table}")
        insert = f"INSERT INTO {case.table} ({case.columns}) VALUES ({', '.join(['%s'] * len(rows[0]))}) ON CONFLICT DO NOTHING"
        started = time.perf_counter()
        with conn.cursor() as cur:
            for r in late:  # one statement per row: how a feed re-sends a fill
                cur.execute(insert, r)
        elapsed = time.perf_counter() - started
        after = conn.execute(f"SELECT count(*) FROM {case.table}").fetchone()[0]
    return {"seconds": elapsed, "rows_after": after}


def run(url: str, rows_per_table: int, late_rows: int) -> dict:
    with db.connect(url) as conn:
        edition = conn.execute("SELECT coalesce(current_setting('timescaledb.license', true), 'apache')").fetchone()[0]
        version = conn.execute("SELECT default_version FROM pg_available_extensions WHERE name = 'timescaledb'").fetchone()[0]
    if edition != "timescale":
        raise config.UsageError(f"timescaledb.license is {edition!r} on {db.describe(url)}: compression needs the timescale "
                                "edition; point DATABASE_URL at a full-edition server")
    scratch = harness.create_test_database(url, "bench_compression", pgtap=False)
    results = []
    try:
        harness.deploy(config.PROJECT_ROOT, scratch)
        with db.connect(scratch) as conn:  # the scheduler must not compress or refresh meanwhile
            conn.execute("SELECT timescaledb.alter_job(job_id, scheduled => false) FROM timescaledb_information.jobs WHERE job_id >= 1000")
        for case in CASES:
            rng = random.Random(17)
            rows = _rows(case, rows_per_table, 50, rng)
            # Half re-sent rows (present, compressed), half new rows into the same range.
            picks = rng.sample(range(len(rows)), late_rows // 2)
            resent = [rows[i] for i in picks]
            fresh = _rows(case, late_rows // 2, 50, random.Random(99))
            fresh = [(r[0] + "-late", *r[1:]) if case.table == "onchain.trades" else (r[0], r[1], "L" + r[2], *r[3:]) for r in fresh]
            late = resent + fresh
            random.Random(5).shuffle(late)
            before = _measure(scratch, case, case.before, rows, late)
            after = _measure(scratch, case, case.after, rows, late)
            for label, m in (("v0.1.0", before), ("compression_settings", after)):
                expected = rows_per_table + late_rows // 2
                if m["rows_after"] != expected:
                    raise RuntimeError(f"{case.table} {label}: {m['rows_after']} rows after the late batch, expected {expected}")
            results.append({"table": case.table, "key": case.key_note, "before": before, "after": after,
                             "settings_before": case.before, "settings_after": case.after,
                             "ratio": before["seconds"] / after["seconds"]})
    finally:
        harness.drop_test_database(scratch)
    return {"timescaledb": version, "edition": edition, "rows": rows_per_table, "late_rows": late_rows, "cases": results}


def markdown(result: dict) -> str:
    lines = [
        BEGIN_MARK,
        "## Late rows into compressed ranges (compression settings)",
        "",
        f"`python -m marketdb.bench_compression` on TimescaleDB {result['timescaledb']} ({result['edition']} edition): per table "
        f"{result['rows']:,} rows over two days in 50 series, compressed; then {result['late_rows']:,} late rows, one "
        "`INSERT ... ON CONFLICT DO NOTHING` each (half re-sent rows, half new rows in the compressed range), under v0.1.0's "
        "settings and under `maintenance/compression_settings`'. Same rows, same server, one run: compare ratios.",
        "",
        "| table | unique key | v0.1.0 (segmentby; orderby) | s | now | s | v0.1.0 / now |",
        "|---|---|---|---:|---|---:|---:|",
    ]
    for c in result["cases"]:
        lines.append(f"| {c['table']} | {c['key']} | {c['settings_before'][0]}; {c['settings_before'][1]} | {c['before']['seconds']:.2f} "
                     f"| {c['settings_after'][0]}; {c['settings_after'][1]} | {c['after']['seconds']:.2f} | {c['ratio']:.2f}x |")
    lines += ["", END_MARK]
    return "\n".join(lines) + "\n"


def write(result: dict, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "compression.json").write_text(json.dumps(result, indent=2) + "\n")
    path = out_dir / "results.md"
    text = path.read_text() if path.exists() else ""
    section = markdown(result)
    if BEGIN_MARK in text and END_MARK in text:
        text = text[:text.index(BEGIN_MARK)] + section + text[text.index(END_MARK) + len(END_MARK) + 1:]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="marketdb-bench-compression", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000, help="rows per table before the late batch")
    parser.add_argument("--late", type=int, default=2_000, help="late rows per table")
    parser.add_argument("--out", default=str(config.PROJECT_ROOT / "bench"), help="folder of results.md")
    args = parser.parse_args(argv)
    url = config.database_url()
    try:
        if url is None:
            raise config.UsageError("DATABASE_URL is not set: this benchmark needs a server with the timescale edition "
                                    "(Debian's TimescaleDB, the private server's, is apache-only)")
        if args.rows < 1000 or args.late < 2:
            raise config.UsageError("--rows must be at least 1000 and --late at least 2")
        result = run(url, args.rows, args.late)
    except config.UsageError as exc:
        print(f"marketdb-bench-compression: {exc}", file=sys.stderr)
        return 2
    path = write(result, Path(args.out))
    print(markdown(result))
    print(f"written to {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
