"""catalog/ is what the deployed plan leaves, one file per object (marketdb.catalog)."""

from __future__ import annotations

import shutil

import pytest

from conftest import PROJECT, deployed_clone
from marketdb import catalog


@pytest.fixture(scope="module")
def fresh_url(template_url):
    yield from deployed_clone(template_url, "catalog")


def test_the_catalog_is_what_the_deployed_plan_leaves(fresh_url):
    if (edition := catalog.edition(fresh_url)) != "apache":
        pytest.skip(f"the catalog is made from the Apache edition (CI's); this server runs the {edition} one")
    assert catalog.stale(PROJECT, fresh_url) == []
    files = {p.relative_to(PROJECT / catalog.FOLDER).as_posix() for p in (PROJECT / catalog.FOLDER).rglob("*.sql")}
    # A table with its partitioning and column grants, a routine, the database's own objects.
    assert {"exchange/trades.sql", "maintenance/outcome_of.sql", "_database.sql"} <= files
    trades = (PROJECT / catalog.FOLDER / "exchange/trades.sql").read_text()
    assert "PARTITION BY RANGE (ts)" in trades and "GRANT UPDATE(yes_price)" in trades
    assert not any("_p2" in name for name in files)  # days and months made by maintenance are left out


def test_a_stale_catalog_names_each_object_and_the_command(tmp_path, fresh_url):
    shutil.copytree(PROJECT / catalog.FOLDER, tmp_path / catalog.FOLDER)
    folder = tmp_path / catalog.FOLDER
    (folder / "exchange/trades.sql").write_text((folder / "exchange/trades.sql").read_text().replace("NOT NULL", "", 1))
    (folder / "maintenance/outcome_of.sql").unlink()
    (folder / "exchange/gone.sql").write_text("-- TABLE: gone\n")
    assert catalog.stale(tmp_path, fresh_url) == [
        "catalog/exchange/trades.sql: stale (run `make catalog`)",
        "catalog/maintenance/outcome_of.sql: missing (run `make catalog`)",
        "catalog/exchange/gone.sql: no such object in the deployed plan (run `make catalog`)",
    ]
