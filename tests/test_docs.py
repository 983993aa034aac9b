"""The documentation: docs/plan.md is what sqitch.plan gives, links lead somewhere, the README
stays short. Files only: no database."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import PROJECT
from marketdb import docs

README_MAX_LINES = 250
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S)
CODE_SPAN = re.compile(r"(`+).+?\1", re.S)


def pages(project: Path) -> list[Path]:
    found = [project / "README.md", project / "CHANGELOG.md", *sorted((project / "docs").glob("*.md"))]
    return [p for p in found if p.is_file()]


def anchors(page: Path) -> set[str]:
    """GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens, -1, -2 for
    repeats."""
    seen: dict[str, int] = {}
    ids = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*\s*$", FENCE.sub("", page.read_text()), re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        ids.add(f"{slug}-{seen[slug]}" if slug in seen else slug)
        seen[slug] = seen.get(slug, 0) + 1
    return ids


def broken_links(project: Path) -> list[str]:
    problems = []
    for page in pages(project):
        # Code shows links as text (`[deps](x)` in an example is not one).
        text = CODE_SPAN.sub("", FENCE.sub("", page.read_text()))
        for target in LINK.findall(text):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
                continue  # http:, https:, mailto:: not this repository's files
            path, _, anchor = target.partition("#")
            where = (page.parent / path).resolve() if path else page
            name = f"{page.relative_to(project)}: {target}"
            if not where.exists():
                problems.append(f"{name}: no such file")
            elif anchor and where.suffix == ".md" and anchor not in anchors(where):
                problems.append(f"{name}: no heading #{anchor} in {where.relative_to(project)}")
    return problems


def test_the_plan_page_is_what_the_plan_gives():
    page = PROJECT / docs.PLAN_PAGE
    assert page.is_file(), f"{docs.PLAN_PAGE} is missing: run `make docs`"
    assert page.read_text() == docs.plan_table(PROJECT), f"{docs.PLAN_PAGE} is stale: run `make docs`"


def test_the_plan_page_shows_every_change_instance_and_tag(tmp_path):
    (tmp_path / "sqitch.plan").write_text(
        "%syntax-version=1.0.0\n%project=p\n\n"
        "a 2026-01-01T00:00:00Z x y <x@y> # first | piped <note>\n"
        "b [a] 2026-01-01T00:01:00Z x <x@y> # b\n"
        "@v1 2026-01-01T00:02:00Z x <x@y> # the tag\n"
        "\n"
        "b [b@v1 a] 2026-01-01T00:03:00Z x <x@y> # b reworked\n"
        "c 2026-01-01T00:04:00Z x <x@y>\n"
    )
    rows = [line for line in docs.plan_table(tmp_path).splitlines() if line.startswith("| ")]
    assert rows == [
        "| # | change | requires | note |",
        "| 1 | `a` |  | first \\| piped &lt;note&gt; |",
        "| 2 | `b` | `a` | b |",
        "| | **@v1** | | the tag |",
        "| 3 | `b` (reworked) | `b@v1`, `a` | b reworked |",
        "| 4 | `c` |  |  |",
    ]
    assert "`make docs`" in docs.plan_table(tmp_path)


def test_every_relative_link_leads_to_a_file():
    assert broken_links(PROJECT) == []


def test_a_broken_link_is_named(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "README.md").write_text("# Top\n\n[ok](docs/a.md#a-heading) [gone](docs/none.md)\n"
                                        "`[not a link](x.md)` [web](https://example.invalid/x)\n")
    (tmp_path / "docs/a.md").write_text("# A heading\n\n[back](../README.md#top) [nowhere](#no-such)\n")
    assert broken_links(tmp_path) == [
        "README.md: docs/none.md: no such file",
        "docs/a.md: #no-such: no heading #no-such in docs/a.md",
    ]


def test_the_readme_is_short():
    lines = len((PROJECT / "README.md").read_text().splitlines())
    assert lines <= README_MAX_LINES, f"README.md has {lines} lines (at most {README_MAX_LINES}): move detail to docs/"
