"""The tools and databases the tests run on: sqitch, psql, test databases, templates and
their clones.

pytest (tests/) drives these functions; they also work on a copy of the project, which is
how tests/test_harness.py proves that a broken verify, revert or assertion fails the run.
"""

from __future__ import annotations

import os
import secrets
import subprocess
from pathlib import Path

import psycopg
from psycopg import sql

from . import db


class HarnessError(Exception):
    """A step of the harness failed; the message has the tool's own output."""


# --------------------------------------------------------------------------- tools


def run(command: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd)
    if check and result.returncode != 0:
        shown = " ".join(c if "://" not in c else "<target>" for c in command)
        raise HarnessError(f"`{shown}` failed (exit {result.returncode}):\n{result.stdout}{result.stderr}")
    return result


def sqitch_env() -> dict[str, str]:
    env = dict(os.environ)
    # Sqitch records who deployed; CI machines have no git identity to take it from.
    env.setdefault("SQITCH_FULLNAME", "marketdb harness")
    env.setdefault("SQITCH_EMAIL", "harness@marketdb.invalid")
    env.setdefault("SQITCH_PAGER", "cat")
    return env


def sqitch(project: Path, url: str, *args: str, check: bool = True, options: str | None = None,
           env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = ["sqitch", *args[:1], "--target", db.sqitch_target(url), *args[1:]]
    env = {**sqitch_env(), **(env or {})}
    if options:
        env["PGOPTIONS"] = f"{env.get('PGOPTIONS', '')} {options}".strip()
    return run(command, env=env, cwd=project, check=check)


def deploy(project: Path, url: str, to: str | None = None, verify: bool = True) -> str:
    """Deploys with --verify (verify=False: without, half the time, where the deploy is a
    precondition and not what a test proves); returns what Sqitch printed, stdout then
    stderr (warnings of Sqitch or of a script: a clean deploy has none)."""
    args = ["deploy", "--verify" if verify else "--no-verify"] + (["--to", to] if to else [])
    result = sqitch(project, url, *args)
    return result.stdout + result.stderr


def revert(project: Path, url: str, to: str | None = None) -> str:
    if to is not None:
        return sqitch(project, url, "revert", "-y", "--to", to).stdout
    # DROP EXTENSION timescaledb (psql, reverting core/extensions) sends more invalidations
    # than the queue holds, so Sqitch's idle session gets a full cache reset, on which
    # TimescaleDB (2.19 to 2.29) keeps its extension state: its next registry write then
    # opens a dropped catalog ("could not open relation with OID ..."), leaving the
    # extension gone but the change recorded. So the changes up to core/extensions revert
    # with timescaledb.restoring on, which keeps TimescaleDB out of that session.
    with db.connect(url) as conn:
        deployed = [row[0] for row in conn.execute(
            "SELECT change FROM sqitch.changes ORDER BY committed_at"
        )] if conn.execute("SELECT to_regclass('sqitch.changes')").fetchone()[0] else []
    out = ""
    if "core/extensions" in deployed and deployed[-1] != "core/extensions":
        out = sqitch(project, url, "revert", "-y", "--to", "core/extensions").stdout
    return out + sqitch(project, url, "revert", "-y", options="-c timescaledb.restoring=on").stdout


def psql_file(url: str, path: Path) -> subprocess.CompletedProcess[str]:
    return run(
        ["psql", "--no-psqlrc", "-X", "-q", "-v", "ON_ERROR_STOP=1", *db.libpq_args(url), "-f", str(path)],
        env=db.libpq_env(url),
        check=False,
    )


# --------------------------------------------------------------------------- test databases


def new_database_name(purpose: str) -> str:
    return f"marketdb_{purpose}_{os.getpid()}_{secrets.token_hex(3)}"


def create_test_database(server_url: str, purpose: str, pgtap: bool = True) -> str:
    """A fresh database on the server, with pgTAP when asked; returns its URL."""
    name = new_database_name(purpose)
    db.create_database(server_url, name)
    url = db.with_dbname(server_url, name)
    if pgtap:
        with db.connect(url) as conn:
            conn.execute("CREATE EXTENSION pgtap")
    return url


def drop_test_database(url: str) -> None:
    from psycopg.conninfo import conninfo_to_dict

    name = conninfo_to_dict(url)["dbname"]
    with db.connect(db.with_dbname(url, "postgres")) as conn:
        # A template cannot be dropped as one.
        if conn.execute("SELECT datistemplate FROM pg_database WHERE datname = %s", (name,)).fetchone() == (True,):
            conn.execute(sql.SQL("ALTER DATABASE {} WITH IS_TEMPLATE false").format(sql.Identifier(name)))
    db.drop_database(url, name)


# A test run deploys the plan once, into a template, and gives each test or module that needs
# the deployed plan a clone of it: CREATE DATABASE ... TEMPLATE copies the files in well under
# a second where a deploy with --verify takes about 12 s. A clone is the database the deploy
# made (Sqitch's registry included), so it is as fresh as a deploy of its own.


def make_template(server_url: str, project: Path, purpose: str = "template", pgtap: bool = True,
                  verify: bool = True) -> tuple[str, str]:
    """Deploys the plan (with --verify unless verify=False) into a new database and seals it
    as a template; returns its URL and what the deploy printed."""
    url = create_test_database(server_url, purpose, pgtap=pgtap)
    output = deploy(project, url, verify=verify)
    name = database_name(url)
    with db.connect(db.with_dbname(url, "postgres")) as conn:
        # Nobody connects to it again (TimescaleDB's scheduler leaves template databases
        # alone), so a copy never finds it in use and never copies a change in flight.
        conn.execute(sql.SQL("ALTER DATABASE {} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false").format(sql.Identifier(name)))
        _disconnect(conn, name)
    return url, output


def clone_database(template_url: str, purpose: str) -> str:
    """A new database copied from a template made by make_template; returns its URL."""
    import time

    template, name = database_name(template_url), new_database_name(purpose)
    deadline = time.monotonic() + 30
    with db.connect(db.with_dbname(template_url, "postgres")) as conn:
        while True:
            try:
                conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template)))
                break
            except psycopg.errors.ObjectInUse:  # a scheduler still leaving it
                if time.monotonic() > deadline:
                    raise
                _disconnect(conn, template)
                time.sleep(0.05)
    url = db.with_dbname(template_url, name)
    with db.connect(url) as conn:
        # A deploy's database has TimescaleDB's job scheduler running; a copy gets one only
        # when asked (the extension's launcher starts one per database at CREATE EXTENSION).
        start = conn.execute("SELECT format('%I.%I', n.nspname, p.proname) FROM pg_proc AS p JOIN pg_namespace AS n ON n.oid = p.pronamespace"
                             " WHERE p.proname = 'start_background_workers' AND n.nspname IN ('_timescaledb_functions', '_timescaledb_internal')"
                             " ORDER BY n.nspname LIMIT 1").fetchone()
        if start:
            conn.execute(f"SELECT {start[0]}()")
    return url


def database_name(url: str) -> str:
    from psycopg.conninfo import conninfo_to_dict

    return conninfo_to_dict(url)["dbname"]


def _disconnect(conn, name: str) -> None:
    conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", (name,))


def keep_databases() -> bool:
    return os.environ.get("KEEP_DB", "") not in ("", "0", "false", "no")
