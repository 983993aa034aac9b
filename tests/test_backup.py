"""Every deploy, and every step of maintenance, recoverable: pgBackRest (Debian 13's) backs up
a throwaway cluster with the plan deployed and archives its WAL. On the original timeline
the cluster then goes through a rescue and a month merge, each stopped between its
committed steps by a restore point, and a deploy that drops a column holding data, which
makes its restore point first (as `marketdb deploy` does). Each test restores the backup to
one of those points:
- the deploy's: the column and its data are back, and nothing written after it;
- the middle of a rescue and of a merge: the database is consistent, and the next run
  finishes the work with every row once."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import psycopg
import pytest

from conftest import copy_project, free_port, needs_private_server
from marketdb import backup, db, harness, localdb, localdb_root, maintenance

pytestmark = needs_private_server

DROP = "exchange/drop_category"


def pgbackrest(srv: localdb.Server, config_path: str, *args: str) -> str:
    out = localdb_root._chroot(srv, "pgbackrest", f"--config={config_path}", f"--stanza={backup.STANZA}", *args)
    return out.stdout + out.stderr


def restore_point(url: str, name: str) -> None:
    with db.connect(url) as conn:
        conn.execute("SELECT pg_create_restore_point(%s)", (name,))


def trades(url: str, prefix: str) -> tuple[int, int, int]:
    """(rows, distinct trade ids, rows in the default partition) of trades whose id starts with prefix."""
    with db.connect(url) as conn:
        return conn.execute("SELECT count(*), count(DISTINCT trade_id),"
                            "       count(*) FILTER (WHERE tableoid = 'exchange.trades_default'::regclass)"
                            "  FROM exchange.trades WHERE trade_id LIKE %s", (prefix + "%",)).fetchone()


def month_partition(url: str, month: datetime) -> bool:
    with db.connect(url) as conn:
        return conn.execute("SELECT to_regclass(%s) IS NOT NULL", (f"exchange.trades_p{month:%Y%m}",)).fetchone()[0]


def captures(url: str) -> int:
    with db.connect(url) as conn:
        return conn.execute("SELECT count(*) FROM pg_trigger WHERE tgname = 'marketdb_rescue_capture'").fetchone()[0]


def maintain(url: str) -> None:
    """A maintenance run of exchange.trades, as `marketdb maintain --table` makes it (the
    other tables have no work here)."""
    actions = {a.action for a in maintenance.run(url, table="exchange.trades")}
    assert not actions & (maintenance.FAILED_ACTIONS | maintenance.NOT_DONE_ACTIONS), actions


def insert_trades(url: str, prefix: str, start: datetime, step: str, count: int) -> None:
    with db.connect(url) as conn:
        conn.execute("INSERT INTO exchange.trades (trade_id, ticker, ts, yes_price, no_price, count, taker_side)"
                     " SELECT %s || g, 'BK', %s::timestamptz + g * %s::interval, 50, 50, 1, 'yes' FROM generate_series(1, %s) AS g",
                     (prefix, start, step, count))


@pytest.fixture(scope="module")
def history(deployed_seed, tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("backup-project"))
    harness.run(["sqitch", "add", DROP, "-n", "drops a column that holds data"], cwd=project, env=harness.sqitch_env())
    (project / "deploy" / f"{DROP}.sql").write_text("BEGIN;\nSET LOCAL lock_timeout = '5s';\n"
                                                    "ALTER TABLE exchange.series DROP COLUMN category;\nCOMMIT;\n")
    (project / "revert" / f"{DROP}.sql").write_text("BEGIN;\nCOMMIT;\n")
    (project / "verify" / f"{DROP}.sql").write_text("BEGIN;\nROLLBACK;\n")
    port = free_port()
    config_path = f"{localdb.server(port).home}/pgbackrest.conf"
    with localdb.temporary_server(port, settings=backup.archive_settings(config_path), seed=deployed_seed) as srv:
        (srv.root / srv.home.lstrip("/") / "pgbackrest.conf").write_text(backup.pgbackrest_config(srv.home, srv.data, port))
        url = srv.url("marketdb")
        today = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
        old_month = datetime(today.year - (today.month <= 3), (today.month - 4) % 12 + 1, 1, tzinfo=timezone.utc)
        with db.connect(url) as conn:
            conn.execute("INSERT INTO exchange.series (series_ticker, title, category, tags)"
                         " SELECT 'BK' || g, 'Series ' || g, 'category ' || g, '{}' FROM generate_series(1, 10) AS g")
        # A month long past, rescued into its days (merging off for the while): the merge's material.
        with db.connect(url) as conn:
            conn.execute("SELECT maintenance.set_compaction('exchange.trades', NULL)")
        insert_trades(url, "M-", old_month, "2 hours", 300)
        maintain(url)
        assert trades(url, "M-") == (300, 300, 0) and not month_partition(url, old_month)
        pgbackrest(srv, config_path, "stanza-create")
        pgbackrest(srv, config_path, "--type=full", "backup")

        # A rescue stopped after its first committed step: the capture is installed, the
        # rows still wait; more rows arrive, which the capture takes.
        insert_trades(url, "R-", today + timedelta(days=20), "1 minute", 200)
        with db.connect(url) as conn:
            conn.execute("SELECT * FROM maintenance.prepare_rescue('exchange.trades')")
        insert_trades(url, "R2-", today + timedelta(days=20, hours=12), "1 minute", 20)
        restore_point(url, "mid-rescue")
        maintain(url)
        assert trades(url, "R") == (220, 220, 0)

        # A merge stopped after its captures (one call), before the swap (the next call).
        with db.connect(url) as conn:
            conn.execute("SELECT maintenance.set_compaction('exchange.trades', interval '1 day')")
            first = [r[0] for r in conn.execute("SELECT action FROM maintenance.compact_for('exchange.trades')")]
        assert "capture" in first and "compact" not in first, first
        restore_point(url, "mid-merge")
        maintain(url)
        assert month_partition(url, old_month) and trades(url, "M-") == (300, 300, 0)

        # The deploy that drops a column holding data, as `marketdb deploy` makes it.
        pending = backup.pending_changes(project, url)
        assert pending == [DROP]
        name, told = backup.restore_point(url, pending[0])
        assert name and name.startswith("marketdb-exchange.drop_category-") and told.startswith(f"restore point {name} at ")
        harness.sqitch(project, url, "deploy", "--no-verify")
        with db.connect(url) as conn:
            conn.execute("INSERT INTO exchange.series (series_ticker, title, tags) VALUES ('AFTER', 'after the deploy', '{}')")
        pgbackrest(srv, config_path, "check")  # switches WAL and waits for it to be archived

        def restore(target: str) -> str:
            localdb.down(port)
            pgbackrest(srv, config_path, "--delta", "--type=name", f"--target={target}", "--target-timeline=1",
                       "--target-action=promote", "restore")
            localdb.up(port)
            with psycopg.connect(url, autocommit=True) as conn:
                deadline = time.monotonic() + 60
                while conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]:
                    assert time.monotonic() < deadline, f"the restore to {target} never finished recovery"
                    time.sleep(0.1)
            return url

        # What `marketdb backup-config` prints for this server: its own paths, its archiving.
        recipe = backup.recipe(url)
        assert f"pg1-path={srv.data}" in recipe and f"pg1-port={port}" in recipe, recipe
        assert recipe.startswith("# this server already archives with: pgbackrest --config=")

        yield restore, name, old_month


def test_a_restore_to_the_deploys_restore_point_brings_back_the_dropped_column_and_its_data(history):
    restore, name, _ = history
    url = restore(name)
    with db.connect(url) as conn:
        rows = conn.execute("SELECT series_ticker, category FROM exchange.series WHERE series_ticker LIKE 'BK%'"
                            " ORDER BY series_ticker").fetchall()
        after = conn.execute("SELECT count(*) FROM exchange.series WHERE series_ticker = 'AFTER'").fetchone()[0]
        deployed = conn.execute("SELECT count(*) FROM sqitch.changes WHERE change = %s", (DROP,)).fetchone()[0]
    assert len(rows) == 10 and all(category == f"category {ticker[2:]}" for ticker, category in rows), rows
    assert after == 0 and deployed == 0


def test_a_restore_to_the_middle_of_a_rescue_is_consistent_and_the_next_run_finishes_it(history):
    restore, _, _ = history
    url = restore("mid-rescue")
    # As at the point: every row once, waiting in the default partition, the capture installed.
    assert trades(url, "R-") == (200, 200, 200) and trades(url, "R2-") == (20, 20, 20) and captures(url) > 0
    maintain(url)
    assert trades(url, "R-") == (200, 200, 0) and trades(url, "R2-") == (20, 20, 0)
    assert captures(url) == 0  # the capture went with the rescue


def test_a_restore_to_the_middle_of_a_merge_is_consistent_and_the_next_run_finishes_it(history):
    restore, _, old_month = history
    url = restore("mid-merge")
    # As at the point: the month still in days, each with its capture, every row once.
    assert not month_partition(url, old_month) and captures(url) > 0
    assert trades(url, "M-") == (300, 300, 0)
    maintain(url)
    assert month_partition(url, old_month) and trades(url, "M-") == (300, 300, 0)
    assert captures(url) == 0
