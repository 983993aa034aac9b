"""The harness itself: a broken verify, revert or pgTAP assertion must fail the run."""

from __future__ import annotations

import pytest

from conftest import _cleanup, copy_project
from marketdb import fidelity, harness, plan_rules, tap

CORE = 3  # core/extensions, core/roles, core/schemas: enough to exercise every path


@pytest.fixture
def core_project(tmp_path):
    return copy_project(tmp_path, plan_changes=CORE)


@pytest.fixture
def empty_url(server_url):
    url = harness.create_test_database(server_url, "selftest", pgtap=False)
    yield url
    _cleanup(url)


def test_a_failing_verify_script_fails_the_deploy(core_project, empty_url):
    verify = core_project / "verify/core/schemas.sql"
    verify.write_text(verify.read_text().replace("ROLLBACK;", "SELECT 1 / 0;\nROLLBACK;"))
    with pytest.raises(harness.HarnessError, match="core/schemas"):
        harness.deploy(core_project, empty_url)


def test_a_verify_that_cannot_fail_is_reported(core_project, empty_url):
    (core_project / "verify/core/schemas.sql").write_text("BEGIN;\nSELECT 1;\nROLLBACK;\n")
    problems = fidelity.check_revert_fidelity(core_project, empty_url, progress=lambda m: None)
    assert any("verify/core/schemas.sql succeeds although core/schemas is not deployed" in p for p in problems)


def test_a_revert_that_leaves_something_behind_is_reported(core_project, empty_url):
    revert = core_project / "revert/core/schemas.sql"
    revert.write_text(revert.read_text().replace("COMMIT;", "CREATE TABLE public.leftover (id integer);\nCOMMIT;"))
    problems = fidelity.check_revert_fidelity(core_project, empty_url, progress=lambda m: None)
    assert any("revert/core/schemas.sql does not undo its deploy" in p and "leftover" in p for p in problems)


def test_round_trips_from_clones_of_the_deployed_plan_still_name_a_broken_revert(core_project, server_url, empty_url):
    # make test's mode: both databases are clones of the run's template, reverted to where
    # their round trips start.
    plan = core_project / "sqitch.plan"
    lines = plan.read_text().splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("core/extensions"))
    lines.insert(first + 1, "@t1 2026-12-03T00:00:00Z marketdb developer <dev@marketdb.invalid> # a release of core/extensions")
    plan.write_text("\n".join(lines) + "\n")
    template, _ = harness.make_template(server_url, core_project, purpose="selftpl", pgtap=False)
    empty = fidelity.dump_schema(empty_url)
    # The clean pass of this mode is make test's own run (test_revert); here one database
    # takes core/roles' round trip, which passes, the other core/schemas', which leaves a table.
    revert = core_project / "revert/core/schemas.sql"
    revert.write_text(revert.read_text().replace("COMMIT;", "CREATE TABLE public.leftover (id integer);\nCOMMIT;"))
    url, second = harness.clone_database(template, "selftest"), harness.clone_database(template, "selftest2")
    try:
        seen: list[str] = []
        problems = fidelity.check_revert_fidelity(core_project, url, progress=seen.append, since_last_tag=True,
                                                  second_url=second, empty=empty)
        assert any("revert/core/schemas.sql" in p and "leftover" in p for p in problems), problems
        assert "revert fidelity: core/roles ok" in seen, seen
    finally:
        _cleanup(url)
        _cleanup(second)
        _cleanup(template)

PGTAP_CASES = {
    "passing": ("SELECT plan(1);\nSELECT ok(true, 'true is true');", True, ""),
    "failing": ("SELECT plan(2);\nSELECT ok(true, 'fine');\nSELECT ok(false, 'deliberately false');", False, "failed"),
    "missing": ("SELECT plan(3);\nSELECT ok(true, 'one');\nSELECT ok(true, 'two');", False, "planned 3 tests but ran 2"),
    "unexplained skip": ("SELECT plan(2);\nSELECT ok(true, 'one');\nSELECT skip('', 1);", False, "without a reason"),
    "explained skip": ("SELECT plan(2);\nSELECT ok(true, 'one');\nSELECT skip('not on this edition', 1);", True, ""),
    "empty": ("SELECT 1;", False, "ran no test"),
    "sql error": ("SELECT plan(1);\nSELECT no_such_function();", False, ""),
}


@pytest.mark.parametrize("case", PGTAP_CASES, ids=list(PGTAP_CASES))
def test_pgtap_outcomes_are_judged_strictly(tmp_path, scratch_url, case):
    body, passes, message = PGTAP_CASES[case]
    (tmp_path / "tests").mkdir()
    path = tmp_path / "tests" / "case.sql"
    path.write_text(f"BEGIN;\n{body}\nSELECT * FROM finish();\nROLLBACK;\n")
    result = tap.run_pgtap(tmp_path, scratch_url, path)
    assert result.ok is passes, result.output
    assert message in "\n".join(result.problems())


def test_a_reworked_change_deploys_reverts_and_round_trips(core_project, empty_url):
    env = harness.sqitch_env()
    harness.run(["sqitch", "tag", "v0", "-n", "release"], cwd=core_project, env=env)
    harness.run(["sqitch", "rework", "core/schemas", "-n", "comment the exchange schema"], cwd=core_project, env=env)
    assert (core_project / "deploy/core/schemas@v0.sql").is_file()
    (core_project / "deploy/core/schemas.sql").write_text(
        "BEGIN;\nCOMMENT ON SCHEMA exchange IS 'reworked';\nCOMMIT;\n")
    original = "Event-contract exchange: series, events, markets, trades, order book, settlements"
    (core_project / "revert/core/schemas.sql").write_text(
        f"BEGIN;\nCOMMENT ON SCHEMA exchange IS '{original}';\nCOMMIT;\n")
    (core_project / "verify/core/schemas.sql").write_text(
        "BEGIN;\nSELECT 1 / (obj_description('exchange'::regnamespace, 'pg_namespace') = 'reworked')::integer;\nROLLBACK;\n")
    assert [p for p in plan_rules.check_plan(core_project) if "core/" in p] == []
    assert fidelity.check_revert_fidelity(core_project, empty_url, progress=lambda m: None) == []


# Excerpts of real `pg_dump --schema-only` output, PostgreSQL 17.12 + TimescaleDB 2.19.3.
APACHE_DUMP = """--
-- PostgreSQL database dump
--

\\restrict abc123
-- Dumped from database version 17.12 (Debian 17.12-0+deb13u1)
-- Dumped by pg_dump version 17.12 (Debian 17.12-0+deb13u1)

--
-- Name: price_candles_1h; Type: VIEW; Schema: onchain; Owner: marketdb_owner
--

CREATE VIEW onchain.price_candles_1h AS
 SELECT token_id,
    timescaledb.time_bucket('01:00:00'::interval, ts) AS bucket
   FROM onchain.price_snapshots;

"""

TIMESCALE_DUMP = """--
-- Name: _compressed_hypertable_{c1}; Type: TABLE; Schema: _timescaledb_internal; Owner: marketdb_owner
--

CREATE TABLE _timescaledb_internal._compressed_hypertable_{c1} (
);

--
-- Name: _compressed_hypertable_{c2}; Type: TABLE; Schema: _timescaledb_internal; Owner: marketdb_owner
--

CREATE TABLE _timescaledb_internal._compressed_hypertable_{c2} (
);

--
-- Name: price_candles_1h; Type: VIEW; Schema: onchain; Owner: marketdb_owner
--

CREATE VIEW onchain.price_candles_1h AS
 SELECT _materialized_hypertable_{m}.token_id
   FROM _timescaledb_internal._materialized_hypertable_{m}
  WHERE (_materialized_hypertable_{m}.bucket < COALESCE(_timescaledb_functions.to_timestamp(_timescaledb_functions.cagg_watermark({m})), '-infinity'::timestamp with time zone));

--
-- Name: _hyper_{h}_10_chunk ts_cagg_invalidation_trigger; Type: TRIGGER; Schema: _timescaledb_internal; Owner: marketdb_owner
--

CREATE TRIGGER ts_cagg_invalidation_trigger AFTER INSERT OR DELETE OR UPDATE ON _timescaledb_internal._hyper_{h}_10_chunk FOR EACH ROW EXECUTE FUNCTION _timescaledb_functions.continuous_agg_invalidation_trigger('{h}');

"""


def test_dump_normalisation_ignores_pg_dump_run_lines():
    other_run = APACHE_DUMP.replace("abc123", "def456")
    assert fidelity.normalize_dump(APACHE_DUMP) == fidelity.normalize_dump(other_run)
    assert "restrict" not in fidelity.normalize_dump(APACHE_DUMP)
    # A real difference still shows.
    assert fidelity.normalize_dump(APACHE_DUMP) != fidelity.normalize_dump(APACHE_DUMP.replace("token_id", "token"))


def test_dump_normalisation_ignores_timescaledb_catalog_ids():
    first = TIMESCALE_DUMP.format(c1=10, c2=2, m=7, h=1)
    # After a full revert and redeploy every id is higher, and the blocks sort differently.
    redeployed = TIMESCALE_DUMP.format(c1=36, c2=28, m=14, h=25)
    assert first != redeployed
    assert fidelity.normalize_dump(first) == fidelity.normalize_dump(redeployed)
    normalized = fidelity.normalize_dump(first)
    assert "_materialized_hypertable_N" in normalized and "cagg_watermark(N)" in normalized
    assert "continuous_agg_invalidation_trigger('N')" in normalized
    # A different view body is still a difference.
    assert fidelity.normalize_dump(first) != fidelity.normalize_dump(first.replace(".token_id\n", ".bucket\n"))


PARTITION_DUMP = """
--
-- Name: trades_p{d1}; Type: TABLE; Schema: exchange; Owner: marketdb_owner
--

CREATE TABLE exchange.trades_p{d1} (
    trade_id text NOT NULL
);

--
-- Name: trades_p{d1}; Type: TABLE ATTACH; Schema: exchange; Owner: marketdb_owner
--

ALTER TABLE ONLY exchange.trades ATTACH PARTITION exchange.trades_p{d1} FOR VALUES FROM ('{t1}') TO ('{t2}');

--
-- Name: trades_p{d1}_ticker_ts_idx; Type: INDEX; Schema: exchange; Owner: marketdb_owner
--

CREATE INDEX trades_p{d1}_ticker_ts_idx ON exchange.trades_p{d1} USING btree (ticker, ts DESC);
"""


def test_dump_normalisation_ignores_which_days_have_partitions():
    """Deployed before and after midnight UTC, the partition window differs by a day."""
    before = PARTITION_DUMP.format(d1="20261122", t1="2026-11-22 00:00:00+00", t2="2026-11-23 00:00:00+00")
    after = PARTITION_DUMP.format(d1="20261123", t1="2026-11-23 00:00:00+00", t2="2026-11-24 00:00:00+00")
    assert fidelity.normalize_dump(before) == fidelity.normalize_dump(after)
    assert "trades_pYYYYMMDD_ticker_ts_idx" in fidelity.normalize_dump(before)
    # Anything else about a partition still shows.
    assert fidelity.normalize_dump(before) != fidelity.normalize_dump(after.replace("(ticker, ts DESC)", "(ticker, ts)"))


@pytest.mark.parametrize("restoring", [False, True])
def test_a_session_reset_while_timescaledb_is_dropped_fails_unless_restoring_is_on(empty_url, restoring):
    # Why harness.revert reverts core/extensions with timescaledb.restoring on: a session
    # that misses DROP EXTENSION's invalidations (a full cache reset) keeps TimescaleDB's
    # state and opens a dropped catalog, as Sqitch's registry session did in CI. When the
    # False case stops failing, TimescaleDB has fixed it and the setting may go.
    import threading
    import time

    import psycopg

    from marketdb import db

    with db.connect(empty_url) as conn:
        conn.execute("CREATE EXTENSION timescaledb")
        conn.execute("CREATE TABLE registry (change_id text)")
    options = "-c timescaledb.restoring=on" if restoring else ""
    with psycopg.connect(empty_url, autocommit=True, options=options) as idle:
        idle.execute("DELETE FROM registry WHERE change_id = 'x'")

        with db.connect(empty_url) as dropper:
            dropper.execute("SELECT pg_advisory_lock(4242)")

            def drop() -> None:
                while not dropper.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").fetchone()[0]:
                    time.sleep(0.01)
                # More invalidations than the queue holds, then the extension goes.
                dropper.execute("DO $$BEGIN FOR i IN 1..1500 LOOP EXECUTE format('CREATE TABLE flood_%s (a int)', i); END LOOP; END$$")
                dropper.execute("DROP EXTENSION timescaledb")
                dropper.execute("SELECT pg_advisory_unlock(4242)")

            # Waiting in a statement, the session cannot catch up: it is reset when it next reads.
            thread = threading.Thread(target=drop)
            thread.start()
            idle.execute("SELECT pg_advisory_lock(4242)")
            thread.join()
        if restoring:
            idle.execute("DELETE FROM registry WHERE change_id = 'x'")
        else:
            with pytest.raises(psycopg.errors.InternalError, match="could not open relation with OID"):
                idle.execute("DELETE FROM registry WHERE change_id = 'x'")


def test_an_adopting_change_that_changes_the_schema_is_named(core_project, empty_url):
    # An adopting change (marked "-- adopted from:") must leave the dump as it was.
    harness.run(["sqitch", "add", "core/probe", "--requires", "core/schemas", "-n", "probe"], cwd=core_project, env=harness.sqitch_env())
    (core_project / "deploy/core/probe.sql").write_text(
        "-- adopted from: core/schemas\nBEGIN;\nCOMMENT ON SCHEMA exchange IS 'changed';\nCOMMIT;\n")
    original = "Event-contract exchange: series, events, markets, trades, order book, settlements"
    (core_project / "revert/core/probe.sql").write_text(f"BEGIN;\nCOMMENT ON SCHEMA exchange IS '{original}';\nCOMMIT;\n")
    (core_project / "verify/core/probe.sql").write_text("-- verify-absent: a probe\nBEGIN;\nSELECT 1;\nROLLBACK;\n")
    assert plan_rules.adopt_runs(core_project, plan_rules.read_plan(core_project)) == [(3, 4)]
    problems = fidelity.check_revert_fidelity(core_project, empty_url, progress=lambda m: None)
    assert len(problems) == 1 and problems[0].startswith("adopting core/probe .. core/probe changes the schema"), problems
    assert "changed" in problems[0]
