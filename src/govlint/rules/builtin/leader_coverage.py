"""leader-coverage: every leadership body the documents define has a removal path.

Too relational for a YAML kind: it first finds the bodies the documents define (a steering
committee, a TSC, a maintainers council, the maintainers), then, for each, a removal rule that
names that body (as the one removed, not the one removing) or sits in a section whose headings
do. The message names each body without one.
"""
from __future__ import annotations

import re
from itertools import tee
from typing import Iterable, Iterator

from govlint.report import FAIL, NOT_APPLICABLE, PARTIAL, PASS
from govlint.rules.kinds.probing import possible_units
from govlint.rules.matching import Unit, is_negated, section_context, units
from govlint.rules.model import DocumentSet, Finding, evidence
from govlint.rules.probes import Language, ProbeMatch

# Canonical body name -> how the documents refer to it or to one of its members.
BODIES: dict[str, re.Pattern[str]] = {
    "Technical Steering Committee": re.compile(r"\btechnical\s+steering\s+committee\b|\bTSC\b", re.I),
    "Steering Committee": re.compile(r"(?<!technical )\bsteering\s+(?:committee|council)\b|\b[A-Z]SC\b(?<!TSC)", re.I),
    "Governing Board": re.compile(r"\bgoverning\s+board\b", re.I),
    "Maintainers Council": re.compile(r"\bmaintainers?'?\s+council\b|\bcore\s+council\b", re.I),
    "Core Maintainers": re.compile(r"\bcore\s+(?:maintainers?|team|developers?)\b", re.I),
    "Maintainers": re.compile(r"\bmaintainers?\b|\bcommitters?\b", re.I),
}
# The removal language is the pack's own (probes.py): removal of a person, not of code; by a
# vote, a body or for cause; not inactivity alone; not a company-representation cap. So this check
# and the removal rules agree on what a removal is.
_REMOVAL = "removal-of-a-person"
_INVOLUNTARY = "involuntary"
_RULED_OUT = ("company-cap", "company-cap-rule", "inactivity-alone", "document-summary")
# Matches whose frame starts at the action ("remove a maintainer", "the TSC removes them"): who
# stands before the action is the one removing. In the others the removed comes first.
_ACTION_FIRST = frozenset({"remove-person", "body-removes-them", "removal-from-body", "vote-to-remove-them"})
_WORDS_BEFORE = 2


# A body counts as defined when it is mentioned at least this often (a passing mention is not a body).
_MIN_MENTIONS = 2


# Words without which a body's pattern above cannot match an ASCII text (case aside): a sentence
# lacking them is not searched (a long document has many sentences, most naming no body). A body
# not listed here is searched in every sentence.
_NEEDS = {"Technical Steering Committee": ("technical", "tsc"), "Steering Committee": ("steering", "sc"),
          "Governing Board": ("governing",), "Maintainers Council": ("council",), "Core Maintainers": ("core",),
          "Maintainers": ("maintainer", "committer")}


def _defined_bodies(docs: DocumentSet) -> dict[str, tuple]:
    mentions: dict[str, list] = {}
    for doc, sentence in docs.sentences():
        text = sentence.text
        lower = text.lower() if text.isascii() else None  # re.I folds more than ASCII letters
        for name, pattern in BODIES.items():
            needs = _NEEDS.get(name) if lower is not None else None
            if needs is not None and not any(word in lower for word in needs):
                continue
            if pattern.search(text) and not _claimed_by_longer(name, text):
                mentions.setdefault(name, []).append((doc, sentence))
    return {name: found[0] for name, found in mentions.items() if len(found) >= _MIN_MENTIONS}


def _claimed_by_longer(name: str, text: str) -> bool:
    """'Core Maintainers' in a sentence is not also a mention of 'Maintainers'."""
    if name != "Maintainers":
        return False
    stripped = BODIES["Core Maintainers"].sub(" ", BODIES["Maintainers Council"].sub(" ", text))
    return not BODIES["Maintainers"].search(stripped)


def _removals(docs: DocumentSet, language: Language) -> Iterator[tuple[Unit, list[ProbeMatch]]]:
    """The sentences that remove someone for cause, in order, each with its removal matches that no
    negation governs: what every body's search reads (found once for all of them). Only sentences
    whose words make both a removal and an involuntary cause possible are read (a long document
    has many, most naming neither)."""
    removal = language.probe(_REMOVAL)
    involuntary = language.probe(_INVOLUNTARY)
    ruled_out = [language.probe(name) for name in _RULED_OUT if name in language.probes or name in language.lexicon]
    inactive_heading = language.probe("inactive-heading")
    context = language.probe("involuntary-context")
    lexicon = language.lexicon
    scan_of = lexicon.scan
    every = units(docs, "sentence", None, anaphora=True)
    reaching = possible_units(docs, every, removal, lexicon) & possible_units(docs, every, involuntary, lexicon)
    for position in sorted(reaching):
        unit = every[position]
        text = unit.text
        if unit.placeholder:
            continue
        if unit.headings and inactive_heading.find_all(scan_of(unit.headings)) \
                and not context.find_all(scan_of(section_context(unit))):
            continue
        scan = scan_of(text)
        found = [m for m in removal.find_all(scan) if not is_negated(text, m.start, m.end)]
        if not found or not involuntary.find_all(scan) or any(p.find_all(scan) for p in ruled_out):
            continue
        yield unit, found


def _removal_for(removals: Iterable[tuple[Unit, list[ProbeMatch]]], pattern: re.Pattern[str]):
    """The first removal for cause of someone the body ``pattern`` names: in the removal phrase
    itself (its subject for "A Steering Committee member may be removed"), or in a removal
    heading it sits under."""
    for unit, found in removals:
        if any(_names_the_removed(pattern, unit.text, m) for m in found) or pattern.search(unit.headings):
            return unit.doc, unit.sentences[0]
    return None


def _names_the_removed(pattern: re.Pattern[str], text: str, match: ProbeMatch) -> bool:
    """The body is named as the one removed: inside the removal frame, or just before a frame that
    starts with the person ("Steering Committee member may be removed"), never as the agent."""
    start = match.start
    if match.probe not in _ACTION_FIRST:
        before = text[:start].split()[-_WORDS_BEFORE:]
        start -= len(" ".join(before)) + (1 if before else 0)
    return bool(pattern.search(text[max(start, 0):match.end]))


def check(docs: DocumentSet, *, language: Language | None = None) -> Finding:
    if language is None:
        raise ValueError("leader-coverage reads with its pack's probes: give it the pack's language")
    bodies = _defined_bodies(docs)
    if not bodies:
        return Finding(status=NOT_APPLICABLE, message="no leadership body is defined in the documents")
    covered, uncovered, ev, near = [], [], [], []
    removals: Iterator[tuple[Unit, list[ProbeMatch]]] = _removals(docs, language)
    for name in bodies:
        removals, mine = tee(removals)  # each body reads them from the first; each is found once
        found = _removal_for(mine, BODIES[name])
        if found:
            covered.append(name)
            ev.append(evidence(found[0], found[1].line, found[1].text))
        else:
            uncovered.append(name)
            doc, sentence = bodies[name]
            near.append(evidence(doc, sentence.line, sentence.text))
    status = PASS if not uncovered else PARTIAL if covered else FAIL
    message = f"bodies defined: {', '.join(bodies)}"
    if uncovered:
        message += f"; no removal path for: {', '.join(uncovered)}"
    return Finding(status=status, message=message, evidence=tuple(ev[:3]), near_miss=tuple(near[:3]))
