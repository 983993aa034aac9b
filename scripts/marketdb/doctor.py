"""`marketdb doctor`: does this server give the deployed schema what it needs?

Each check says what it found and, when something should change, exactly what. Exit 0: all
well; 3: a setting should change (the server works, but not as it should in production);
1: something marketdb cannot work without is missing.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from . import db

# The TimescaleDB releases marketdb is tested against: 2.19 (Debian 13's package in CI; the
# full edition built from the same tag by hand) to 2.29 (what Docker images and managed
# services run at the end of 2026; full and apache editions, by hand). docs/timescaledb.md,
# "TimescaleDB editions and versions".
MIN_TIMESCALEDB = (2, 19)
MAX_TESTED_TIMESCALEDB = (2, 29)
SUPPORTED = f"{MIN_TIMESCALEDB[0]}.{MIN_TIMESCALEDB[1]} to {MAX_TESTED_TIMESCALEDB[0]}.{MAX_TESTED_TIMESCALEDB[1]}"
# Room for growth: the lock table must hold twice what the largest table needs today.
LOCK_HEADROOM = 2


@dataclass(frozen=True)
class Finding:
    check: str
    status: str  # ok, change, missing, note
    found: str
    advice: str


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split("-")[0].split(".") if p.isdigit())


# Relations a query without a time filter locks on each table with children (partitions or
# chunks, recursively): the table, its children, and every index of them.
FOOTPRINT_QUERY = """
WITH RECURSIVE tree AS (
    SELECT c.oid AS root, c.oid AS rel
      FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE '\\_timescaledb%%'
       AND EXISTS (SELECT FROM pg_inherits AS i WHERE i.inhparent = c.oid)
    UNION ALL
    SELECT t.root, i.inhrelid FROM tree AS t JOIN pg_inherits AS i ON i.inhparent = t.rel
)
SELECT t.root::regclass::text AS table_name, count(*) AS relations,
       count(*) + (SELECT count(*) FROM pg_index AS x WHERE x.indrelid IN (SELECT rel FROM tree AS u WHERE u.root = t.root)) AS locks
  FROM tree AS t
 GROUP BY t.root
 ORDER BY locks DESC
"""


def timescaledb_finding(version: str | None, available: str, edition: str) -> Finding:
    """The TimescaleDB of this database against the supported range and the installed build."""
    if version is None:
        return Finding("timescaledb", "note", f"{available} available, not created in this database",
                       "`make deploy` (core/extensions) creates it")
    if _version(version)[:2] < MIN_TIMESCALEDB:
        return Finding("timescaledb", "change", f"{version}, {edition} edition: older than the supported {SUPPORTED}",
                       f"update to {SUPPORTED} (ALTER EXTENSION timescaledb UPDATE, "
                       "as the first statement of a new session, after installing the packages)")
    if _version(version)[:2] > MAX_TESTED_TIMESCALEDB:
        return Finding("timescaledb", "note", f"{version}, {edition} edition: newer than the tested {SUPPORTED}",
                       "marketdb has not been tested on this release: run `make test` against it (DATABASE_URL) "
                       "before deploying, since TimescaleDB's catalogs change meaning between releases")
    if available != version:
        return Finding("timescaledb", "change", f"{version} in this database, {available} installed",
                       "ALTER EXTENSION timescaledb UPDATE, as the first statement of a new session")
    return Finding("timescaledb", "ok", f"{version}, {edition} edition",
                   "" if edition == "timescale" else
                   "(apache: no compression, rollups are views; marketdb adapts, see docs/timescaledb.md)")


def run(url: str) -> list[Finding]:
    findings: list[Finding] = []
    with db.connect(url) as conn:
        libraries = db.preloaded_libraries(conn)
        loader = conn.execute(db.TIMESCALEDB_LOADER_QUERY).fetchone()[0]
        settings = dict(conn.execute(
            "SELECT name, setting FROM pg_settings WHERE name IN ('shared_preload_libraries', 'max_locks_per_transaction',"
            " 'max_connections', 'max_prepared_transactions', 'temp_file_limit', 'timescaledb.license', 'wal_level')").fetchall())
        standby = conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]
        available = dict(conn.execute(
            "SELECT name, default_version FROM pg_available_extensions WHERE name IN ('timescaledb', 'pgtap', 'pg_partman')").fetchall())
        installed = dict(conn.execute("SELECT extname, extversion FROM pg_extension").fetchall())
        footprint = conn.execute(FOOTPRINT_QUERY).fetchall()

    preload = libraries or []
    if libraries is None and loader:
        findings.append(Finding(
            "shared_preload_libraries", "ok", "not readable by this role; TimescaleDB's loader is there, so it is preloaded",
            "(reading the setting itself needs pg_read_all_settings)"))
    elif libraries is None:
        findings.append(Finding(
            "shared_preload_libraries", "missing", "not readable by this role, and TimescaleDB's loader is not loaded",
            "add timescaledb to shared_preload_libraries (ask the server's administrator), then restart"))
    elif "timescaledb" in preload:
        findings.append(Finding("shared_preload_libraries", "ok", ", ".join(preload), ""))
    else:
        findings.append(Finding(
            "shared_preload_libraries", "missing", ", ".join(preload) or "(empty)",
            "add timescaledb: shared_preload_libraries = 'timescaledb' in postgresql.conf, then restart. TimescaleDB hooks "
            "into the planner and executor at server start; without it CREATE EXTENSION timescaledb fails and no hypertable works"))

    edition = settings.get("timescaledb.license") or "apache"
    if "timescaledb" not in available:
        findings.append(Finding("timescaledb", "missing", "not installed on the server",
                                f"install TimescaleDB {SUPPORTED} for this PostgreSQL"))
    else:
        findings.append(timescaledb_finding(installed.get("timescaledb"), available["timescaledb"], edition))

    slots = int(settings["max_connections"]) + int(settings["max_prepared_transactions"])
    capacity = int(settings["max_locks_per_transaction"]) * slots
    biggest = footprint[0] if footprint else None
    need = LOCK_HEADROOM * (biggest[2] if biggest else 0)
    found = (f"{settings['max_locks_per_transaction']} x ({settings['max_connections']} + {settings['max_prepared_transactions']})"
             f" = {capacity:,} locks; " + (f"{biggest[0]} alone takes {biggest[2]:,} ({biggest[1]:,} tables and their indexes)"
                                            if biggest else "no partitioned table yet"))
    if need > capacity:
        wanted = 64 * math.ceil(need / slots / 64)
        findings.append(Finding(
            "lock table", "change", found,
            f"max_locks_per_transaction = {wanted} (restart): a query without a time filter locks every partition or chunk "
            f"and index of its table; the shared lock table must hold twice the largest table's {biggest[2]:,} for growth "
            "and other sessions, or such queries fail with 'out of shared memory'"))
    else:
        findings.append(Finding("lock table", "ok", found, ""))

    if settings["temp_file_limit"] == "-1":
        findings.append(Finding(
            "temp_file_limit", "change", "-1 (unlimited)",
            "temp_file_limit = '20GB' (or less than the free disk): one runaway sort or hash (a maintenance run over hostile rows "
            "once wrote 74 GB of temporary files) then fails alone instead of filling the disk under the whole server"))
    else:
        findings.append(Finding("temp_file_limit", "ok", f"{int(settings['temp_file_limit']) // 1024:,} MB", ""))

    if settings.get("wal_level") == "logical":
        findings.append(Finding("wal_level", "ok", "logical", ""))
    else:
        findings.append(Finding("wal_level", "note", settings.get("wal_level", "?"),
                                "enough for streaming standbys; to feed a logical subscriber from publication marketdb_exchange "
                                "set wal_level = logical (restart)"))
    if standby:
        findings.append(Finding("hot standby", "note", "pg_is_in_recovery() is true",
                                "read only: `marketdb maintain` and deploys refuse it (exit 2); run them on the primary"))

    findings += cron_findings(url, standby)
    for name, purpose in (("pgtap", "`make test` (pgTAP suites)"), ("pg_partman", "`make bench` (the pg_partman comparison)")):
        if name in available:
            findings.append(Finding(name, "ok", f"{available[name]} available", ""))
        else:
            findings.append(Finding(name, "note", "not installed", f"needed only by {purpose}; production servers do without"))
    return findings


def cron_findings(url: str, standby: bool) -> list[Finding]:
    """marketdb's pg_cron job, when one is scheduled for this database (`marketdb schedule`)."""
    import psycopg

    from . import schedule

    try:
        found = schedule.jobs(url)
    except psycopg.Error as exc:
        return [Finding("pg_cron", "note", f"could not read pg_cron's jobs: {str(exc).strip()}",
                        "run doctor as a role that may connect to cron.database_name and read cron.job")]
    findings = []
    for job in found:
        what = f"job {job['jobid']} '{job['schedule']}' as {job['username']}"
        with db.connect(url) as conn:
            role = conn.execute("SELECT rolsuper, rolcanlogin, pg_has_role(rolname, 'marketdb_maintainer', 'MEMBER')"
                                "  FROM pg_roles WHERE rolname = %s", (job["username"],)).fetchone()
        last = (f"last run {job['last_status']} at {job['last_start']:%Y-%m-%d %H:%M:%S %Z}" if job["last_status"]
                else "not run yet")
        if role is None or not role[1] or not role[2]:
            findings.append(Finding("pg_cron", "missing", f"{what}: that role is not a login granted marketdb_maintainer",
                                    "`marketdb schedule --role <login>` makes the login and grants it"))
        elif role[0]:
            findings.append(Finding("pg_cron", "change", f"{what}: a superuser",
                                    "run it as a login granted marketdb_maintainer only: `marketdb schedule`"))
        elif not job["active"]:
            findings.append(Finding("pg_cron", "change", f"{what}: inactive", f"SELECT cron.alter_job({job['jobid']}, active := true)"))
        elif job["last_status"] == "failed":
            findings.append(Finding("pg_cron", "change", f"{what}, {last}: {job['last_message']}",
                                    "the tables named were not maintained (the others were): see maintenance.run_log and "
                                    "`marketdb status`; the next run retries them"))
        else:
            findings.append(Finding("pg_cron", "ok", f"{what}, {last}",
                                    "(read only here: the primary runs it)" if standby else ""))
    return findings


def exit_code(findings: list[Finding]) -> int:
    statuses = {f.status for f in findings}
    return 1 if "missing" in statuses else 3 if "change" in statuses else 0


def as_dicts(findings: list[Finding]) -> list[dict]:
    return [asdict(f) for f in findings]
