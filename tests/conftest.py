"""Shared fixtures: the server, and one freshly deployed test database per run."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from marketdb import config, db, harness, localdb

PROJECT = config.PROJECT_ROOT

# Filled by the tests, printed at the end of the run.
PGTAP_RESULTS: list[harness.TapResult] = []
KEPT: list[str] = []


@pytest.fixture(scope="session")
def server_url() -> str:
    try:
        return db.ensure_server()
    except (localdb.LocalDbError, db.DatabaseError) as exc:
        pytest.exit(f"no server to test against: {exc}", returncode=1)


def _cleanup(url: str) -> None:
    if harness.keep_databases():
        KEPT.append(url)
    else:
        harness.drop_test_database(url)


DEPLOY_OUTPUT: list[str] = []


@pytest.fixture(scope="session")
def template_url(server_url: str):
    """The whole plan deployed with --verify once per run (pgTAP installed), sealed as a
    template: the tests that need a deployed database get a clone of it (deployed_clone)."""
    url, output = harness.make_template(server_url, PROJECT)
    DEPLOY_OUTPUT.append(output)
    try:
        yield url
    finally:
        harness.drop_test_database(url)  # KEEP_DB keeps the clones, which are the ones tests used


def deployed_clone(template_url: str, purpose: str):
    """A generator for fixtures: a clone of the deployed plan nobody else touches, dropped
    (or kept, KEEP_DB) afterwards."""
    url = harness.clone_database(template_url, purpose)
    try:
        yield url
    finally:
        _cleanup(url)


@pytest.fixture(scope="session")
def deployed_url(template_url: str):
    """A unique database with pgTAP and the whole plan deployed with --verify."""
    yield from deployed_clone(template_url, "test")


@pytest.fixture
def scratch_url(server_url: str):
    """An empty database (pgTAP installed) dropped after the test."""
    url = harness.create_test_database(server_url, "scratch")
    try:
        yield url
    finally:
        _cleanup(url)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


needs_private_server = pytest.mark.skipif(
    config.database_url() is not None or os.geteuid() != 0,
    reason="starts throwaway clusters from the cached Debian 13 root: needs root and no DATABASE_URL",
)


def copy_project(dest: Path, plan_changes: int | None = None) -> Path:
    """A copy of the Sqitch project (optionally only its first N changes) for self-tests."""
    import shutil

    for name in ("sqitch.conf", ".squawk.toml", "scripts/sqitch-psql"):
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PROJECT / name, dest / name)
    for name in ("deploy", "revert", "verify", ".sqitch"):
        shutil.copytree(PROJECT / name, dest / name)
    (dest / "tests").mkdir()
    plan = (PROJECT / "sqitch.plan").read_text().splitlines()
    if plan_changes is not None:
        kept, count = [], 0
        for line in plan:
            if line.strip() and not line.startswith(("%", "#", "@")):
                count += 1
                if count > plan_changes:
                    break
            kept.append(line)
        plan = kept
    (dest / "sqitch.plan").write_text("\n".join(plan) + "\n")
    return dest


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: ARG001
    if PGTAP_RESULTS:
        terminalreporter.section("pgTAP files")
        edition = next((line.split(":", 1)[1].strip() for r in PGTAP_RESULTS for line in r.output.splitlines() if "TimescaleDB edition:" in line), "unknown")
        terminalreporter.write_line(f"TimescaleDB edition under test: {edition}")
        total = 0
        for r in PGTAP_RESULTS:
            total += r.ran
            status = "ok" if r.ok else "FAILED"
            skipped = f", {len(r.skipped)} skipped with reason" if r.skipped else ""
            terminalreporter.write_line(f"{r.file:<50} {r.ran:>4} tests{skipped}  {status}")
        terminalreporter.write_line(f"{len(PGTAP_RESULTS)} files, {total} pgTAP tests")
    for url in KEPT:
        terminalreporter.write_line(f"KEEP_DB: kept database {db.describe(url)}  (psql '{url}')")
