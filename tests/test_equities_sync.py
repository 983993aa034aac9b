"""Incremental sync under concurrency: workers claiming at once never get the same asset."""

from __future__ import annotations

import threading

import psycopg
import pytest

from conftest import _cleanup
from marketdb import harness

ASSETS = 60


@pytest.fixture(scope="module")
def sync_url(template_url):
    url = harness.clone_database(template_url, "sync")
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(
                "INSERT INTO equities.assets (symbol, exchange, asset_type, last_synced)"
                " SELECT format('S%%s.US', g), 'US', 'common_stock', CASE WHEN g %% 3 = 0 THEN NULL ELSE now() - g * interval '1 hour' END"
                "   FROM generate_series(1, %s) AS g", (ASSETS,))
        yield url
    finally:
        _cleanup(url)


def test_two_workers_claiming_at_the_same_moment_get_disjoint_assets(sync_url):
    # Both transactions stay open while the other claims: the row locks alone must keep
    # them apart (FOR UPDATE SKIP LOCKED), not the order in which they commit.
    with psycopg.connect(sync_url) as first, psycopg.connect(sync_url) as second:
        # Without SKIP LOCKED the second claim would wait on the first: fail, do not hang.
        second.execute("SET lock_timeout = '5s'")
        a = [r[0] for r in first.execute("SELECT symbol FROM equities.claim_assets_for_sync(interval '0', 25)")]
        b = [r[0] for r in second.execute("SELECT symbol FROM equities.claim_assets_for_sync(interval '0', 25)")]
        first.commit()
        second.commit()
    assert len(a) == 25 and len(b) == 25
    assert set(a).isdisjoint(b)


def test_many_workers_claim_every_asset_exactly_once(sync_url):
    with psycopg.connect(sync_url, autocommit=True) as conn:
        conn.execute("UPDATE equities.assets SET sync_claimed_until = NULL, last_synced = NULL")
    claimed: list[str] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(6)

    def worker() -> None:
        try:
            with psycopg.connect(sync_url, autocommit=True) as conn:
                barrier.wait()
                while True:
                    rows = conn.execute("SELECT symbol FROM equities.claim_assets_for_sync(interval '1 day', 4)").fetchall()
                    if not rows:
                        return
                    for (symbol,) in rows:
                        conn.execute("SELECT equities.record_sync(%s)", (symbol,))
                    with lock:
                        claimed.extend(r[0] for r in rows)
        except Exception as exc:  # noqa: BLE001 - every failure is the finding
            errors.append(repr(exc))

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert len(claimed) == ASSETS
    assert len(set(claimed)) == ASSETS
    with psycopg.connect(sync_url) as conn:
        assert conn.execute("SELECT count(*) FROM equities.assets WHERE last_synced IS NULL").fetchone()[0] == 0
