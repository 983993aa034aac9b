"""The test harness: test databases, Sqitch, pg_prove, the plan's rules and revert fidelity.

pytest (tests/) drives these functions; they also work on a copy of the project, which is
how tests/test_harness.py proves that a broken verify, revert or assertion fails the run.
"""

from __future__ import annotations

import difflib
import os
import re
import secrets
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

from . import config, db, localdb


class HarnessError(Exception):
    """A step of the harness failed; the message has the tool's own output."""


# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class Change:
    name: str
    requires: tuple[str, ...]
    # The script stem: "name", or "name@tag" for a copy kept by `sqitch rework`.
    script: str
    # A later instance of a reworked change: its objects exist before it is deployed.
    reworked: bool = False


def read_plan(project: Path) -> list[Change]:
    """Changes of sqitch.plan in order. A reworked change's earlier copies use name@tag scripts."""
    entries: list[tuple[str, tuple[str, ...]]] = []
    tags_after: dict[int, list[str]] = {}
    for raw in (project / "sqitch.plan").read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith(("%", "#")):
            continue
        if line.startswith("@"):
            tags_after.setdefault(len(entries) - 1, []).append(line.split()[0][1:])
            continue
        match = re.match(r"^([^\s\[]+)\s*(?:\[([^\]]*)\])?", line)
        if not match:
            raise HarnessError(f"sqitch.plan: cannot read line {raw!r}")
        requires = tuple(r for r in (match.group(2) or "").split() if not r.startswith("!"))
        entries.append((match.group(1), requires))
    changes: list[Change] = []
    for index, (name, requires) in enumerate(entries):
        later = [i for i in range(index + 1, len(entries)) if entries[i][0] == name]
        script = name
        if later:
            # The old copy is named after a tag between this instance and the next: sqitch
            # rework names it after the plan's last tag when it ran, and Sqitch takes the first
            # of those tags whose deploy script exists.
            tags = [t for i in range(index, later[0]) for t in tags_after.get(i, [])]
            if not tags:
                raise HarnessError(f"sqitch.plan: {name} is reworked without a tag between its instances")
            tag = next((t for t in tags if (project / "deploy" / f"{name}@{t}.sql").is_file()), tags[0])
            script = f"{name}@{tag}"
        reworked = any(entries[i][0] == name for i in range(index))
        changes.append(Change(name=name, requires=requires, script=script, reworked=reworked))
    return changes


def change_ids(project: Path) -> list[str]:
    """Sqitch's change IDs in plan order: unambiguous --to targets, reworked changes included."""
    out = run(["sqitch", "plan", "--no-headers", "--format", "format:%H"], env=sqitch_env(), cwd=project).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def _statements_outline(sql_text: str) -> list[str]:
    """Upper-cased statement starts, comments removed (enough to find BEGIN/COMMIT)."""
    text = re.sub(r"--[^\n]*", "", sql_text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return [s.strip().split()[0].upper() for s in text.split(";") if s.strip()]


NON_TRANSACTIONAL = re.compile(r"^--\s*non-transactional:\s*\S", re.M)


def check_plan(project: Path) -> list[str]:
    """Problems with the plan's files: missing or stray scripts, transaction wrapping."""
    problems: list[str] = []
    changes = read_plan(project)
    stems = {c.script for c in changes}
    for change in changes:
        for kind in ("deploy", "revert", "verify"):
            if not (project / kind / f"{change.script}.sql").is_file():
                problems.append(f"{kind}/{change.script}.sql is missing (change {change.name} is in sqitch.plan)")
        for dep in change.requires:
            if dep.split("@")[0] not in {c.name for c in changes}:
                problems.append(f"change {change.name} requires {dep}, which is not in sqitch.plan")
    for kind in ("deploy", "revert", "verify"):
        for path in sorted((project / kind).rglob("*.sql")):
            stem = path.relative_to(project / kind).with_suffix("").as_posix()
            if stem not in stems:
                problems.append(f"{kind}/{stem}.sql belongs to no change in sqitch.plan")
    for change in changes:
        for kind, last in (("deploy", "COMMIT"), ("revert", "COMMIT"), ("verify", "ROLLBACK")):
            path = project / kind / f"{change.script}.sql"
            if not path.is_file():
                continue
            text = path.read_text()
            outline = _statements_outline(text)
            if kind != "verify" and NON_TRANSACTIONAL.search(text):
                continue
            if not outline or outline[0] != "BEGIN" or outline[-1] != last:
                problems.append(
                    f"{kind}/{change.script}.sql is not wrapped in BEGIN; ... {last};"
                    + (" (or marked '-- non-transactional: <why>')" if kind != "verify" else "")
                )
    return problems


# --------------------------------------------------------------------------- routines

ROUTINE_CREATE = re.compile(r"\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|PROCEDURE)\s+([a-z_]\w*)\.([a-z_]\w*)\s*\(", re.I)
ROUTINE_DROP = re.compile(r"\bDROP\s+(?:FUNCTION|PROCEDURE|ROUTINE)\s+(?:IF\s+EXISTS\s+)?([^;]*);", re.I)
ROUTINE_NAME = re.compile(r"([a-z_]\w*)\.([a-z_]\w*)", re.I)


def routine_events(text: str) -> list[tuple[int, str, str]]:
    """(position, 'create' or 'drop', schema.name) in a deploy script, comments ignored."""
    text = re.sub(r"--[^\n]*", "", text)
    events = [(m.start(), "create", f"{m.group(1)}.{m.group(2)}".lower()) for m in ROUTINE_CREATE.finditer(text)]
    for m in ROUTINE_DROP.finditer(text):
        events += [(m.start(), "drop", f"{n.group(1)}.{n.group(2)}".lower()) for n in ROUTINE_NAME.finditer(m.group(1))]
    return sorted(events)


def routine_homes(project: Path) -> tuple[dict[str, Change], list[str]]:
    """Where each routine the plan leaves has its current body (the last change creating it),
    and the problems with the rule that a routine's current body is in the change named
    after it: deploy/<schema>/<routine>.sql, changed from then on only by sqitch rework."""
    changes = read_plan(project)
    last: dict[str, Change] = {}
    own: dict[str, Change] = {}  # a routine's own change, once the plan has one
    problems: list[str] = []
    for change in changes:
        for _, kind, routine in routine_events((project / "deploy" / f"{change.script}.sql").read_text()):
            if kind == "drop":
                last.pop(routine, None)
                continue
            home = routine.replace(".", "/", 1)
            if change.name == home:
                own.setdefault(routine, change)
            elif routine in own:
                problems.append(f"{routine} is created in deploy/{change.script}.sql (change {change.name}) after its own change "
                                f"{home} (deploy/{own[routine].script}.sql): change it there, by `sqitch rework {home}`")
            last[routine] = change
    for routine, change in sorted(last.items()):
        home = routine.replace(".", "/", 1)
        if change.name != home:
            problems.append(f"{routine}: its current body is in deploy/{change.script}.sql (change {change.name}); it belongs "
                            f"in deploy/{home}.sql, a change named {home}")
    return last, problems


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


def sqitch(project: Path, url: str, *args: str, check: bool = True, options: str | None = None) -> subprocess.CompletedProcess[str]:
    command = ["sqitch", *args[:1], "--target", db.sqitch_target(url), *args[1:]]
    env = sqitch_env()
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


def make_template(server_url: str, project: Path, purpose: str = "template", pgtap: bool = True) -> tuple[str, str]:
    """Deploys the plan into a new database and seals it as a template; returns its URL and
    what the deploy printed."""
    url = create_test_database(server_url, purpose, pgtap=pgtap)
    output = deploy(project, url)
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


# --------------------------------------------------------------------------- pgTAP


TAP_LINE = re.compile(r"^(not )?ok\s+(\d+)([^#]*)(?:#\s*(\w+)\s*(.*))?$")
TAP_PLAN = re.compile(r"^1\.\.(\d+)")


@dataclass
class TapResult:
    file: str
    exit_code: int
    output: str
    planned: int | None = None
    ran: int = 0
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    unexplained: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not self.failed and not self.unexplained and self.planned is not None and self.planned > 0 and self.ran == self.planned

    def problems(self) -> list[str]:
        out = []
        if self.planned is None or self.planned == 0:
            out.append("no plan or an empty plan: the file ran no test")
        elif self.ran != self.planned:
            out.append(f"planned {self.planned} tests but ran {self.ran} (missing tests)")
        out += [f"failed: {t}" for t in self.failed]
        out += [f"skipped or TODO without a reason: {t}" for t in self.unexplained]
        if self.exit_code != 0 and not out:
            out.append(f"pg_prove exited {self.exit_code}")
        return out


def parse_tap(file: str, exit_code: int, output: str) -> TapResult:
    result = TapResult(file=file, exit_code=exit_code, output=output)
    for raw in output.splitlines():
        line = raw.strip()
        if line.startswith(file):  # pg_prove's "tests/x.sql .. " header shares a line with TAP
            line = line[len(file):].lstrip(" .")
        plan = TAP_PLAN.match(line)
        if plan and result.planned is None:
            result.planned = int(plan.group(1))
            continue
        tap = TAP_LINE.match(line)
        if not tap:
            continue
        result.ran += 1
        description = line
        directive = (tap.group(4) or "").upper()
        if directive.startswith("SKIP") or directive == "TODO":
            result.skipped.append(description)
            if not (tap.group(5) or "").strip():
                result.unexplained.append(description)
        elif tap.group(1):
            result.failed.append(description)
    return result


def pgtap_files(project: Path) -> list[Path]:
    return sorted((project / "tests").rglob("*.sql"))


def run_pgtap(project: Path, url: str, path: Path) -> TapResult:
    relative = path.relative_to(project).as_posix()
    proc = run(
        ["pg_prove", "--verbose", "--ext", ".sql", *db.libpq_args(url), relative],
        env=db.libpq_env(url),
        cwd=project,
        check=False,
    )
    return parse_tap(relative, proc.returncode, proc.stdout + proc.stderr)


# --------------------------------------------------------------------------- revert fidelity

VERIFY_ABSENT_EXEMPT = re.compile(r"^--\s*verify-absent:\s*\S", re.M)
VOLATILE_DUMP_LINE = re.compile(r"^(\\restrict|\\unrestrict|-- Dumped (from|by))")


# TimescaleDB's internal objects are named after catalog ids that grow with every
# hypertable ever made in the database, so a revert and redeploy renames them
# (_materialized_hypertable_7 -> _14). The full edition has them behind compression and
# continuous aggregates, also inside view definitions and trigger arguments.
TIMESCALE_CATALOG_ID = re.compile(
    r"\b(_materialized_hypertable_|_compressed_hypertable_|_partial_view_|_direct_view_|compress_hyper_|_hyper_)\d+(?:_\d+)*"
)
TIMESCALE_FUNCTION_ID = re.compile(r"(continuous_agg_invalidation_trigger\('|cagg_watermark\()\d+")
DUMP_BLOCK = re.compile(r"(?m)^(?=--\n-- Name: )")
# Daily partitions are made by deploy for the days around the server's clock: a dump taken
# after midnight UTC names (and bounds) the window one day later. Which days exist is the
# clock's business, not the schema's.
DAILY_PARTITION_DAY = re.compile(r"(_p)\d{8}(?=\b|_)")
PARTITION_BOUNDS = re.compile(r"FOR VALUES FROM \('[^']*'\) TO \('[^']*'\)")


def normalize_dump(text: str) -> str:
    """A schema dump with per-run noise removed: pg_dump's run-specific lines, TimescaleDB's
    catalog ids replaced by N, and the days of daily partitions (the window deploy makes
    moves with the clock). Blocks are sorted, since renumbered objects sort differently in
    pg_dump's output."""
    lines = "\n".join(line for line in text.splitlines() if not VOLATILE_DUMP_LINE.match(line)) + "\n"
    lines = TIMESCALE_CATALOG_ID.sub(lambda m: m.group(1) + "N", lines)
    lines = TIMESCALE_FUNCTION_ID.sub(lambda m: m.group(1) + "N", lines)
    lines = DAILY_PARTITION_DAY.sub(lambda m: m.group(1) + "YYYYMMDD", lines)
    lines = PARTITION_BOUNDS.sub("FOR VALUES FROM (DAY) TO (NEXT DAY)", lines)
    head, *blocks = DUMP_BLOCK.split(lines)
    return head + "".join(sorted(blocks))


def dump_schema(url: str) -> str:
    """pg_dump --schema-only of everything but Sqitch's registry, normalised (normalize_dump)."""
    proc = run(
        [*localdb.pg_tool("pg_dump"), "--schema-only", "--exclude-schema=sqitch", *db.libpq_args(url)],
        env=db.libpq_env(url),
    )
    return normalize_dump(proc.stdout)


def _diff(before: str, after: str, label: str) -> str:
    lines = list(difflib.unified_diff(before.splitlines(), after.splitlines(), "before", label, lineterm="", n=2))
    return "\n".join(lines[:80]) + ("\n..." if len(lines) > 80 else "")


def last_tag(project: Path) -> tuple[str, int] | None:
    """The plan's last tag and the number of changes it releases (those before it)."""
    found, count = None, 0
    for raw in (project / "sqitch.plan").read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith(("%", "#")):
            continue
        if line.startswith("@"):
            found = (line.split()[0][1:], count)
        else:
            count += 1
    return found


def _script(project: Path, url: str, kind: str, change: Change) -> str | None:
    """Runs one of a change's scripts with psql, as Sqitch does (its client is psql); the
    failure, if any."""
    proc = psql_file(url, project / kind / f"{change.script}.sql")
    if proc.returncode != 0:
        return f"{kind}/{change.script}.sql failed in its round trip (exit {proc.returncode}):\n{proc.stderr.strip()}"
    return None


def _round_trips(project: Path, url: str, changes: list[Change], ids: list[str], start: int, stop: int, progress) -> list[str]:
    """Each change of changes[start:stop] in turn, on url holding changes[:start]: its verify
    fails before it, passes after its deploy, and deploy+revert leaves the dump unchanged.
    Stops at the first revert that does not restore the schema: what follows would be noise.

    The scripts run with psql, as Sqitch runs them: three Sqitch runs per change cost ten
    times as much (Perl, the plan, the registry), and the whole plan still round-trips with
    Sqitch itself (check_revert_fidelity). Sqitch's registry stays at changes[:start], so the
    round trips are unwound at the end, newest first, and that must return to the dump
    before them too."""
    problems: list[str] = []
    base = before = dump_schema(url)
    applied = start  # changes[:applied] are deployed
    try:
        for index in range(start, stop):
            change = changes[index]
            verify = project / "verify" / f"{change.script}.sql"
            # A reworked change's earlier instance is deployed at this point, so its verify
            # may rightly pass already.
            exempt = change.reworked or VERIFY_ABSENT_EXEMPT.search(verify.read_text())
            if not exempt and psql_file(url, verify).returncode == 0:
                problems.append(f"verify/{change.script}.sql succeeds although {change.name} is not deployed: it cannot fail")
            if failure := _script(project, url, "deploy", change):
                return [*problems, failure]
            applied = index + 1
            if failure := _script(project, url, "verify", change):
                return [*problems, failure]
            if failure := _script(project, url, "revert", change):
                return [*problems, failure]
            applied = index
            after = dump_schema(url)
            if after != before:
                problems.append(f"revert/{change.script}.sql does not undo its deploy:\n{_diff(before, after, 'after deploy+revert')}")
                progress(f"revert fidelity: {change.script} FAILED")
                return problems
            if failure := _script(project, url, "deploy", change):
                return [*problems, failure]
            applied = index + 1
            before = dump_schema(url)
            progress(f"revert fidelity: {change.script} ok")
    finally:
        for index in reversed(range(start, applied)):
            if failure := _script(project, url, "revert", changes[index]):
                problems.append(failure)
                break
    if not problems and (unwound := dump_schema(url)) != base:
        problems.append(f"reverting changes {changes[start].name} to {changes[stop - 1].name} newest first does not return to the "
                        f"schema before them:\n{_diff(base, unwound, 'after the reverts')}")
    return problems


ADOPTED = re.compile(r"^--\s*adopted from:\s*\S", re.M)


def adopt_runs(project: Path, changes: list[Change]) -> list[tuple[int, int]]:
    """[start, stop) of each run of consecutive changes that adopt a routine unchanged."""
    runs: list[tuple[int, int]] = []
    for index, change in enumerate(changes):
        if index and ADOPTED.search((project / "deploy" / f"{change.script}.sql").read_text()):
            if runs and runs[-1][1] == index:
                runs[-1] = (runs[-1][0], index + 1)
            else:
                runs.append((index, index + 1))
    return runs


def check_revert_fidelity(project: Path, url: str, progress=print, since_last_tag: bool = False,
                          second_url: str | None = None, empty: str | None = None) -> list[str]:
    """For each change: its verify fails before it, and deploy+revert leaves the dump unchanged.
    Then the whole plan reverts to the empty database and redeploys to the same schema.

    since_last_tag: only the changes after the plan's last tag get a round trip of their own
    (a released change is never edited, which test_plan's release manifest enforces; `make
    fidelity-release` runs them all). second_url: an empty database of the same server that
    takes the second half of those round trips, in parallel.

    empty: the dump of the databases before any change, when url (and second_url) are clones
    of a template holding the whole plan: each is then reverted to where its round trips
    start, which costs a few changes' reverts instead of a deploy of the released plan.
    """
    from concurrent.futures import ThreadPoolExecutor

    changes = read_plan(project)
    ids = change_ids(project)
    if len(ids) != len(changes):
        return [f"sqitch plan lists {len(ids)} changes, sqitch.plan was read as {len(changes)}"]
    tag = last_tag(project) if since_last_tag else None
    first = tag[1] if tag else 0
    deployed = empty is not None

    def start_at(target: str, count: int) -> None:
        if deployed:
            revert(project, target, to=ids[count - 1]) if count else revert(project, target)
        elif count:
            deploy(project, target, to=ids[count - 1], verify=False)

    try:
        if not deployed:
            empty = dump_schema(url)
        if second_url is None or len(changes) - first < 2:
            start_at(url, first)
            problems = _round_trips(project, url, changes, ids, first, len(changes), progress)
        else:
            middle = first + (len(changes) - first) // 2
            if deployed:  # reverts of changes after core/roles: they may run side by side
                with ThreadPoolExecutor(max_workers=2) as pool:
                    for future in [pool.submit(start_at, url, first), pool.submit(start_at, second_url, middle)]:
                        future.result()
            else:
                # One deploy after the other: two first deploys of core/roles would race to
                # create the cluster's roles.
                start_at(url, first)
                start_at(second_url, middle)
            with ThreadPoolExecutor(max_workers=2) as pool:
                futures = [pool.submit(_round_trips, project, url, changes, ids, first, middle, progress),
                           pool.submit(_round_trips, project, second_url, changes, ids, middle, len(changes), progress)]
                problems = [p for f in futures for p in f.result()]
        if problems:
            return problems
        # The round trips are unwound: Sqitch deploys the whole plan, reverts it, deploys it
        # (without --verify: each change's verify ran in its round trip, at release for the
        # released ones, and in every run's template deploy).
        deploy(project, url, verify=False)
        full = dump_schema(url)
        revert(project, url)
        if (reverted := dump_schema(url)) != empty:
            return [f"reverting the whole plan does not return to the empty database:\n{_diff(empty, reverted, 'after full revert')}"]
        # An adopting change moves a routine's current body into its own file and must change
        # nothing: the dump before a run of them equals the dump after it.
        for start, stop in adopt_runs(project, changes):
            deploy(project, url, to=ids[start - 1], verify=False)
            before = dump_schema(url)
            deploy(project, url, to=ids[stop - 1], verify=False)
            if (after := dump_schema(url)) != before:
                return [f"adopting {changes[start].name} .. {changes[stop - 1].name} changes the schema:\n{_diff(before, after, 'adopted')}"]
        deploy(project, url, verify=False)
        if (redeployed := dump_schema(url)) != full:
            return [f"redeploying after a full revert gives a different schema:\n{_diff(full, redeployed, 'redeployed')}"]
    except HarnessError as exc:
        return [str(exc)]
    return []


# --------------------------------------------------------------------------- releases


def released_scripts(project: Path) -> list[Path]:
    """The deploy, revert and verify scripts of every change the plan's last tag releases,
    as relative paths (a reworked change's released copy is its name@tag file)."""
    tag = last_tag(project)
    if tag is None:
        return []
    return [Path(kind) / f"{c.script}.sql" for c in read_plan(project)[:tag[1]] for kind in ("deploy", "revert", "verify")]


RELEASE_MANIFEST = "tests/released.sha256"


def release_manifest(project: Path) -> str:
    """sha256sum's format: one line per released script."""
    import hashlib

    return "".join(f"{hashlib.sha256((project / p).read_bytes()).hexdigest()}  {p.as_posix()}\n" for p in released_scripts(project))


def manifest_problems(project: Path) -> list[str]:
    """Released scripts that differ from tests/released.sha256. A change reworked after the
    tag keeps its released scripts as name@tag files: those are compared with the name the
    manifest recorded, so a rework never reads as an edit."""
    def entries(text: str) -> dict[str, str]:
        return dict(line.split("  ", 1)[::-1] for line in text.splitlines() if line.strip())

    recorded = entries((project / RELEASE_MANIFEST).read_text())
    current = entries(release_manifest(project))
    problems, seen = [], set()
    for path, digest in sorted(current.items()):
        key = path if path in recorded else re.sub(r"@[^/@]+\.sql$", ".sql", path)
        seen.add(key)
        if recorded.get(key) != digest:
            problems.append(f"{path}: released script edited (or renamed)")
    return problems + [f"{path}: released script gone" for path in sorted(set(recorded) - seen)]


# --------------------------------------------------------------------------- squawk


def squawk(project: Path) -> subprocess.CompletedProcess[str]:
    files = [p.relative_to(project).as_posix() for p in sorted((project / "deploy").rglob("*.sql"))]
    exe = Path(os.environ.get("VIRTUAL_ENV", config.PROJECT_ROOT / ".venv")) / "bin" / "squawk"
    command = [str(exe) if exe.exists() else "squawk", "--config", ".squawk.toml", *files]
    return run(command, cwd=project, check=False)
