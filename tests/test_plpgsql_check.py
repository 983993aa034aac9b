"""plpgsql_check over every PL/pgSQL routine and trigger function the plan leaves: errors,
warnings and extra warnings (unused parameters and variables, implicit casts). A finding
that cannot be avoided is silenced in the routine itself, by a pragma with its reason."""

from __future__ import annotations

import pytest

from conftest import deployed_clone
from marketdb import config, db

SCHEMAS = ["exchange", "onchain", "crypto", "macro", "equities", "maintenance"]

# Trigger functions the deploy leaves unattached (maintenance attaches them to a default
# partition or a capture log when it needs them): checked against the table they serve.
TRIGGER_TABLES = {
    "maintenance.capture_change()": "exchange.trades_default",
    "maintenance.refuse_past_horizon()": "exchange.trades_default",
}


@pytest.fixture(scope="module")
def checked_url(template_url):
    yield from deployed_clone(template_url, "plpgsql_check")


def test_plpgsql_check_finds_nothing_in_any_routine(checked_url):
    with db.connect(checked_url) as conn:
        if not conn.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'plpgsql_check'").fetchone():
            # The private server has it (scripts/server-packages.txt); another may not.
            assert config.database_url() is not None, "plpgsql_check is missing from the private server"
            pytest.skip("plpgsql_check is not installed on this server (Debian 13: postgresql-17-plpgsql-check)")
        conn.execute("CREATE EXTENSION IF NOT EXISTS plpgsql_check")
        routines = conn.execute(
            """
            SELECT p.oid, p.oid::regprocedure::text, p.prorettype = 'trigger'::regtype,
                   (SELECT t.tgrelid FROM pg_trigger AS t WHERE t.tgfoid = p.oid ORDER BY t.oid LIMIT 1)
              FROM pg_proc AS p
              JOIN pg_namespace AS n ON n.oid = p.pronamespace
              JOIN pg_language AS l ON l.oid = p.prolang
             WHERE n.nspname = ANY(%s) AND l.lanname = 'plpgsql'
             ORDER BY 2
            """,
            (SCHEMAS,),
        ).fetchall()
        findings = []
        for oid, name, is_trigger, relid in routines:
            if is_trigger and relid is None:
                assert name in TRIGGER_TABLES, f"{name}: a trigger function on no table; add it to TRIGGER_TABLES"
                relid = conn.execute("SELECT %s::regclass::oid", (TRIGGER_TABLES[name],)).fetchone()[0]
            rows = conn.execute(
                "SELECT lineno, level, message, detail FROM plpgsql_check_function_tb(%s, %s, fatal_errors => false,"
                " other_warnings => true, extra_warnings => true, performance_warnings => false)",
                (oid, relid or 0),
            ).fetchall()
            findings += [f"{name} line {line}: {level}: {message}" + (f" ({detail})" if detail else "")
                         for line, level, message, detail in rows]
    assert len(routines) > 40  # the check read the routines, not an empty list
    assert findings == [], "\n".join(findings)
