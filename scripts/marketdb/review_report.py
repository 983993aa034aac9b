"""What `marketdb review` prints: a terminal table (a line per change) and a Markdown report
for a pull request. How to read them: docs/review.md."""

from __future__ import annotations

from .maintenance import render_table
from .review import LIMIT_MS, SAMPLE_SECONDS, STRONG, Lock, Review, Step

MODES = {"AccessExclusiveLock": "ACCESS EXCLUSIVE", "ExclusiveLock": "EXCLUSIVE", "ShareRowExclusiveLock": "SHARE ROW EXCLUSIVE",
         "ShareLock": "SHARE", "ShareUpdateExclusiveLock": "SHARE UPDATE EXCLUSIVE", "RowExclusiveLock": "ROW EXCLUSIVE",
         "RowShareLock": "ROW SHARE", "AccessShareLock": "ACCESS SHARE"}


def _first_line(text: str, width: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def _held(ms: float) -> str:
    return f"<{SAMPLE_SECONDS * 1000:.0f} ms" if ms < SAMPLE_SECONDS * 1000 else f"{ms:.0f} ms"


def _longest_exclusive(step: Step) -> Lock | None:
    found = [l for l in step.locks if l.mode == "AccessExclusiveLock" and l.rows > 0]
    return max(found, key=lambda l: l.held_ms) if found else None


def _worst(step: Step) -> str:
    if step.actions:  # maintenance: one call, and what it did
        return step.actions
    if not step.statements:
        return ""
    index = max(range(len(step.statements)), key=lambda i: (
        step.statements[i].writer_wait_ms + step.statements[i].reader_wait_ms, step.statements[i].ms))
    s = step.statements[index]
    return f"#{index + 1} {_first_line(s.text, 40)} ({s.ms:.0f} ms)"


def summary_rows(review: Review) -> list[dict]:
    rows = []
    for step in review.steps:
        lock = _longest_exclusive(step)
        rows.append({
            "change": step.name,
            "verdict": step.verdict,
            "ms": f"{step.ms:.0f}",
            "stmts": len(step.statements),
            "worst statement": _worst(step),
            "ACCESS EXCLUSIVE (rows)": f"{lock.relation} {_held(lock.held_ms)}" if lock else "",
            "writer wait": f"{step.writer_wait_ms:.0f} ms",
            "reader wait": f"{step.reader_wait_ms:.0f} ms",
            "rewrites": len(step.rewrites),
        })
    return rows


def terminal(review: Review) -> str:
    columns = ["change", "verdict", "ms", "stmts", "worst statement", "ACCESS EXCLUSIVE (rows)", "writer wait",
               "reader wait", "rewrites"]
    out = [f"marketdb review: {review.title}", render_table(summary_rows(review), columns)]
    for step in review.steps:
        for violation in step.violations:
            mark = "declared" if step.declared else "FAIL" if step.kind == "change" else f"over ({step.kind})"
            out.append(f"{mark}: {step.name} {violation}")
        for why in step.declared:
            out.append(f"  declared in {step.script}: {why}")
    if review.failures:
        out.append(f"{len(review.failures)} change(s) break the review rule: see docs/review.md")
    return "\n".join(out)


def _lock_text(lock: Lock) -> str:
    rows = f", {lock.rows} rows" if lock.rows else ""
    return f"{MODES.get(lock.mode, lock.mode)} on `{lock.relation}` (at +{lock.taken_ms:.0f} ms, held {_held(lock.held_ms)}{rows})"


def _locks_of(step: Step, index: int | None) -> str:
    locks = [l for l in step.locks if l.statement == index]
    strong = [_lock_text(l) for l in locks if l.mode in STRONG]
    weak: dict[str, int] = {}
    for lock in locks:
        if lock.mode not in STRONG:
            weak[lock.mode] = weak.get(lock.mode, 0) + 1
    return "; ".join(strong + [f"{MODES.get(m, m)} on {n} relation{'s' if n > 1 else ''}" for m, n in weak.items()])


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(review: Review) -> str:
    seeded = ", ".join(f"{table} {rows}" for table, rows in review.seeded.items())
    out = [
        f"# marketdb review: {review.title}",
        "",
        f"Made by `marketdb review` on {review.server}, seed size {review.size} ({seeded}). Locks are sampled from "
        f"`pg_locks` every {SAMPLE_SECONDS * 1000:.0f} ms, so a hold shorter than that shows as <{SAMPLE_SECONDS * 1000:.0f} ms "
        "and may be missing. How to read this report: [docs/review.md](review.md).",
        "",
    ]
    if any(s.kind != "maintenance" for s in review.steps):
        out += [f"The rule: no change holds ACCESS EXCLUSIVE on a table with rows for more than {LIMIT_MS} ms, rewrites a "
                f"table with rows, makes the writer wait more than {LIMIT_MS} ms or makes it fail, unless its deploy "
                "script declares it (`-- review: <what and why>`).", ""]
    for note in review.notes:
        out.append(f"- {note}")
    out += ["", "| change | verdict | ms | statements | longest ACCESS EXCLUSIVE on a table with rows | writer wait | reader wait | rewrites |",
            "|---|---|---:|---:|---|---:|---:|---:|"]
    for step in review.steps:
        lock = _longest_exclusive(step)
        out.append(f"| {step.name} | {step.verdict} | {step.ms:.0f} | {len(step.statements)} | "
                   f"{_cell(_lock_text(lock)) if lock else ''} | {step.writer_wait_ms:.0f} ms | {step.reader_wait_ms:.0f} ms | "
                   f"{len(step.rewrites)} |")
    for step in review.steps:
        out += ["", f"## {step.name}: {step.verdict}", ""]
        if step.script:
            out.append(f"`{step.script}`, {step.ms:.0f} ms.")
        if step.actions:
            out.append(f"Reported: {step.actions}.")
        for why in step.declared:
            out.append(f"- Declared: {why}")
        for violation in step.violations:
            out.append(f"- {'Declared, so allowed' if step.declared else 'Breaks the rule' if step.kind == 'change' else 'Over the rule' + (' (released)' if step.kind == 'released' else '')}: {violation}")
        errors = "; ".join(step.writer_errors) or "none"
        out.append(f"- Load: the writer inserted {step.writer_inserts} rows into {', '.join(step.writes_to) or 'nothing'} "
                   f"(longest insert {step.writer_max_ms:.0f} ms, errors: {errors}); the reader read "
                   f"{', '.join(step.reads_from) or 'nothing'} (longest read {step.reader_max_ms:.0f} ms).")
        out.append(f"- Rewrites: {', '.join(step.rewrites) or 'none'}; indexes rebuilt: {len(step.index_rewrites)}"
                   + (f" ({', '.join(step.index_rewrites[:5])}{', …' if len(step.index_rewrites) > 5 else ''})" if step.index_rewrites else ""))
        if step.script:
            out.append(f"- squawk: {'; '.join(step.squawk) if step.squawk else 'nothing'}")
        out += ["", "| # | statement | ms | result | locks (held) | writer wait | reader wait |", "|---:|---|---:|---|---|---:|---:|"]
        for index, statement in enumerate(step.statements):
            out.append(f"| {index + 1} | `{_cell(_first_line(statement.text, 70))}` | {statement.ms:.1f} | {_cell(statement.result)} | "
                       f"{_cell(_locks_of(step, index))} | {statement.writer_wait_ms:.0f} ms | {statement.reader_wait_ms:.0f} ms |")
        unplaced = _locks_of(step, None)
        if unplaced:
            out.append(f"\nLocks not placed on a statement (sampled between statements): {unplaced}")
        if step.catalog_files:
            out.append("\nCatalog files it names that the review changed (diffs at the end): "
                       + ", ".join(f"`catalog/{f}`" for f in step.catalog_files))
    if review.catalog_diff:
        out += ["", "## Catalog diff", "",
                f"The generated catalog ([catalog/README.md](../catalog/README.md)) before the first change and after the "
                f"last: {len(review.catalog_diff)} files.", ""]
        for path, diff in review.catalog_diff.items():
            out += [f"<details><summary>catalog/{path}</summary>", "", "```diff", diff.rstrip("\n"), "```", "", "</details>", ""]
    return "\n".join(out).rstrip("\n") + "\n"
