"""Revert fidelity of the real plan, on a database of its own."""

from __future__ import annotations

from conftest import PROJECT, _cleanup
from marketdb import harness


def test_every_change_reverts_to_the_schema_before_it_and_the_plan_round_trips(server_url):
    # Revert fidelity compares dumps: pgTAP stays out of this database.
    url = harness.create_test_database(server_url, "revert", pgtap=False)
    try:
        problems = harness.check_revert_fidelity(PROJECT, url, progress=lambda message: print(message))
        assert problems == [], "\n\n".join(problems)
    finally:
        _cleanup(url)
