"""The partition-maintenance job: calls maintenance.run_maintenance_for() per table.

Each table is maintained in its own transaction, so the ACCESS EXCLUSIVE lock a table's
DDL needs is released as soon as that table is done, not at the end of the whole run.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, timezone

import psycopg

from . import db

# SQLSTATEs the maintenance functions raise for a bad argument (the CLI exits 2 on them).
ARGUMENT_SQLSTATES = {"22023", "42P01"}
# Exit codes of `marketdb maintain`: 1 when a table's maintenance failed; 3 when the run
# finished but some table was skipped (another run held it) or timed out waiting for its
# lock, and will be retried by the next run.
FAILED_ACTIONS = {"error"}
# As maintenance.run_all: at most 800 steps per table and run (a month takes two: its
# captures, usually in one call, then the merge); the next run goes on.
MAX_COMPACTION_STEPS = 800
NOT_DONE_ACTIONS = {"skip", "lock_timeout"}


class ArgumentRejected(Exception):
    """The database rejected an argument; the message names it."""


@dataclass(frozen=True)
class Action:
    parent_table: str
    action: str
    partition_name: str | None
    rows_moved: int
    detail: str


def parse_reference_time(text: str) -> datetime:
    """ISO 8601; a time without an offset is taken as UTC."""
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"--now: {text!r} is not an ISO 8601 timestamp (e.g. 2026-03-10T12:00:00Z)") from None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def enabled_tables(conn: psycopg.Connection) -> list[str]:
    # Through a function: the maintainer role may execute it but not read the registry.
    return [r[0] for r in conn.execute("SELECT t FROM maintenance.enabled_tables() AS t").fetchall()]


def run(
    url: str,
    table: str | None = None,
    reference_time: datetime | None = None,
    dry_run: bool = False,
    premake_days: int | None = None,
    progress=None,
) -> list[Action]:
    actions: list[Action] = []
    with db.connect(url) as conn:  # autocommit: one transaction per table
        tables = [table] if table is not None else enabled_tables(conn)
        for name in tables:
            if progress:
                progress(f"maintaining {name}{' (dry run)' if dry_run else ''}")
            try:
                rows = []
                if not dry_run:
                    # Its own transaction: the capture must be committed before the run
                    # copies rows out of the default partition (see maintenance.prepare_rescue).
                    rows += conn.execute(
                        "SELECT parent_table, action, partition_name, rows_moved, detail"
                        "  FROM maintenance.prepare_rescue(%s)",
                        (name,),
                    ).fetchall()
                if any(row[1] == "skip" for row in rows):  # another run holds the table
                    actions += [Action(*row) for row in rows]
                    continue
                rows += conn.execute(
                    "SELECT parent_table, action, partition_name, rows_moved, detail"
                    "  FROM maintenance.run_maintenance_for(%s, coalesce(%s, now()), %s, %s)",
                    (name, reference_time, dry_run, premake_days),
                ).fetchall()
                # Months due for merging: the captures (one call unless a day is busy), then
                # the merge, one step per call and transaction (a dry run lists every month due).
                captures: dict[str | None, int] = {}
                compaction = []
                for _ in range(1 if dry_run else MAX_COMPACTION_STEPS):
                    merged = conn.execute(
                        "SELECT parent_table, action, partition_name, rows_moved, detail"
                        "  FROM maintenance.compact_for(%s, coalesce(%s, now()), %s)",
                        (name, reference_time, dry_run),
                    ).fetchall()
                    for row in merged:
                        if row[1] == "capture":  # one per day: reported once per month
                            captures[row[2]] = captures.get(row[2], 0) + 1
                        else:
                            compaction.append(row)
                    if dry_run or not any(row[1] in ("capture", "compact") for row in merged):
                        break
                rows += [(name, "capture", month, 0,
                          f"{n} daily partitions {'of ' + month + ' ' if month else ''}had their change capture "
                          f"{'installed' if month else 'removed'} (one per call)") for month, n in captures.items()]
                rows += compaction
                if not dry_run:
                    # The parent's planner statistics, in a transaction of their own (the
                    # function decides: only after maintenance changed its partitions).
                    rows += conn.execute(
                        "SELECT parent_table, action, partition_name, rows_moved, detail"
                        "  FROM maintenance.analyze_for(%s)",
                        (name,),
                    ).fetchall()
            except psycopg.Error as exc:
                if exc.sqlstate in ARGUMENT_SQLSTATES:
                    raise ArgumentRejected(exc.diag.message_primary or str(exc)) from exc
                raise
            actions += [Action(*row) for row in rows]
    return actions


def status(url: str, reference_time: datetime | None = None) -> list[dict]:
    with db.connect(url) as conn:
        cur = conn.execute("SELECT * FROM maintenance.partition_status(coalesce(%s, now()))", (reference_time,))
        names = [c.name for c in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]


def tiers(url: str, reference_time: datetime | None = None) -> list[dict]:
    """Daily and monthly partitions per partitioned table (maintenance.partition_tiers)."""
    with db.connect(url) as conn:
        cur = conn.execute("SELECT * FROM maintenance.partition_tiers(coalesce(%s, now()))", (reference_time,))
        names = [c.name for c in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]


# The TimescaleDB jobs of marketdb's roles in this database (compression and rollup refresh
# policies, run by TimescaleDB's scheduler on the timescale edition; none on apache), with
# the last error of each.
JOBS_QUERY = """
SELECT j.job_id, j.proc_name,
       coalesce(ca.view_schema || '.' || ca.view_name, j.hypertable_schema || '.' || j.hypertable_name) AS target,
       j.scheduled, s.last_run_status, s.last_run_started_at, s.total_runs, s.total_failures,
       (SELECT e.err_message FROM timescaledb_information.job_errors AS e
         WHERE e.job_id = j.job_id ORDER BY e.start_time DESC LIMIT 1) AS last_error
  FROM timescaledb_information.jobs AS j
  LEFT JOIN timescaledb_information.job_stats AS s ON s.job_id = j.job_id
  -- A refresh job is listed under the aggregate's materialization hypertable up to 2.2x,
  -- under the aggregate's view on 2.29: either is matched.
  LEFT JOIN timescaledb_information.continuous_aggregates AS ca
    ON (j.hypertable_schema, j.hypertable_name) IN ((ca.materialization_hypertable_schema, ca.materialization_hypertable_name),
                                                    (ca.view_schema, ca.view_name))
 WHERE j.owner::text LIKE 'marketdb\\_%'
 ORDER BY j.job_id
"""


def jobs(url: str) -> list[dict]:
    with db.connect(url) as conn:
        cur = conn.execute(JOBS_QUERY)
        names = [c.name for c in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]


def failed_jobs(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["last_run_status"] == "Failed"]


def summary_status(actions: list[Action]) -> str:
    kinds = {a.action for a in actions}
    if "error" in kinds:
        return "error"
    if kinds & {"lock_timeout", "skip", "deferred"}:
        return "partial"
    # Rows out of the window are reported, but no later run will do anything about them.
    if not actions or kinds <= {"noop", "out_of_window"}:
        return "noop"
    return "ok"


def _text(value) -> str:
    """Values as a DBA reads them: UTC timestamps, intervals in PostgreSQL's words."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S+00")
    if isinstance(value, timedelta):
        rest = value - timedelta(days=value.days)
        return f"{value.days} days" + (f" {rest}" if rest else "")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def render_table(rows: list[dict], columns: list[str]) -> str:
    cell = _text

    cells = [[cell(r[c]) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)


def to_json(payload) -> str:
    return json.dumps(payload, indent=2, default=lambda v: v.isoformat() if isinstance(v, datetime) else _text(v))


def print_actions(actions: list[Action], reference_time: datetime | None, dry_run: bool, as_json: bool) -> None:
    if as_json:
        print(to_json({
            "reference_time": reference_time,
            "dry_run": dry_run,
            "status": summary_status(actions),
            "actions": [asdict(a) for a in actions],
        }))
        return
    print(render_table([asdict(a) for a in actions], ["parent_table", "action", "partition_name", "rows_moved", "detail"]))
    print(f"\n{len(actions)} actions, status {summary_status(actions)}{' (dry run: nothing changed)' if dry_run else ''}", file=sys.stderr)
