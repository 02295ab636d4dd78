#!/usr/bin/env python3
"""`govlint review` against the published TAG Contributor Strategy governance reviews.

    python benchmarks/review_agreement.py [-v] [--json] [--activity] [PROJECT ...]

For each project of benchmarks/review_verdicts.yaml, drafts a review from its documents in
tests/fixtures/review-cases/<project>/ (the repositories named by `targets`, the first being the
main one), at the level and date of the published review, and compares:

  areas      the draft's Documentation Content verdict with the published one, area by area.
             "Mostly Complete" agrees with Complete or Partial. Two figures: over every published
             verdict, and over those where the draft gave one (not Unknown).
  findings   for each published finding, whether the draft raised it: one of the rules that raise
             it is among the draft's critical items or areas for improvement. A finding no document
             can show (`rules: []`) is counted apart, with the reason.
  critical   the same for the published must-fix / critical items.
  status     the draft's status against the published one.

--activity: for a project whose entry names a `history:` and whose folder holds activity.yaml (each
listed maintainer's newest commit at the review's commits, recorded from the repositories' history
by benchmarks/record_activity.py), the draft judges that recorded observation as `--activity` judges
a fresh one (govlint.review.activity.judge). Without it, a finding only activity shows (`rules:
[activity]`) is counted with those no document can show.

Exit code 0; the figures are what it reports (docs/REVIEW.md explains each disagreement).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CASES = HERE.parent / "tests" / "fixtures" / "review-cases"
VERDICTS = HERE / "review_verdicts.yaml"
_SRC = sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv[:-1] else str(HERE.parent / "src")
sys.path.insert(0, _SRC)

from govlint.review import draft  # noqa: E402
from govlint.review.activity import ACTIVITY_RULE, Observations  # noqa: E402

RECORDED_ACTIVITY = "activity.yaml"  # benchmarks/record_activity.py writes it
_OBSERVED = frozenset({ACTIVITY_RULE})  # findings raised from observations, not documents

_BETWEEN = {"Mostly Complete": {"Complete", "Partial"}}


def load(path: Path = VERDICTS) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _published(value) -> tuple[str, str]:
    """(verdict, basis) of a published area entry (a word, or a mapping with `verdict` and `basis`)."""
    if isinstance(value, dict):
        return value["verdict"], value.get("basis", "")
    return value, ""


def agree(published: str, drafted: str) -> bool:
    return drafted in _BETWEEN.get(published, {published})


def recorded_activity(name: str, spec: dict) -> Observations | None:
    """The observation recorded at the review's commits, for a project whose entry names a history."""
    path = CASES / name / RECORDED_ACTIVITY
    if not spec.get("history") or not path.is_file():
        return None
    return Observations.from_dict(yaml.safe_load(path.read_text(encoding="utf-8")))


def compare(name: str, spec: dict, *, activity: bool = False) -> dict:
    """The comparison of one project's draft with its published review; ``activity``: judge the
    activity recorded at the review date too, where there is one."""
    targets = [str(CASES / name / t) for t in spec["targets"]]
    recorded = recorded_activity(name, spec) if activity else None
    result = draft(targets, level=spec.get("level"), today=dt.date.fromisoformat(str(spec["date"])), name=name,
                   recorded_activity=recorded)
    drafted = {a.area: a.coverage for a in result.areas}
    raised = {f.rule for f in (*result.critical, *result.improvements) if f.rule}
    areas = []
    for area, value in (spec.get("areas") or {}).items():
        published, basis = _published(value)
        areas.append({"area": area, "published": published, "drafted": drafted[area],
                      "agree": agree(published, drafted[area]), "basis": basis})
    findings = []
    for finding in spec.get("findings") or ():
        rules = finding.get("rules") or []
        why_not = finding.get("why_not", "")
        if recorded is None and rules and set(rules) <= _OBSERVED:
            rules, why_not = [], why_not or "activity: not observed in this run (--activity judges the recorded one)"
        findings.append({"title": finding["title"], "importance": finding.get("importance"),
                         "critical": bool(finding.get("critical")), "rules": rules,
                         "raised": [r for r in rules if r in raised], "why_not": why_not})
    return {"project": name, "source": spec.get("source"), "status": {"published": spec.get("status"),
                                                                       "drafted": result.assessment.status},
            "areas": areas, "findings": findings,
            "activity": None if result.activity is None else result.activity.summary}


def summarise(results: list[dict]) -> dict:
    areas = [a for r in results for a in r["areas"]]
    judged = [a for a in areas if a["drafted"] != "Unknown"]
    by_source = {}
    for source in ("table", "narrative"):
        subset = [a for r in results if r["source"] == source for a in r["areas"]]
        by_source[source] = (sum(a["agree"] for a in subset), len(subset))
    findings = [f for r in results for f in r["findings"]]
    derivable = [f for f in findings if f["rules"]]
    critical = [f for f in findings if f["critical"]]
    return {
        "projects": len(results),
        "areas": (sum(a["agree"] for a in areas), len(areas)),
        "areas_judged": (sum(a["agree"] for a in judged), len(judged)),
        "areas_by_source": by_source,
        "findings_raised": (sum(bool(f["raised"]) for f in derivable), len(derivable)),
        "findings_not_derivable": len(findings) - len(derivable),
        "critical_raised": (sum(bool(f["raised"]) for f in critical), len(critical)),
        "critical_derivable": (sum(bool(f["raised"]) for f in critical if f["rules"]),
                               sum(1 for f in critical if f["rules"])),
        "status": (sum(r["status"]["published"] == r["status"]["drafted"] for r in results), len(results)),
    }


def _pct(pair: tuple[int, int]) -> str:
    agreed, total = pair
    return f"{agreed}/{total} ({agreed / total:.0%})" if total else "0/0"


def report(results: list[dict], *, verbose: bool) -> str:
    lines = []
    for r in results:
        agreed = sum(a["agree"] for a in r["areas"])
        lines.append(f"{r['project']} ({r['source']}): areas {agreed}/{len(r['areas'])}; status published "
                     f"{r['status']['published']}, drafted {r['status']['drafted']}")
        if r.get("activity") and verbose:
            lines.append(f"   activity (recorded at the review date): {r['activity']}")
        for a in r["areas"]:
            if verbose or not a["agree"]:
                mark = "  " if a["agree"] else "!="
                lines.append(f"   {mark} {a['area']}: published {a['published']}, drafted {a['drafted']}")
        for f in r["findings"]:
            if f["rules"] and (verbose or not f["raised"]):
                state = f"raised ({', '.join(f['raised'])})" if f["raised"] else "NOT raised"
                lines.append(f"   {'*' if f['critical'] else ' '} finding {state}: {f['title']}")
            elif not f["rules"] and verbose:
                lines.append(f"   {'*' if f['critical'] else ' '} finding not derivable: {f['title']} ({f['why_not']})")
    s = summarise(results)
    lines += ["", f"projects: {s['projects']}",
              f"area verdicts agreeing: {_pct(s['areas'])}; where the draft gave a verdict (not Unknown): "
              f"{_pct(s['areas_judged'])}",
              f"  from Documentation Content tables: {_pct(s['areas_by_source']['table'])}; "
              f"from narratives: {_pct(s['areas_by_source']['narrative'])}",
              f"published findings a document can show, raised by the draft: {_pct(s['findings_raised'])} "
              f"({s['findings_not_derivable']} more need activity, other repositories or a reviewer's judgement)",
              f"critical items among the draft's critical items or areas for improvement: {_pct(s['critical_raised'])}"
              f"; of those a document can show: {_pct(s['critical_derivable'])}",
              f"status agreeing: {_pct(s['status'])}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("projects", nargs="*")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--src", help="measure another copy of govlint's src/")
    parser.add_argument("--activity", action="store_true",
                        help="judge the activity recorded at the review date (activity.yaml), where there is one")
    args = parser.parse_args(argv)
    data = load()
    names = args.projects or list(data)
    results = [compare(name, data[name], activity=args.activity) for name in names]
    if args.json:
        print(json.dumps({"results": results, "summary": summarise(results)}, indent=2))
    else:
        sys.stdout.write(report(results, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
