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
            # Sqitch names the old copy after the first tag following this change.
            tag = next((t for i in range(index, len(entries)) for t in tags_after.get(i, [])), None)
            if tag is None:
                raise HarnessError(f"sqitch.plan: {name} is reworked without a tag between its instances")
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


def sqitch(project: Path, url: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    command = ["sqitch", *args[:1], "--target", db.sqitch_target(url), *args[1:]]
    return run(command, env=sqitch_env(), cwd=project, check=check)


def deploy(project: Path, url: str, to: str | None = None) -> str:
    """Deploys with --verify; returns what Sqitch printed, stdout then stderr (warnings of
    Sqitch or of a script: a clean deploy has none)."""
    args = ["deploy", "--verify"] + (["--to", to] if to else [])
    result = sqitch(project, url, *args)
    return result.stdout + result.stderr


def revert(project: Path, url: str, to: str | None = None) -> str:
    args = ["revert", "-y"] + (["--to", to] if to else [])
    return sqitch(project, url, *args).stdout


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

    db.drop_database(url, conninfo_to_dict(url)["dbname"])


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


def check_revert_fidelity(project: Path, url: str, progress=print) -> list[str]:
    """For each change: its verify fails before it, and deploy+revert leaves the dump unchanged.

    Then the whole plan reverts to the empty database and redeploys to the same schema.
    Stops at the first revert that does not restore the schema: what follows would be noise.
    """
    problems: list[str] = []
    changes = read_plan(project)
    ids = change_ids(project)
    if len(ids) != len(changes):
        return [f"sqitch plan lists {len(ids)} changes, sqitch.plan was read as {len(changes)}"]
    try:
        empty = dump_schema(url)
        for index, change in enumerate(changes):
            before = dump_schema(url)
            verify = project / "verify" / f"{change.script}.sql"
            # A reworked change's earlier instance is deployed at this point, so its verify
            # may rightly pass already.
            exempt = change.reworked or VERIFY_ABSENT_EXEMPT.search(verify.read_text())
            if not exempt and psql_file(url, verify).returncode == 0:
                problems.append(f"verify/{change.script}.sql succeeds although {change.name} is not deployed: it cannot fail")
            deploy(project, url, to=ids[index])
            revert(project, url, to=ids[index - 1] if index else None)
            after = dump_schema(url)
            if after != before:
                problems.append(f"revert/{change.script}.sql does not undo its deploy:\n{_diff(before, after, 'after deploy+revert')}")
                progress(f"revert fidelity: {change.script} FAILED")
                return problems
            deploy(project, url, to=ids[index])
            progress(f"revert fidelity: {change.script} ok")
        full = dump_schema(url)
        revert(project, url)
        if (reverted := dump_schema(url)) != empty:
            problems.append(f"reverting the whole plan does not return to the empty database:\n{_diff(empty, reverted, 'after full revert')}")
            return problems
        deploy(project, url)
        if (redeployed := dump_schema(url)) != full:
            problems.append(f"redeploying after a full revert gives a different schema:\n{_diff(full, redeployed, 'redeployed')}")
    except HarnessError as exc:
        problems.append(str(exc))
    return problems


# --------------------------------------------------------------------------- squawk


def squawk(project: Path) -> subprocess.CompletedProcess[str]:
    files = [p.relative_to(project).as_posix() for p in sorted((project / "deploy").rglob("*.sql"))]
    exe = Path(os.environ.get("VIRTUAL_ENV", config.PROJECT_ROOT / ".venv")) / "bin" / "squawk"
    command = [str(exe) if exe.exists() else "squawk", "--config", ".squawk.toml", *files]
    return run(command, cwd=project, check=False)
