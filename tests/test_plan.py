"""The plan itself: scripts match changes, scripts are transactional, squawk is clean."""

from __future__ import annotations

import re
import tomllib

from conftest import PROJECT, copy_project
from marketdb import harness


def test_every_change_has_its_three_scripts_and_every_script_a_change():
    assert harness.check_plan(PROJECT) == []


def test_plan_check_reports_missing_stray_and_unwrapped_scripts(tmp_path):
    project = copy_project(tmp_path)
    (project / "verify/core/roles.sql").unlink()
    (project / "revert/core/stray.sql").write_text("BEGIN;\nCOMMIT;\n")
    deploy = project / "deploy/core/schemas.sql"
    deploy.write_text(deploy.read_text().replace("BEGIN;", "", 1))
    problems = "\n".join(harness.check_plan(project))
    assert "verify/core/roles.sql is missing" in problems
    assert "revert/core/stray.sql belongs to no change" in problems
    assert "deploy/core/schemas.sql is not wrapped in BEGIN" in problems


def test_a_deploy_marked_non_transactional_with_a_reason_is_accepted(tmp_path):
    project = copy_project(tmp_path)
    deploy = project / "deploy/core/schemas.sql"
    text = deploy.read_text().replace("BEGIN;", "", 1).replace("COMMIT;", "")
    deploy.write_text("-- non-transactional: test of the marker\n" + text)
    assert harness.check_plan(project) == []


def test_plan_dependencies_are_declared():
    changes = {c.name: c for c in harness.read_plan(PROJECT)}
    assert set(changes["core/schemas"].requires) == {"core/extensions", "core/roles"}


def test_squawk_finds_nothing_in_the_deploy_scripts():
    result = harness.squawk(PROJECT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_squawk_catches_a_risky_deploy(tmp_path):
    project = copy_project(tmp_path)
    risky = project / "deploy/core/schemas.sql"
    risky.write_text(risky.read_text().replace("COMMIT;", "CREATE INDEX risky ON exchange.t (c);\nCOMMIT;"))
    assert harness.squawk(project).returncode != 0


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
    assert harness.check_plan(project) == []


def test_reworked_changes_are_read_with_their_tagged_scripts(tmp_path):
    (tmp_path / "sqitch.plan").write_text(
        "%syntax-version=1.0.0\n%project=p\n\n"
        "a 2026-01-01T00:00:00Z x <x@y> # a\n"
        "b [a] 2026-01-01T00:01:00Z x <x@y> # b\n"
        "@v1 2026-01-01T00:02:00Z x <x@y> # tag\n"
        "b [b@v1] 2026-01-01T00:03:00Z x <x@y> # b reworked\n"
    )
    changes = harness.read_plan(tmp_path)
    assert [(c.name, c.script, c.reworked) for c in changes] == [("a", "a", False), ("b", "b@v1", False), ("b", "b", True)]


def _manifest_problems(project) -> list[str]:
    recorded = dict(line.split("  ", 1)[::-1] for line in (project / harness.RELEASE_MANIFEST).read_text().splitlines())
    current = dict(line.split("  ", 1)[::-1] for line in harness.release_manifest(project).splitlines())
    return ([f"{path}: released script edited (or renamed)" for path in sorted(current) if recorded.get(path) != current[path]]
            + [f"{path}: released script gone" for path in sorted(set(recorded) - set(current))])


def test_no_released_script_is_edited():
    # The per-change revert round trips of make test cover the changes after the last tag;
    # a released change is covered by them once, at release (make fidelity-release), and
    # from then on by this: its scripts must hash as recorded when the tag was made.
    assert harness.last_tag(PROJECT) is not None
    assert _manifest_problems(PROJECT) == []


def test_an_edited_released_script_is_named(tmp_path):
    project = copy_project(tmp_path)
    (project / harness.RELEASE_MANIFEST).write_text((PROJECT / harness.RELEASE_MANIFEST).read_text())
    verify = project / "verify/core/schemas.sql"
    verify.write_text(verify.read_text() + "-- an edit\n")
    assert _manifest_problems(project) == ["verify/core/schemas.sql: released script edited (or renamed)"]
