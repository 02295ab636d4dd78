"""The draft in the layout of TAG Contributor Strategy's published governance reviews
(governance/reviews/template.md): Summary and Assessment, Critical Items, Points of Excellence,
Areas for Improvement, then the Review: Governance Description, Discoverability, the
Documentation Content table, the maintainer lists, and the Governance Findings Table.

Document text is escaped (printable.markdown_cell), so nothing a document says becomes a link,
an image or markup in the draft.
"""
from __future__ import annotations

from govlint.printable import markdown_cell as cell
from govlint.printable import markdown_code as code
from govlint.review.model import Draft, Finding, Quote

LEGEND = (
    "* Complete - the content of the governance documentation is fully detailed and does not leave any question "
    "to the reader.",
    "* Partial - the content of the governance documentation is missing some information and would leave the "
    "reader with questions or some level of misunderstanding.",
    "* Missing - the documentation is absent, wholly undiscoverable, or woefully inadequate in meeting the "
    "objectives of that governance content. The reader cannot act on the content that is available.",
    "* Unknown - status cannot be assessed at this time (here: the documents read cannot tell).",
)


def _where(quote: Quote) -> str:
    place = f"{quote.path}:{quote.line}"
    return f"[{cell(place)}]({quote.url})" if quote.url else code(place)


def _quote(quote: Quote) -> str:
    return f"{_where(quote)} “{cell(quote.text)}”"


def _doc_link(draft: Draft, path: str) -> str:
    url = next((d.url for d in draft.documents if d.path == path and d.url), None)
    return f"[{cell(path)}]({url})" if url else code(path)


def _item(finding: Finding) -> str:
    where = f" ({_where(finding.evidence[0])})" if finding.evidence else ""
    return f"* **{cell(finding.title)}** ({finding.importance}): {cell(finding.description)}{where}"


def render(draft: Draft) -> str:
    level = draft.level
    lines = [f"# {cell(draft.project)} Governance Review (draft)", ""]
    lines += [f"> **This is a draft for a reviewer, not a review.** govlint {cell(draft.govlint_version)} wrote it on "
              f"{draft.date} from the project's documents alone. Every finding quotes its evidence by file and "
              "line; every document read is listed under [Documents read](#documents-read) with the commit or "
              "digest it was read at. A reviewer checks each statement, adds what documents cannot show "
              "(whether the governance is followed, who is active, GitHub permissions) and decides the status.", ""]
    lines += [f"What follows is a draft governance review and assessment for the {cell(draft.project)} project, in "
              "the layout of the reviews written by the Governance Working Group of TAG Contributor Strategy.", ""]
    lines += ["## Summary and Assessment", "", f"Status: {draft.assessment.status}", "", cell(draft.summary), ""]
    lines += [f"The status follows this rule: {cell(draft.assessment.rule)}"
              + (f" Here: {cell('; '.join(draft.assessment.reasons))}." if draft.assessment.reasons else ""), ""]
    lines += ["### Executing the Assessment", ""]
    targets = ", ".join(code(t) for t in draft.targets)
    lines += [f"Drafted by govlint {cell(draft.govlint_version)} on {draft.date} from {targets} "
              f"({len(draft.documents)} documents). Level applied for: "
              f"{level if level else 'not given (--level)'}.", ""]
    lines += ["### Critical Items", ""]
    if not level:
        lines += ["No level was given (`--level`), so no finding is called critical.", ""]
    elif draft.critical:
        lines += [f"The following issues have been identified that need to be resolved before {level}:", ""]
        lines += [_item(f) for f in draft.critical] + [""]
    else:
        lines += [f"No issue found in the documents blocks {level}.", ""]
    lines += ["### Points of Excellence", "",
              "The following aspects of governance are exemplary, and can be referenced as examples for other "
              "projects to copy:", ""]
    lines += [f"* {cell(p)}" for p in draft.excellence] or ["* None found in the documents."]
    lines += ["", "### Areas for Improvement", "",
              "Over the next year, the project should work on the following issues to improve its governance, "
              "these are considered non-blocking (most important first):", ""]
    lines += [_item(f) for f in draft.improvements] or ["* None found in the documents."]
    lines += ["", "Details of these issues can be found in the [Findings Table](#governance-findings-table) and the "
              "related sections below.", ""]
    lines += ["## Review", "", "### Governance Description", "", cell(draft.description), ""]
    if draft.bodies:
        lines += ["| Body | How one joins | How one is removed or replaced |", "|:-----|:--------------|:---------------|"]
        lines += [f"| {cell(b.name)} | {cell(b.joined)} | {cell(b.left)} |" for b in draft.bodies]
        lines.append("")
    lines += _discoverability(draft)
    lines += ["### Documentation Content", "",
              "The following table details the governance areas expected for a project. Coverage is indicated by "
              "Complete, Partial, Missing, and Unknown.", *LEGEND, ""]
    lines += ["| Governance Area | Coverage | Documents | Finding Notes |", "|:----------------|:--------:|:------:|:--------------|"]
    for area in draft.areas:
        docs = ", ".join(_doc_link(draft, p) for p in area.documents) or "none found"
        rules = f" ({', '.join(area.rules)})" if area.rules else ""
        lines.append(f"| {area.area} | {area.coverage} | {docs} | {cell(area.note + rules)} |")
    lines.append("")
    lines += _maintainers(draft)
    lines += ["### Governance Findings Table", ""]
    if draft.findings:
        lines += ["| Finding Title | Importance | Description | Links | Notes & Impact |",
                  "|:------------- |:----------:|:------------|:------|:---------------|"]
        for f in draft.findings:
            links = ", ".join(_doc_link(draft, p) for p in f.links)
            notes = "; ".join(_quote(q) for q in f.evidence)
            rule = f" ({f.rule})" if f.rule else ""
            lines.append(f"| {cell(f.title + rule)} | {f.importance} | {cell(f.description)} | {links} | "
                         f"{notes}{'. ' if notes and f.remediation else ''}{cell(f.remediation)} |")
    else:
        lines.append("No finding.")
    lines += ["", "### Documents read", "", "| Document | Kind | Read at |", "|:---------|:-----|:--------|"]
    for d in draft.documents:
        at = f"commit {code(d.commit[:12])}" if d.commit else f"sha256 {code(d.sha256[:16])}"
        lines.append(f"| {_doc_link(draft, d.path)} | {cell(d.kind)} | {at} |")
    if draft.warnings:
        lines += ["", "### Warnings", ""] + [f"* {cell(w)}" for w in draft.warnings]
    lines.append("")
    return "\n".join(lines)


def _discoverability(draft: Draft) -> list[str]:
    found = draft.discoverability
    lines = ["### Discoverability", "", "#### Governance Location", ""]
    lines += [f"* {cell(place)}" for place in found.locations] or ["* No governance document was found."]
    lines += ["", "#### Governance Discovery Completeness", ""]
    lines += [f"* {cell(note)}" for note in found.notes]
    if found.unlinked:
        lines.append(f"* Governance documents no other document links to: "
                     f"{', '.join(code(p) for p in found.unlinked)}")
    if found.links:
        targets: dict[str, list[str]] = {}
        for link in found.links:
            targets.setdefault(link.source, []).append(link.target)
        lines += ["", "| Document | Links to |", "|:---------|:---------|"]
        lines += [f"| {code(source)} | {', '.join(code(t) for t in dests)} |" for source, dests in targets.items()]
    else:
        lines.append("* No document read links another document read.")
    lines.append("")
    return lines


def _maintainers(draft: Draft) -> list[str]:
    facts = draft.maintainers
    lines = ["### Maintainer List(s)", ""]
    if not facts.count:
        lines += ["No maintainer entries could be counted from the files read.", ""]
    else:
        text = (f"The lists ({', '.join(code(f) for f in facts.files)}) name {facts.count} current maintainers; "
                f"{facts.with_affiliation} have an affiliation")
        if facts.organisations:
            text += (f", from {facts.organisations} organisation(s); the largest, {cell(facts.largest_employer or '')}, "
                     f"has {facts.largest_share:.0%} of them")
        lines += [text + ".", ""]
    if draft.activity is not None:
        activity = draft.activity
        lines += [f"Activity (observed, `--activity`): {cell(activity.summary)}", ""]
        if activity.maintainers:
            lines += [f"Read from: {', '.join(cell(r) for r in activity.repositories)}.", ""]
            lines += ["| Maintainer | Last commit | Inactive by the documented rule | Matched by |",
                      "|:--|:--|:--|:--|"]
            lines += [f"| @{cell(m.handle)} | {m.last_commit or 'none found'} | {'yes' if m.inactive else 'no'} | "
                      f"{cell(m.matched_by or '')} |" for m in activity.maintainers]
            lines.append("")
    return lines
