"""Routines as the deployed catalog has them: one definition per routine, written the way
its file under deploy/<schema>/<routine>.sql holds it (CREATE OR REPLACE, COMMENT, grants).

Used to adopt each live routine into a change named after it (v0.2.0) and, by the generated
catalog, to show what a deployed plan leaves."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import db, harness, plan_rules

SCHEMAS = ("exchange", "onchain", "crypto", "macro", "equities", "maintenance")


@dataclass(frozen=True)
class Routine:
    schema: str
    name: str
    signature: str  # schema.name(argtypes): what COMMENT, GRANT and to_regprocedure take
    kind: str  # FUNCTION or PROCEDURE
    owner: str
    definition: str  # pg_get_functiondef, unchanged
    comment: str | None
    grants: tuple[str, ...]  # roles granted EXECUTE, besides the owner
    public: bool  # PUBLIC may execute (the default, never revoked)

    @property
    def key(self) -> str:
        return f"{self.schema}.{self.name}"


def live_routines(url: str) -> list[Routine]:
    with db.connect(url) as conn:
        rows = conn.execute(
            """
            SELECT n.nspname, p.proname, p.oid::regprocedure::text,
                   CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
                   pg_get_userbyid(p.proowner), pg_get_functiondef(p.oid),
                   obj_description(p.oid, 'pg_proc'),
                   ARRAY(SELECT pg_get_userbyid(a.grantee) FROM aclexplode(p.proacl) AS a
                          WHERE a.grantee NOT IN (0, p.proowner) AND a.privilege_type = 'EXECUTE'
                          ORDER BY a.grantee::regrole::text),
                   p.proacl IS NULL OR EXISTS (SELECT FROM aclexplode(p.proacl) AS a WHERE a.grantee = 0)
              FROM pg_proc AS p
              JOIN pg_namespace AS n ON n.oid = p.pronamespace
             WHERE n.nspname = ANY(%s)
               AND NOT EXISTS (SELECT FROM pg_depend AS d WHERE d.objid = p.oid AND d.deptype = 'e')
             ORDER BY 1, 2, 3
            """,
            (list(SCHEMAS),),
        ).fetchall()
    return [Routine(r[0], r[1], r[2], r[3], r[4], r[5].rstrip("\n"), r[6], tuple(r[7]), r[8]) for r in rows]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def definition_sql(routine: Routine, header: str = "") -> str:
    """The routine's CREATE OR REPLACE, COMMENT and grants, as a deploy script's body."""
    parts = [(header + "\n" if header else "") + routine.definition + ";"]
    if routine.comment is not None:
        parts.append(f"COMMENT ON {routine.kind} {routine.signature} IS\n    {_literal(routine.comment)};")
    grants = []
    if not routine.public:
        grants.append(f"REVOKE ALL ON {routine.kind} {routine.signature} FROM PUBLIC;")
    grants += [f"GRANT EXECUTE ON {routine.kind} {routine.signature} TO {role};" for role in routine.grants]
    if grants:
        parts.append("\n".join(grants))
    return "\n\n".join(parts) + "\n"


def header_comment(text: str, routine: Routine) -> str:
    """The comment lines right above a routine's CREATE in the script that made it."""
    pattern = re.compile(rf"^CREATE\s+(?:OR\s+REPLACE\s+)?{routine.kind}\s+{routine.schema}\.{routine.name}\s*\(", re.I | re.M)
    match = pattern.search(text)
    if not match:
        return ""
    lines = text[: match.start()].rstrip("\n").split("\n")
    comment: list[str] = []
    while lines and lines[-1].startswith("--"):
        comment.insert(0, lines.pop())
    return "\n".join(comment)


def _wrap(text: str) -> str:
    import textwrap

    return textwrap.fill(text, width=92, initial_indent="-- ", subsequent_indent="-- ", break_on_hyphens=False)


def adopt_scripts(routine: Routine, source: plan_rules.Change, source_text: str) -> dict[str, str]:
    """deploy, revert and verify of the change that adopts a live routine unchanged."""
    home = f"{routine.schema}/{routine.name}"
    why = _wrap(f"{routine.key} as {source.name} left it, taken unchanged from the deployed catalog "
                f"(pg_get_functiondef): from here on its current body is this file, changed only by "
                f"`sqitch rework {home}`. Deploying it changes nothing (make test compares the dumps).")
    deploy = f"""-- Deploy marketdb:{home} to pg
-- requires: {source.name}
-- adopted from: {source.name}

{why}

BEGIN;

SET LOCAL lock_timeout = '5s';
SET LOCAL ROLE {routine.owner};

{definition_sql(routine, header_comment(source_text, routine))}
COMMIT;
"""
    undo = _wrap(f"Adopting changed nothing, so nothing is undone: {routine.key} stays as {source.name} made it.")
    revert = f"""-- Revert marketdb:{home} from pg

{undo}

BEGIN;

COMMIT;
"""
    checks = [f"SELECT 1 / (to_regprocedure({_literal(routine.signature)}) IS NOT NULL)::integer;"]
    checks += [f"SELECT 1 / has_function_privilege({_literal(role)}, {_literal(routine.signature)}, 'EXECUTE')::integer;"
               for role in routine.grants]
    if not routine.public:
        checks.append(f"SELECT 1 / (NOT EXISTS (SELECT FROM aclexplode((SELECT proacl FROM pg_proc WHERE oid = "
                      f"{_literal(routine.signature)}::regprocedure)) AS a WHERE a.grantee = 0))::integer;")
    verify = f"""-- Verify marketdb:{home} on pg
-- verify-absent: adopting changes nothing, so what this checks holds before the change too

BEGIN;

{chr(10).join(checks)}

ROLLBACK;
"""
    return {"deploy": deploy, "revert": revert, "verify": verify}


def adopt(project: Path, url: str) -> list[str]:
    """Adds to the plan one change per live routine whose current body is not yet in the
    change named after it; url holds the whole plan. Returns the changes added."""
    last, _ = plan_rules.routine_homes(project)
    env = harness.sqitch_env()
    added = []
    for routine in live_routines(url):
        source = last.get(routine.key)
        home = f"{routine.schema}/{routine.name}"
        if source is None:
            raise harness.HarnessError(f"{routine.key} is deployed but no deploy script creates it")
        if source.name == home:
            continue
        source_text = (project / "deploy" / f"{source.script}.sql").read_text()
        harness.run(["sqitch", "add", home, "--requires", source.name, "-n",
                     f"Adopt {routine.key} unchanged into a change of its own"], cwd=project, env=env)
        for kind, text in adopt_scripts(routine, source, source_text).items():
            (project / kind / f"{home}.sql").write_text(text)
        added.append(home)
    return added
