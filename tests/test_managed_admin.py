"""Deploy as a managed service's admin role: a login with CREATEDB and CREATEROLE that owns
the database, never a superuser (RDS's rds_superuser members, Timescale Cloud's tsdbadmin,
Azure's azure_pg_admin, Cloud SQL's cloudsqlsuperuser), on a throwaway cluster.

The whole plan deploys, verifies and reverts as that role; the pgTAP suites run as it;
maintain, status and doctor run as the roles meant for them; a drifted or foreign role
stops the deploy with what a superuser must do.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

from conftest import PROJECT, free_port, needs_private_server
from marketdb import db, harness, localdb, tap

pytestmark = needs_private_server

PGTAP_COPIES = 3

# pgTAP files that need a superuser, with the reason (everything else runs as the admin role).
NEEDS_SUPERUSER: dict[str, str] = {
    "core_extensions.sql": "reads shared_preload_libraries (pg_read_all_settings)",
    "core_roles.sql": "reads role passwords' absence in pg_authid",
    "maintenance_capture.sql": "sets session_replication_role to act as a subscription's apply worker",
}


@pytest.fixture(scope="module")
def cluster():
    with localdb.temporary_server(free_port()) as srv:
        with db.connect(srv.url("postgres")) as conn:
            conn.execute("CREATE ROLE deployer LOGIN CREATEDB CREATEROLE PASSWORD 'deployer-pw'")
            conn.execute("CREATE DATABASE managed OWNER deployer TEMPLATE template0")
        yield srv


def as_role(srv: localdb.Server, role: str, password: str, dbname: str = "managed") -> str:
    return f"postgresql://{role}:{password}@127.0.0.1:{srv.port}/{dbname}"


def cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "marketdb.cli", *args], capture_output=True, text=True,
                          env=dict(os.environ, DATABASE_URL=url), cwd=PROJECT, timeout=600)


@pytest.fixture(scope="module")
def deployed(cluster):
    url = as_role(cluster, "deployer", "deployer-pw")
    result = cli(url, "deploy")
    assert result.returncode == 0, result.stdout + result.stderr
    return url, result


def test_the_whole_plan_deploys_and_verifies_as_the_admin_role(cluster, deployed):
    url, result = deployed
    assert "Deploying changes to" in result.stdout
    # Nothing but marketdb's and Sqitch's own lines: no permission error, no Perl warning
    # from Sqitch's version probe, no script NOTICE or WARNING.
    assert "Use of uninitialized" not in result.stderr and "WARNING" not in result.stderr and "NOTICE" not in result.stderr, result.stderr
    # No restore point without a superuser's right to make one: the deployer is told the time to restore to.
    assert "marketdb: no restore point (permission denied for function pg_create_restore_point); to undo this deploy, restore to" in result.stderr, result.stderr
    with db.connect(cluster.url("postgres")) as conn:
        assert conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = 'deployer'").fetchone() == (False,)
        # The deploy granted itself the owner role, with SET and INHERIT, and no other.
        rows = conn.execute(
            "SELECT r.rolname, m.set_option, m.inherit_option, m.admin_option FROM pg_auth_members AS m"
            "  JOIN pg_roles AS r ON r.oid = m.roleid JOIN pg_roles AS u ON u.oid = m.member"
            " WHERE u.rolname = 'deployer' AND r.rolname LIKE 'marketdb\\_%'").fetchall()
    usable = {name for name, set_, inherit, _ in rows if set_ or inherit}
    administered = {name for name, _, _, admin in rows if admin}
    assert usable == {"marketdb_owner"}, rows
    assert administered == {"marketdb_owner", "marketdb_writer", "marketdb_reader", "marketdb_maintainer"}, rows
    # (deploy ran every verify already; v0.1.0's name columns renamed since: see test_pgtap)
    verify = harness.sqitch(PROJECT, url, "verify", "--from-change", "@v0.1.0", check=False)
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_pgtap_suites_pass_as_the_admin_role(cluster, deployed):
    url, _ = deployed
    # The suites switch to the writer, reader and maintainer: the admin role grants itself
    # those memberships as a DBA would for testing (it administers them).
    with db.connect(url) as conn:
        for role in ("marketdb_writer", "marketdb_reader", "marketdb_maintainer"):
            conn.execute(f"GRANT {role} TO deployer WITH SET TRUE, INHERIT FALSE")
        conn.execute("CREATE EXTENSION IF NOT EXISTS pgtap")
    # Three copies of the admin's database (owned by it), a third of the files each, at once:
    # each file rolls back what it did, so files sharing a copy do not see each other.
    files = [path for path in tap.pgtap_files(PROJECT) if path.name not in NEEDS_SUPERUSER]
    copies = [f"managed_tap{i}" for i in range(PGTAP_COPIES)]
    with db.connect(cluster.url("postgres")) as conn:
        conn.execute("ALTER DATABASE managed ALLOW_CONNECTIONS false")
        try:
            for name in copies:
                for _ in range(600):  # TimescaleDB's scheduler leaving the source
                    conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'managed' AND pid <> pg_backend_pid()")
                    try:
                        conn.execute(f"CREATE DATABASE {name} TEMPLATE managed OWNER deployer")
                        break
                    except psycopg.errors.ObjectInUse:
                        time.sleep(0.05)
        finally:
            conn.execute("ALTER DATABASE managed ALLOW_CONNECTIONS true")
    for name in copies:  # each with TimescaleDB's job scheduler, as the source has
        with db.connect(cluster.url(name)) as conn:
            start = conn.execute("SELECT format('%I.%I', n.nspname, p.proname) FROM pg_proc AS p JOIN pg_namespace AS n ON n.oid = p.pronamespace"
                                 " WHERE p.proname = 'start_background_workers' AND n.nspname IN ('_timescaledb_functions', '_timescaledb_internal')"
                                 " ORDER BY n.nspname LIMIT 1").fetchone()
            conn.execute(f"SELECT {start[0]}()")

    def run(i: int) -> list[str]:
        copy = as_role(cluster, "deployer", "deployer-pw", copies[i])
        failed = []
        for path in files[i::PGTAP_COPIES]:
            result = tap.run_pgtap(PROJECT, copy, path)
            if not result.ok:
                failed.append(f"{result.file}: {result.problems()}\n{result.output[-2000:]}")
        return failed

    try:
        with ThreadPoolExecutor(max_workers=PGTAP_COPIES) as pool:
            failed = [f for part in pool.map(run, range(PGTAP_COPIES)) for f in part]
    finally:  # the copies hold objects of the cluster's roles, which the revert test drops
        with db.connect(cluster.url("postgres")) as conn:
            for name in copies:
                conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
    assert len(files) > 10 and not failed, "\n".join(failed)


def test_maintain_status_and_doctor_run_as_their_roles(cluster, deployed):
    url, _ = deployed
    with db.connect(url) as conn:
        conn.execute("CREATE ROLE ops_maintainer LOGIN PASSWORD 'm-pw' IN ROLE marketdb_maintainer")
        conn.execute("CREATE ROLE ops_reader LOGIN PASSWORD 'r-pw' IN ROLE marketdb_reader")
    maintain = cli(as_role(cluster, "ops_maintainer", "m-pw"), "maintain")
    assert maintain.returncode == 0, maintain.stdout + maintain.stderr
    status = cli(as_role(cluster, "ops_reader", "r-pw"), "status")
    assert status.returncode == 0, status.stdout + status.stderr
    assert "exchange.trades" in status.stdout
    for role, password in (("deployer", "deployer-pw"), ("ops_reader", "r-pw")):
        doctor = cli(as_role(cluster, role, password), "doctor", "--json")
        assert doctor.returncode in (0, 3), doctor.stdout + doctor.stderr
        # shared_preload_libraries is not readable without pg_read_all_settings: TimescaleDB's
        # loader's own setting shows it is preloaded.
        found = {f["check"]: f for f in json.loads(doctor.stdout)["findings"]}
        assert found["shared_preload_libraries"]["status"] == "ok", found
        assert "not readable by this role" in found["shared_preload_libraries"]["found"], found


def test_the_whole_plan_reverts_as_the_admin_role_then_drift_is_named(cluster, deployed):
    url, _ = deployed
    harness.revert(PROJECT, url)  # as the admin role (timescaledb.restoring is a user setting)
    superuser = cluster.url("postgres")
    with db.connect(url) as conn:
        left = conn.execute("SELECT count(*) FROM pg_namespace WHERE nspname IN ('exchange', 'maintenance', 'timescaledb')").fetchone()[0]
    assert left == 0

    # A role that drifted to an attribute only a superuser may clear: the deploy names it.
    with db.connect(superuser) as conn:
        conn.execute("ALTER ROLE marketdb_writer BYPASSRLS")
    drifted = cli(url, "deploy")
    assert drifted.returncode != 0
    assert "ALTER ROLE marketdb_writer NOBYPASSRLS;" in drifted.stderr, drifted.stderr
    with db.connect(superuser) as conn:
        conn.execute("ALTER ROLE marketdb_writer NOBYPASSRLS")

    # A role this deployer does not administer (made by a superuser's deploy): the deploy
    # names the grant a superuser must make, and succeeds once it is made.
    with db.connect(superuser) as conn:
        conn.execute("DROP ROLE ops_reader, ops_maintainer")
        conn.execute("DROP ROLE marketdb_reader")
        conn.execute("CREATE ROLE marketdb_reader NOLOGIN")
    foreign = cli(url, "deploy")
    assert foreign.returncode != 0
    assert "GRANT marketdb_reader TO deployer WITH ADMIN OPTION;" in foreign.stderr, foreign.stderr
    with db.connect(superuser) as conn:
        conn.execute("GRANT marketdb_reader TO deployer WITH ADMIN OPTION")
    # Through core/roles, the change that needed the grant (the module's first test deploys
    # the whole plan as this role; no later change needs a membership of the reader).
    again = harness.sqitch(PROJECT, url, "deploy", "--to", "core/schemas", check=False)
    assert again.returncode == 0, again.stdout + again.stderr
    assert re.search(r"\+ core/roles \.+ ok", again.stdout), again.stdout
