"""`govlint audit --reviews`: a draft review per project beside its evidence page, linked from the dashboard."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from audit_fleet import build_fleet, write_projects_file
from github_server import GitHubFixtureServer
from govlint.audit.results import read_results
from govlint.cli import main
from govlint.resources import schema
from govlint.review.model import draft_from_dict
from govlint.review.render_json import render as render_json
from govlint.review.levels import level_applied_for


def test_audit_reviews_writes_a_draft_per_project_linked_from_the_dashboard(tmp_path):
    root = tmp_path / "repos"
    projects = build_fleet(root, 4, injected=False)
    path = write_projects_file(tmp_path / "cncf.yaml", projects)
    out = tmp_path / "out"
    with GitHubFixtureServer(root) as server:
        code = main(["audit", str(path), "--out", str(out), "--api-url", server.url,
                     "--cache-dir", str(tmp_path / "cache"), "--quiet", "--reviews"])
    assert code in (0, 1)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    jsonschema.validate(summary, schema("summary"))
    records = {r["project"]: r for r in read_results(out / "results.jsonl").records}
    index = (out / "index.html").read_text(encoding="utf-8")
    for entry in summary["projects"]:
        page = entry["review_page"]
        assert page == entry["page"][: -len(".html")] + ".review.md"
        text = (out / page).read_text(encoding="utf-8")
        assert text.startswith("# ") and "draft" in text.lower()
        assert f'href="{page}"' in index
        evidence = (out / entry["page"]).read_text(encoding="utf-8")
        assert f'href="{Path(page).name}"' in evidence
        kept = records[entry["name"]]["review"]
        jsonschema.validate(kept, schema("review"))
        assert kept["level"] == level_applied_for(entry["maturity"])
        # What the audit keeps is the draft itself: it reads back into the same JSON.
        assert json.loads(render_json(draft_from_dict(kept))) == kept


def test_audit_without_reviews_writes_none(tmp_path):
    root = tmp_path / "repos"
    path = write_projects_file(tmp_path / "cncf.yaml", build_fleet(root, 2, injected=False, multi_repo=False))
    out = tmp_path / "out"
    with GitHubFixtureServer(root) as server:
        main(["audit", str(path), "--out", str(out), "--api-url", server.url, "--cache-dir", str(tmp_path / "cache"),
              "--quiet"])
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert all(p["review_page"] is None for p in summary["projects"])
    assert not list((out / "projects").glob("*.review.md"))


def test_level_applied_for():
    assert level_applied_for("sandbox") == "incubating"
    assert level_applied_for("incubating") == "graduated"
    assert level_applied_for("graduated") == "graduated"
    assert level_applied_for(None) is None
