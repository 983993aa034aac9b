"""Revert fidelity: each change's verify fails before it, and deploy + revert leaves
pg_dump --schema-only unchanged (dumps normalised for per-run noise); the whole plan
reverts to the empty database and redeploys to the same schema."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from . import db, harness, localdb_root, plan_rules

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
    proc = harness.run(
        [*localdb_root.pg_tool("pg_dump"), "--schema-only", "--exclude-schema=sqitch", *db.libpq_args(url)],
        env=db.libpq_env(url),
    )
    return normalize_dump(proc.stdout)


def _diff(before: str, after: str, label: str) -> str:
    lines = list(difflib.unified_diff(before.splitlines(), after.splitlines(), "before", label, lineterm="", n=2))
    return "\n".join(lines[:80]) + ("\n..." if len(lines) > 80 else "")


def _script(project: Path, url: str, kind: str, change: plan_rules.Change) -> str | None:
    """Runs one of a change's scripts with psql, as Sqitch does (its client is psql); the
    failure, if any."""
    proc = harness.psql_file(url, project / kind / f"{change.script}.sql")
    if proc.returncode != 0:
        return f"{kind}/{change.script}.sql failed in its round trip (exit {proc.returncode}):\n{proc.stderr.strip()}"
    return None


def _round_trips(project: Path, url: str, changes: list[plan_rules.Change], ids: list[str], start: int, stop: int, progress) -> list[str]:
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
            if not exempt and harness.psql_file(url, verify).returncode == 0:
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

    changes = plan_rules.read_plan(project)
    ids = plan_rules.change_ids(project)
    if len(ids) != len(changes):
        return [f"sqitch plan lists {len(ids)} changes, sqitch.plan was read as {len(changes)}"]
    tag = plan_rules.last_tag(project) if since_last_tag else None
    first = tag[1] if tag else 0
    deployed = empty is not None

    def start_at(target: str, count: int) -> None:
        if deployed:
            harness.revert(project, target, to=ids[count - 1]) if count else harness.revert(project, target)
        elif count:
            harness.deploy(project, target, to=ids[count - 1], verify=False)

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
        harness.deploy(project, url, verify=False)
        full = dump_schema(url)
        harness.revert(project, url)
        if (reverted := dump_schema(url)) != empty:
            return [f"reverting the whole plan does not return to the empty database:\n{_diff(empty, reverted, 'after full revert')}"]
        # An adopting change moves a routine's current body into its own file and must change
        # nothing: the dump before a run of them equals the dump after it.
        for start, stop in plan_rules.adopt_runs(project, changes):
            harness.deploy(project, url, to=ids[start - 1], verify=False)
            before = dump_schema(url)
            harness.deploy(project, url, to=ids[stop - 1], verify=False)
            if (after := dump_schema(url)) != before:
                return [f"adopting {changes[start].name} .. {changes[stop - 1].name} changes the schema:\n{_diff(before, after, 'adopted')}"]
        harness.deploy(project, url, verify=False)
        if (redeployed := dump_schema(url)) != full:
            return [f"redeploying after a full revert gives a different schema:\n{_diff(full, redeployed, 'redeployed')}"]
    except harness.HarnessError as exc:
        return [str(exc)]
    return []
