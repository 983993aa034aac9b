"""`marketdb archive`: archive tables (the days retention archived out of
exchange.orderbook_deltas) go to files and come back with the same rows; a bad path and a
full disk drop nothing and say why; an export killed midway drops nothing, and the next one
finishes."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

import psycopg
import pytest

from conftest import PROJECT, _cleanup
from marketdb import archive, db, harness, maintenance


def cli(url: str, *args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "marketdb.cli", *args], capture_output=True, text=True,
                          env=dict(os.environ, DATABASE_URL=url), cwd=PROJECT, timeout=120, **kwargs)


def fingerprints(url: str, tables: list[str]) -> dict[str, tuple[int, str]]:
    with db.connect(url) as conn:
        return {t: conn.execute(f"SELECT count(*), md5(string_agg(t::text, E'\\n' ORDER BY t::text)) FROM {t} AS t").fetchone()
                for t in tables}


@pytest.fixture
def archived_url(template_url):
    """A clone with two archive tables: rows for two days past orderbook_deltas' 90-day
    retention (retention_action detach) that maintenance moved out of the default partition."""
    url = harness.clone_database(template_url, "archive")
    today = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    with db.connect(url) as conn:
        for back in (120, 121):
            conn.execute("INSERT INTO exchange.orderbook_deltas (ticker, ts, seq, side, price, delta)"
                         " SELECT 'AR' || mod(g, 3), %s::timestamptz + g * interval '1 minute', g, 'yes', 40, g"
                         "   FROM generate_series(1, 50) AS g", (today - timedelta(days=back),))
    maintenance.run(url, table="exchange.orderbook_deltas")
    assert len(archive.archives(url)) == 2, archive.archives(url)
    try:
        yield url
    finally:
        _cleanup(url)


def test_export_then_restore_gives_back_every_row_and_checksums_hold(archived_url, tmp_path):
    url = archived_url
    tables = archive.archives(url)
    before = fingerprints(url, tables)
    out = cli(url, "archive", "export", "--to", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert archive.archives(url) == []
    for table in tables:
        dump, digest = tmp_path / f"{table}.dump", tmp_path / f"{table}.dump.sha256"
        assert digest.read_text() == f"{hashlib.sha256(dump.read_bytes()).hexdigest()}  {dump.name}\n"
        assert f"{table}: 50 rows in {dump}" in out.stdout
    assert not list(tmp_path.glob("*.partial"))
    for table in tables:
        back = cli(url, "archive", "restore", str(tmp_path / f"{table}.dump"))
        assert back.returncode == 0 and f"restored {table}" in back.stdout, back.stderr
    assert archive.archives(url) == tables and fingerprints(url, tables) == before
    with db.connect(url) as conn:  # read only, as archives are
        assert not any(conn.execute("SELECT has_table_privilege('marketdb_writer', %s, 'INSERT')", (t,)).fetchone()[0] for t in tables)
    again = cli(url, "archive", "restore", str(tmp_path / f"{tables[0]}.dump"))
    assert again.returncode == 2 and "exists already" in again.stderr
    damaged = tmp_path / f"{tables[0]}.dump"
    damaged.write_bytes(damaged.read_bytes()[:-1] + b"x")
    assert cli(url, "archive", "export", "--to", str(tmp_path)).returncode == 0  # the restored ones go out again
    damaged.write_bytes(damaged.read_bytes()[:-1] + b"y")
    refused = cli(url, "archive", "restore", str(damaged))
    assert refused.returncode == 1 and "SHA-256 differs" in refused.stderr


def test_a_bad_path_and_a_full_disk_drop_nothing_and_say_why(archived_url, tmp_path):
    url = archived_url
    tables = archive.archives(url)
    missing = cli(url, "archive", "export", "--to", str(tmp_path / "no-such-dir"))
    assert missing.returncode == 2 and "is not a directory" in missing.stderr
    full = tmp_path / "full"
    full.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(full)], check=True)
    try:
        (full / "filler").write_bytes(b"x" * 62 * 1024)  # a disk with 2 kB left: no dump fits
        out = cli(url, "archive", "export", "--to", str(full))
    finally:
        subprocess.run(["umount", str(full)], check=True)
    assert out.returncode == 1 and "No space left on device" in out.stderr and "the table is kept" in out.stderr, out.stderr
    assert archive.archives(url) == tables


def test_an_export_killed_midway_drops_nothing_and_the_next_one_finishes(archived_url, tmp_path):
    url = archived_url
    tables = archive.archives(url)
    with psycopg.connect(url) as holder:
        holder.execute(f"LOCK TABLE {tables[0]} IN ACCESS EXCLUSIVE MODE")  # pg_dump waits for it
        proc = subprocess.Popen([sys.executable, "-m", "marketdb.cli", "archive", "export", "--to", str(tmp_path)],
                                env=dict(os.environ, DATABASE_URL=url), cwd=PROJECT, start_new_session=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while not (tmp_path / f"{tables[0]}.dump.partial").exists():
            assert time.monotonic() < deadline and proc.poll() is None, "the export never started its file"
            time.sleep(0.05)
        time.sleep(0.3)
        os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its pg_dump
        proc.wait()
        holder.rollback()
    assert archive.archives(url) == tables and not (tmp_path / f"{tables[0]}.dump").exists()
    out = cli(url, "archive", "export", "--to", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert archive.archives(url) == [] and not list(tmp_path.glob("*.partial"))
    assert all((tmp_path / f"{t}.dump.sha256").exists() for t in tables)


def test_a_detach_policy_that_exports_its_archives_gets_them_out_with_each_maintenance_run(archived_url, tmp_path):
    url = archived_url
    tables = archive.archives(url)
    with db.connect(url) as conn:
        with pytest.raises(psycopg.errors.CheckViolation, match="policy_export_archives_detach"):
            conn.execute("SELECT maintenance.set_archive_export('exchange.trades', true)")  # a drop policy
        conn.execute("SELECT maintenance.set_archive_export('exchange.orderbook_deltas', true)")
    told = cli(url, "maintain")
    assert told.returncode == 0 and "2 archive table(s) of exchange.orderbook_deltas wait for export: run with --archive-to" in told.stderr
    assert archive.archives(url) == tables
    out = cli(url, "maintain", "--archive-to", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert archive.archives(url) == [] and all((tmp_path / f"{t}.dump.sha256").exists() for t in tables)
    assert all(f"exported {t}: 50 rows in" in out.stderr for t in tables)
