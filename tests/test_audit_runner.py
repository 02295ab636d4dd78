"""`govlint audit` over local checkouts: results, errors, exit codes, --resume, --compare, --strict."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from govlint.api import lint
from govlint.cli import main
from govlint.resources import schema

PROJECTS = Path(__file__).parent / "fixtures" / "projects"


def one_report_schema() -> dict:
    """The schema of one report (a results line's ``report``), from the published report schema."""
    return {"$ref": "#/$defs/report", "$defs": schema("report")["$defs"]}


@pytest.fixture
def checkouts(tmp_path: Path) -> Path:
    root = tmp_path / "checkouts"
    for name in ("exemplary", "minimal", "linked", "template-copy"):
        shutil.copytree(PROJECTS / name, root / name)
    return root


def projects_file(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "projects.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def lines_of(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]


def audit(*args: str) -> int:
    return main(["audit", "--quiet", *args])


def test_every_project_gets_a_line_and_the_summaries_are_written(tmp_path, checkouts, capsys):
    path = projects_file(tmp_path, ["checkouts/exemplary incubating", "checkouts/minimal sandbox",
                                    "checkouts/linked", "checkouts/template-copy graduated"])
    out = tmp_path / "out"
    assert audit(str(path), "--out", str(out), "--jobs", "3") == 0
    records = {r["project"]: r for r in lines_of(out)}
    assert set(records) == {"checkouts/exemplary", "checkouts/minimal", "checkouts/linked", "checkouts/template-copy"}
    exemplary = records["checkouts/exemplary"]
    assert exemplary["status"] == "result" and exemplary["maturity"] == "incubating"
    jsonschema.validate(exemplary["report"], one_report_schema())  # the complete JSON report
    assert exemplary["report"]["target_level"] == "incubating"
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    jsonschema.validate(summary, schema("summary"))
    assert [p["name"] for p in summary["projects"]] == ["checkouts/exemplary", "checkouts/minimal",
                                                        "checkouts/linked", "checkouts/template-copy"]
    by_name = {p["name"]: p for p in summary["projects"]}
    # Each project's line says what `govlint check --level <its maturity>` says of it.
    for name, maturity in (("exemplary", "incubating"), ("minimal", "sandbox"), ("linked", None),
                           ("template-copy", "graduated")):
        alone = lint(str(checkouts / name), level=maturity)
        entry = by_name[f"checkouts/{name}"]
        assert (entry["score"], entry["rating"], entry["level_met"]) == (alone.score, alone.rating, alone.level_met)
        assert records[f"checkouts/{name}"]["report"]["results"] == alone.to_dict()["results"]
        if maturity:
            assert entry["meets_maturity"] == alone.target_met
            assert entry["missing"] == list(alone.verdict(maturity).missing)
    assert by_name["checkouts/exemplary"]["meets_maturity"] is True
    assert by_name["checkouts/exemplary"]["next_level"] == "graduated"
    assert by_name["checkouts/minimal"]["meets_maturity"] is False
    assert "code-of-conduct" in by_name["checkouts/minimal"]["missing"]
    assert by_name["checkouts/template-copy"]["next_level"] is None  # graduated: nowhere higher
    assert by_name["checkouts/linked"]["meets_maturity"] is None  # no maturity given
    totals = summary["totals"]
    assert (totals["projects"], totals["results"], totals["errors"], totals["pending"]) == (4, 4, 0, 0)
    assert totals["meeting_maturity"] + totals["not_meeting_maturity"] == 3
    markdown = (out / "summary.md").read_text(encoding="utf-8")
    minimal = by_name["checkouts/minimal"]
    assert (f"| checkouts/minimal | sandbox | {minimal['score']:g} | {minimal['rating']} | "
            f"{minimal['level_met'] or 'none'} | ❌ | ❌ | {', '.join(minimal['missing'])} |") in markdown
    assert (out / "index.html").is_file()
    assert all((out / p["page"]).is_file() for p in summary["projects"])
    said = capsys.readouterr()
    assert "4 of 4 projects audited" in said.out and said.err == ""


def test_a_project_that_fails_gets_an_error_record_and_exit_code_2(tmp_path, checkouts, capsys):
    path = projects_file(tmp_path, ["checkouts/exemplary", "checkouts/vanished graduated", "checkouts/minimal"])
    out = tmp_path / "out"
    assert audit(str(path), "--out", str(out)) == 2
    records = {r["project"]: r for r in lines_of(out)}
    assert records["checkouts/vanished"]["status"] == "error"
    assert "no such file or directory" in records["checkouts/vanished"]["error"]
    assert records["checkouts/exemplary"]["status"] == records["checkouts/minimal"]["status"] == "result"
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["totals"]["errors"] == 1 and summary["errors"][0]["project"] == "checkouts/vanished"
    said = capsys.readouterr()
    assert "2 of 3 projects audited; 1 could not be audited" in said.out
    assert "govlint: error: project checkouts/vanished:" in said.err


def test_an_output_folder_is_not_reused_without_resume(tmp_path, checkouts, capsys):
    path = projects_file(tmp_path, ["checkouts/exemplary"])
    out = tmp_path / "out"
    assert audit(str(path), "--out", str(out)) == 0
    assert audit(str(path), "--out", str(out)) == 2
    assert "already holds an audit: pass --resume" in capsys.readouterr().err


def _someone_elses_site(folder: Path) -> dict[str, str]:
    folder.mkdir()
    files = {"index.html": "<h1>Release dashboard</h1>\n", "summary.md": "# Q3 summary\n"}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return files


@pytest.mark.parametrize("extra", [{}, {"notes.txt": "mine\n"}], ids=["their-summaries", "their-files"])
def test_a_folder_with_another_runs_files_is_refused_unless_forced(tmp_path, checkouts, capsys, extra):
    path = projects_file(tmp_path, ["checkouts/exemplary"])
    out = tmp_path / "site"
    files = {**_someone_elses_site(out), **extra}
    for name, text in extra.items():
        (out / name).write_text(text, encoding="utf-8")
    assert audit(str(path), "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"govlint: error: {out}: holds ") and "--force" in err
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == files  # untouched
    assert audit(str(path), "--out", str(out), "--resume") == 2  # nothing there to resume
    assert audit(str(path), "--out", str(out), "--force") == 0
    assert "govlint audit" in (out / "summary.md").read_text(encoding="utf-8") and lines_of(out)


def test_audit_merge_refuses_a_folder_with_other_files_or_another_merge(tmp_path, checkouts, capsys):
    path = projects_file(tmp_path, ["checkouts/exemplary", "checkouts/minimal"])
    assert audit(str(path), "--out", str(tmp_path / "s1"), "--shard", "1/2") == 0
    assert audit(str(path), "--out", str(tmp_path / "s2"), "--shard", "2/2") == 0
    shards = [str(tmp_path / "s1"), str(tmp_path / "s2")]
    site = tmp_path / "site"
    files = _someone_elses_site(site)
    assert main(["audit-merge", *shards, "--out", str(site)]) == 2
    assert "--force" in capsys.readouterr().err
    assert {p.name: p.read_text(encoding="utf-8") for p in site.iterdir()} == files
    # Merging again into the folder of the same merge is fine; into a merge of other projects is not.
    assert main(["audit-merge", *shards, "--out", str(tmp_path / "merged")]) == 0
    assert main(["audit-merge", *shards, "--out", str(tmp_path / "merged")]) == 0
    (tmp_path / "other").mkdir()
    other = projects_file(tmp_path / "other", ["../checkouts/linked"])
    assert audit(str(other), "--out", str(tmp_path / "o1")) == 0
    capsys.readouterr()
    assert main(["audit-merge", str(tmp_path / "o1"), "--out", str(tmp_path / "merged")]) == 2
    assert "already holds a merge of another projects file" in capsys.readouterr().err
    assert main(["audit-merge", *shards, "--out", str(site), "--force"]) == 0
    assert "govlint audit" in (site / "summary.md").read_text(encoding="utf-8")


def test_resume_skips_finished_projects_and_repairs_a_torn_line(tmp_path, checkouts, capsys):
    path = projects_file(tmp_path, ["checkouts/exemplary", "checkouts/minimal", "checkouts/linked"])
    out = tmp_path / "out"
    assert audit(str(path), "--out", str(out), "--shard", "1/1") == 0
    first = lines_of(out)
    # Pretend the audit was killed while writing its last line.
    results = out / "results.jsonl"
    keep = results.read_text(encoding="utf-8").splitlines(keepends=True)
    results.write_text("".join(keep[:2]) + keep[2][:40], encoding="utf-8")
    assert audit(str(path), "--out", str(out), "--shard", "1/1", "--resume") == 0
    again = lines_of(out)
    assert again[:2] == first[:2]  # untouched
    assert len(again) == 3 and {r["project"] for r in again} == {r["project"] for r in first}
    said = capsys.readouterr()
    assert "dropped an unfinished last line" in said.err
    assert "2 finished earlier" in said.out


def test_resume_keeps_errors_unless_asked_to_retry_them(tmp_path, checkouts):
    path = projects_file(tmp_path, ["checkouts/exemplary", "checkouts/later"])
    out = tmp_path / "out"
    assert audit(str(path), "--out", str(out)) == 2
    shutil.copytree(checkouts / "minimal", checkouts / "later")
    assert audit(str(path), "--out", str(out), "--resume") == 2  # the error is a finished project
    assert len(lines_of(out)) == 2
    assert audit(str(path), "--out", str(out), "--resume", "--retry-errors") == 0
    records = lines_of(out)
    assert sorted(r["project"] for r in records) == ["checkouts/exemplary", "checkouts/later", "checkouts/later"]
    assert records[-1]["project"] == "checkouts/later" and records[-1]["status"] == "result"  # the last line wins
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["totals"]["errors"] == 0


def test_resume_refuses_a_changed_projects_file_or_another_shard(tmp_path, checkouts, capsys):
    path = projects_file(tmp_path, ["checkouts/exemplary", "checkouts/minimal"])
    out = tmp_path / "out"
    assert audit(str(path), "--out", str(out), "--shard", "1/2") == 0
    assert audit(str(path), "--out", str(out), "--shard", "2/2", "--resume") == 2
    assert "--resume it with the same --shard" in capsys.readouterr().err
    projects_file(tmp_path, ["checkouts/exemplary", "checkouts/linked"])
    assert audit(str(path), "--out", str(out), "--shard", "1/2", "--resume") == 2
    assert "the projects file has changed" in capsys.readouterr().err


def test_strict_exits_1_when_a_project_is_below_its_own_level(tmp_path, checkouts):
    path = projects_file(tmp_path, ["checkouts/exemplary incubating", "checkouts/minimal sandbox"])
    assert audit(str(path), "--out", str(tmp_path / "a")) == 0
    assert audit(str(path), "--out", str(tmp_path / "b"), "--strict") == 1
    path = projects_file(tmp_path, ["checkouts/exemplary incubating"])
    assert audit(str(path), "--out", str(tmp_path / "c"), "--strict") == 0


def test_compare_lists_rules_newly_failing_and_the_projects_that_regressed(tmp_path, checkouts):
    path = projects_file(tmp_path, ["checkouts/exemplary graduated", "checkouts/minimal sandbox"])
    before, after = tmp_path / "before", tmp_path / "after"
    assert audit(str(path), "--out", str(before)) == 0
    governance = checkouts / "exemplary" / "GOVERNANCE.md"
    text = governance.read_text(encoding="utf-8")
    kept = [line for line in text.split("## Removal")[0].splitlines(keepends=True) if "| Removing a" not in line]
    governance.write_text("".join(kept), encoding="utf-8")  # the removal process is gone (its vote table rows too),
    ladder = checkouts / "exemplary" / "CONTRIBUTOR_LADDER.md"  # from both documents that describe it
    ladder.write_text(ladder.read_text(encoding="utf-8").split("## Involuntary removal")[0], encoding="utf-8")
    shutil.rmtree(checkouts / "minimal")
    shutil.copytree(PROJECTS / "exemplary", checkouts / "minimal")  # the minimal project caught up
    assert audit(str(path), "--out", str(after), "--compare", str(before)) == 0
    summary = json.loads((after / "summary.json").read_text(encoding="utf-8"))
    jsonschema.validate(summary, schema("summary"))
    exemplary, minimal = summary["projects"]
    assert exemplary["change"]["regressed"] and exemplary["change"]["score_delta"] < 0
    assert {"removal-process", "removal-threshold", "vote-of-no-confidence"} & set(exemplary["change"]["newly_failing"])
    assert exemplary["change"]["previous_level_met"] == "graduated"
    assert "code-of-conduct" in minimal["change"]["newly_passing"] and not minimal["change"]["regressed"]
    previous = json.loads((before / "summary.json").read_text(encoding="utf-8"))["projects"][1]
    assert minimal["change"]["score_delta"] == round(minimal["score"] - previous["score"], 1) > 0
    assert summary["regressions"] == ["checkouts/exemplary"] and summary["totals"]["regressed"] == 1
    markdown = (after / "summary.md").read_text(encoding="utf-8")
    assert "## Regressions since" in markdown and "now failing: " in markdown
    assert 'id="regressions"' in (after / "index.html").read_text(encoding="utf-8")


def test_compare_with_a_folder_that_is_not_an_audit_fails_before_auditing(tmp_path, checkouts, capsys):
    path = projects_file(tmp_path, ["checkouts/exemplary"])
    assert audit(str(path), "--out", str(tmp_path / "out"), "--compare", str(tmp_path)) == 2
    assert "--compare: no results.jsonl here" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_clomonitor_project_with_governance_in_two_repositories_gets_one_combined_report(tmp_path, checkouts):
    (tmp_path / "cncf.yaml").write_text(f"""
- name: split
  maturity: incubating
  repositories:
    - {{name: code, url: {checkouts / 'minimal'}, check_sets: [code, community]}}
    - {{name: community, url: {checkouts / 'exemplary'}, check_sets: [community]}}
    - {{name: site, url: {tmp_path / 'not-read'}, check_sets: [docs]}}
""", encoding="utf-8")
    out = tmp_path / "out"
    assert audit(str(tmp_path / "cncf.yaml"), "--out", str(out)) == 0
    (record,) = lines_of(out)
    report = record["report"]
    jsonschema.validate(report, one_report_schema())
    assert [a["name"] for a in record["audited"]] == ["code", "community"]
    assert report["score"] == 100 and report["level_met"] == "graduated"
    code_of_conduct = next(r for r in report["results"] if r["name"] == "code-of-conduct")
    assert code_of_conduct["evidence"][0]["path"].startswith(str(checkouts / "exemplary"))
    assert {d["path"].split("/")[-1] for d in report["documents"]} >= {"MAINTAINERS", "GOVERNANCE.md"}


def split_project(tmp_path: Path, checkouts: Path, *, code_url: str | None = None) -> Path:
    """A graduated project as CLOMonitor files it: governance in a community repository (only that
    one in the `community` check set), the MAINTAINERS.md beside the code in another."""
    community = Path(shutil.copytree(checkouts / "exemplary", tmp_path / "community"))
    code = tmp_path / "code"
    (code / "cmd").mkdir(parents=True)
    shutil.move(str(community / "MAINTAINERS.md"), code / "MAINTAINERS.md")
    (code / "README.md").write_text("# lanternd\n\nThe lantern daemon. See MAINTAINERS.md.\n", encoding="utf-8")
    (code / "cmd" / "main.go").write_text("package main\n\nfunc main() {}\n", encoding="utf-8")
    (tmp_path / "cncf.yaml").write_text(f"""
- name: lantern
  maturity: graduated
  repositories:
    - {{name: community, url: {community}, check_sets: [community]}}
    - {{name: lanternd, url: {code_url or code}, check_sets: [code]}}
""", encoding="utf-8")
    return tmp_path / "cncf.yaml"


def test_the_maintainer_list_is_read_from_every_repository_of_a_project(tmp_path, checkouts):
    out = tmp_path / "out"
    assert audit(str(split_project(tmp_path, checkouts)), "--out", str(out), "--strict") == 0
    (record,) = lines_of(out)
    report = record["report"]
    jsonschema.validate(report, one_report_schema())
    maintainers = next(r for r in report["results"] if r["name"] == "maintainer-list")
    assert maintainers["status"] == "pass"
    assert maintainers["evidence"][0]["path"] == f"{tmp_path / 'code'}/MAINTAINERS.md"
    assert report["level_met"] == "graduated" and report["rating"] == "A"
    # The code repository was read for the maintainer list only.
    assert [(a["name"], a.get("rules")) for a in record["audited"]] == [("community", None),
                                                                       ("lanternd", ["maintainer-list"])]
    assert [d["path"].rsplit("/", 1)[-1] for d in report["documents"] if "/code/" in d["path"]] == ["MAINTAINERS.md"]


def test_a_repository_that_cannot_be_read_for_the_maintainer_list_is_a_warning(tmp_path, checkouts):
    out = tmp_path / "out"
    path = split_project(tmp_path, checkouts, code_url=str(tmp_path / "gone"))
    assert audit(str(path), "--out", str(out)) == 0
    (record,) = lines_of(out)
    assert record["status"] == "result"
    assert next(r for r in record["report"]["results"] if r["name"] == "maintainer-list")["status"] == "fail"
    assert any("gone" in w and "not read for maintainer-list" in w for w in record["report"]["warnings"])


def test_usage_errors_exit_2_before_anything_is_written(tmp_path, capsys):
    path = projects_file(tmp_path, ["github:acme/widget"])
    assert audit(str(path), "--out", str(tmp_path / "o"), "--jobs", "0") == 2
    assert audit(str(path), "--out", str(tmp_path / "o"), "--retry-errors") == 2
    assert audit(str(path), "--out", str(tmp_path / "o"), "--shard", "3/2") == 2
    assert audit(str(tmp_path / "missing.yaml"), "--out", str(tmp_path / "o")) == 2
    assert audit(str(path), "--out", str(tmp_path / "o"), "--select", "GL9Z") == 2
    assert audit(str(path), "--out", str(tmp_path / "o"), "--profile", "lenient") == 2
    err = capsys.readouterr().err
    assert "unknown rule, code or prefix: 'GL9Z'" in err and "unknown profile 'lenient'" in err
    assert "--jobs must be at least 1" in err and "--retry-errors needs --resume" in err
    assert "I must be between 1 and N" in err and "no such projects file" in err
    assert not (tmp_path / "o" / "results.jsonl").exists()
