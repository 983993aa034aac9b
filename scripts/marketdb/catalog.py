"""The generated catalog: what a deployed plan leaves, one file per object under catalog/.

Made from `pg_dump --schema-only` of a database holding the whole plan, on the Apache
edition of TimescaleDB that CI runs (the full edition's dump differs only inside
TimescaleDB's own objects, which are left out). Each table's file holds its columns,
constraints, indexes, partitioning, triggers, privileges and comments; each view's and
routine's file likewise. Days made by maintenance (daily partitions, chunks) are the
clock's business and are left out. A reviewer sees in the same pull request what a change
did to each object; `make catalog` rewrites it, and make test fails when it is stale."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from . import db, fidelity, harness, localdb_root

FOLDER = "catalog"
HEADER = re.compile(r"^--\n-- Name: (?P<name>.*?); Type: (?P<type>[A-Z ]+); Schema: (?P<schema>[^;]+); Owner: (?P<owner>[^\n]*)\n--\n", re.M)
DAY_OR_MONTH = re.compile(r"_p\d{6}(?:\d{2})?(?:_|$)")
TABLE_PART = {"CONSTRAINT", "FK CONSTRAINT", "TRIGGER", "POLICY", "RULE", "DEFAULT", "CHECK CONSTRAINT"}
LEFT_OUT_SCHEMAS = ("sqitch", "_timescaledb_internal", "_timescaledb_catalog", "_timescaledb_config",
                    "_timescaledb_cache", "_timescaledb_functions", "_timescaledb_debug", "timescaledb_information",
                    "timescaledb_experimental", "toolkit_experimental")


def _dump(url: str) -> str:
    excluded = [f"--exclude-schema={s}" for s in LEFT_OUT_SCHEMAS]
    proc = harness.run([*localdb_root.pg_tool("pg_dump"), "--schema-only", "--no-tablespaces", *excluded, *db.libpq_args(url)],
                       env=db.libpq_env(url))
    text = "\n".join(line for line in proc.stdout.splitlines() if not fidelity.VOLATILE_DUMP_LINE.match(line)) + "\n"
    text = fidelity.TIMESCALE_CATALOG_ID.sub(lambda m: m.group(1) + "N", text)
    return fidelity.TIMESCALE_FUNCTION_ID.sub(lambda m: m.group(1) + "N", text)


def _owners(url: str) -> tuple[dict[str, str], set[str]]:
    """index -> its table, and the days and months maintenance made (schema.name)."""
    with db.connect(url) as conn:
        indexes = dict(conn.execute("SELECT schemaname || '.' || indexname, schemaname || '.' || tablename FROM pg_indexes").fetchall())
        # A column's own sequence (identity, serial) goes with its table.
        indexes.update(conn.execute(
            "SELECT s.oid::regclass::text, d.refobjid::regclass::text FROM pg_class AS s JOIN pg_depend AS d ON d.objid = s.oid"
            " AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')"
            " WHERE s.relkind = 'S'").fetchall())
        made = {r[0] for r in conn.execute(
            "SELECT c.oid::regclass::text FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid"
            " JOIN pg_partitioned_table AS p ON p.partrelid = i.inhparent WHERE p.partdefid <> c.oid")}
    return indexes, made


def _object_of(kind: str, name: str, schema: str, indexes: dict[str, str]) -> tuple[str, str] | None:
    """(schema, object) whose file an entry of the dump belongs in; None: the database's file."""
    if schema == "-":
        # COMMENT and ACL of schemas, extensions, publications, default privileges: named "SCHEMA x" etc.
        m = re.match(r"SCHEMA (\S+)$", name)
        return (m.group(1), "_schema") if m else None
    if kind in ("COMMENT", "ACL"):
        m = re.match(r"(?:TABLE|VIEW|MATERIALIZED VIEW|TYPE|DOMAIN|FUNCTION|PROCEDURE|AGGREGATE) (\S+?)(?:\(.*)?$", name)
        if m:
            return schema, m.group(1)
        m = re.match(r"COLUMN (\S+?)\.", name)
        if m:
            return schema, m.group(1)
        m = re.match(r"(?:CONSTRAINT|TRIGGER|POLICY|RULE) \S+ ON (\S+)$", name)
        if m:
            return schema, m.group(1)
        m = re.match(r"(?:INDEX|SEQUENCE) (\S+)$", name)
        if m:
            return schema, indexes.get(f"{schema}.{m.group(1)}", f"{schema}.{m.group(1)}").split(".", 1)[1]
        return schema, "_schema"
    if kind in TABLE_PART:
        return schema, name.split(" ", 1)[0]
    if kind in ("INDEX", "INDEX ATTACH", "SEQUENCE", "SEQUENCE OWNED BY"):
        return schema, indexes.get(f"{schema}.{name}", f"{schema}.{name}").split(".", 1)[1]
    if kind in ("FUNCTION", "PROCEDURE", "AGGREGATE"):
        return schema, name.split("(", 1)[0]
    if kind in ("DEFAULT ACL", "PUBLICATION TABLE", "PUBLICATION", "EXTENSION", "SCHEMA"):
        return (name, "_schema") if kind == "SCHEMA" else None
    return schema, name.split(" ", 1)[0]


def render(url: str) -> dict[str, str]:
    """relative path -> text: the catalog of the database at url."""
    text = _dump(url)
    indexes, made = _owners(url)
    entries = list(HEADER.finditer(text))
    files: dict[str, list[str]] = {}
    for i, entry in enumerate(entries):
        body = text[entry.end(): entries[i + 1].start() if i + 1 < len(entries) else len(text)].strip("\n")
        kind, name, schema = entry.group("type"), entry.group("name"), entry.group("schema")
        if kind == "EXTENSION" and name == "pgtap" or (kind == "COMMENT" and name == "EXTENSION pgtap"):
            continue  # the test harness's, not the plan's
        target = _object_of(kind, name, schema, indexes)
        if target and (f"{target[0]}.{target[1]}" in made or DAY_OR_MONTH.search(target[1])):
            continue
        path = f"{target[0]}/{target[1]}.sql" if target else "_database.sql"
        files.setdefault(path, []).append(f"-- {kind}: {name}\n{body}\n")
    return {path: "".join(parts) for path, parts in sorted(files.items())}


def write(project: Path, url: str) -> list[str]:
    """Rewrites catalog/ from the database at url; returns the files written."""
    folder = project / FOLDER
    rendered = render(url)
    if folder.exists():
        for path in folder.rglob("*.sql"):
            path.unlink()
    for path, text in rendered.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text)
    for directory in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
        if not any(directory.iterdir()):
            shutil.rmtree(directory)
    return sorted(rendered)


def stale(project: Path, url: str) -> list[str]:
    """The catalog's files that differ from the database at url, each with what to run."""
    rendered = render(url)
    folder = project / FOLDER
    committed = {p.relative_to(folder).as_posix(): p.read_text() for p in folder.rglob("*.sql")} if folder.exists() else {}
    problems = [f"{FOLDER}/{path}: {'missing' if path not in committed else 'stale'}" for path in sorted(rendered)
                if committed.get(path) != rendered[path]]
    problems += [f"{FOLDER}/{path}: no such object in the deployed plan" for path in sorted(set(committed) - set(rendered))]
    return [f"{p} (run `make catalog`)" for p in problems]


def edition(url: str) -> str:
    with db.connect(url) as conn:
        return conn.execute("SELECT maintenance.edition()").fetchone()[0]


def main() -> int:
    """make catalog: deploys the plan into a scratch database of the server (the private
    one unless DATABASE_URL names another), rewrites catalog/ from it, drops it."""
    from . import config

    server = db.ensure_server()
    url = harness.create_test_database(server, "catalog", pgtap=False)
    try:
        harness.deploy(config.PROJECT_ROOT, url)
        if (found := edition(url)) != "apache":
            print(f"catalog: this server runs TimescaleDB's {found} edition; the catalog is made from the Apache edition "
                  "(CI's): run it against the private server", file=sys.stderr)
            return 1
        written = write(config.PROJECT_ROOT, url)
    finally:
        harness.drop_test_database(url)
    print(f"catalog: {len(written)} files in {FOLDER}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
