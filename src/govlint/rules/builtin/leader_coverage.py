"""leader-coverage: every leadership body the documents define has a removal path.

Too relational for a YAML kind: it first finds the bodies the documents define (a steering
committee, a TSC, a maintainers council, the maintainers), then, for each, a removal rule that
names that body or sits under a heading that does. The message names each body without one.
"""
from __future__ import annotations

import re

from govlint.report import FAIL, NOT_APPLICABLE, PARTIAL, PASS
from govlint.rules.matching import find, has_placeholder
from govlint.rules.model import DocumentSet, Finding, evidence

# Canonical body name -> how the documents refer to it or to one of its members.
BODIES: dict[str, re.Pattern[str]] = {
    "Technical Steering Committee": re.compile(r"\btechnical\s+steering\s+committee\b|\bTSC\b", re.I),
    "Steering Committee": re.compile(r"(?<!technical )\bsteering\s+(?:committee|council)\b|\b[A-Z]SC\b(?<!TSC)", re.I),
    "Governing Board": re.compile(r"\bgoverning\s+board\b", re.I),
    "Maintainers Council": re.compile(r"\bmaintainers?'?\s+council\b|\bcore\s+council\b", re.I),
    "Core Maintainers": re.compile(r"\bcore\s+(?:maintainers?|team|developers?)\b", re.I),
    "Maintainers": re.compile(r"\bmaintainers?\b", re.I),
}
_REMOVAL = re.compile(
    r"\b(?:remov(?:e|ed|al|ing)|demot\w+|expel\w*|expulsion|revok\w+|revocation|no[- ]confidence|"
    r"relieved?\s+of|dismiss\w*|oust\w*|recall\w*|impeach\w*|suspen\w+)\b", re.I)
_NOT_A_REMOVAL = re.compile(
    r"\b(?:themselves|yourself|himself|herself)\b|step(?:s|ping)?\s+down|\bresign|\binactiv\w*|unresponsive|"
    r"\bplugins?\b|\bsub-?projects?\b|\brepositor(?:y|ies)\b|\bcode\b|project\s+areas?", re.I)
_REMOVAL_HEADING = re.compile(r"involuntar|remov|demot|revok|revoc|expul|no[- ]confidence|suspension", re.I)
# A body counts as defined when it is mentioned at least this often (a passing mention is not a body).
_MIN_MENTIONS = 2


def _defined_bodies(docs: DocumentSet) -> dict[str, tuple]:
    mentions: dict[str, list] = {}
    for doc, sentence in docs.sentences():
        text = sentence.text
        for name, pattern in BODIES.items():
            if pattern.search(text) and not _claimed_by_longer(name, text):
                mentions.setdefault(name, []).append((doc, sentence))
    return {name: found[0] for name, found in mentions.items() if len(found) >= _MIN_MENTIONS}


def _claimed_by_longer(name: str, text: str) -> bool:
    """'Core Maintainers' in a sentence is not also a mention of 'Maintainers'."""
    if name != "Maintainers":
        return False
    stripped = BODIES["Core Maintainers"].sub(" ", BODIES["Maintainers Council"].sub(" ", text))
    return not BODIES["Maintainers"].search(stripped)


def _removal_for(docs: DocumentSet, pattern: re.Pattern[str]):
    for doc, sentence in docs.sentences():
        text = sentence.text
        if has_placeholder(text) or not find(_REMOVAL, text) or _NOT_A_REMOVAL.search(text):
            continue
        headings = " > ".join(sentence.section.headings)
        context = f"{sentence.block.lead} {text}"
        if pattern.search(context) or (_REMOVAL_HEADING.search(headings) and pattern.search(headings)):
            return doc, sentence
    return None


def check(docs: DocumentSet) -> Finding:
    bodies = _defined_bodies(docs)
    if not bodies:
        return Finding(status=NOT_APPLICABLE, message="no leadership body is defined in the documents")
    covered, uncovered, ev, near = [], [], [], []
    for name in bodies:
        found = _removal_for(docs, BODIES[name])
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
