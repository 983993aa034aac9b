"""The plan's rules, read from the project's files: sqitch.plan and its scripts, where each
routine's current body lives, the release manifest, squawk. No database."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import config, harness


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
            raise harness.HarnessError(f"sqitch.plan: cannot read line {raw!r}")
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
                raise harness.HarnessError(f"sqitch.plan: {name} is reworked without a tag between its instances")
            tag = next((t for t in tags if (project / "deploy" / f"{name}@{t}.sql").is_file()), tags[0])
            script = f"{name}@{tag}"
        reworked = any(entries[i][0] == name for i in range(index))
        changes.append(Change(name=name, requires=requires, script=script, reworked=reworked))
    return changes


def change_ids(project: Path) -> list[str]:
    """Sqitch's change IDs in plan order: unambiguous --to targets, reworked changes included."""
    out = harness.run(["sqitch", "plan", "--no-headers", "--format", "format:%H"], env=harness.sqitch_env(), cwd=project).stdout
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


# --------------------------------------------------------------------------- releases


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
    return harness.run(command, cwd=project, check=False)
