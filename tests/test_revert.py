"""Revert fidelity of the real plan, on databases of its own."""

from __future__ import annotations

import os

from conftest import PROJECT, _cleanup
from marketdb import fidelity, harness


def test_every_change_reverts_to_the_schema_before_it_and_the_plan_round_trips(server_url, template_url):
    # Every change after the last tag gets its own round trip, the whole plan one; released
    # changes' own round trips run at release (make fidelity-release sets
    # MARKETDB_FIDELITY=all), and test_plan's manifest keeps their scripts as released.
    # Two databases take half the round trips each, in parallel. No pgTAP: dumps compare.
    # Since the last tag, both start as clones of the run's template (the whole plan and
    # pgTAP), reverted to where their round trips begin; the whole plan still reverts to
    # the empty database's dump (pgTAP alone) and redeploys from there with Sqitch.
    every = os.environ.get("MARKETDB_FIDELITY") == "all"
    if every:
        url = harness.create_test_database(server_url, "revert", pgtap=False)
        second = harness.create_test_database(server_url, "revert", pgtap=False)
        empty = None
    else:
        url = harness.clone_database(template_url, "revert")
        second = harness.clone_database(template_url, "revert")
        scratch = harness.create_test_database(server_url, "revert")
        try:
            empty = fidelity.dump_schema(scratch)
        finally:
            _cleanup(scratch)
    try:
        problems = fidelity.check_revert_fidelity(PROJECT, url, progress=lambda message: print(message),
                                                  since_last_tag=not every, second_url=second, empty=empty)
        assert problems == [], "\n\n".join(problems)
    finally:
        _cleanup(url)
        _cleanup(second)
