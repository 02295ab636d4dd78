"""OUT/summary.json (schemas/summary.schema.json), OUT/summary.md, and the dashboard, from results.

Everything is computed from the manifest and the last record of each project, in projects-file
order, so one run and the merged shards of the same audit give the same summary (only ``run``,
which says when and from what it was made, differs).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any, Sequence

from govlint import __version__
from govlint.report import ERROR as RULE_ERROR, FAIL, NOT_APPLICABLE, PARTIAL, PASS, WAIVED
from govlint.audit.results import ERROR, RESULT
from govlint.printable import markdown_cell, markdown_code

SUMMARY_FORMAT = 1
# The key every summary shows: a project rated A can still miss its own level.
RATING_VERSUS_LEVEL = ("The rating (A-D) grades the score, the weighted share of all rules that pass (A from 75, "
                       "B from 50, C from 25). A level is met only when every rule it and the levels below it "
                       "require passes, so one missing required rule blocks a level whatever the score: a project "
                       "rated A can still not meet its own level.")
NO_MATURITY = "unspecified"
RATINGS = ("A", "B", "C", "D")


def review_page_name(project: str) -> str:
    """The project's draft review, beside its evidence page (projects/<slug>.review.md)."""
    return page_name(project)[: -len(".html")] + ".review.md"


def page_name(project: str) -> str:
    """The project's evidence page, relative to OUT: readable, unique and safe as a file name."""
    slug = re.sub(r"[^a-z0-9]+", "-", project.lower()).strip("-")[:60] or "project"
    return f"projects/{slug}-{hashlib.sha256(project.encode()).hexdigest()[:8]}.html"


def build_summary(manifest: dict[str, Any], latest: dict[str, dict[str, Any]], *,
                  previous: dict[str, dict[str, Any]] | None = None, run: dict[str, Any] | None = None) -> dict[str, Any]:
    from govlint.audit.compare import change

    entries = [p for p in sorted(manifest["projects"], key=lambda p: p["index"]) if p.get("selected", True)]
    projects = [_project(p, latest.get(p["name"])) for p in entries]
    if previous is not None:
        for entry in projects:
            entry["change"] = change(latest.get(entry["name"]), previous.get(entry["name"]))
    results = [latest[p["name"]] for p in entries if latest.get(p["name"], {}).get("status") == RESULT]
    summary = {
        "format": SUMMARY_FORMAT,
        "govlint_version": __version__,
        "projects_file": manifest.get("projects_file"),
        "projects_digest": manifest.get("projects_digest"),
        "totals": _totals(projects),
        "by_maturity": _by_maturity(projects, _levels(results)),
        "rules": _rules(results, projects),
        "projects": projects,
        "regressions": [p["name"] for p in projects if (p.get("change") or {}).get("regressed")],
        "errors": [{"project": p["name"], "kind": p["error_kind"], "error": p["error"]}
                   for p in projects if p["status"] == ERROR],
        "run": run or {},
    }
    return summary


def _project(entry: dict[str, Any], record: dict[str, Any] | None) -> dict[str, Any]:
    maturity = entry.get("maturity")
    out: dict[str, Any] = {
        "name": entry["name"], "display_name": entry.get("display_name"), "maturity": maturity,
        "repositories": [{"name": r["name"], "url": r["url"]} for r in entry["repositories"]],
        "status": "pending" if record is None else record["status"],
        "error": None, "error_kind": None, "score": None, "rating": None, "level_met": None,
        "meets_maturity": None, "missing": [], "blocked_by": [], "next_level": None, "ready_for_next": None,
        "missing_next": [], "advisories": [], "targets": [], "page": page_name(entry["name"]), "change": None,
        "review_page": review_page_name(entry["name"]) if record is not None and record.get("review") else None,
    }
    if record is None:
        return out
    if record["status"] == ERROR:
        out.update(error=record.get("error") or "unknown error", error_kind=record.get("error_kind") or "error")
        return out
    report = record["report"]
    levels = report["levels"]
    order = list(levels)  # the packs' levels, lowest first
    own = maturity
    if own is None:
        # No maturity given: "own level" is the highest met, and the next is the one above.
        own_index = order.index(report["level_met"]) if report["level_met"] else -1
        next_level = order[own_index + 1] if own_index + 1 < len(order) else None
    else:
        own_index = order.index(own)
        next_level = order[own_index + 1] if own_index + 1 < len(order) else None
        blocked = [name for level in order[: own_index + 1] for name in levels[level]["missing"]]
        out.update(meets_maturity=levels[own]["met"], missing=list(levels[own]["missing"]),
                   blocked_by=list(dict.fromkeys(blocked)), advisories=list(levels[own]["advisories"]))
    if next_level is not None:
        out.update(next_level=next_level, ready_for_next=levels[next_level]["met"],
                   missing_next=list(levels[next_level]["missing"]))
    out.update(score=report["score"], rating=report["rating"], level_met=report["level_met"],
               targets=[a["target"] for a in record.get("audited", [])])
    return out


def _totals(projects: Sequence[dict[str, Any]]) -> dict[str, int]:
    return {
        "projects": len(projects),
        "results": sum(p["status"] == RESULT for p in projects),
        "errors": sum(p["status"] == ERROR for p in projects),
        "pending": sum(p["status"] == "pending" for p in projects),
        "meeting_maturity": sum(p["meets_maturity"] is True for p in projects),
        "not_meeting_maturity": sum(p["meets_maturity"] is False for p in projects),
        "ready_for_next": sum(p["ready_for_next"] is True for p in projects),
        "regressed": sum(bool((p.get("change") or {}).get("regressed")) for p in projects),
    }


def _levels(results: Sequence[dict[str, Any]]) -> list[str]:
    """The levels the audit's reports climb, lowest first (the built-in packs' before any result)."""
    if results:
        return list(results[0]["report"]["levels"])
    from govlint.rules.registry import builtin_ladder

    return list(builtin_ladder().names)


def _by_maturity(projects: Sequence[dict[str, Any]], levels: Sequence[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for level in (*levels, NO_MATURITY):
        group = [p for p in projects if (p["maturity"] or NO_MATURITY) == level]
        if not group and level == NO_MATURITY:
            continue
        out[level] = {
            "projects": len(group),
            "results": sum(p["status"] == RESULT for p in group),
            "errors": sum(p["status"] == ERROR for p in group),
            "pending": sum(p["status"] == "pending" for p in group),
            "ratings": {r: sum(p["rating"] == r for p in group) for r in RATINGS},
            "meeting_maturity": sum(p["meets_maturity"] is True for p in group),
            "ready_for_next": sum(p["ready_for_next"] is True for p in group),
        }
    return out


def _rules(results: Sequence[dict[str, Any]], projects: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per rule across the audited projects: outcome counts, pass rate, and who misses it at their level."""
    rules: dict[str, dict[str, Any]] = {}
    for record in results:
        for result in record["report"]["results"]:
            rule = rules.setdefault(result["code"], {
                "code": result["code"], "name": result["name"], "title": result["title"],
                "pass": 0, "partial": 0, "fail": 0, "not_applicable": 0, "waived": 0, "error": 0})
            key = {PASS: "pass", PARTIAL: "partial", FAIL: "fail", NOT_APPLICABLE: "not_applicable",
                   WAIVED: "waived", RULE_ERROR: "error"}[result["status"]]
            rule[key] += 1
    out = []
    for rule in rules.values():
        judged = rule["pass"] + rule["partial"] + rule["fail"]
        missing = [p["name"] for p in projects if rule["name"] in p["missing"]]
        out.append({**rule, "pass_rate": round(rule["pass"] / judged, 4) if judged else None,
                    "missing_at_own_level": missing})
    return out


def run_info(*, sources: Sequence[str], shards: Sequence[str | None], compared_with: str | None) -> dict[str, Any]:
    return {"generated_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "results_files": list(sources), "shards": [s for s in shards if s], "compared_with": compared_with}


# --------------------------------------------------------------------------------------------------
# Markdown

def render_markdown(summary: dict[str, Any]) -> str:
    """summary.md: a table a TOC member can paste into an issue."""
    totals = summary["totals"]
    compared = summary["run"].get("compared_with")
    lines = [f"# govlint audit: {totals['projects']} projects", ""]
    lines.append(f"Generated {summary['run'].get('generated_at', '')} by govlint {summary['govlint_version']} "
                 f"from {markdown_code(str(summary.get('projects_file') or ''))}.")
    lines.append("")
    status = f"**{totals['results']} audited**"
    if totals["errors"]:
        status += f", **{totals['errors']} could not be audited**"
    if totals["pending"]:
        status += f", {totals['pending']} not audited yet"
    lines.append(f"{status}; {totals['meeting_maturity']} meet the criteria of their own level, "
                 f"{totals['not_meeting_maturity']} do not; {totals['ready_for_next']} already meet the next level.")
    lines.append("")
    lines.append(f"_{RATING_VERSUS_LEVEL}_")
    lines.append("")
    header = "| Project | Maturity | Score | Rating | Level met | Meets own level | Ready for next | Blocking own level |"
    rule = "|---|---|--:|:-:|---|:-:|:-:|---|"
    if compared:
        header += " Change |"
        rule += "---|"
    lines += [header, rule]
    for p in summary["projects"]:
        name = _md(p["display_name"] or p["name"])
        if p["status"] != RESULT:
            cells = [name, p["maturity"] or "", "", "", "", "", "",
                     f"⚠️ {_md(p['error'] or 'not audited yet')}"]
        else:
            cells = [name, p["maturity"] or "", f"{p['score']:g}", p["rating"], p["level_met"] or "none",
                     _yes(p["meets_maturity"]), _yes(p["ready_for_next"]),
                     _md(", ".join(p["blocked_by"]) or ("—" if p["maturity"] else ""))]
        if compared:
            cells.append(_md(_change_text(p.get("change"))))
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "## Rules across projects", "",
              "| Code | Rule | Pass | Partial | Fail | n/a | Pass rate | Missing at own level |",
              "|---|---|--:|--:|--:|--:|--:|--:|"]
    for r in summary["rules"]:
        rate = f"{r['pass_rate'] * 100:.0f}%" if r["pass_rate"] is not None else "—"
        lines.append(f"| {_md(r['code'])} | {_md(r['name'])} | {r['pass']} | {r['partial']} | {r['fail']} | "
                     f"{r['not_applicable']} | {rate} | {len(r['missing_at_own_level'])} |")
    if compared:
        lines += ["", f"## Regressions since {markdown_code(compared)}", ""]
        regressed = [p for p in summary["projects"] if (p.get("change") or {}).get("regressed")]
        lines += [f"- **{_md(p['name'])}**: {_md(_change_text(p['change']))}" for p in regressed] or ["None."]
    if summary["errors"]:
        lines += ["", "## Could not be audited", ""]
        lines += [f"- **{_md(e['project'])}** ({_md(e['kind'])}): {_md(e['error'])}" for e in summary["errors"]]
    return "\n".join(lines) + "\n"


def _yes(value: bool | None) -> str:
    return "" if value is None else ("✅" if value else "❌")


def change_text(change: dict[str, Any] | None) -> str:
    return _change_text(change)


def _change_text(change: dict[str, Any] | None) -> str:
    if not change:
        return ""
    if change["previous"] == "absent":
        return "new"
    if change["previous"] == "error":
        return "first result (was an error)"
    parts = []
    if change["score_delta"]:
        parts.append(f"score {change['score_delta']:+g}")
    if change["newly_failing"]:
        parts.append("now failing: " + ", ".join(change["newly_failing"]))
    if change["newly_passing"]:
        parts.append("now passing: " + ", ".join(change["newly_passing"]))
    return "; ".join(parts) or "no change"


def _md(text: str) -> str:
    """Literal in a Markdown table cell: one line, no escape sequences, no links, emphasis or raw HTML."""
    return markdown_cell(str(text))


# --------------------------------------------------------------------------------------------------
# Writing everything

def write_outputs(out: str | Path, *, manifest: dict[str, Any], latest: dict[str, dict[str, Any]],
                  previous: dict[str, dict[str, Any]] | None = None, run: dict[str, Any] | None = None) -> dict[str, Any]:
    """summary.json (validated), summary.md, index.html and projects/*.html into ``out``."""
    from govlint.audit import dashboard
    from govlint.audit.results import write_json_atomically, write_text_atomically
    from govlint.errors import GovlintError
    from govlint.validation import validate

    out = Path(out)
    summary = build_summary(manifest, latest, previous=previous, run=run)
    validate(summary, "summary", path=str(out / "summary.json"), error=GovlintError)
    write_json_atomically(out / "summary.json", summary)
    write_text_atomically(out / "summary.md", render_markdown(summary))
    (out / "projects").mkdir(exist_ok=True)
    for entry in summary["projects"]:
        record = latest.get(entry["name"])
        write_text_atomically(out / entry["page"], dashboard.render_project(entry, record))
        if entry.get("review_page") and record is not None:
            from govlint.review.model import draft_from_dict
            from govlint.review.render_markdown import render as render_review

            write_text_atomically(out / entry["review_page"], render_review(draft_from_dict(record["review"])))
    write_text_atomically(out / "index.html", dashboard.render_index(summary))
    return summary
