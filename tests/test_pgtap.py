"""Every pgTAP file under tests/ runs with pg_prove against the freshly deployed database."""

from __future__ import annotations

import pytest

from conftest import PGTAP_RESULTS, PROJECT
from marketdb import harness

FILES = harness.pgtap_files(PROJECT)


def test_there_are_pgtap_files():
    assert FILES, "no pgTAP file under tests/: the suite would pass without testing anything"


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(PROJECT).as_posix() for p in FILES])
def test_pgtap_file(deployed_url, path):
    result = harness.run_pgtap(PROJECT, deployed_url, path)
    PGTAP_RESULTS.append(result)
    assert result.ok, "\n".join(result.problems()) + "\n\n" + result.output
