"""marketdb review and its rule. One review of a copy of the project whose plan carries,
after the real changes since the last tag, three more: one rewrites a table, one holds a
long ACCESS EXCLUSIVE lock, one does the same but declares it. The real changes must keep
the rule (that is the rule's run in make test); the two undeclared ones must be named, the
declared one shown with its reason. The maintenance review runs once on the same server."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import PROJECT, copy_project
from marketdb import config, db, harness, plan_rules, review, review_report

BAD = {
    # ALTER COLUMN ... TYPE rewrites every partition (the writer waits for it too).
    "exchange/review_rewrite": "ALTER TABLE exchange.orderbook_deltas ALTER COLUMN delta TYPE bigint;",
    "exchange/review_long_lock": "LOCK TABLE exchange.trades IN ACCESS EXCLUSIVE MODE;\nSELECT pg_sleep(0.4);",
    "crypto/review_declared": "-- review: holds crypto.trades for 300 ms, and says so\n"
                              "LOCK TABLE crypto.trades IN ACCESS EXCLUSIVE MODE;\nSELECT pg_sleep(0.3);",
}


def add_change(project: Path, name: str, body: str) -> None:
    harness.run(["sqitch", "add", name, "-n", "review probe"], cwd=project, env=harness.sqitch_env())
    (project / "deploy" / f"{name}.sql").write_text(f"BEGIN;\nSET LOCAL lock_timeout = '5s';\n{body}\nCOMMIT;\n")
    (project / "revert" / f"{name}.sql").write_text("BEGIN;\nCOMMIT;\n")
    (project / "verify" / f"{name}.sql").write_text("BEGIN;\nROLLBACK;\n")


@pytest.fixture(scope="module")
def reviewed(server_url, template_url, tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("review-project"))
    for name, body in BAD.items():
        add_change(project, name, body)
    # On the run's server, from a copy of its template (what `marketdb review` does on a
    # scratch server, after deploying the plan itself).
    # The maintenance run on the table the seed gave every kind of work (the command runs them all).
    result = review.run(project, server_url, base_database=harness.database_name(template_url), maintenance=True,
                        maintenance_tables=["exchange.trades"])
    return project, result


def steps_of(result: review.Review) -> dict[str, review.Step]:
    return {step.name: step for step in result.steps if step.kind == "change"}


def test_the_changes_since_the_last_tag_keep_the_rule(reviewed):
    _, result = reviewed
    tag, released = plan_rules.last_tag(PROJECT)
    real = [c.name for c in plan_rules.read_plan(PROJECT)[released:]]
    steps = steps_of(result)
    assert list(steps) == real + list(BAD)
    for name in real:
        assert steps[name].verdict == "ok", (name, steps[name].violations)
        assert steps[name].statements, f"{name}: no statement captured"
        assert steps[name].writer_inserts > 0, f"{name}: the writer never wrote while it deployed"
    assert result.title.startswith(f"changes after @{tag}")


def test_a_rewrite_and_a_long_lock_are_named_and_a_declared_one_is_allowed(reviewed):
    _, result = reviewed
    steps = steps_of(result)
    rewrite, lock, declared = (steps[n] for n in BAD)
    assert rewrite.verdict == "FAIL"
    assert any(re.fullmatch(r"rewrites exchange\.orderbook_deltas \(\d+ partitions\), \d+ rows", v) for v in rewrite.violations), rewrite.violations
    assert lock.verdict == "FAIL"
    assert any(re.fullmatch(r"holds ACCESS EXCLUSIVE on exchange\.trades and \d+ of its partitions, \d+ rows, for \d+ ms \(statement 3\)", v)
               for v in lock.violations), lock.violations
    assert any(v.startswith("makes the writer wait") for v in lock.violations), lock.violations
    assert lock.statements[2].writer_wait_ms > review.LIMIT_MS  # the LOCK statement, where the writer queued
    assert declared.verdict == "declared" and declared.declared == ["holds crypto.trades for 300 ms, and says so"]
    assert [s.name for s in result.failures] == ["exchange/review_rewrite", "exchange/review_long_lock"]
    assert "squawk" not in " ".join(rewrite.violations)
    assert any("changing-column-type" in f for f in rewrite.squawk), rewrite.squawk


def test_the_reports_show_statements_locks_waits_and_the_catalog(reviewed):
    _, result = reviewed
    text = review_report.markdown(result)
    assert "## exchange/review_long_lock: FAIL" in text
    assert "| 3 | `LOCK TABLE exchange.trades IN ACCESS EXCLUSIVE MODE;` |" in text
    assert re.search(r"ACCESS EXCLUSIVE on `exchange\.trades` \(at \+\d+ ms, held \d+ ms, \d+ rows\)", text)
    assert "- Declared: holds crypto.trades for 300 ms, and says so" in text
    assert "Catalog files it names that the review changed (diffs at the end): `catalog/exchange/orderbook_deltas.sql`" in text
    assert "<summary>catalog/exchange/orderbook_deltas.sql</summary>" in text and "+    delta bigint NOT NULL," in text
    table = review_report.terminal(result)
    assert "FAIL: exchange/review_long_lock holds ACCESS EXCLUSIVE on exchange.trades" in table
    assert "2 change(s) break the review rule" in table


def test_the_maintenance_review_times_premake_rescue_retention_and_merge(reviewed):
    _, result = reviewed
    done = " ".join(s.actions for s in result.steps if s.kind == "maintenance" and s.name.startswith("exchange.trades:"))
    for action in ("create", "rescue 1 (300 rows)", "drop", "compact 1"):
        assert action in done, done
    merge = next(s for s in result.steps if "compact 1" in s.actions)
    assert any(l.relation == "exchange.trades" and l.mode == "AccessExclusiveLock" for l in merge.locks), merge.locks
    assert merge.writer_inserts > 0 and merge.writes_to == ["exchange.trades"]
    assert merge.verdict in ("ok", "over")  # reported, never a failure of the rule


def test_a_database_url_that_is_not_a_scratch_server_is_refused(server_url):
    # Database postgres: on a fresh machine nothing may have made database marketdb yet.
    env = {**os.environ, "DATABASE_URL": db.with_dbname(server_url, "postgres")}
    out = subprocess.run([str(config.PROJECT_ROOT / ".venv/bin/marketdb"), "review", "--quiet"], env=env,
                         capture_output=True, text=True)
    assert out.returncode == 2, out
    assert "not a scratch server" in out.stderr and "marketdb.scratch = on" in out.stderr
