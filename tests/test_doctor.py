"""`marketdb doctor` on throwaway clusters set up well and badly: each finding, its advice
and the exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import psycopg

from conftest import PROJECT, deployed_clone, free_port, needs_private_server
from marketdb import localdb

pytestmark = needs_private_server


def doctor(url: str) -> tuple[int, dict[str, dict]]:
    result = subprocess.run([sys.executable, "-m", "marketdb.cli", "doctor", "--json"], capture_output=True, text=True,
                            env=dict(os.environ, DATABASE_URL=url), cwd=PROJECT, timeout=120)
    payload = json.loads(result.stdout)
    assert payload["exit_code"] == result.returncode, result.stderr
    return result.returncode, {f["check"]: f for f in payload["findings"]}


def test_a_server_set_up_as_the_private_one_is_well(template_url):
    # The private server itself (localdb.up sets up every cluster here alike), on a clone of
    # the deployed plan: a throwaway cluster and a deploy of its own cost 25 s more.
    clone = deployed_clone(template_url, "doctor")
    try:
        code, found = doctor(next(clone))
    finally:
        clone.close()
    assert code == 0, found
    assert {k: v["status"] for k, v in found.items()} == {
        "shared_preload_libraries": "ok", "timescaledb": "ok", "lock table": "ok", "temp_file_limit": "ok", "pgtap": "ok", "pg_partman": "ok",
        "wal_level": "note"}
    assert "wal_level = logical" in found["wal_level"]["advice"]  # what a logical subscriber needs
    assert " locks; exchange." in found["lock table"]["found"]  # the largest table with partitions


def test_a_small_lock_table_and_unlimited_temp_files_are_named_with_the_settings_to_change(deployed_seed):
    # 10 connections x 64 locks = 640; 160 daily partitions of trades with their two indexes
    # need about 480, twice that for growth does not fit.
    settings = "max_connections = 10\nmax_locks_per_transaction = 64\ntemp_file_limit = -1\n"
    with localdb.temporary_server(free_port(), settings=settings, seed=deployed_seed) as srv:
        url = srv.url("marketdb")  # the plan, deployed in the run's seed cluster
        premade = subprocess.run([sys.executable, "-m", "marketdb.cli", "maintain", "--table", "exchange.trades", "--premake", "160"],
                                 capture_output=True, text=True, env=dict(os.environ, DATABASE_URL=url), cwd=PROJECT, timeout=300)
        assert premade.returncode == 0, premade.stderr
        code, found = doctor(url)
        deploy = subprocess.run([sys.executable, "-m", "marketdb.cli", "deploy"], capture_output=True, text=True,
                                env=dict(os.environ, DATABASE_URL=url), cwd=PROJECT, timeout=300)
    assert code == 3, found
    assert found["lock table"]["status"] == "change"
    assert "64 x (10 + 0) = 640 locks; exchange.trades alone takes" in found["lock table"]["found"]
    assert "max_locks_per_transaction = 128" in found["lock table"]["advice"], found["lock table"]
    assert found["temp_file_limit"]["status"] == "change" and "temp_file_limit = '20GB'" in found["temp_file_limit"]["advice"]
    assert found["shared_preload_libraries"]["status"] == "ok" and found["timescaledb"]["status"] == "ok"
    # `make deploy` says so in one line.
    assert deploy.returncode == 0, deploy.stderr
    assert "this server needs attention (lock table, temp_file_limit): run `marketdb doctor`" in deploy.stderr
    assert "restore point" not in deploy.stderr  # nothing to deploy: no restore point


def test_a_server_without_timescaledb_preloaded_is_missing_what_marketdb_needs():
    with localdb.temporary_server(free_port(), settings="shared_preload_libraries = ''\n") as srv:
        with psycopg.connect(srv.url("postgres"), autocommit=True) as conn:
            conn.execute("CREATE DATABASE doctor")
        code, found = doctor(srv.url("doctor"))
    assert code == 1, found
    assert found["shared_preload_libraries"]["status"] == "missing"
    assert "shared_preload_libraries = 'timescaledb'" in found["shared_preload_libraries"]["advice"]


def test_a_timescaledb_outside_the_supported_range_is_named():
    # Only Debian's 2.19.3 installs here, so the range is checked on the finding itself.
    from marketdb import doctor as d

    old = d.timescaledb_finding("2.18.2", "2.18.2", "timescale")
    assert (old.status, old.found) == ("change", "2.18.2, timescale edition: older than the supported 2.19 to 2.29")
    new = d.timescaledb_finding("2.30.0", "2.30.0", "timescale")
    assert (new.status, new.found) == ("note", "2.30.0, timescale edition: newer than the tested 2.19 to 2.29")
    assert "not been tested" in new.advice
    for version in ("2.19.3", "2.29.2"):
        assert d.timescaledb_finding(version, version, "apache").status == "ok", version
    assert d.timescaledb_finding("2.19.3", "2.29.2", "timescale").status == "change"  # installed but not updated
