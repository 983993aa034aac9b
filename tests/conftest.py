"""Shared fixtures: the server, and one freshly deployed test database per run."""

from __future__ import annotations

import json
import os
import shutil
import socket
from pathlib import Path

import pytest
from filelock import FileLock

from marketdb import config, db, harness, localdb, tap

PROJECT = config.PROJECT_ROOT
# The failover drills take minutes of their own: `make failover-test` runs them (CI too).
collect_ignore = [] if os.environ.get("MARKETDB_FAILOVER") else ["test_failover.py"]

# Filled by the tests, printed at the end of the run.
PGTAP_RESULTS: list[tap.TapResult] = []
KEPT: list[str] = []


def _run_dir(config_: pytest.Config) -> Path:
    """A folder every process of this run shares: pytest-xdist's workers (pyproject: -n 2)
    each have a base temp of their own inside the run's."""
    base = config_._tmp_path_factory.getbasetemp()  # noqa: SLF001 (tmp_path_factory's own)
    return base.parent if hasattr(config_, "workerinput") else base


@pytest.fixture(scope="session")
def server_url(pytestconfig) -> str:
    # One process starts the private server; the others wait for it and find it running.
    with FileLock(_run_dir(pytestconfig) / "server.lock"):
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
TEMPLATE = "template.json"  # in the run's folder: the template's URL and deploy output


@pytest.fixture(scope="session")
def template_url(pytestconfig, server_url: str):
    """The whole plan deployed once per run (pgTAP installed), sealed as a template: the
    tests that need a deployed database get a clone of it (deployed_clone). The first
    process to need it makes it; the run's end drops it (pytest_sessionfinish).

    With --verify only when test_managed_admin does not run (DATABASE_URL, or not root):
    otherwise that module's `marketdb deploy` runs every change's verify after it, as the
    admin role, and the template's deploy, which every other module waits for, takes half
    the time without."""
    run_dir = _run_dir(pytestconfig)
    with FileLock(run_dir / "template.lock"):
        made = run_dir / TEMPLATE
        if not made.exists():
            url, output = harness.make_template(server_url, PROJECT, verify=not PRIVATE_SERVER)
            made.write_text(json.dumps({"url": url, "output": output}))
        template = json.loads(made.read_text())
    DEPLOY_OUTPUT.append(template["output"])
    return template["url"]


@pytest.fixture(scope="session")
def deployed_seed(pytestconfig) -> Path:
    """A stopped cluster whose database marketdb holds the whole plan, made once per run (by
    a Sqitch deploy): tests that need a cluster of their own with the plan deployed start
    from a copy of it (localdb.temporary_server(seed=...)) instead of a deploy each."""
    run_dir = _run_dir(pytestconfig)
    seed = run_dir / "seed-cluster"
    with FileLock(run_dir / "seed.lock"):
        if not (seed / "PG_VERSION").exists():
            def prepare(srv: localdb.Server) -> None:
                db.create_database(srv.url("postgres"), "marketdb")
                harness.deploy(PROJECT, srv.url("marketdb"), verify=False)  # the template's deploy verifies

            localdb.seed_cluster(free_port(), seed, prepare)
    return seed


def pytest_sessionfinish(session, exitstatus):  # noqa: ARG001
    if hasattr(session.config, "workerinput"):
        # A worker: its kept databases for the controller's summary; the controller, last
        # to finish, drops the template.
        if KEPT:
            (_run_dir(session.config) / f"kept-{session.config.workerinput['workerid']}.txt").write_text("\n".join(KEPT) + "\n")
        return
    for kept in sorted(_run_dir(session.config).glob("kept-*.txt")):
        KEPT.extend(line for line in kept.read_text().splitlines() if line)
    made = _run_dir(session.config) / TEMPLATE
    if made.exists():
        # KEEP_DB keeps the clones, which are the ones tests used
        harness.drop_test_database(json.loads(made.read_text())["url"])
        made.unlink()
    shutil.rmtree(_run_dir(session.config) / "seed-cluster", ignore_errors=True)


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
    """A unique database with pgTAP and the whole plan deployed."""
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
    # Never the private server's or its standby's port: a module in the other process may
    # start that standby (the smoke bench does) while this one's cluster holds the port.
    reserved = {config.port(), config.replica_port()}
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port not in reserved:
            return port


PRIVATE_SERVER = config.database_url() is None and os.geteuid() == 0
needs_private_server = pytest.mark.skipif(
    not PRIVATE_SERVER,
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


# The order modules go out to the two processes: the longest first, so that neither waits
# at the end for the other, and the run's template (built by the first module that needs
# it) and seed cluster (test_torture) are made while the other process has work of its
# own (test_managed_admin: a cluster of its own). Modules not listed go last.
MODULE_ORDER = ("test_pgtap", "test_managed_admin", "test_revert", "test_torture", "test_replica", "test_bench",
                "test_review", "test_maintenance", "test_backup", "test_archive", "test_cron", "test_monitoring", "test_upgrade",
                "test_logical", "test_clock", "test_compaction", "test_doctor", "test_catalog",
                "test_equities_sync", "test_harness", "test_roles", "test_plan", "test_localdb")


def pytest_collection_modifyitems(config, items):  # noqa: ARG001
    def rank(item) -> int:
        name = item.module.__name__.rsplit(".", 1)[-1]
        return MODULE_ORDER.index(name) if name in MODULE_ORDER else len(MODULE_ORDER)

    items.sort(key=rank)


def pytest_runtest_logreport(report):
    # A worker's pgTAP results travel to the controller in its reports (recorded by the
    # tests as user properties); without workers this is the same process.
    if report.when != "call":
        return
    for name, value in report.user_properties:
        if name == "pgtap" and not any(r.file == value["file"] for r in PGTAP_RESULTS):
            PGTAP_RESULTS.append(tap.TapResult(**value))


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
