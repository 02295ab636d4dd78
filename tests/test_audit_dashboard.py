"""OUT/index.html and the evidence pages: self-contained, escaped, sortable; checked in headless Chromium."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
from pathlib import Path

import pytest

import chromium
from audit_fleet import INJECTED_TEXT, build_fleet, write_projects_file
from github_server import GitHubFixtureServer
from govlint.cli import main

DOCS_SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "audit-dashboard.png"
GHOST = {"name": "ghost <b>town</b>", "maturity": "sandbox",
         "repositories": [{"name": "missing", "url": "https://github.com/ghost/missing", "check_sets": ["community"]}]}


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory) -> Path:
    """An audit of 12 projects served by the GitHub test server (one with a hostile heading, one 404)."""
    tmp = tmp_path_factory.mktemp("dashboard")
    root = tmp / "repos"
    projects = build_fleet(root, 12)
    write_projects_file(tmp / "cncf.yaml", [*projects, GHOST])
    here = os.getcwd()
    os.chdir(tmp)  # the page shows the projects file as given: "cncf.yaml" reads better in the screenshot
    try:
        with GitHubFixtureServer(root) as server:
            code = main(["audit", "cncf.yaml", "--out", "out", "--api-url", server.url, "--cache-dir", "cache",
                         "--quiet"])
    finally:
        os.chdir(here)
    assert code == 2  # the 404
    return tmp / "out"


def page_of(out: Path, project: str) -> Path:
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    return out / next(p["page"] for p in summary["projects"] if p["name"] == project)


def inline(tag: str, page: str) -> str:
    return re.search(rf"<{tag}>(.*?)</{tag}>", page, re.S).group(1)


def csp_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_pages_are_self_contained_and_allow_only_their_own_style_and_script(dashboard):
    index = (dashboard / "index.html").read_text(encoding="utf-8")
    evidence = page_of(dashboard, "project-000").read_text(encoding="utf-8")
    for page in (index, evidence):
        assert not re.search(r"<(link|iframe|object|embed)\b|<img\b|\bsrc=|@import|url\(", page)
        csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
        assert "default-src 'none'" in csp and csp_hash(inline("style", page)) in csp
    assert csp_hash(inline("script", index)) in index
    assert "<script>" not in evidence and "script-src 'none'" in evidence
    assert index.count("<script>") == 1


def test_document_text_is_escaped(dashboard):
    page = page_of(dashboard, "project-003").read_text(encoding="utf-8")
    assert "window.__pwned" in page  # the heading is shown...
    assert "<script>window" not in page and "<img src=x" not in page  # ...as text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    index = (dashboard / "index.html").read_text(encoding="utf-8")
    assert "ghost &lt;b&gt;town&lt;/b&gt;" in index and "<b>town</b>" not in index


def test_evidence_links_are_pinned_github_links(dashboard):
    page = page_of(dashboard, "project-000").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+)"', page)
    assert "../index.html" in links
    blobs = [u for u in links if "/blob/" in u]
    assert blobs and all(re.match(r"https://github\.com/org000/governance/blob/[0-9a-f]{40}/", u) for u in blobs)


# --------------------------------------------------------------------------------------------------
# In a real browser

@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    reason = chromium.available()
    if reason:
        pytest.skip(reason)
    with chromium.Browser(tmp_path_factory.mktemp("chromium") / "profile") as b:
        b.open("about:blank")
        b.send("Log.enable")
        yield b


def rows(b: chromium.Browser, column: int) -> list[str]:
    return b.eval(f"Array.from(document.querySelectorAll('#projects tbody tr'))"
                  f".map(r => r.cells[{column}].getAttribute('data-sort'))")


@pytest.mark.slow
def test_the_table_renders_sorts_and_filters_in_chromium(dashboard, browser, tmp_path):
    browser.open((dashboard / "index.html").as_uri())
    assert browser.eval("document.title") == "govlint audit: 13 projects"
    assert browser.eval("document.querySelectorAll('#projects tbody tr').length") == 13
    assert browser.eval("document.querySelectorAll('#rules tbody tr').length") == 20
    assert browser.eval("document.querySelector('svg.chart').getBoundingClientRect().width") > 300
    assert browser.eval("document.querySelectorAll('svg.chart rect[data-segment]').length") >= 4
    # The stylesheet applied (its CSP hash matched): headers are sticky.
    assert browser.eval("getComputedStyle(document.querySelector('#projects th')).position") == "sticky"

    click = "document.querySelectorAll('#projects thead th button')[{}].click()"
    browser.eval(click.format(2))  # Score
    scores = [float(s) for s in rows(browser, 2)]
    assert scores == sorted(scores) and scores[0] == -1  # the project without a result first
    assert browser.eval("document.querySelectorAll('#projects thead th')[2].getAttribute('aria-sort')") == "ascending"
    browser.eval(click.format(2))
    assert [float(s) for s in rows(browser, 2)] == sorted(scores, reverse=True)
    browser.eval(click.format(0))  # Project, by name
    names = rows(browser, 0)
    assert names == sorted(names)
    browser.eval(click.format(1))  # Maturity: by level, not alphabetically
    levels = rows(browser, 1)
    assert levels.index("incubating") < levels.index("graduated")

    browser.eval("var f = document.getElementById('filter'); f.value = 'ghost'; "
                 "f.dispatchEvent(new Event('input'))")
    assert browser.eval("Array.from(document.querySelectorAll('#projects tbody tr')).filter(r => !r.hidden)"
                        ".map(r => r.getAttribute('data-project'))") == ["ghost <b>town</b>"]
    assert not [m for m in browser.console_messages() if "Content Security Policy" in m]

    browser.eval("var f = document.getElementById('filter'); f.value = ''; f.dispatchEvent(new Event('input'))")
    browser.eval(click.format(2))
    browser.eval(click.format(2))
    shot = tmp_path / "dashboard.png"
    browser.screenshot(shot)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    if os.environ.get("GOVLINT_UPDATE_SCREENSHOTS"):
        shutil.copyfile(shot, DOCS_SCREENSHOT)


@pytest.mark.slow
def test_an_injected_script_in_a_governance_heading_does_not_run(dashboard, browser):
    browser.open(page_of(dashboard, "project-003").as_uri())
    assert browser.eval("typeof window.__pwned") == "undefined"
    assert browser.eval("document.scripts.length") == 0 and browser.eval("document.images.length") == 0
    assert INJECTED_TEXT in browser.eval("document.querySelector('#GL201').textContent")
    assert browser.eval("document.querySelector('#GL201').getAttribute('data-status')") == "pass"
    browser.open((dashboard / "index.html").as_uri())
    assert browser.eval("typeof window.__pwned") == "undefined"
    assert browser.eval("document.scripts.length") == 1
    assert browser.eval("document.querySelectorAll('#projects b').length") == 0  # the <b> in a name is text


# --------------------------------------------------------------------------------------------------
# Rating versus level

def test_the_pages_explain_rating_versus_level_and_name_the_rule_that_blocks_it(tmp_path):
    """A project rated A that does not meet its own level: the page says why, next to the "no"."""
    projects = Path(__file__).parent / "fixtures" / "projects"
    lantern = Path(shutil.copytree(projects / "exemplary", tmp_path / "lantern"))
    (lantern / "MAINTAINERS.md").unlink()  # sandbox requires a maintainer list
    (tmp_path / "cncf.yaml").write_text(f"""
- name: lantern
  maturity: incubating
  repositories: [{{name: lantern, url: {lantern}, check_sets: [community]}}]
""", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["audit", str(tmp_path / "cncf.yaml"), "--out", str(out), "--quiet"]) == 0
    [project] = json.loads((out / "summary.json").read_text(encoding="utf-8"))["projects"]
    assert project["rating"] == "A" and project["meets_maturity"] is False
    assert project["blocked_by"] == ["maintainer-list"]
    index = (out / "index.html").read_text(encoding="utf-8")
    key = re.search(r'<p class="key" id="key">(.*?)</p>', index, re.S).group(1)
    assert "rated A can still not meet its own level" in key and "grades the score" in key
    row = re.search(r'<tr class="result" data-project="lantern">(.*?)</tr>', index, re.S).group(1)
    assert '<span class="no">no</span><div class="missing">blocked by maintainer-list</div>' in row
    page = page_of(out, "lantern").read_text(encoding="utf-8")
    assert "grades the score" in page
    levels = re.search(r'<table id="levels">(.*?)</table>', page, re.S).group(1)
    assert "incubating (own level)</th><td><span class=\"no\">not met</span></td><td>blocked by maintainer-list" \
        in levels
    assert "Blocking own level" in (out / "summary.md").read_text(encoding="utf-8")


def test_the_evidence_page_gives_the_same_advice_as_the_reports(tmp_path):
    """A project whose maintainer list is an OWNERS.md: the page never asks it to add a MAINTAINERS.md."""
    projects = Path(__file__).parent / "fixtures" / "projects"
    lantern = Path(shutil.copytree(projects / "exemplary", tmp_path / "lantern"))
    (lantern / "MAINTAINERS.md").unlink()
    (lantern / "OWNERS.md").write_text("# Owners\n\napprovers:\n\n- @mgarcia\n- @tnakamura\n", encoding="utf-8")
    (tmp_path / "cncf.yaml").write_text(f"- name: lantern\n  maturity: sandbox\n  repositories: "
                                        f"[{{name: lantern, url: {lantern}, check_sets: [community]}}]\n", encoding="utf-8")
    assert main(["audit", str(tmp_path / "cncf.yaml"), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    page = page_of(tmp_path / "out", "lantern").read_text(encoding="utf-8")
    row = re.search(r'<tr id="GL002" data-status="partial">(.*?)</tr>', page, re.S).group(1)
    assert "Complete OWNERS.md with one row per current maintainer" in row and "Add a MAINTAINERS.md" not in row
    assert "missing: an affiliation for all 2" in row
