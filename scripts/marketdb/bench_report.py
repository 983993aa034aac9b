"""The benchmark's report: its targets, results.json, results.md and the plot."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path

from . import bench_compression

# The bounds a run's figures are held to (results.md's target and met columns).
TARGETS = {
    "copy_exchange_trades": ("ratio >= 0.90", lambda r: r >= 0.90),
    "copy_crypto_trades": ("ratio >= 0.90", lambda r: r >= 0.90),
    "upsert_exchange_trades": ("ratio >= 0.85", lambda r: r >= 0.85),
    "upsert_onchain_trades": ("ratio >= 0.85", lambda r: r >= 0.85),
    "point_read": ("latency ratio <= 1.0", lambda r: r <= 1.0),
}
HISTORY_TARGETS = {"ticker_day_ratio": 1.0, "now_relative_ms": 20.0, "lookup_locks": 500, "lookup_ms": 20.0}
WAIT_TARGETS_MS = {"detach": 100, "rescue": 1000}
EDGE_WAIT_TARGET_MS = 100

REQUIRED_FIELDS = {
    "mode", "when", "machine", "copy_exchange_trades", "copy_crypto_trades", "upsert_exchange_trades",
    "upsert_onchain_trades", "point_read", "maintenance", "writer_waits", "edges", "deploy", "targets",
}


def max_wait(x: dict) -> float:
    """marketdb's longest writer wait in a run: today's writer, or the late one if there was one."""
    return max(x["ours_writer_max_wait_ms"], x.get("ours_late_writer_max_wait_ms") or 0)


def machine(conn) -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem_kb / 1024 / 1024, 1),
        "os": platform.platform(), "postgresql": conn.execute("SHOW server_version").fetchone()[0],
        "timescaledb": conn.execute("SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'").fetchone()[0],
        "timescaledb_edition": conn.execute("SELECT maintenance.edition()").fetchone()[0],
        "pg_partman": conn.execute("SELECT extversion FROM pg_extension WHERE extname = 'pg_partman'").fetchone()[0],
    }


def markdown(result: dict) -> str:
    m = result["machine"]
    lines = [
        f"# marketdb benchmarks ({result['mode']} run, {result['when']})", "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB; {m['os']}; PostgreSQL {m['postgresql']}, "
        f"TimescaleDB {m['timescaledb']} ({m['timescaledb_edition']}), pg_partman {m['pg_partman']}.",
        "Each figure is the median of the runs after a warm-up; each ratio compares two figures of the same run.", "",
        "| # | what | marketdb | compared with | ratio | target | met |", "|---|---|---|---|---|---|---|",
    ]

    def row(num, what, key, ours, theirs):
        r = result[key]
        target, met = result["targets"][key]["target"], result["targets"][key]["met"]
        lines.append(f"| {num} | {what} | {ours} | {theirs} | {r['ratio']} | {target} | {'yes' if met else '**no**'} |")

    c = result["copy_exchange_trades"]
    row(1, f"COPY {c['rows']:,} trades over {c['days']} days into exchange.trades (daily partitions)", "copy_exchange_trades",
        f"{c['ours_rows_per_s']:,} rows/s", f"plain table: {c['plain_rows_per_s']:,} rows/s")
    c = result["copy_crypto_trades"]
    row(2, f"COPY {c['rows']:,} trades into crypto.trades (hypertable)", "copy_crypto_trades",
        f"{c['ours_rows_per_s']:,} rows/s", f"plain table: {c['plain_rows_per_s']:,} rows/s")
    for num, key, table in ((3, "upsert_exchange_trades", "exchange.trades"), ("3b", "upsert_onchain_trades", "onchain.trades")):
        u = result[key]
        row(num, f"{u['batches']} batches of {u['batch_rows']:,}, 10% already stored, ON CONFLICT DO NOTHING into {table}", key,
            f"{u['ours_rows_per_s']:,} rows/s", f"plain table: {u['plain_rows_per_s']:,} rows/s")
    p = result["point_read"]
    row(4, f"one ticker, one day, of {p['rows']:,} trades over {p['days']} days", "point_read",
        f"planning {p['partitioned_planning_ms']} ms + execution {p['partitioned_execution_ms']} ms",
        f"plain: planning {p['plain_planning_ms']} ms + execution {p['plain_execution_ms']} ms")
    lines.append(f"| 4b | the same through a prepared statement (generic plan, pruning at execution) | "
                 f"{p['partitioned_prepared_ms']} ms | plain: {p['plain_prepared_ms']} ms | {p['prepared_ratio']} | report | - |")
    for point in result["maintenance"]["noop_curve"]:
        lines.append(f"| 5 | maintenance run with nothing to do, 3 tables x {point['partitions_per_table']} daily partitions | "
                     f"{point['ours_ms']} ms | pg_partman run_maintenance(): {point['partman_ms']} ms | {point['ratio']} | "
                     f"< 1.0 | {'yes' if point['ratio'] < 1.0 else '**no**'} |")
    a, r = result["maintenance"]["add_next_day"], result["maintenance"]["rescue_default"]
    lines.append(f"| 6 | add the next day's partition on 3 tables | {a['ours_ms']} ms | pg_partman: {a['partman_ms']} ms | "
                 f"{round(a['ours_ms'] / a['partman_ms'], 3)} | report | - |")
    lines.append(f"| 6 | rescue {r['rows']:,} rows from the default partition | {r['ours_ms']} ms, {r['ours_rows_per_s']:,} rows/s | "
                 f"pg_partman partition_data_time(): {r['partman_ms']} ms, {r['partman_rows_per_s']:,} rows/s | "
                 f"{round(r['ours_ms'] / r['partman_ms'], 3)} | report | - |")
    w = result["writer_waits"]
    for key, what in (("detach", f"detach a {w['rows']:,}-row partition past retention"),
                      ("rescue", f"rescue {w['rows']:,} rows from the default partition")):
        x, target = w[key], WAIT_TARGETS_MS[key]
        lines.append(f"| 8 | writer max wait while maintenance runs: {what} | {x['ours_writer_max_wait_ms']} ms (run {x['ours_ms']} ms) | "
                     f"pg_partman: {x['partman_writer_max_wait_ms']} ms (run {x['partman_ms']} ms) | "
                     f"{round(x['ours_writer_max_wait_ms'] / x['partman_writer_max_wait_ms'], 3)} | <= {target} ms | "
                     f"{'yes' if max_wait(x) <= target else '**no**'} |")
        if "ours_late_writer_max_wait_ms" in x:
            lines.append(f"| 8b | the same, wait of a writer adding rows for the day being rescued | "
                         f"{x['ours_late_writer_max_wait_ms']} ms ({x['ours_late_rows']} rows, all kept) | "
                         f"pg_partman: {x['partman_late_writer_max_wait_ms']} ms ({x['partman_late_rows']} rows, "
                         f"{x['partman_writer_errors']} writer errors, {x['partman_default_rows_after']:,} rows left in its default"
                         f"{'; its run failed: ' + x['partman_failure'] if x['partman_failure'] else ''}) | "
                         f"{round(x['ours_late_writer_max_wait_ms'] / x['partman_late_writer_max_wait_ms'], 3)} | <= {target} ms | "
                         f"{'yes' if x['ours_late_writer_max_wait_ms'] <= target else '**no**'} |")
    for h in result.get("history", []):
        for phase in ("before", "after"):
            x = h[phase]
            what = f"{h['days']:,} days of exchange.trades ({h['rows']:,} trades), {x['partitions']:,} partitions, {phase} compaction"
            t = HISTORY_TARGETS
            lines.append(f"| 9 | {what}: one ticker's day (literal bounds, planned each time) | {x['partitioned_ticker_day_ms']} ms | "
                         f"plain: {x['plain_ticker_day_ms']} ms | {x['ticker_day_ratio']} | <= {t['ticker_day_ratio']} | "
                         f"{'yes' if x['ticker_day_ratio'] <= t['ticker_day_ratio'] else '**no**'} |")
            lines.append(f"| 9 | {what}: the same, prepared (generic plan) | {x['partitioned_ticker_day_prepared_ms']} ms | "
                         f"plain: {x['plain_ticker_day_prepared_ms']} ms | {x['ticker_day_prepared_ratio']} | report | - |")
            lines.append(f"| 9 | {what}: one ticker's last day, `ts >= now() - interval '1 day'` | {x['partitioned_now_relative_ms']} ms "
                         f"(`trades_between()`: {x['partitioned_between_ms']} ms) | plain: {x['plain_now_relative_ms']} ms | "
                         f"{x['now_relative_ratio']} | <= {t['now_relative_ms']} ms | "
                         f"{'yes' if x['partitioned_now_relative_ms'] <= t['now_relative_ms'] else '**no**'} |")
            lines.append(f"| 9 | {what}: one trade by id, no time filter | {x['partitioned_lookup_ms']} ms, {x['partitioned_lookup_locks']} locks | "
                         f"plain: {x['plain_lookup_ms']} ms, {x['plain_lookup_locks']} locks | {x['lookup_ratio']} | "
                         f"<= {t['lookup_ms']} ms, <= {t['lookup_locks']} locks | "
                         f"{'yes' if x['partitioned_lookup_ms'] <= t['lookup_ms'] and x['partitioned_lookup_locks'] <= t['lookup_locks'] else '**no**'} |")
        c = h["compaction"]
        lines.append(f"| 9 | merging {h['days']:,} days into {c['months']} months ({c['calls']} calls of compact_for), from "
                     f"{c['partitions_first_merge']:,} partitions | {c['seconds']} s; "
                     f"writer of today max wait {c['writer_max_wait_ms']} ms, parent locked at most {c['parent_locked_max_ms']} ms per month | - | - | "
                     f"<= 100 ms | {'yes' if c['writer_max_wait_ms'] <= 100 else '**no**'} |")
        if c.get("steady_writer_max_wait_ms") is not None:
            lines.append(f"| 9 | the same, merges with at most {c['steady_partitions']} partitions left (a table whose backlog is merged) | "
                         f"writer of today max wait {c['steady_writer_max_wait_ms']} ms, parent locked at most "
                         f"{c['steady_parent_locked_max_ms']} ms per month | - | - | <= 100 ms | "
                         f"{'yes' if c['steady_writer_max_wait_ms'] <= 100 else '**no**'} |")
    e = result["edges"]
    x = e["edge_row"]
    lines.append(f"| 11 | writer max wait while a run handles one row at 2018-01-01 (rescue of its day, merge into its month; "
                 f"{x['partitions_added']} partitions more, gap filling a week back at most; worst of {len(x['writer_max_wait_ms_each'])} tables) | "
                 f"{x['writer_max_wait_ms']} ms ({', '.join(str(w) for w in x['writer_max_wait_ms_each'])}; run {x['run_ms']} ms) | - | - | <= {EDGE_WAIT_TARGET_MS} ms | "
                 f"{'yes' if result['targets']['writer_wait_edge_row']['met'] else '**no**'} |")
    h = e["horizon_trigger"]
    lines.append(f"| 11 | INSERT of {h['rows']:,} rows that wait in the default partition, horizon trigger on / off "
                 f"(rows routed to their day never meet it: {h['routed_ms']} ms) | {h['default_ms']} ms | "
                 f"trigger off: {h['default_no_trigger_ms']} ms | {h['ratio']} | report | - |")
    base = e["attach"][0]["attach_ms"]
    for a in e["attach"][1:]:
        lines.append(f"| 11 | ATTACH of a month with {a['default_rows']:,} rows in the default partition (it is scanned; "
                     f"compaction defers above 10,000) | {a['attach_ms']} ms | empty default: {base} ms | "
                     f"{round(a['attach_ms'] / base, 3) if base else '-'} | report | - |")
    small, big = e["analyze"][0], e["analyze"][-1]
    lines.append(f"| 11 | ANALYZE of the parent ({big['partitions']} partitions), {big['rows']:,} rows / {small['rows']:,} rows "
                 f"(sampled: the cost grows slower than the rows) | {big['ms']} ms | {small['ms']} ms | "
                 f"{round(big['ms'] / small['ms'], 3) if small['ms'] else '-'} | report | - |")
    r = result.get("replication")
    if r:
        lines.append(f"| 10 | streaming standby during the biggest maintenance run (rescue of {r['rows']:,} rows, {r['run_ms']} ms) | "
                     f"max lag {r['max_lag_bytes']:,} bytes, replay_lag {r['max_replay_lag_ms']} ms; caught up {r['catch_up_ms']} ms after "
                     f"the run; {r['wal_bytes']:,} bytes of WAL | - | - | report | - |")
    d = result["deploy"]
    lines.append(f"| 7 | deploy --verify of the whole plan ({d['changes']} changes) / full revert | "
                 f"{d['deploy_with_verify_s']} s ({d['deploy_s_per_change']} s per change) / {d['revert_s']} s "
                 f"({d['revert_s_per_change']} s per change) | - | - | report | - |")
    lines += ["", "![maintenance no-op scaling](maintenance_scaling.png)", ""]
    return "\n".join(lines)


def plot(result: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    curve = result["maintenance"]["noop_curve"]
    xs = [p["partitions_per_table"] for p in curve]
    fig, ax = plt.subplots(figsize=(7, 4.2))
    ax.plot(xs, [p["ours_ms"] for p in curve], marker="o", label="marketdb CALL maintenance.run_all()")
    ax.plot(xs, [p["partman_ms"] for p in curve], marker="s", label="pg_partman run_maintenance()")
    ax.set_xscale("log")
    ax.set_xlabel("daily partitions per table (3 tables)")
    ax.set_ylabel("no-op run, median ms")
    ax.set_title(f"Maintenance with nothing to do ({result['mode']} run)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def judge(result: dict) -> dict:
    """result["targets"]: each target and whether the run met it."""
    targets = {key: {"target": text, "met": test(result[key]["ratio"])} for key, (text, test) in TARGETS.items()}
    targets["maintenance_noop"] = {
        "target": "ratio < 1.0 at every size",
        "met": all(p["ratio"] < 1.0 for p in result["maintenance"]["noop_curve"]),
    }
    for key, target in WAIT_TARGETS_MS.items():
        targets[f"writer_wait_{key}"] = {
            "target": f"writer max wait <= {target} ms",
            "met": max_wait(result["writer_waits"][key]) <= target,
        }
    targets["writer_wait_edge_row"] = {
        "target": f"writer max wait <= {EDGE_WAIT_TARGET_MS} ms",
        "met": result["edges"]["edge_row"]["writer_max_wait_ms"] <= EDGE_WAIT_TARGET_MS,
    }
    return targets


def write(result: dict, out_dir: Path) -> None:
    """results.json, results.md and maintenance_scaling.png in out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "results.json").write_text(json.dumps(result, indent=2) + "\n")
    # The compression section comes from another run (bench_compression, on a full-edition
    # server): it is kept.
    previous = (out_dir / "results.md").read_text() if (out_dir / "results.md").exists() else ""
    kept = ""
    if bench_compression.BEGIN_MARK in previous and bench_compression.END_MARK in previous:
        kept = "\n" + previous[previous.index(bench_compression.BEGIN_MARK):previous.index(bench_compression.END_MARK)
                                 + len(bench_compression.END_MARK)] + "\n"
    (out_dir / "results.md").write_text(markdown(result) + kept)
    plot(result, out_dir / "maintenance_scaling.png")
