"""Monitoring with the real tools: Debian 13's postgres_exporter runs marketdb's query file
against a deployed database as a login granted marketdb_reader, and its endpoint is scraped
on loopback; promtool checks the alert rules and runs their tests (and a broken rule fails
them). The standbys' lag view is checked in test_replica.py, which has a standby."""

from __future__ import annotations

import os
import shutil

import psycopg
import pytest
from psycopg import sql
from psycopg.conninfo import make_conninfo

from conftest import _cleanup, free_port
from marketdb import db, harness, monitoring


def test_the_alert_rules_pass_promtool_and_their_tests_and_a_broken_rule_fails_them(tmp_path):
    checked = monitoring.promtool("check", "rules", monitoring.RULES.name, files=[monitoring.RULES])
    assert checked.returncode == 0 and "SUCCESS: 6 rules found" in checked.stdout, checked.stdout + checked.stderr
    tested = monitoring.promtool("test", "rules", monitoring.RULE_TESTS.name, files=[monitoring.RULES, monitoring.RULE_TESTS])
    assert tested.returncode == 0 and "SUCCESS" in tested.stdout, tested.stdout + tested.stderr
    broken = tmp_path / monitoring.RULES.name
    broken.write_text(monitoring.RULES.read_text().replace("> 3 * 3600", "> 30 * 3600"))
    shutil.copy(monitoring.RULE_TESTS, tmp_path / monitoring.RULE_TESTS.name)
    failed = monitoring.promtool("test", "rules", monitoring.RULE_TESTS.name, files=[broken, tmp_path / monitoring.RULE_TESTS.name],
                                 name="promtool-broken")
    assert failed.returncode != 0 and "MarketdbMaintenanceOverdue" in failed.stdout + failed.stderr, failed.stdout


@pytest.fixture
def exporter_url(template_url):
    url = harness.clone_database(template_url, "exporter")
    role = f"exporter_{os.getpid()}"
    with db.connect(url) as conn:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD 'exporter-pw' IN ROLE marketdb_reader, pg_monitor").format(sql.Identifier(role)))
    try:
        yield url, make_conninfo(url, user=role, password="exporter-pw")
    finally:
        _cleanup(url)
        with db.connect(db.with_dbname(url, "postgres")) as conn:
            conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


def test_postgres_exporter_serves_maintenance_health_from_the_views_marketdb_reader_reads(exporter_url):
    url, reader_url = exporter_url
    with db.connect(url) as conn:
        # Three late rows wait in the default partition; orderbook_deltas' last success was
        # five hours ago and its last run timed out.
        conn.execute("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                     " SELECT 'mon-' || g, 'MON', now() + interval '20 days' + g * interval '1 minute', 50, 50, 1, 'yes'"
                     "   FROM generate_series(1, 3) AS g")
        conn.execute("UPDATE maintenance.policy SET last_success_at = now() - interval '5 hours', last_outcome = 'lock_timeout'"
                     " WHERE parent_table = 'exchange.orderbook_deltas'")
    port = free_port()
    with monitoring.exporter(reader_url, port):
        before = monitoring.scrape(port)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CALL maintenance.run_all()")  # rescues the rows, marks every table's success
        after = monitoring.scrape(port)
    assert monitoring.sample(before, "pg_exporter_user_queries_load_error") == 0
    assert monitoring.sample(before, "marketdb_table_rows_in_default", parent_table="exchange.trades") == 3
    assert monitoring.sample(before, "marketdb_table_rows_out_of_window", parent_table="exchange.trades") == 0
    assert monitoring.sample(before, "marketdb_table_days_ahead", parent_table="exchange.trades") == 7
    assert monitoring.sample(before, "marketdb_table_enabled", parent_table="crypto.trades") == 1
    assert 5 * 3600 <= monitoring.sample(before, "marketdb_table_seconds_since_success", parent_table="exchange.orderbook_deltas") < 6 * 3600
    assert monitoring.sample(before, "marketdb_table_outcome_info", parent_table="exchange.orderbook_deltas", outcome="lock_timeout") == 1
    assert str(monitoring.sample(before, "marketdb_table_rows_in_default", parent_table="crypto.trades")) == "nan"  # a hypertable
    assert monitoring.sample(after, "marketdb_table_rows_in_default", parent_table="exchange.trades") == 0
    assert monitoring.sample(after, "marketdb_table_last_rescue_seconds", parent_table="exchange.trades") > 0
    assert monitoring.sample(after, "marketdb_table_seconds_since_success", parent_table="exchange.orderbook_deltas") < 600
    assert monitoring.sample(after, "marketdb_table_outcome_info", parent_table="exchange.orderbook_deltas", outcome="lock_timeout") is None
    assert monitoring.sample(after, "pg_exporter_last_scrape_error") == 0  # every query ran, the jobs' and standbys' too
