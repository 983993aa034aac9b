"""Backups and restores around marketdb: a named restore point before every deploy that
changes something, so point-in-time recovery can undo it to the second before.
docs/operations.md, "Backups and restore points"."""

from __future__ import annotations

from pathlib import Path

import psycopg

from . import db, plan_rules

MAX_NAME = 63  # pg_create_restore_point: names under MAXFNAMELEN (64) bytes


def pending_changes(project: Path, url: str) -> list[str]:
    """The plan's changes not deployed in the database at url, in plan order."""
    changes, ids = plan_rules.read_plan(project), plan_rules.change_ids(project)
    with db.connect(url) as conn:
        deployed = {r[0] for r in conn.execute("SELECT change_id FROM sqitch.changes WHERE project = 'marketdb'")} \
            if conn.execute("SELECT to_regclass('sqitch.changes')").fetchone()[0] else set()
    return [c.name for c, i in zip(changes, ids) if i not in deployed]


def restore_point(url: str, change: str) -> tuple[str | None, str]:
    """pg_create_restore_point('marketdb-<change>-<time>') before deploying change; returns
    (its name or None, what to tell the deployer)."""
    with db.connect(url) as conn:
        now = conn.execute("SELECT clock_timestamp()").fetchone()[0]
        stamp = f"{now:%Y%m%dT%H%M%SZ}"
        name = f"marketdb-{change.replace('/', '.')}"[: MAX_NAME - len(stamp) - 1] + f"-{stamp}"
        try:
            lsn = conn.execute("SELECT pg_create_restore_point(%s)::text", (name,)).fetchone()[0]
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectNotInPrerequisiteState) as exc:
            why = str(exc).strip().splitlines()[0]
            return None, (f"no restore point ({why}); to undo this deploy, restore to {now:%Y-%m-%d %H:%M:%S.%f %Z}, "
                          "the moment before it (docs/operations.md, \"Backups and restore points\")")
    return name, (f"restore point {name} at {lsn}: to undo this deploy, restore to it "
                  "(docs/operations.md, \"Backups and restore points\")")


# --------------------------------------------------------------------------- pgBackRest

STANZA = "marketdb"


def pgbackrest_config(home: str, data: str, port: int, repo: str | None = None) -> str:
    """A pgBackRest configuration for a cluster of marketdb's (paths as the server sees them):
    a local repository in its home, uncompressed (a test's backups are thrown away)."""
    repo = repo or f"{home}/pgbackrest-repo"
    return (f"[global]\nrepo1-path={repo}\nrepo1-retention-full=2\nlog-path={home}/pgbackrest-log\n"
            f"lock-path={home}/pgbackrest-lock\nspool-path={home}/pgbackrest-spool\nstart-fast=y\n"
            f"compress-type=none\nlog-level-console=warn\n\n"
            f"[{STANZA}]\npg1-path={data}\npg1-port={port}\npg1-socket-path=/tmp\npg1-user=postgres\n")


def archive_settings(config_path: str) -> str:
    """postgresql.conf lines that archive every WAL segment into pgBackRest's repository."""
    return (f"archive_mode = on\narchive_command = 'pgbackrest --config={config_path} --stanza={STANZA} archive-push %p'\n"
            "wal_level = replica\n")


def recipe(url: str, repo: str = "/var/lib/pgbackrest") -> str:
    """pgBackRest for the server at url: its configuration, the postgresql.conf lines, the
    commands (read from the server: data directory, port, socket directory)."""
    with db.connect(url) as conn:
        data = conn.execute("SELECT current_setting('data_directory', true)").fetchone()[0] or "<the data directory>"
        port = conn.execute("SELECT current_setting('port')").fetchone()[0]
        socket = (conn.execute("SELECT current_setting('unix_socket_directories')").fetchone()[0] or "/var/run/postgresql")
        archiving = conn.execute("SELECT current_setting('archive_mode'), current_setting('archive_command')").fetchone()
    lines = [
        "# /etc/pgbackrest/pgbackrest.conf",
        "[global]", f"repo1-path={repo}", "repo1-retention-full=2", "start-fast=y", "",
        f"[{STANZA}]", f"pg1-path={data}", f"pg1-port={port}", f"pg1-socket-path={socket.split(',')[0].strip()}", "",
        "# postgresql.conf (then restart)",
        "archive_mode = on", f"archive_command = 'pgbackrest --stanza={STANZA} archive-push %p'", "wal_level = replica", "",
        "# then, as the server's OS user",
        f"pgbackrest --stanza={STANZA} stanza-create",
        f"pgbackrest --stanza={STANZA} --type=full backup",
        f"pgbackrest --stanza={STANZA} check",
        f"# to undo a deploy: stop the server; pgbackrest --stanza={STANZA} --delta --type=name "
        "--target=<its restore point> --target-action=promote restore; start it",
    ]
    if archiving[0] == "on" and "pgbackrest" in (archiving[1] or ""):
        lines.insert(0, f"# this server already archives with: {archiving[1]}")
    return "\n".join(lines)
