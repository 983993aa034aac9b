"""Roles are cluster-wide: the deploy/revert rule, proven on a throwaway cluster of its own.

Rule (revert/core/roles.sql): deploy adopts existing roles and resets their attributes to the
model; revert drops a role only when no database uses it and no role is a member of it,
otherwise it keeps the role, says why in a NOTICE, and succeeds.
"""

from __future__ import annotations

import pytest

from conftest import PROJECT, copy_project, free_port, needs_private_server
from marketdb import db, harness, localdb

ROLES = {"marketdb_owner", "marketdb_writer", "marketdb_reader", "marketdb_maintainer"}

pytestmark = needs_private_server


@pytest.fixture(scope="module")
def cluster():
    with localdb.temporary_server(free_port()) as srv:
        yield srv


def roles(url: str) -> dict[str, tuple[bool, bool]]:
    with db.connect(url) as conn:
        rows = conn.execute(
            "SELECT rolname, rolcanlogin, rolcreatedb FROM pg_roles WHERE rolname LIKE 'marketdb\\_%'"
        ).fetchall()
    return {name: (login, createdb) for name, login, createdb in rows}


def test_roles_deploy_and_revert_across_two_databases(cluster, tmp_path):
    project = copy_project(tmp_path, plan_changes=3)
    base = cluster.url("postgres")
    db.create_database(base, "first")
    db.create_database(base, "second")
    first, second = cluster.url("first"), cluster.url("second")

    # A fresh cluster has none of the roles, so the verify script fails there.
    assert roles(base) == {}
    assert harness.psql_file(first, PROJECT / "verify/core/roles.sql").returncode != 0

    # A role left behind with other attributes is adopted and corrected.
    with db.connect(base) as conn:
        conn.execute("CREATE ROLE marketdb_reader LOGIN CREATEDB")
    harness.deploy(project, first)
    assert set(roles(base)) == ROLES
    assert roles(base)["marketdb_reader"] == (False, False)

    # The second database finds the roles there and deploys all the same.
    out = harness.deploy(project, second)
    assert "ok" in out

    # Reverting one database keeps the roles the other still uses, and says so.
    result = harness.sqitch(project, second, "revert", "-y")
    assert "kept: still used in database first" in result.stdout + result.stderr
    assert set(roles(base)) == ROLES

    # A login granted a role keeps it alive too.
    with db.connect(base) as conn:
        conn.execute("CREATE ROLE alice LOGIN")
        conn.execute("GRANT marketdb_reader TO alice")
    result = harness.sqitch(project, first, "revert", "-y")
    assert "marketdb_reader kept: granted to alice" in result.stdout + result.stderr
    assert set(roles(base)) == {"marketdb_reader"}

    # With nothing holding on to them, revert drops them.
    with db.connect(base) as conn:
        conn.execute("DROP ROLE alice")
    harness.deploy(project, first)
    harness.revert(project, first)
    assert roles(base) == {}
