"""maintainer-list: the current maintainers are listed, and the list says what each level asks.

Built on the facts maintainers.py reads from every common format (tables in any column order,
bullet lists, "Name <email>" and Linux M: lines, maintainers.csv, TOML, prow OWNERS). The levels
ask different things of one list (criteria.md): the sandbox form asks for the maintainers file,
and the CNCF records every project's maintainers, sandbox included, by name, GitHub login and
company (cncf/foundation:project-maintainers.csv); incubation asks for "names, contact, domain of
responsibility, affiliation"; graduation adds maintainers from at least two organisations. A rule
has one status for every level and a required rule must pass, so the status is what every level
needs and the message carries the rest:

- fail: no list of maintainers at all;
- partial: a list in which some maintainers have no contact (GitHub handle or e-mail) or no
  affiliation ("missing: an affiliation for 3 of 5");
- pass: every current maintainer with a contact and an affiliation ("independent" is one).

Either way the message counts what incubation and graduation ask beyond that (full names, an
area of responsibility, a second organisation), so a project preparing to move up reads what to add.
"""
from __future__ import annotations

from govlint.maintainers import MaintainerFacts, facts
from govlint.report import FAIL, PARTIAL, PASS
from govlint.rules.model import DocumentSet, Finding, evidence

def check(docs: DocumentSet) -> Finding:
    found = facts(docs)
    by_path = {doc.path: doc for doc in docs}
    if not found.maintainers:
        return Finding(status=FAIL, message=_nothing_listed(found, docs), near_miss=_near(found, by_path))
    count = found.count
    lead = f"{count} maintainer{'s' if count != 1 else ''} listed in {', '.join(found.sources[:3])}"
    if found.from_owners_only:
        lead += " (OWNERS approvers; no other maintainer list)"
    ev = _evidence(found, by_path)
    later = _for_later_levels(found)
    missing = [f"{words} for {_of(count - have, count)}"
               for words, have in (("a contact (GitHub handle or e-mail)", found.with_contact),
                                   ("an affiliation", found.with_affiliation)) if have < count]
    if missing:
        near = tuple(_entry_evidence(e, by_path) for e in found.maintainers if not (e.contact and e.affiliation))
        return Finding(status=PARTIAL, message=f"{lead}; missing: {', '.join(missing)}" + later, evidence=ev,
                       near_miss=tuple(n for n in near[:3] if n))
    return Finding(status=PASS, message=f"{lead}, each with a contact and an affiliation" + later, evidence=ev)


def _of(part: int, whole: int) -> str:
    return f"all {whole}" if part == whole else f"{part} of {whole}"


def _for_later_levels(found: MaintainerFacts) -> str:
    """What incubation asks of each maintainer beyond a contact and an affiliation (a full name, an
    area of responsibility) and what graduation asks of the list (two organisations), where the
    list lacks it. Never "missing:", which advice reads as what the status lacks."""
    count = found.count
    incubation = [f"{words} for {_of(count - have, count)}"
                  for words, have in (("a full name", found.with_name),
                                      ("an area of responsibility", found.with_area)) if have < count]
    out = f"; incubation also asks for {', '.join(incubation)}" if incubation else ""
    largest = found.largest_employer
    if largest is not None and found.organisations < 2:
        out += (f"; graduation asks for maintainers from at least two organisations, and all {largest.count} "
                f"with an affiliation work for {largest.name}")
    elif largest is not None:
        out += (f"; {found.organisations} organisations, the largest {largest.name} with "
                f"{largest.count} of {found.with_affiliation} ({largest.share:.0%})")
    return out


def _nothing_listed(found: MaintainerFacts, docs: DocumentSet) -> str:
    lists = [d.path for d in docs if d.kind == "maintainers"]
    others = []
    if found.reviewers:
        others.append(f"{len(found.reviewers)} reviewer{'s' if len(found.reviewers) != 1 else ''}")
    if found.emeritus:
        others.append(f"{len(found.emeritus)} emeritus")
    if found.others:
        others.append(f"{len(found.others)} steering or community member{'s' if len(found.others) != 1 else ''}")
    message = "no list of current maintainers with a GitHub handle or e-mail"
    if lists:
        message += f" in {', '.join(lists[:3])}"
    if others:
        message += f" ({' and '.join(others)} listed)"
    elif any(e.origin == "codeowners" for e in found.entries):
        message += " (CODEOWNERS names code owners per path, not the maintainers)"
    return message


def _near(found: MaintainerFacts, by_path) -> tuple:
    people = list(found.reviewers) + list(found.others) + list(found.emeritus)
    return tuple(e for e in (_entry_evidence(p, by_path) for p in people[:3]) if e)


def _evidence(found: MaintainerFacts, by_path) -> tuple:
    """The first maintainer of each document the list comes from."""
    out = []
    for source in found.sources[:3]:
        entry = next(e for e in found.maintainers if e.source == source)
        item = _entry_evidence(entry, by_path)
        if item:
            out.append(item)
    return tuple(out)


def _entry_evidence(entry, by_path):
    doc = by_path.get(entry.source)
    if doc is None or entry.line < 1:
        return None
    return evidence(doc, entry.line, entry.text or entry.label)
