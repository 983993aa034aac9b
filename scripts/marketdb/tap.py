"""pgTAP files run with pg_prove, and their TAP output read strictly: a missing plan, tests
that did not run and a skip or TODO without a reason fail like a failed test."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import db, harness

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
    proc = harness.run(
        ["pg_prove", "--verbose", "--ext", ".sql", *db.libpq_args(url), relative],
        env=db.libpq_env(url),
        cwd=project,
        check=False,
    )
    return parse_tap(relative, proc.returncode, proc.stdout + proc.stderr)
