"""Every pgTAP file under tests/ runs with pg_prove, each on its own clone of the deployed
plan, PGTAP_JOBS files at a time (default 3: pg_prove and psql mostly wait on the server)."""

from __future__ import annotations

import dataclasses
import os
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import DEPLOY_OUTPUT, PROJECT, deployed_clone
from marketdb import harness, tap

FILES = tap.pgtap_files(PROJECT)


def test_there_are_pgtap_files():
    assert FILES, "no pgTAP file under tests/: the suite would pass without testing anything"


@pytest.fixture(scope="module")
def pgtap_results(template_url) -> dict:
    """Every file's result, run in parallel on a clone each, on first use."""
    def one(path):
        clone = deployed_clone(template_url, "tap")
        url = next(clone)
        try:
            return tap.run_pgtap(PROJECT, url, path)
        finally:
            clone.close()

    with ThreadPoolExecutor(max_workers=int(os.environ.get("PGTAP_JOBS", "3"))) as pool:
        return dict(zip(FILES, pool.map(one, FILES)))


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(PROJECT).as_posix() for p in FILES])
def test_pgtap_file(pgtap_results, path, record_property):
    result = pgtap_results[path]
    record_property("pgtap", dataclasses.asdict(result))  # the end-of-run summary (conftest)
    assert result.ok, "\n".join(result.problems()) + "\n\n" + result.output


SQITCH_LINE = re.compile(r"(Adding registry tables to |Deploying changes to |  \+ \S+( @\S+)? \.+ ok$)")


def test_deploy_prints_only_sqitch_lines(deployed_url):
    # A script's stray SELECT result (a row of a registration, a lone "f") would show here.
    stray = [line for line in DEPLOY_OUTPUT[0].splitlines() if not SQITCH_LINE.match(line)]
    assert len(DEPLOY_OUTPUT[0].splitlines()) > 50 and stray == [], stray


def test_sqitch_verify_holds_for_every_change_since_the_release(deployed_url):
    # `sqitch verify` runs each change's verify against today's schema. The v0.1.0 verifies
    # name columns later changes renamed to the seeds' names and, released, are never
    # edited; every change after the tag must hold for the whole deployed plan.
    result = harness.sqitch(PROJECT, deployed_url, "verify", "--from-change", "@v0.1.0", check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Verify successful" in result.stdout


def test_deploy_prints_no_perl_warning(deployed_url):
    # Sqitch probes the server through the configured client (scripts/sqitch-psql): a probe
    # that reads nothing makes it take its pre-9.3 path and warn.
    assert "Use of uninitialized value" not in DEPLOY_OUTPUT[0]
