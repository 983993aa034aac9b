"""The plan itself: scripts match changes, scripts are transactional, squawk is clean."""

from __future__ import annotations

import re
import tomllib

from conftest import PROJECT, copy_project
from marketdb import harness, plan_rules


def test_every_change_has_its_three_scripts_and_every_script_a_change():
    assert plan_rules.check_plan(PROJECT) == []


def test_plan_check_reports_missing_stray_and_unwrapped_scripts(tmp_path):
    project = copy_project(tmp_path)
    (project / "verify/core/roles.sql").unlink()
    (project / "revert/core/stray.sql").write_text("BEGIN;\nCOMMIT;\n")
    deploy = project / "deploy/core/schemas.sql"
    deploy.write_text(deploy.read_text().replace("BEGIN;", "", 1))
    problems = "\n".join(plan_rules.check_plan(project))
    assert "verify/core/roles.sql is missing" in problems
    assert "revert/core/stray.sql belongs to no change" in problems
    assert "deploy/core/schemas.sql is not wrapped in BEGIN" in problems


def test_a_deploy_marked_non_transactional_with_a_reason_is_accepted(tmp_path):
    project = copy_project(tmp_path)
    deploy = project / "deploy/core/schemas.sql"
    text = deploy.read_text().replace("BEGIN;", "", 1).replace("COMMIT;", "")
    deploy.write_text("-- non-transactional: test of the marker\n" + text)
    assert plan_rules.check_plan(project) == []


def test_plan_dependencies_are_declared():
    changes = {c.name: c for c in plan_rules.read_plan(PROJECT)}
    assert set(changes["core/schemas"].requires) == {"core/extensions", "core/roles"}


def test_squawk_finds_nothing_in_the_deploy_scripts():
    result = plan_rules.squawk(PROJECT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_squawk_catches_a_risky_deploy(tmp_path):
    project = copy_project(tmp_path)
    risky = project / "deploy/core/schemas.sql"
    risky.write_text(risky.read_text().replace("COMMIT;", "CREATE INDEX risky ON exchange.t (c);\nCOMMIT;"))
    assert plan_rules.squawk(project).returncode != 0


def test_every_squawk_exclusion_carries_a_reason():
    text = (PROJECT / ".squawk.toml").read_text()
    excluded = tomllib.loads(text).get("excluded_rules", [])
    for rule in excluded:
        line = next(line for line in text.splitlines() if f'"{rule}"' in line)
        assert re.search(r"#\s*\S.{10,}", line), f"excluded squawk rule {rule} has no one-line reason"


def test_sqitch_add_writes_scripts_in_the_house_style(tmp_path):
    project = copy_project(tmp_path)
    harness.run(["sqitch", "add", "exchange/probe", "--requires", "core/schemas", "-n", "probe"], cwd=project, env=harness.sqitch_env())
    deploy = (project / "deploy/exchange/probe.sql").read_text()
    assert "SET LOCAL ROLE marketdb_owner;" in deploy and "SET LOCAL lock_timeout" in deploy
    assert "-- requires: core/schemas" in deploy
    assert "ROLLBACK;" in (project / "verify/exchange/probe.sql").read_text()
    assert plan_rules.check_plan(project) == []


def test_reworked_changes_are_read_with_their_tagged_scripts(tmp_path):
    (tmp_path / "sqitch.plan").write_text(
        "%syntax-version=1.0.0\n%project=p\n\n"
        "a 2026-01-01T00:00:00Z x <x@y> # a\n"
        "b [a] 2026-01-01T00:01:00Z x <x@y> # b\n"
        "@v1 2026-01-01T00:02:00Z x <x@y> # tag\n"
        "b [b@v1] 2026-01-01T00:03:00Z x <x@y> # b reworked\n"
    )
    changes = plan_rules.read_plan(tmp_path)
    assert [(c.name, c.script, c.reworked) for c in changes] == [("a", "a", False), ("b", "b@v1", False), ("b", "b", True)]


def _manifest_problems(project) -> list[str]:
    return plan_rules.manifest_problems(project)


def test_no_released_script_is_edited():
    # The per-change revert round trips of make test cover the changes after the last tag;
    # a released change is covered by them once, at release (make fidelity-release), and
    # from then on by this: its scripts must hash as recorded when the tag was made.
    assert plan_rules.last_tag(PROJECT) is not None
    assert _manifest_problems(PROJECT) == []


def test_an_edited_released_script_is_named(tmp_path):
    project = copy_project(tmp_path)
    (project / plan_rules.RELEASE_MANIFEST).write_text((PROJECT / plan_rules.RELEASE_MANIFEST).read_text())
    verify = project / "verify/core/schemas.sql"
    verify.write_text(verify.read_text() + "-- an edit\n")
    assert _manifest_problems(project) == ["verify/core/schemas.sql: released script edited (or renamed)"]


def test_every_routine_s_current_body_is_in_the_change_named_after_it():
    homes, problems = plan_rules.routine_homes(PROJECT)
    assert problems == []
    assert len(homes) > 60  # the rule read the routines, not an empty plan


def _add_change(project, name: str, body: str) -> None:
    harness.run(["sqitch", "add", name, "-n", "probe"], cwd=project, env=harness.sqitch_env())
    (project / "deploy" / f"{name}.sql").write_text(f"BEGIN;\n{body}\nCOMMIT;\n")


def test_a_routine_created_again_outside_its_own_change_is_named_with_both_places(tmp_path):
    project = copy_project(tmp_path)
    _add_change(project, "maintenance/probe",
                "CREATE OR REPLACE FUNCTION maintenance.outcome_of(p_actions maintenance.action[]) RETURNS text\n"
                "LANGUAGE sql AS $$ SELECT 'ok' $$;")
    _, problems = plan_rules.routine_homes(project)
    assert any(p.startswith("maintenance.outcome_of is created in deploy/maintenance/probe.sql (change maintenance/probe) "
                            "after its own change maintenance/outcome_of (deploy/maintenance/outcome_of.sql)") for p in problems), problems
    assert any(p.startswith("maintenance.outcome_of: its current body is in deploy/maintenance/probe.sql") for p in problems), problems


def test_a_new_routine_outside_a_change_named_after_it_is_named(tmp_path):
    project = copy_project(tmp_path)
    _add_change(project, "maintenance/probe",
                "CREATE FUNCTION maintenance.probe() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n"
                "CREATE FUNCTION maintenance.stowaway() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;")
    _, problems = plan_rules.routine_homes(project)
    assert problems == ["maintenance.stowaway: its current body is in deploy/maintenance/probe.sql (change maintenance/probe); "
                        "it belongs in deploy/maintenance/stowaway.sql, a change named maintenance/stowaway"]


def test_a_dropped_routine_needs_no_home(tmp_path):
    project = copy_project(tmp_path)
    _add_change(project, "maintenance/probe",
                "CREATE FUNCTION maintenance.stowaway() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n"
                "DROP FUNCTION maintenance.stowaway;")
    assert plan_rules.routine_homes(project)[1] == []


def test_a_routine_changes_by_rework_and_reads_as_a_diff_of_its_file(tmp_path):
    # Edited in place, a released routine's file fails the manifest; reworked, the reviewer
    # sees the routine's file changed and its released body kept as a 100% copy.
    project = copy_project(tmp_path)
    (project / plan_rules.RELEASE_MANIFEST).write_text((PROJECT / plan_rules.RELEASE_MANIFEST).read_text())
    routine = project / "deploy/maintenance/outcome_of.sql"
    original = routine.read_text()
    routine.write_text(original.replace("WHEN bool_or(a.action = 'skip') THEN 'skip'", "WHEN bool_or(a.action = 'skip') THEN 'skipped'"))
    assert "deploy/maintenance/outcome_of.sql: released script edited (or renamed)" in _manifest_problems(project)
    routine.write_text(original)

    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid"]
    harness.run([*git, "init", "-q"], cwd=project)
    harness.run([*git, "add", "-A"], cwd=project)
    harness.run([*git, "commit", "-q", "-m", "released"], cwd=project)
    tag = plan_rules.last_tag(project)[0]
    harness.run(["sqitch", "rework", "maintenance/outcome_of", "-n", "skip reads skipped"], cwd=project, env=harness.sqitch_env())
    routine.write_text(original.replace("WHEN bool_or(a.action = 'skip') THEN 'skip'", "WHEN bool_or(a.action = 'skip') THEN 'skipped'"))
    assert _manifest_problems(project) == []
    assert plan_rules.routine_homes(project)[1] == []
    harness.run([*git, "add", "-A"], cwd=project)
    status = harness.run([*git, "diff", "--cached", "-C", "--find-copies-harder", "--name-status", "--", "deploy"], cwd=project).stdout
    assert f"C100\tdeploy/maintenance/outcome_of.sql\tdeploy/maintenance/outcome_of@{tag}.sql" in status, status
    assert "M\tdeploy/maintenance/outcome_of.sql" in status, status
    diff = harness.run([*git, "diff", "--cached", "--", "deploy/maintenance/outcome_of.sql"], cwd=project).stdout
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-               WHEN bool_or(a.action = 'skip') THEN 'skip'",
                       "+               WHEN bool_or(a.action = 'skip') THEN 'skipped'"], diff
