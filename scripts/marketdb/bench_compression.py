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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from psycopg import sql

from . import config, db, harness

START = datetime(2026, 1, 5, tzinfo=timezone.utc)
REPEATS = 3
BEGIN_MARK = "<!-- bench_compression: begin -->"
END_MARK = "<!-- bench_compression: end -->"


TENORS = ("1M", "3M", "6M", "1Y", "2Y", "3Y", "5Y", "7Y", "10Y", "15Y", "20Y", "30Y")
# A late point at a tenor the curve did not have yet (curves_tenor_format allows it).
NEW_TENOR = dict(zip(TENORS, ("2M", "4M", "9M", "18M", "4Y", "6Y", "8Y", "9Y", "12Y", "25Y", "40Y", "50Y")))


def _crypto(i: int, n: int, rng: random.Random) -> tuple:
    return (f"S{i % 50:03d}", START + timedelta(seconds=i * (2 * 86400) / n), f"{i:012d}", 100 + round(rng.random(), 4), 1, bool(i % 2))


def _onchain(i: int, n: int, rng: random.Random) -> tuple:
    return (f"0x{rng.getrandbits(64):016x}-{i}", f"S{i % 50:03d}", START + timedelta(seconds=i * (2 * 86400) / n),
            round(rng.random(), 6), 1, "buy" if i % 2 else "sell")


def _curves(i: int, n: int, rng: random.Random) -> tuple:
    # 50 curves x 12 tenors a day, one day after another.
    return (f"C{i % 50:03d}", (START + timedelta(days=i // 600)).date(), TENORS[(i // 50) % 12], round(rng.random() * 5, 6))


@dataclass(frozen=True)
class Case:
    table: str
    columns: str
    key_note: str
    make_row: Callable[[int, int, random.Random], tuple]
    new_key: Callable[[tuple], tuple]  # a late row whose key is not stored yet
    before: tuple[str, str]   # segmentby, orderby of v0.1.0
    advice: tuple[str, str]   # every unique key column in segmentby or orderby
    chosen: tuple[str, str]   # maintenance/compression_settings


CASES = (
    Case("crypto.trades", "symbol, trade_ts, trade_id, price, quantity, is_buyer_maker",
         "(symbol, trade_ts, trade_id); trade ids rise with time, no index leads with them", _crypto,
         lambda r: (r[0], r[1], "L" + r[2], *r[3:]),
         ("symbol", "trade_ts DESC"), ("symbol", "trade_ts DESC, trade_id"), ("symbol", "trade_ts DESC, trade_id")),
    Case("onchain.trades", "trade_id, token_id, ts, price, size, side",
         "(trade_id, ts) where trade_id is set; fill ids are hashes and lead idx_trades_trade_id", _onchain,
         lambda r: (r[0] + "-late", *r[1:]),
         ("token_id", "ts DESC"), ("token_id", "ts DESC, trade_id"), ("token_id", "ts DESC")),
    Case("macro.curves", "curve_id, curve_date, tenor, rate",
         "(curve_id, curve_date, tenor) and (id, curve_date); no index leads with tenor", _curves,
         lambda r: (r[0], r[1], NEW_TENOR[r[2]], r[3]),
         ("curve_id", "curve_date DESC"), ("curve_id", "curve_date DESC, tenor, id"), ("curve_id", "curve_date DESC, tenor")),
)
ARRANGEMENTS = ("before", "advice", "chosen")


def _measure(url: str, case: Case, settings: tuple[str, str], rows: list[tuple], late: list[tuple], compress: bool = True) -> dict:
    with db.connect(url) as conn:
        conn.execute(sql.SQL("TRUNCATE {}").format(sql.SQL(case.table)))
        conn.execute(sql.SQL("ALTER TABLE {} SET (timescaledb.compress_segmentby = {}, timescaledb.compress_orderby = {})")
                     .format(sql.SQL(case.table), sql.Literal(settings[0]), sql.Literal(settings[1])))
        with conn.cursor() as cur, cur.copy(f"COPY {case.table} ({case.columns}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row(r)
        if compress:
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
            rows = [case.make_row(i, rows_per_table, rng) for i in range(rows_per_table)]
            # Half re-sent rows (stored, compressed), half rows with new keys in the same range.
            late = ([rows[i] for i in rng.sample(range(len(rows)), late_rows // 2)]
                    + [case.new_key(rows[i]) for i in rng.sample(range(len(rows)), late_rows // 2)])
            random.Random(5).shuffle(late)
            # Interleaved repeats, the median of each: one run of a few seconds is noisy.
            runs: dict[str, list[dict]] = {k: [] for k in (*ARRANGEMENTS, "uncompressed")}
            for _ in range(REPEATS):
                for k in ARRANGEMENTS:
                    runs[k].append(_measure(scratch, case, getattr(case, k), rows, late))
                runs["uncompressed"].append(_measure(scratch, case, case.chosen, rows, late, compress=False))
            median = {k: sorted(v, key=lambda m: m["seconds"])[REPEATS // 2] for k, v in runs.items()}
            for label, m in median.items():
                expected = rows_per_table + late_rows // 2
                if m["rows_after"] != expected:
                    raise RuntimeError(f"{case.table} {label}: {m['rows_after']} rows after the late batch, expected {expected}")
            results.append({"table": case.table, "key": case.key_note,
                            "settings": {k: getattr(case, k) for k in ARRANGEMENTS},
                            "seconds": {k: m["seconds"] for k, m in median.items()}})
    finally:
        harness.drop_test_database(scratch)
    return {"timescaledb": version, "edition": edition, "rows": rows_per_table, "late_rows": late_rows, "cases": results}


def markdown(result: dict) -> str:
    lines = [
        BEGIN_MARK,
        "## Late rows into compressed ranges (compression settings)",
        "",
        f"`python -m marketdb.bench_compression` on TimescaleDB {result['timescaledb']} ({result['edition']} edition): per table "
        f"{result['rows']:,} rows in 50 series, compressed; then {result['late_rows']:,} late rows, one "
        "`INSERT ... ON CONFLICT DO NOTHING` each (half re-sent rows, half new keys in the compressed range), under v0.1.0's "
        "settings, under TimescaleDB's advice (every unique key column in segmentby or orderby), under "
        "`maintenance/compression_settings`', and uncompressed; each the median of "
        f"{REPEATS} interleaved runs. Same rows, same server, one run: compare ratios (above 1: the chosen settings are faster).",
        "",
        "| table | unique keys | v0.1.0 | advice | chosen (segmentby; orderby) | v0.1.0 / chosen | advice / chosen | chosen / uncompressed |",
        "|---|---|---:|---:|---|---:|---:|---:|",
    ]
    for c in result["cases"]:
        t = c["seconds"]
        seg, order = c["settings"]["chosen"]
        lines.append(f"| {c['table']} | {c['key']} | {t['before']:.2f} s | {t['advice']:.2f} s | {t['chosen']:.2f} s ({seg}; {order}) "
                     f"| {t['before'] / t['chosen']:.2f}x | {t['advice'] / t['chosen']:.2f}x | {t['chosen'] / t['uncompressed']:.2f}x |")
    # Arrangements with the same settings differ only by run-to-run noise: the yardstick.
    same = [c["seconds"][a] / c["seconds"]["chosen"] for c in result["cases"] for a in ("before", "advice")
            if tuple(c["settings"][a]) == tuple(c["settings"]["chosen"])]
    noise = max((abs(r - 1) for r in same), default=0.0)
    verdicts = []
    for c in result["cases"]:
        if tuple(c["settings"]["before"]) == tuple(c["settings"]["chosen"]):
            continue
        r = c["seconds"]["before"] / c["seconds"]["chosen"]
        verdicts.append(f"{c['table']} {r:.2f}x ({'beyond' if abs(r - 1) > noise else 'within'} the noise)")
    costs = ", ".join(f"{c['table']} {c['seconds']['chosen'] / c['seconds']['uncompressed']:.2f}x" for c in result["cases"])
    lines += [
        "",
        f"Reading: identical settings measured twice differ by up to {noise:.0%} (run-to-run noise). v0.1.0 / chosen: "
        f"{', '.join(verdicts) or 'no table changed'}. What costs is the compressed range itself: {costs} the uncompressed "
        "time (every batch whose metadata cannot exclude the key is decompressed); the compression delays (7 days and more) "
        "keep late rows there rare.",
        "", END_MARK]
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
