"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run per report; one rule descriptor per govlint rule (help text: its remediation; helpUri:
its criterion's source); one result per rule. Failing and partial rules are `fail` results at
the most relevant file and line; passing rules are `pass` results, so code scanning closes
alerts that were fixed; not-applicable rules are `notApplicable`; waived rules keep their
finding with a SARIF suppression carrying the waiver's reason. Checked against the official
schema (schemas/sarif-2.1.0.schema.json) by the tests.
"""
from __future__ import annotations

import json
from typing import Any, Sequence

from govlint.report import ERROR, FAIL, NOT_APPLICABLE, PARTIAL, PASS, WAIVED, Report, RuleResult
from govlint.reporters._advice import advice, problem
from govlint.reporters._location import (MISSING_DOCUMENT, criterion_url, evidence_for, is_error, location,
                                         repository_path)
from govlint.reporters._summary import first_sentence, nothing_found

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_KIND = {PASS: "pass", FAIL: "fail", PARTIAL: "fail", NOT_APPLICABLE: "notApplicable", WAIVED: "fail",
         ERROR: "review"}  # review: the tool could not tell pass from fail


def render(reports: Sequence[Report], *, options=None) -> str:
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [_run(r) for r in reports]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _run(report: Report) -> dict[str, Any]:
    rules = [_descriptor(report, r) for r in report.results]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "govlint", "version": report.govlint_version,
                            "semanticVersion": report.govlint_version, "rules": rules}},
        # Distinct per target, so code scanning keeps one analysis per linted checkout.
        # Distinct per target, so code scanning keeps one analysis per linted checkout; never an
        # absolute path, which would differ between runners and leak the runner's layout.
        "automationDetails": {"id": f"govlint/{_category(report)}"},
        "invocations": [{"executionSuccessful": True,
                         "toolExecutionNotifications": [{"level": "warning", "message": {"text": w}}
                                                        for w in report.warnings]}],
        "results": [_result(report, r, index) for index, r in enumerate(report.results)],
        "properties": {"target": report.target, "profile": report.profile, "score": report.score,
                       "rating": report.rating, "levelMet": report.level_met, "targetLevel": report.target_level,
                       "levels": {v.level: v.met for v in report.levels},
                       "levelStatus": {v.level: v.status for v in report.levels}},
    }
    missing = nothing_found(report)
    if missing:
        _note_nothing_found(run, report, missing)
    repository = _repository_uri(report.target)
    if report.commit and repository:
        run["versionControlProvenance"] = [{"repositoryUri": repository, "revisionId": report.commit}]
    return run


def _note_nothing_found(run: dict[str, Any], report: Report, message: str) -> None:
    """Discovery found no document: a file-level note on the governance file that should exist,
    first among the results, so code scanning says so before any rule."""
    rules = run["tool"]["driver"]["rules"]
    rules.append({"id": "discovery", "name": "governance-documents-found",
                  "shortDescription": {"text": "Governance documents are found"},
                  "help": {"text": "Give the documents as paths, or list them under `documents:` in .govlint.yaml."},
                  "defaultConfiguration": {"level": "note"}})
    location = {"physicalLocation": {"artifactLocation": {"uri": _uri(repository_path(report, MISSING_DOCUMENT))}}}
    run["results"].insert(0, {"ruleId": "discovery", "ruleIndex": len(rules) - 1, "kind": "fail", "level": "note",
                              "message": {"text": message}, "locations": [location]})


def _descriptor(report: Report, result: RuleResult) -> dict[str, Any]:
    criterion = result.criterion
    help_md = [f"**{result.title}**", "", result.remediation.strip()]
    if result.looked_for:
        help_md += ["", f"govlint looks for {result.looked_for}."]
    if criterion is not None:
        url = criterion_url(result)
        source = f"[{criterion.source}]({url})" if url else f"`{criterion.source}`"
        help_md += ["", f"Criterion: {criterion.text} ({source})"]
    help_md += ["", f"Run `govlint explain {result.name}` for the rule's full documentation."]
    descriptor: dict[str, Any] = {
        "id": result.code,
        "name": result.name,
        "shortDescription": {"text": result.title},
        "fullDescription": {"text": result.looked_for and f"{result.title}: looks for {result.looked_for}."
                            or result.title},
        "help": {"text": result.remediation.strip() or result.title, "markdown": "\n".join(help_md)},
        "defaultConfiguration": {"level": "error" if is_error(report, _as_failing(result)) else "warning"},
        "properties": {"tags": ["governance", report.ladder or "cncf"], "weight": result.weight, "levels": dict(result.level)},
    }
    if criterion is not None:
        descriptor["properties"]["criterion"] = {"text": criterion.text, "source": criterion.source}
        url = criterion_url(result)
        if url:
            descriptor["helpUri"] = url
            descriptor["properties"]["criterion"]["url"] = url
    return descriptor


def _as_failing(result: RuleResult) -> RuleResult:
    """The result as if it failed: its severity whatever its status (waived results keep theirs)."""
    from dataclasses import replace

    return replace(result, status=FAIL)


def _result(report: Report, result: RuleResult, index: int) -> dict[str, Any]:
    path, line = location(report, result)
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(repository_path(report, path))}}
    if line is not None:  # no line: a file-level result, about text the document lacks
        region: dict[str, Any] = {"startLine": line}
        quote = evidence_for(result)
        if quote is not None and quote.path == path and quote.line == line and quote.text:
            region["snippet"] = {"text": quote.text}
        physical["region"] = region
    out: dict[str, Any] = {
        "ruleId": result.code,
        "ruleIndex": index,
        "kind": _KIND[result.status],
        "message": {"text": _message(report, result)},
        "locations": [{"physicalLocation": physical}],
        "properties": {"status": result.status},
    }
    if result.status == FAIL and result.near_miss:
        # The closest text found: context for a reviewer, not where the missing text goes.
        out["relatedLocations"] = [
            {"id": number, "message": {"text": "closest text found"},
             "physicalLocation": {"artifactLocation": {"uri": _uri(repository_path(report, e.path))},
                                  "region": {"startLine": max(1, e.line), "snippet": {"text": e.text}}}}
            for number, e in enumerate(result.near_miss[:3], start=1)]
    # SARIF: a result that is not a failure has level "none".
    out["level"] = ("error" if is_error(report, _as_failing(result)) else "warning") if out["kind"] == "fail" else "none"
    if result.status == WAIVED:
        inline = result.message.startswith("waived in ")  # an inline <!-- govlint-disable --> comment
        out["suppressions"] = [{"kind": "inSource" if inline else "external", "status": "accepted",
                                "justification": result.waiver or result.message}]
    return out


def _message(report: Report, result: RuleResult) -> str:
    head = f"{result.code} {result.name}: {result.title}"
    if result.status == PASS:
        return f"{head}. Satisfied."
    if result.status in (NOT_APPLICABLE, WAIVED, ERROR):
        return f"{head}. {result.message}"
    detail = problem(result)
    detail = detail[:1].upper() + detail[1:]
    label = "partly met" if result.status == PARTIAL else "not met"
    text = f"{head} ({label}). {detail.rstrip('.')}."
    if result.remediation:
        text += f" {first_sentence(advice(report, result))}"
    return text


def _category(report: Report) -> str:
    """The run's category: empty for the working directory, else the target as a relative path
    (a path outside the working directory: its last part) or the remote target."""
    target = report.target
    if _repository_uri(target) is not None or target.startswith("github:"):
        return f"{target}/"
    parts = [_relative(part) for part in target.split(", ")]
    category = ",".join(part for part in parts if part)
    return f"{category}/" if category else ""


def _relative(path: str) -> str:
    from pathlib import Path

    resolved = Path(path).resolve()
    try:
        relative = resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return resolved.name
    return "" if relative == "." else relative


def _uri(path: str) -> str:
    """A relative URI reference for a document path (spaces and other specials escaped)."""
    from urllib.parse import quote

    return quote(path, safe="/-._~")


def _repository_uri(target: str) -> str | None:
    if target.startswith("github:"):
        return "https://github.com/" + target[len("github:"):].split("@", 1)[0]
    if target.startswith(("https://github.com/", "http://github.com/")):
        return target.split("#", 1)[0].rstrip("/")
    return None
