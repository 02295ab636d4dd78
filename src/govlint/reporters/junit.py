"""JUnit XML: a test suite per report, a test case per rule.

A failing or partial rule is a `<failure>` (partial is not enough to meet a level); a
not-applicable or waived rule is `<skipped>` with its reason; a passing rule is a plain case.
"""
from __future__ import annotations

from typing import Sequence

from govlint.report import ERROR, FAIL, NOT_APPLICABLE, PARTIAL, WAIVED, Report
from govlint.reporters._advice import advice, problem
from govlint.reporters._location import location, repository_path


def render(reports: Sequence[Report], *, options=None) -> str:
    import xml.etree.ElementTree as ET

    from govlint.printable import printable

    root = ET.Element("testsuites", name="govlint")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for report in reports:
        suite = _suite(report)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("errors", "0")
    ET.indent(root)
    # Every value is cleaned once, here: XML 1.0 cannot hold most control characters at all.
    for element in root.iter():
        element.text = printable(element.text) if element.text else element.text
        for key, value in element.attrib.items():
            element.set(key, printable(value))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(report: Report):
    import xml.etree.ElementTree as ET

    results = report.results
    failures = sum(r.status in (FAIL, PARTIAL) for r in results)
    skipped = sum(r.status in (NOT_APPLICABLE, WAIVED) for r in results)
    suite = ET.Element("testsuite", name=f"govlint: {report.target}", tests=str(len(results)),
                       failures=str(failures), errors=str(sum(r.status == ERROR for r in results)),
                       skipped=str(skipped))
    props = ET.SubElement(suite, "properties")
    for name, value in (("profile", report.profile), ("score", f"{report.score:g}"), ("rating", report.rating),
                        ("level_met", report.level_met or "none"), ("target_level", report.target_level or ""),
                        ("govlint_version", report.govlint_version),
                        *((f"level.{v.level}", v.status) for v in report.levels)):
        ET.SubElement(props, "property", name=name, value=value)
    for result in results:
        path, line = location(report, result)
        case = ET.SubElement(suite, "testcase", classname=f"govlint.{result.code}",
                             name=f"{result.code} {result.name}: {result.title}",
                             file=repository_path(report, path), **({"line": str(line)} if line else {}))
        if result.status in (FAIL, PARTIAL):
            message = problem(result)
            failure = ET.SubElement(case, "failure", message=message, type=result.status)
            failure.text = "\n".join(part for part in (
                f"{result.status}: {message}",
                f"at {path}:{line}" if line else f"in {path}",
                f"What to add: {advice(report, result)}" if result.remediation else "",
                f"govlint explain {result.name}",
            ) if part)
        elif result.status in (NOT_APPLICABLE, WAIVED):
            ET.SubElement(case, "skipped", message=result.message or result.status)
        elif result.status == ERROR:
            ET.SubElement(case, "error", message=result.message, type=ERROR)
    return suite
