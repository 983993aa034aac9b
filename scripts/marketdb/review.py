"""`marketdb review`: what each change does to a live database, measured before it is merged.

On a scratch server (one it starts, or a DATABASE_URL whose configuration file sets
marketdb.scratch = on), in a database it creates: the plan up to the change before the
first one under review, data shaped like production (review_seed), then one `sqitch deploy`
of the changes under review while a writer inserts into the tables their scripts name and a
reader reads them. Per statement: its time and result (psql's \\timing and log), the locks
it took and how long they were held (pg_locks sampled every 10 ms), the writer's and the
reader's lock waits it caused; per change: the tables and indexes it rewrote (relfilenode
changed), squawk's findings, the catalog files it names. `--maintenance` then measures one
maintenance run the same way, call by call. docs/review.md.

The rule (make test): no change after the last tag holds ACCESS EXCLUSIVE on a table with
rows for more than LIMIT_MS, rewrites a table with rows, makes the writer wait more than
LIMIT_MS or fail, unless its deploy script says why on a line `-- review: <what and why>`."""

from __future__ import annotations

import difflib
import re
import socket
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import psycopg
import psycopg.sql
import psycopg.types.json

from . import config, db, harness, localdb, plan_rules, review_seed

LIMIT_MS = 100
SAMPLE_SECONDS = 0.01
APP = "marketdb-review"
DEPLOYER = f"{APP}-deploy"  # the psql of each deploy script (scripts/sqitch-psql), or the maintenance run
DECLARATION = re.compile(r"^\s*--\s*review:\s*(\S.*?)\s*$", re.M)
SCRATCH_SETTING = "marketdb.scratch"
# Every setting a server needs for a review; the one it starts has them.
SERVER_SETTINGS = (
    f"{SCRATCH_SETTING} = on\n"
    "track_activity_query_size = 32768\n"  # the sampler names a lock's statement by its text
    "temp_file_limit = '4GB'\n"
)
STRONG = {"AccessExclusiveLock", "ExclusiveLock", "ShareRowExclusiveLock", "ShareLock"}


# --------------------------------------------------------------------------- results


@dataclass
class Lock:
    relation: str
    mode: str
    held_ms: float
    rows: int  # the relation's rows (with its partitions or chunks) before the change
    statement: int | None  # index into the step's statements
    table: str = ""  # a partition's or chunk's table; the relation itself otherwise
    taken_ms: float = 0.0  # first seen, after the step's start


@dataclass
class Statement:
    text: str
    ms: float
    result: str  # the command tag (INSERT 0 5) or rows printed
    writer_wait_ms: float = 0.0
    reader_wait_ms: float = 0.0


@dataclass
class Step:
    """One change (or one maintenance action) and what it did."""

    name: str
    kind: str = "change"  # "released" (before the plan's last tag) or "maintenance": reported, not judged
    script: str = ""
    declared: list[str] = field(default_factory=list)
    ms: float = 0.0
    statements: list[Statement] = field(default_factory=list)
    locks: list[Lock] = field(default_factory=list)
    rewrites: list[str] = field(default_factory=list)
    rewritten: dict[str, list[int]] = field(default_factory=dict)  # table -> [relations, rows] (partitions grouped)
    index_rewrites: list[str] = field(default_factory=list)
    writes_to: list[str] = field(default_factory=list)
    reads_from: list[str] = field(default_factory=list)
    writer_wait_ms: float = 0.0  # longest lock wait of the writer behind this step
    reader_wait_ms: float = 0.0
    writer_max_ms: float = 0.0  # longest insert, as the writer saw it (lock waits and the machine's noise)
    reader_max_ms: float = 0.0
    writer_inserts: int = 0
    writer_errors: list[str] = field(default_factory=list)
    squawk: list[str] = field(default_factory=list)
    catalog_files: list[str] = field(default_factory=list)  # catalog files it names that the review changed
    actions: str = ""  # maintenance: what the call reported
    violations: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        if self.kind != "change":
            return "over" if self.violations else "ok"
        if self.violations:
            return "declared" if self.declared else "FAIL"
        return "ok"


@dataclass
class Review:
    title: str
    server: str
    size: int
    seeded: dict[str, int]
    steps: list[Step]
    notes: list[str] = field(default_factory=list)
    catalog_diff: dict[str, str] = field(default_factory=dict)  # file -> diff, before the first change and after the last

    @property
    def failures(self) -> list[Step]:
        return [s for s in self.steps if s.kind == "change" and s.verdict == "FAIL"]


# --------------------------------------------------------------------------- the server


def free_port() -> int:
    reserved = {config.port(), config.replica_port()}
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port not in reserved:
            return port


def require_scratch(url: str) -> None:
    """A review creates a database, floods its tables and drops it: only on a server its
    administrator marked as scratch in the configuration file (a session cannot set that)."""
    with db.connect(url) as conn:
        row = conn.execute("SELECT setting, source FROM pg_settings WHERE name = %s", (SCRATCH_SETTING,)).fetchone()
        standby = conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]
    if row is None or row[0] != "on" or row[1] not in ("configuration file", "command line"):
        raise config.UsageError(
            f"DATABASE_URL names {db.describe(url)}, which is not a scratch server: marketdb review creates a database "
            f"there, floods its tables and drops it, so it runs only where the server's configuration file sets "
            f"{SCRATCH_SETTING} = on (found: {row[0] + ' from ' + row[1] if row else 'not set'}). Unset DATABASE_URL "
            "to let it start a throwaway server of its own")
    if standby:
        raise config.UsageError(f"DATABASE_URL names a hot standby ({db.describe(url)}): a review deploys; give it a primary")


@contextmanager
def scratch_server() -> Iterator[str]:
    """The server URL a review runs on: DATABASE_URL's (if marked scratch), else a
    throwaway cluster from the cached Debian 13 root, removed afterwards."""
    url = config.database_url()
    if url:
        require_scratch(url)
        yield url
        return
    with localdb.temporary_server(free_port(), settings=SERVER_SETTINGS) as srv:
        yield srv.url("postgres")


# --------------------------------------------------------------------------- load and sampler


@dataclass
class _Target:
    table: str
    insert: str
    row: dict


class Load:
    """A writer inserting into the current write targets, a reader reading the read targets
    and a sampler of pg_stat_activity and pg_locks, all running until stop()."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._write: list[_Target] = []
        self._read: list[str] = []
        self.inserts: list[tuple[float, float, str, str | None]] = []  # (start, end, table, error)
        self.reads: list[tuple[float, float]] = []
        self.samples: list[tuple] = []
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=f, daemon=True) for f in (self._writer, self._reader, self._sampler)]
        self._counter = 0

    def start(self) -> "Load":
        for t in self._threads:
            t.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(timeout=60)

    def target(self, conn: psycopg.Connection, writes: list[str], reads: list[str]) -> tuple[list[str], list[str]]:
        """Points the load at these tables; returns the ones the writer can insert into (a
        row of the table copied with its time key at the clock) and the readable ones."""
        chosen = []
        for table in writes:
            made = _insert_for(conn, table)
            if made is not None:
                chosen.append(_Target(table, *made))
        self._write = chosen
        self._read = list(reads)
        return [t.table for t in chosen], list(reads)

    def _writer(self) -> None:
        with psycopg.connect(self.url, autocommit=True, application_name=f"{APP}-writer") as conn:
            while not self._stop.is_set():
                targets = self._write
                if not targets:
                    time.sleep(SAMPLE_SECONDS)
                    continue
                for t in targets:
                    self._counter += 1
                    started = time.time()
                    error = None
                    try:
                        conn.execute(t.insert, {"row": psycopg.types.json.Jsonb(t.row), "n": self._counter})
                    except psycopg.Error as exc:
                        error = f"{exc.sqlstate}: {str(exc).strip().splitlines()[0]}"
                    self.inserts.append((started, time.time(), t.table, error))
                    if error:  # once: a change altered the table; the writer takes its new shape
                        made = _insert_for(conn, t.table)
                        if made is not None:
                            t.insert, t.row = made
                time.sleep(SAMPLE_SECONDS / 2)

    def _reader(self) -> None:
        with psycopg.connect(self.url, autocommit=True, application_name=f"{APP}-reader") as conn:
            while not self._stop.is_set():
                tables = self._read
                if not tables:
                    time.sleep(SAMPLE_SECONDS)
                    continue
                for table in tables:
                    started = time.time()
                    try:
                        conn.execute(f"SELECT * FROM {table} LIMIT 20").fetchall()
                    except psycopg.Error:
                        pass  # a table the change dropped or renamed: the writer's errors tell
                    self.reads.append((started, time.time()))
                time.sleep(SAMPLE_SECONDS / 2)

    SAMPLE = (
        "SELECT a.pid, a.application_name, a.state, a.query,"
        "       a.wait_event_type = 'Lock' AS waiting,"
        "       CASE WHEN a.wait_event_type = 'Lock' THEN extract(epoch FROM clock_timestamp() - a.query_start) * 1000 END,"
        "       CASE WHEN a.wait_event_type = 'Lock' THEN pg_blocking_pids(a.pid) END,"
        "       (SELECT array_agg(l.relation::oid::bigint || ' ' || l.mode) FROM pg_locks AS l"
        "         WHERE l.pid = a.pid AND l.granted AND l.locktype = 'relation' AND l.database = d.oid),"
        "       CASE WHEN a.wait_event_type = 'Lock' THEN (SELECT l.relation::oid::bigint FROM pg_locks AS l"
        "         WHERE l.pid = a.pid AND NOT l.granted AND l.locktype = 'relation' LIMIT 1) END"
        "  FROM pg_stat_activity AS a JOIN pg_database AS d ON d.datname = current_database()"
        " WHERE a.datid = d.oid AND a.application_name LIKE %s AND a.pid <> pg_backend_pid()"
    )

    def _sampler(self) -> None:
        texts: dict[str, str] = {}  # one copy of each statement's text, however many samples show it
        with psycopg.connect(self.url, autocommit=True, application_name="marketdb-review-sampler") as conn:
            while not self._stop.is_set():
                at = time.time()
                try:
                    rows = [(r[0], r[1], r[2], texts.setdefault(r[3] or "", r[3] or ""), *r[4:])
                            for r in conn.execute(self.SAMPLE, (f"{APP}-%",)).fetchall()]
                except psycopg.Error:
                    rows = []
                self.samples.append((at, rows))
                time.sleep(SAMPLE_SECONDS)


def _time_key(conn: psycopg.Connection, table: str) -> str | None:
    """The timestamptz column a partitioned table or hypertable is cut by (None: neither)."""
    row = conn.execute(
        "SELECT a.attname FROM pg_partitioned_table AS p JOIN pg_attribute AS a ON a.attrelid = p.partrelid"
        " AND a.attnum = p.partattrs[0] WHERE p.partrelid = to_regclass(%s) AND a.atttypid = 'timestamptz'::regtype",
        (table,)).fetchone()
    if row:
        return row[0]
    if conn.execute("SELECT to_regclass('timescaledb_information.dimensions') IS NOT NULL").fetchone()[0]:
        row = conn.execute(
            "SELECT d.column_name FROM timescaledb_information.dimensions AS d"
            " WHERE format('%%I.%%I', d.hypertable_schema, d.hypertable_name)::regclass = to_regclass(%s)"
            "   AND d.column_type = 'timestamptz'::regtype ORDER BY d.dimension_number LIMIT 1", (table,)).fetchone()
        if row:
            return row[0]
    return None


def _insert_for(conn: psycopg.Connection, table: str) -> tuple[str, dict] | None:
    """An INSERT of a copy of one of the table's rows with its time key at the clock (every
    unique key of a partitioned table or hypertable holds that key, so the copy is new),
    tried once: None when the table has no such key, no row, or refuses the copy."""
    key = _time_key(conn, table)
    if key is None:
        return None
    row = conn.execute(f"SELECT to_jsonb(t) FROM {table} AS t LIMIT 1").fetchone()
    if row is None:
        return None
    columns = [r[0] for r in conn.execute(
        "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped"
        " AND attgenerated = '' AND attidentity <> 'a' ORDER BY attnum", (table,))]

    def name(column: str) -> str:
        return psycopg.sql.Identifier(column).as_string(conn)

    # The counter sets copies a microsecond apart, so two never meet.
    chosen = ", ".join("clock_timestamp() + %(n)s * interval '1 microsecond'" if c == key else f"r.{name(c)}" for c in columns)
    statement = (f"/* {APP} */ INSERT INTO {table} ({', '.join(name(c) for c in columns)})"
                 f" SELECT {chosen} FROM jsonb_populate_record(NULL::{table}, %(row)s) AS r")
    try:
        with conn.transaction():
            conn.execute(statement, {"row": psycopg.types.json.Jsonb(row[0]), "n": 0})
            raise _Rollback
    except _Rollback:
        pass
    except psycopg.Error:
        return None
    return statement, row[0]


class _Rollback(Exception):
    pass


# --------------------------------------------------------------------------- catalog snapshots

# A relation's rows: its leaves' (partitions, chunks); the parent's reltuples counts them again.
RELATIONS = """
WITH RECURSIVE rel AS (
    SELECT c.oid, c.relkind, c.relfilenode, c.reltuples, c.relispartition, n.nspname
      FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'm', 'i', 'I')
       AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'sqitch')
       AND (n.nspname NOT LIKE '\\_timescaledb\\_%' OR n.nspname = '_timescaledb_internal')
), tree AS (
    SELECT oid AS top, oid FROM rel WHERE relkind IN ('r', 'p', 'm')
    UNION ALL
    SELECT t.top, i.inhrelid FROM tree AS t JOIN pg_inherits AS i ON i.inhparent = t.oid
)
SELECT r.oid, r.oid::regclass::text, r.relkind, r.relfilenode, coalesce(s.rows, 0), r.nspname,
       coalesce((SELECT i.inhparent::regclass::text FROM pg_inherits AS i WHERE i.inhrelid = r.oid LIMIT 1),
                (SELECT x.indrelid::regclass::text FROM pg_index AS x WHERE x.indexrelid = r.oid))
  FROM rel AS r
  LEFT JOIN (SELECT t.top, sum(greatest(c.reltuples, 0))::bigint AS rows
               FROM tree AS t JOIN pg_class AS c ON c.oid = t.oid
              WHERE NOT EXISTS (SELECT FROM pg_inherits AS i WHERE i.inhparent = t.oid)
              GROUP BY t.top) AS s ON s.top = r.oid
"""


@dataclass(frozen=True)
class _Rel:
    name: str
    kind: str
    filenode: int
    rows: int
    schema: str
    parent: str | None  # a partition's or chunk's table, an index's table


def relations(conn: psycopg.Connection) -> dict[int, _Rel]:
    return {r[0]: _Rel(*r[1:]) for r in conn.execute(RELATIONS)}


# --------------------------------------------------------------------------- one step, measured


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(";").strip()


def _statement_index(statements: list[Statement], query: str, after: int) -> int | None:
    """The captured statement the sampled query is (pg_stat_activity may cut it short)."""
    wanted = _norm(query)
    if not wanted:
        return None
    for index in list(range(max(after, 0), len(statements))) + list(range(0, max(after, 0))):
        if _norm(statements[index].text).startswith(wanted):
            return index
    return None


def _taken_by(statements: list[Statement], rel: "_Rel | None", since: int, index: int | None) -> int | None:
    """The statement that took a lock first seen while statement index ran: a fast one
    since the previous sample may have (LOCK, then a long statement): the first of those
    naming the relation or its table, else index."""
    if index is None or rel is None:
        return index
    names = {n.split(".")[-1] for n in (rel.name, rel.parent) if n}
    for candidate in range(min(since, index), index + 1):
        if any(re.search(rf"\b{re.escape(n)}\b", statements[candidate].text) for n in names):
            return candidate
    return index


def analyse(step: Step, load: Load, t0: float, t1: float, before: dict[int, _Rel], after: dict[int, _Rel],
            by_time: bool = False) -> None:
    """Fills step's locks, waits, rewrites and writer figures from what the load and the
    sampler saw between t0 and t1. by_time: the step is one statement (maintenance)."""
    held: dict[tuple[int, int, str], list] = {}
    cursor = 0
    seen: dict[int, int] = {}  # per deploying backend: the statement its previous sample showed
    for at, rows in [s for s in load.samples if t0 <= s[0] <= t1]:
        deployers = {r[0]: r for r in rows if r[1] == DEPLOYER}
        current: dict[int, int | None] = {}
        for pid, row in deployers.items():
            index = 0 if by_time and step.statements else _statement_index(step.statements, row[3] or "", cursor)
            if index is not None:
                cursor = index
            current[pid] = index
            for entry in row[7] or []:
                oid, mode = entry.split(" ", 1)
                key = (pid, int(oid), mode)
                if key in held:
                    held[key][1] = at
                else:
                    held[key] = [at, at, _taken_by(step.statements, before.get(int(oid)) or after.get(int(oid)),
                                                   seen.get(pid, 0), index)]
            if index is not None:
                seen[pid] = index
        for row in rows:
            if not row[4] or row[1] not in (f"{APP}-writer", f"{APP}-reader"):
                continue
            blockers = [b for b in (row[6] or []) if b in deployers]
            if not blockers:
                continue
            wait = float(row[5] or 0)
            # The statement that took the lock the waiter queues for, else the running one.
            taken = [v[2] for (pid, oid, _), v in held.items() if pid == blockers[0] and oid == row[8]]
            index = min((i for i in taken if i is not None), default=current.get(blockers[0]))
            if row[1].endswith("writer"):
                step.writer_wait_ms = max(step.writer_wait_ms, wait)
                if index is not None:
                    step.statements[index].writer_wait_ms = max(step.statements[index].writer_wait_ms, wait)
            else:
                step.reader_wait_ms = max(step.reader_wait_ms, wait)
                if index is not None:
                    step.statements[index].reader_wait_ms = max(step.statements[index].reader_wait_ms, wait)
    merged: dict[tuple[int, str], Lock] = {}
    for (pid, oid, mode), (first, last, index) in held.items():
        rel = before.get(oid) or after.get(oid)
        if rel is None:
            continue  # a catalog's, or a relation made and dropped within the step
        table = rel.parent if rel.parent and rel.kind in ("r", "p", "m") else rel.name
        lock = Lock(rel.name, mode, (last - first) * 1000, before[oid].rows if oid in before else 0, index, table,
                    max(first - t0, 0) * 1000)
        known = merged.get((oid, mode))
        if known is None or lock.held_ms > known.held_ms:
            merged[(oid, mode)] = lock
    step.locks = sorted(merged.values(), key=lambda l: (-l.held_ms, l.relation, l.mode))
    for oid, rel in before.items():
        now = after.get(oid)
        if now is None or now.filenode == rel.filenode or rel.filenode == 0:
            continue
        if rel.kind in ("i", "I"):
            step.index_rewrites.append(rel.name)
            continue
        step.rewrites.append(f"{rel.name} ({rel.rows} rows)")
        group = step.rewritten.setdefault(rel.parent or rel.name, [0, 0])
        group[0] += 1
        group[1] += rel.rows
    window = [i for i in load.inserts if i[1] >= t0 and i[0] <= t1]
    step.writer_inserts = sum(1 for i in window if i[3] is None)
    step.writer_max_ms = max(((i[1] - i[0]) * 1000 for i in window), default=0.0)
    step.writer_errors = sorted({f"{i[2]}: {i[3]}" for i in window if i[3]})
    step.reader_max_ms = max(((r[1] - r[0]) * 1000 for r in load.reads if r[1] >= t0 and r[0] <= t1), default=0.0)


def judge(step: Step) -> None:
    """The rule: what the step may not do unless its script declares it. A table's partitions
    and chunks count with it: one breach per table."""
    held: dict[str, list[Lock]] = {}
    for lock in step.locks:
        if lock.mode == "AccessExclusiveLock" and lock.rows > 0 and lock.held_ms > LIMIT_MS:
            held.setdefault(lock.table or lock.relation, []).append(lock)
    for table, locks in held.items():
        longest = max(locks, key=lambda l: l.held_ms)
        parts = [l for l in locks if l.relation != table]
        rows = max([l.rows for l in locks if l.relation == table] + [sum(l.rows for l in parts)])
        what = table + (f" and {len(parts)} of its partitions" if parts and len(parts) < len(locks) else
                        f" ({len(parts)} of its partitions)" if parts else "")
        where = f" (statement {longest.statement + 1})" if longest.statement is not None else ""
        step.violations.append(f"holds ACCESS EXCLUSIVE on {what}, {rows} rows, for {longest.held_ms:.0f} ms{where}")
    for table, (count, rows) in step.rewritten.items():
        if rows > 0:
            step.violations.append(f"rewrites {table}" + (f" ({count} partitions)" if count > 1 else "") + f", {rows} rows")
    if step.writer_wait_ms > LIMIT_MS:
        step.violations.append(f"makes the writer wait {step.writer_wait_ms:.0f} ms (on {', '.join(step.writes_to)})")
    for error in step.writer_errors:
        step.violations.append(f"makes the writer fail: {error}")


# --------------------------------------------------------------------------- deploys


CAPTURE_QUERY = re.compile(r"^\*{9} QUERY \*{10}\n(.*?)\n\*{26}\n\n(.*?)(?=^\*{9} QUERY \*{10}\n|\Z)", re.S | re.M)
CAPTURE_TIME = re.compile(r"^Time: ([\d.]+) ms", re.M)
DOMAIN_NAME = re.compile(r"\b([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)\b")
DEFAULT_LOAD = ("exchange.trades", "crypto.trades")


def read_capture(base: Path) -> list[Statement]:
    """Statements psql ran (its log, -L) with their times (\\timing, in the same order)."""
    log, timing = _file(base, ".log"), _file(base, ".time")
    log = log.read_text() if log.exists() else ""
    times = [float(t) for t in CAPTURE_TIME.findall(timing.read_text())] if timing.exists() else []
    found = []
    queries = [m for m in CAPTURE_QUERY.finditer(log) if not m.group(1).startswith(f"/* {APP} snapshot */")]
    for index, match in enumerate(queries):
        output = [line for line in match.group(2).splitlines() if line.strip()]
        tag = output[-1].strip() if output and re.match(r"^[A-Z][A-Z ]*( \d+)*$", output[-1].strip()) else (
            f"{len(output)} row{'s' if len(output) != 1 else ''} out" if output else "")
        found.append(Statement(match.group(1), times[index] if index < len(times) else 0.0, tag))
    return found


def named_tables(conn: psycopg.Connection, text: str) -> list[str]:
    """The tables (not partitions) of the plan's schemas a script names."""
    names = []
    for schema, name in sorted(set(DOMAIN_NAME.findall(re.sub(r"--[^\n]*", "", text)))):
        row = conn.execute("SELECT c.oid::regclass::text FROM pg_class AS c WHERE c.oid = to_regclass(%s)"
                           " AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
                           " AND c.relnamespace::regnamespace::text NOT LIKE '\\_timescaledb%%'"
                           " AND c.relnamespace::regnamespace::text NOT IN ('sqitch', 'pg_catalog')",
                           (f"{schema}.{name}",)).fetchone()
        if row and row[0] not in names:
            names.append(row[0])
    return names


def _file(base: Path, suffix: str) -> Path:
    return base.parent / (base.name + suffix)  # not with_suffix: name@v0.1.1 has dots


def capture_base(folder: Path, change: plan_rules.Change) -> Path:
    """Where scripts/sqitch-psql leaves a deploy script's capture (same naming)."""
    return folder / change.script.replace("/", "__")


def read_relations(path: Path) -> dict[int, _Rel]:
    """A snapshot psql wrote (unaligned, tuples only): RELATIONS's rows."""
    found = {}
    if path.exists():
        for line in path.read_text().splitlines():
            parts = line.split("|")
            if len(parts) == 7 and parts[0].isdigit():
                found[int(parts[0])] = _Rel(parts[1], parts[2], int(parts[3]), int(parts[4]), parts[5], parts[6] or None)
    return found


def load_targets(conn: psycopg.Connection, project: Path, changes: list[plan_rules.Change]) -> tuple[list[str], list[str]]:
    """The writer inserts into the partitioned tables and hypertables the scripts name, the
    reader reads every table they name; scripts naming none of those (routines') run beside
    the busiest tables."""
    tables: list[str] = []
    for change in changes:
        tables += [t for t in named_tables(conn, (project / "deploy" / f"{change.script}.sql").read_text()) if t not in tables]
    present = [t for t in DEFAULT_LOAD if conn.execute("SELECT to_regclass(%s) IS NOT NULL", (t,)).fetchone()[0]]
    keyed = [t for t in tables if _time_key(conn, t)]
    return keyed or present, tables if keyed else tables + [t for t in present if t not in tables]


def deploy_steps(project: Path, url: str, changes: list[plan_rules.Change], to: str, load: Load,
                 conn: psycopg.Connection, progress) -> list[Step]:
    """One `sqitch deploy` of the changes, each script's psql capturing (scripts/sqitch-psql):
    its statements, their times and tags, the relations before and after, its window."""
    writes, reads = load.target(conn, *load_targets(conn, project, changes))
    time.sleep(0.1)  # the writer and the reader at work before the first change
    steps = []
    with tempfile.TemporaryDirectory(prefix="marketdb-review-") as folder:
        env = {"MARKETDB_REVIEW_CAPTURE": folder, "MARKETDB_REVIEW_SNAPSHOT": f"/* {APP} snapshot */ " + " ".join(RELATIONS.split()),
               "PGAPPNAME": f"{APP}-sqitch"}
        progress(f"review: deploying {len(changes)} changes, {changes[0].name} to {changes[-1].name}")
        harness.sqitch(project, url, "deploy", "--no-verify", "--to", to, env=env)
        time.sleep(0.05)
        for change in changes:
            base = capture_base(Path(folder), change)
            script = project / "deploy" / f"{change.script}.sql"
            step = Step(name=change.name, script=script.relative_to(project).as_posix(),
                        declared=DECLARATION.findall(script.read_text()), writes_to=writes, reads_from=reads)
            t0, t1 = (float(_file(base, s).read_text()) for s in (".start", ".end"))
            step.ms = (t1 - t0) * 1000
            step.statements = read_capture(base)
            before, after = read_relations(_file(base, ".before")), read_relations(_file(base, ".after"))
            analyse(step, load, t0, t1, before, after)
            judge(step)
            steps.append(step)
    return steps


# --------------------------------------------------------------------------- maintenance


MAINTENANCE_CALLS = (
    ("prepare_rescue", "SELECT action, partition_name, rows_moved FROM maintenance.prepare_rescue(%s)"),
    ("run_maintenance_for", "SELECT action, partition_name, rows_moved FROM maintenance.run_maintenance_for(%s)"),
    ("compact_for", "SELECT action, partition_name, rows_moved FROM maintenance.compact_for(%s)"),
    ("analyze_for", "SELECT action, partition_name, rows_moved FROM maintenance.analyze_for(%s)"),
)


def _summary(rows: list[tuple]) -> str:
    counts: dict[str, list[int]] = {}
    for action, _partition, moved in rows:
        counts.setdefault(action, [0, 0])
        counts[action][0] += 1
        counts[action][1] += moved or 0
    return ", ".join(f"{a} {n}" + (f" ({m} rows)" if m else "") for a, (n, m) in counts.items())


def maintenance_steps(url: str, load: Load, progress, tables: list[str] | None = None) -> list[Step]:
    """One maintenance run as `marketdb maintain` makes it, call by call (each its own
    transaction), each measured like a deploy's statement (tables: only these)."""
    steps = []
    with psycopg.connect(url, autocommit=True, application_name=DEPLOYER) as actor, db.connect(url) as conn:
        tables = tables or [r[0] for r in conn.execute("SELECT parent_table FROM maintenance.policy WHERE enabled ORDER BY parent_table")]
        for table in tables:
            progress(f"review: maintaining {table}")
            writes, reads = load.target(conn, [table], [table])
            after = relations(conn)
            for call, sql in MAINTENANCE_CALLS:
                for _ in range(review_seed.MAX_STEPS if call == "compact_for" else 1):
                    before = after
                    step = Step(name=f"{table}: {call}", kind="maintenance", writes_to=writes, reads_from=reads)
                    t0 = time.time()
                    rows = actor.execute(sql, (table,)).fetchall()
                    t1 = time.time()
                    step.ms = (t1 - t0) * 1000
                    step.actions = _summary(rows)
                    step.statements = [Statement(sql.replace("%s", f"'{table}'"), step.ms, f"{len(rows)} actions")]
                    time.sleep(SAMPLE_SECONDS)  # the sampler's last look
                    after = relations(conn)
                    analyse(step, load, t0, t1 + SAMPLE_SECONDS, before, after, by_time=True)
                    judge(step)
                    if rows or step.locks and any(l.mode in STRONG for l in step.locks) or step.writer_wait_ms:
                        steps.append(step)
                    if call != "compact_for" or not any(r[0] in ("capture", "compact") for r in rows):
                        break
    return steps


# --------------------------------------------------------------------------- the review


def tags(project: Path) -> dict[str, int]:
    """Each tag of the plan and the number of changes before it."""
    found, count = {}, 0
    for raw in (project / "sqitch.plan").read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith(("%", "#")):
            continue
        if line.startswith("@"):
            found[line.split()[0][1:]] = count
        else:
            count += 1
    return found


def plan_range(project: Path, since: str | None, until: str | None) -> tuple[int, int]:
    """[first, end) of the changes under review: after tag since (default: the plan's last
    tag) through until (a tag, @tag, or a change's name; default: the plan's end)."""
    found, changes = tags(project), plan_rules.read_plan(project)
    if since is None:
        if not found:
            raise config.UsageError("the plan has no tag: give --since")
        since = list(found)[-1]
    if since.lstrip("@") not in found:
        raise config.UsageError(f"--since: no tag {since!r} in sqitch.plan (tags: {', '.join(found) or 'none'})")
    first = found[since.lstrip("@")]
    end = len(changes)
    if until is not None:
        if until.lstrip("@") in found:
            end = found[until.lstrip("@")]
        else:
            named = [i for i, c in enumerate(changes) if c.name == until]
            if not named:
                raise config.UsageError(f"--until: no tag or change {until!r} in sqitch.plan")
            end = named[-1] + 1
    if end < first:
        raise config.UsageError(f"--until {until} comes before --since {since}")
    return first, end


def squawk_findings(project: Path, scripts: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {s: [] for s in scripts}
    if not scripts:
        return found
    exe = Path(config.PROJECT_ROOT / ".venv" / "bin" / "squawk")
    out = harness.run([str(exe) if exe.exists() else "squawk", "--config", ".squawk.toml", "--reporter", "gcc", *scripts],
                      cwd=project, check=False)
    for line in out.stdout.splitlines():
        match = re.match(r"^(\S+?):\d+:\d+: (\w+): (.*)$", line)
        if match and match.group(1) in found:
            found[match.group(1)].append(f"{match.group(2)}: {match.group(3)}")
    return found


def catalog_diffs(before: dict[str, str], after: dict[str, str]) -> dict[str, str]:
    """catalog file -> unified diff, for the files that changed."""
    diffs = {}
    for path in sorted(set(before) | set(after)):
        if before.get(path) != after.get(path):
            diffs[path] = "".join(difflib.unified_diff(
                (before.get(path) or "").splitlines(True), (after.get(path) or "").splitlines(True),
                f"a/catalog/{path}", f"b/catalog/{path}"))
    return diffs


def _bring_to(project: Path, url: str, ids: list[str], count: int) -> None:
    """The database at url to the plan's first count changes (it holds some prefix)."""
    with db.connect(url) as conn:
        deployed = conn.execute("SELECT count(*) FROM sqitch.changes WHERE project = 'marketdb'").fetchone()[0] \
            if conn.execute("SELECT to_regclass('sqitch.changes')").fetchone()[0] else 0
    if deployed > count:
        harness.sqitch(project, url, "revert", "-y", "--to", ids[count - 1])
    elif deployed < count:
        harness.deploy(project, url, to=ids[count - 1], verify=False)


def run(project: Path, server_url: str, since: str | None = None, until: str | None = None, size: int = 1,
        maintenance: bool = False, base_database: str | None = None, catalog: bool = True, keep: bool = False,
        maintenance_tables: list[str] | None = None, progress=lambda message: None) -> Review:
    """The review on server_url (a scratch server: see scratch_server), in a database of its
    own, dropped afterwards (keep: left for a look): the changes under review, each deployed
    under load; with maintenance, then one maintenance run on the result. base_database: a
    database of that server holding a prefix of the plan, copied instead of deploying from
    nothing (tests). maintenance_tables: the maintenance run's tables (default: every enabled
    policy's)."""
    from . import catalog as catalog_module

    changes, ids = plan_rules.read_plan(project), plan_rules.change_ids(project)
    first, end = plan_range(project, since, until)
    if first == 0:
        raise config.UsageError("nothing to review before the plan's first change: --since names a tag")
    url = harness.clone_database(db.with_dbname(server_url, base_database), "review") if base_database \
        else harness.create_test_database(server_url, "review", pgtap=False)
    notes, steps = [], []
    try:
        progress(f"review: the plan through {changes[first - 1].name} in {harness.database_name(url)}")
        _bring_to(project, url, ids, first)
        progress(f"review: seeding (size {size})")
        seeded = review_seed.seed(url, size)
        with db.connect(url) as conn:
            edition = conn.execute("SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'").fetchone()
            server = f"PostgreSQL {conn.execute('SHOW server_version').fetchone()[0]}, TimescaleDB {edition[0] if edition else 'none'}"
            catalog_before = catalog_module.render(url) if catalog and end > first else {}
            load = Load(url).start()
            try:
                if end > first:
                    steps += deploy_steps(project, url, changes[first:end], ids[end - 1], load, conn, progress)
                    released = (plan_rules.last_tag(project) or ("", 0))[1]
                    for index, step in enumerate(steps, start=first):
                        if index < released:
                            step.kind = "released"  # never edited again: the rule is for what comes after
                if maintenance:
                    notes += [f"before the maintenance run: {n}" for n in review_seed.maintenance_work(url)]
                    steps += maintenance_steps(url, load, progress, maintenance_tables)
            finally:
                load.stop()
        deployed = [s for s in steps if s.kind != "maintenance"]
        if deployed:
            findings = squawk_findings(project, [s.script for s in deployed])
            for step in deployed:
                step.squawk = findings.get(step.script, [])
        if catalog and deployed:
            diffs = catalog_diffs(catalog_before, catalog_module.render(url))
            for step, change in zip(deployed, changes[first:end]):
                text = (project / step.script).read_text()
                wanted = {f"{change.name}.sql"} | {f"{s}/{n}.sql" for s, n in DOMAIN_NAME.findall(text)}
                step.catalog_files = sorted(p for p in wanted if p in diffs)
    finally:
        if keep:
            progress(f"review: kept {harness.database_name(url)}")
        else:
            harness.drop_test_database(url)
    title = (f"changes after @{since.lstrip('@') if since else list(tags(project))[-1]}"
             + (f" through {until}" if until else "") + f" ({end - first})"
             + (", then one maintenance run" if maintenance else ""))
    return Review(title=title, server=server, size=size, seeded=seeded, steps=steps, notes=notes,
                  catalog_diff=diffs if catalog and deployed else {})
