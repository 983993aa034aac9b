"""Benchmarks (`make bench`): partitioned tables and hypertables against plain tables and
pg_partman, on the private server (or DATABASE_URL's).

Every comparison is measured in the same run and reported as a ratio (these machines are
noisy; absolute times alone prove nothing); each figure is the median of `runs` runs after
a warm-up, and every run checks its own result (row counts, rows returned), so a broken
run cannot produce a good number. Data is generated from a fixed seed.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import psycopg

from . import config, db, harness
from .bench_data import CRYPTO_COLUMNS, EXCHANGE_COLUMNS, SEED, SIZES, crypto_trades_csv, exchange_trades_csv, upsert_batches
from .bench_report import judge, machine, markdown, write
from .bench_scenarios import (copy_benchmark, deploy_benchmark, edge_benchmark, history_benchmark, log, maintenance_benchmark,
                              point_read_benchmark, replication_benchmark, setup, upsert_benchmark, writer_wait_benchmark)

# Read by the tests as bench.<name>.
from .bench_data import SMOKE, Sizes  # noqa: F401
from .bench_report import REQUIRED_FIELDS, TARGETS  # noqa: F401
from .bench_scenarios import EDGE_DEFAULT_ROWS, EDGE_ROW_REPS  # noqa: F401


def run(mode: str, out_dir: Path, template: str | None = None) -> dict:
    sizes = SIZES[mode]
    server_url = db.ensure_server()
    if template:  # a database with the plan deployed, sealed by harness.make_template
        url = harness.clone_database(db.with_dbname(server_url, template), "bench")
    else:
        url = harness.create_test_database(server_url, "bench", pgtap=False)
    log(f"{mode} run in {db.describe(url)}")
    try:
        if not template:
            harness.deploy(config.PROJECT_ROOT, url)
        conn = psycopg.connect(url)
        today = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
        start = today - timedelta(days=sizes.copy_days - 1)
        setup(conn, start)
        result: dict = {"mode": mode, "when": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}

        log(f"1: COPY {sizes.copy_rows:,} exchange trades, partitioned vs plain")
        data = exchange_trades_csv(sizes.copy_rows, start, sizes.copy_days)
        result["copy_exchange_trades"] = copy_benchmark(conn, sizes, start, "exchange.trades", "bench.exchange_trades_plain", EXCHANGE_COLUMNS, data)
        log(f"2: COPY {sizes.copy_rows:,} crypto trades, hypertable vs plain")
        data = crypto_trades_csv(sizes.copy_rows, start, sizes.copy_days)
        result["copy_crypto_trades"] = copy_benchmark(conn, sizes, start, "crypto.trades", "bench.crypto_trades_plain", CRYPTO_COLUMNS, data)
        del data
        log("3: idempotent batches")
        batches = upsert_batches(sizes, start, sizes.copy_days, SEED + 7)
        result["upsert_exchange_trades"] = upsert_benchmark(conn, sizes, "exchange.trades", "bench.exchange_trades_plain", batches, "exchange")
        result["upsert_onchain_trades"] = upsert_benchmark(conn, sizes, "onchain.trades", "bench.onchain_trades_plain", batches, "onchain")
        conn.execute("TRUNCATE exchange.trades, onchain.trades, crypto.trades")
        conn.commit()
        log(f"4: point reads over {sizes.read_days} days x {sizes.read_rows_per_day:,} trades")
        result["point_read"] = point_read_benchmark(conn, sizes)
        log("5-6: maintenance vs pg_partman")
        result["maintenance"] = maintenance_benchmark(conn, sizes)
        result["writer_waits"] = writer_wait_benchmark(conn, url, sizes)
        result["history"] = history_benchmark(conn, url, sizes)
        result["edges"] = edge_benchmark(conn, url, sizes)
        result["replication"] = replication_benchmark(conn, url, sizes)
        result["machine"] = machine(conn)
        conn.close()
        log("7: deploy and revert of the whole plan")
        result["deploy"] = deploy_benchmark(server_url, sizes)
    finally:
        harness.drop_test_database(url)

    result["targets"] = judge(result)
    write(result, out_dir)
    log(f"wrote {out_dir}/results.json, results.md, maintenance_scaling.png")
    return result


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="marketdb-bench", description="marketdb benchmarks")
    parser.add_argument("--quick", action="store_true", help="small sizes (about two minutes)")
    parser.add_argument("--smoke", action="store_true", help="the least sizes, every scenario and field (make test's run)")
    parser.add_argument("--template", help="clone this template database (harness.make_template) instead of deploying")
    parser.add_argument("--out", default=str(config.PROJECT_ROOT / "bench"), help="folder for results.json, results.md and the plot")
    args = parser.parse_args(argv)
    result = run("smoke" if args.smoke else "quick" if args.quick else "full", Path(args.out), args.template)
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
