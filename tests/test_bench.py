"""The benchmark, at its smoke size, runs end to end and writes every field (a smoke test: no timing is asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import PROJECT, free_port
from marketdb import bench, config, db, harness


def test_smoke_bench_completes_and_reports_every_field(server_url, template_url, tmp_path):
    with db.connect(db.with_dbname(server_url, "postgres")) as conn:
        if not conn.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_partman'").fetchone():
            pytest.skip("pg_partman is not installable on this server; the private server has it")
    # Its standby on a port just found free: the fixed one (54330) is in the range the kernel
    # hands out to client sockets, and one of the many open here held it once.
    env = dict(os.environ, MARKETDB_REPLICA_PORT=str(free_port()))
    result = subprocess.run(
        [sys.executable, "-m", "marketdb.bench", "--smoke", "--template", harness.database_name(template_url), "--out", str(tmp_path)],
        capture_output=True, text=True, cwd=PROJECT, timeout=600, env=env,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads((tmp_path / "results.json").read_text())
    assert bench.REQUIRED_FIELDS <= set(data)
    assert data["mode"] == "smoke"
    for key in ("copy_exchange_trades", "copy_crypto_trades", "upsert_exchange_trades", "upsert_onchain_trades"):
        assert {"ours_rows_per_s", "plain_rows_per_s", "ratio"} <= set(data[key]), key
    assert {"partitioned_planning_ms", "partitioned_execution_ms", "plain_planning_ms", "plain_execution_ms", "ratio",
            "partitioned_prepared_ms", "plain_prepared_ms", "prepared_ratio"} <= set(data["point_read"])
    assert [p["partitions_per_table"] for p in data["maintenance"]["noop_curve"]] == list(bench.SMOKE.maintenance_partitions)
    assert {"ours_ms", "partman_ms"} <= set(data["maintenance"]["add_next_day"])
    assert {"ours_rows_per_s", "partman_rows_per_s"} <= set(data["maintenance"]["rescue_default"])
    assert {"deploy_with_verify_s", "revert_s", "deploy_s_per_change"} <= set(data["deploy"])
    assert set(data["targets"]) == set(bench.TARGETS) | {"maintenance_noop", "writer_wait_detach", "writer_wait_rescue", "writer_wait_edge_row"}
    for key in ("detach", "rescue"):
        assert {"ours_ms", "ours_writer_max_wait_ms", "partman_ms", "partman_writer_max_wait_ms"} <= set(data["writer_waits"][key])
    assert {"ours_late_writer_max_wait_ms", "ours_late_rows", "partman_late_writer_max_wait_ms",
            "partman_writer_errors"} <= set(data["writer_waits"]["rescue"])
    edges = data["edges"]
    assert {"run_ms", "writer_max_wait_ms", "partitions_added"} <= set(edges["edge_row"])
    assert len(edges["edge_row"]["writer_max_wait_ms_each"]) == bench.EDGE_ROW_REPS
    assert edges["edge_row"]["writer_max_wait_ms"] == max(edges["edge_row"]["writer_max_wait_ms_each"])
    assert {"rows", "default_ms", "default_no_trigger_ms", "routed_ms", "ratio"} <= set(edges["horizon_trigger"])
    assert [a["default_rows"] for a in edges["attach"]] == list(bench.EDGE_DEFAULT_ROWS)
    assert all({"rows", "partitions", "ms"} <= set(a) for a in edges["analyze"]) and len(edges["analyze"]) == 2
    for h in data["history"]:
        assert {"writer_max_wait_ms", "parent_locked_max_ms", "partitions_first_merge", "steady_writer_max_wait_ms"} <= set(h["compaction"])
    if config.database_url() is None:  # a standby is made only of the private server
        assert {"max_lag_bytes", "max_replay_lag_ms", "catch_up_ms", "run_ms", "wal_bytes"} <= set(data["replication"])
        assert data["replication"]["wal_bytes"] > 0
    assert (tmp_path / "results.md").read_text().startswith("# marketdb benchmarks")
    assert (tmp_path / "maintenance_scaling.png").read_bytes()[:4] == b"\x89PNG"


def test_compression_bench_needs_the_timescale_edition(server_url, tmp_path):
    # Late rows into compressed ranges can only be measured where compression exists: on an
    # apache server (the private one, CI's) the benchmark refuses by name, exit 2.
    with db.connect(db.with_dbname(server_url, "postgres")) as conn:
        edition = conn.execute("SELECT coalesce(current_setting('timescaledb.license', true), 'apache')").fetchone()[0]
    result = subprocess.run([sys.executable, "-m", "marketdb.bench_compression", "--rows", "1000", "--late", "10", "--out", str(tmp_path)],
                            capture_output=True, text=True, cwd=PROJECT, timeout=600,
                            env={**__import__("os").environ, "DATABASE_URL": db.with_dbname(server_url, "postgres")})
    if edition == "timescale":
        assert result.returncode == 0, result.stderr[-3000:]
        assert all(f"| {t} |" in result.stdout for t in ("crypto.trades", "onchain.trades", "macro.curves"))
        assert (tmp_path / "compression.json").is_file()
    else:
        assert result.returncode == 2, result.stderr
        assert "timescaledb.license is 'apache'" in result.stderr and "needs the timescale edition" in result.stderr


def test_compression_section_replaces_its_own_block_only(tmp_path):
    from marketdb import bench_compression

    (tmp_path / "results.md").write_text("# marketdb benchmarks\n\nother sections\n")
    result = {"timescaledb": "2.29.2", "edition": "timescale", "rows": 1000, "late_rows": 10, "cases": [
        {"table": "crypto.trades", "key": "k", "settings": {"before": ["symbol", "trade_ts DESC"],
                                                            "advice": ["symbol", "trade_ts DESC, trade_id"],
                                                            "chosen": ["symbol", "trade_ts DESC, trade_id"]},
         "seconds": {"before": 2.0, "advice": 1.0, "chosen": 1.0, "uncompressed": 0.5}}]}
    bench_compression.write(result, tmp_path)
    bench_compression.write(result, tmp_path)
    text = (tmp_path / "results.md").read_text()
    assert text.startswith("# marketdb benchmarks\n\nother sections\n")
    assert text.count(bench_compression.BEGIN_MARK) == 1 and "| 2.00x | 1.00x | 2.00x |" in text
