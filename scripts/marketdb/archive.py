"""`marketdb archive`: detached partitions and archive tables out of the database, and back.

export: each archive table of a managed table (maintenance.archives_of: detached days and
the archives retention made) is written with pg_dump's custom format to <dir>/<table>.dump,
through a .partial file, with a SHA-256 file beside it. The table is dropped only after the
file was read back: its checksum again from the disk, and its rows counted by pg_restore equal
to the table's. Anything that fails (a bad path, a full disk, pg_dump) stops the export with
the table kept; a run killed midway leaves at most a .partial file and the next run starts
that table over. restore: a file checked against its SHA-256 comes back as the read-only
archive table it was. docs/operations.md, "Archives out of the database".
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

from psycopg import sql

from . import config, db, localdb_root

CHUNK = 1 << 20


class ArchiveError(Exception):
    """An export or restore failed; nothing was dropped. The message says what and where."""


def archives(url: str, table: str | None = None) -> list[str]:
    """The archive tables of the managed partitioned tables (or of table), oldest first."""
    with db.connect(url) as conn:
        return [r[0] for r in conn.execute(
            "SELECT a::text FROM maintenance.policy AS p, maintenance.archives_of(p.parent_table::regclass) AS a"
            " WHERE p.kind = 'partitioned' AND (%s::text IS NULL OR p.parent_table = %s) ORDER BY 1", (table, table))]


def exporting_tables(url: str, table: str | None = None) -> list[str]:
    """The managed tables whose policy says detach -> export -> drop (export_archives); none
    for a role that may not read the registry (the maintainer: exporting drops tables, which
    is the owner's)."""
    with db.connect(url) as conn:
        if not conn.execute("SELECT has_table_privilege('maintenance.policy', 'SELECT')").fetchone()[0]:
            return []
        if not conn.execute("SELECT EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'maintenance.policy'::regclass"
                            " AND attname = 'export_archives' AND NOT attisdropped)").fetchone()[0]:
            return []  # a database from before maintenance/policy_export_archives
        return [r[0] for r in conn.execute(
            "SELECT parent_table FROM maintenance.policy WHERE export_archives AND enabled"
            " AND (%s::text IS NULL OR parent_table = %s) ORDER BY 1", (table, table))]


def can_export(url: str) -> bool:
    """Whether this login may read the registry and drop archives (the owner's, or a member's)."""
    with db.connect(url) as conn:
        return conn.execute("SELECT has_table_privilege('maintenance.policy', 'SELECT')"
                            " AND pg_has_role('marketdb_owner', 'USAGE')").fetchone()[0]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _restored_rows(url: str, path: Path) -> int:
    """Rows in a custom-format dump, counted from what pg_restore writes (COPY text: a line
    per row, newlines in values escaped)."""
    with open(path, "rb") as f:
        proc = subprocess.Popen([*localdb_root.pg_tool("pg_restore"), "--data-only", "-f", "-"], stdin=f,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=db.libpq_env(url))
        rows, inside = 0, False
        for line in proc.stdout:
            if inside:
                if line == b"\\.\n":
                    inside = False
                else:
                    rows += 1
            elif line.startswith(b"COPY ") and line.rstrip().endswith(b"FROM stdin;"):
                inside = True
        error = proc.stderr.read().decode(errors="replace")
        if proc.wait() != 0:
            raise ArchiveError(f"{path}: pg_restore cannot read it back: {error.strip()}")
    return rows


def export_one(url: str, table: str, folder: Path) -> dict:
    """Writes table to folder, checks the file, drops the table; returns what was done."""
    final = folder / f"{table}.dump"
    partial = folder / f"{table}.dump.partial"
    digest_file = folder / f"{table}.dump.sha256"
    digest = hashlib.sha256()
    try:
        with open(partial, "wb") as out:
            proc = subprocess.Popen([*localdb_root.pg_tool("pg_dump"), "--format=custom", f"--table={table}",
                                     *db.libpq_args(url)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=db.libpq_env(url))
            while chunk := proc.stdout.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
            error = proc.stderr.read().decode(errors="replace")
            if proc.wait() != 0:
                raise ArchiveError(f"{table}: pg_dump failed, the table is kept: {error.strip()}")
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        raise ArchiveError(f"{table}: cannot write {partial} ({exc.strerror}), the table is kept") from exc
    # Read back from the disk: the same bytes, and every row (an archive is read only: its
    # count after the dump is its count during it).
    with db.connect(url) as conn:
        rows = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.SQL(table))).fetchone()[0]
    if _sha256(partial) != digest.hexdigest():
        raise ArchiveError(f"{partial}: what is on the disk is not what pg_dump wrote; the table is kept")
    if (found := _restored_rows(url, partial)) != rows:
        raise ArchiveError(f"{partial}: holds {found} rows, {table} has {rows}; the table is kept")
    try:
        digest_file.write_text(f"{digest.hexdigest()}  {final.name}\n")
        os.replace(partial, final)
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)  # the rename and the checksum file are on the disk before the drop
        finally:
            os.close(fd)
    except OSError as exc:
        raise ArchiveError(f"{table}: cannot finish {final} ({exc.strerror}), the table is kept") from exc
    with db.connect(url) as conn:
        conn.execute("SET lock_timeout = '5s'")
        conn.execute(sql.SQL("DROP TABLE {}").format(sql.SQL(table)))
    return {"table": table, "rows": rows, "file": str(final), "sha256": digest.hexdigest()}


def export(url: str, folder: Path, table: str | None = None) -> list[dict]:
    folder = Path(folder)
    if not folder.is_dir():
        raise config.UsageError(f"--to: {folder} is not a directory")
    return [export_one(url, name, folder) for name in archives(url, table)]


def restore(url: str, path: Path) -> str:
    """Brings an exported table back (read only, its parent's privileges); returns its name."""
    path = Path(path)
    digest_file = path.with_name(path.name + ".sha256")
    if not path.is_file() or not digest_file.is_file():
        raise config.UsageError(f"{path}: no such export (the .dump file and its .sha256 beside it)")
    if digest_file.read_text().split()[0] != _sha256(path):
        raise ArchiveError(f"{path}: its SHA-256 differs from {digest_file.name}: the file is damaged, nothing restored")
    table = path.name.removesuffix(".dump")
    with db.connect(url) as conn:
        if conn.execute("SELECT to_regclass(%s) IS NOT NULL", (table,)).fetchone()[0]:
            raise config.UsageError(f"{table} exists already: nothing restored")
    with open(path, "rb") as f:
        proc = subprocess.run([*localdb_root.pg_tool("pg_restore"), "--exit-on-error", "--single-transaction",
                               *db.libpq_args(url)], stdin=f, capture_output=True, env=db.libpq_env(url))
    if proc.returncode != 0:
        raise ArchiveError(f"{path}: pg_restore failed, nothing restored: {proc.stderr.decode(errors='replace').strip()}")
    with db.connect(url) as conn:
        conn.execute("SELECT maintenance.make_read_only_archive(%s::regclass)", (table,))
    return table
