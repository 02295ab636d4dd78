"""thresholds-consistent: removing a maintainer takes no fewer votes than adding one, and related
decisions do not each have their own voting rule.

A fact across sentences and documents, so a Python check: it finds the threshold stated for
adding someone to a leading role, for removing one, and for changing the governance, ranks each
(unanimity or consensus above a fraction above a simple majority; lazy consensus as a majority),
and compares them. The words are the review pack's (add-act, remove-act, unanimity, ...).
"""
from __future__ import annotations

from dataclasses import dataclass

from govlint.document import Document
from govlint.report import FAIL, NOT_APPLICABLE, PARTIAL, PASS
from govlint.rules.builtin.review_language import holds, scan
from govlint.rules.lexicon import Scan
from govlint.rules.matching import has_placeholder, units
from govlint.rules.model import DocumentSet, Finding, evidence
from govlint.rules.words import FRACTION

ADD, REMOVE, AMEND = "adding a maintainer", "removing a maintainer", "changing the governance"
KINDS = frozenset({"governance", "ladder", "charter", "steering", "elections", "community", "maintainers",
                   "contributing", "given", "linked"})
_SUPERMAJORITY = 2 / 3


@dataclass(frozen=True)
class Threshold:
    decision: str
    strength: float  # the share of voters whose agreement it takes; 1.0 for unanimity or consensus
    words: str  # how the document says it
    doc: Document
    line: int
    text: str


def _strength(found: Scan) -> tuple[float, str] | None:
    """The strongest threshold a text states, and its words."""
    best: tuple[float, str] | None = None

    def offer(value: float, span: tuple[int, int]) -> None:
        nonlocal best
        words = found.text[found.tokens[span[0]].start:found.tokens[span[1] - 1].end]
        if best is None or value > best[0]:
            best = (value, " ".join(words.split()))

    lazy = found.spans("lazy-consensus")
    for span in lazy:
        offer(0.5, span)
    for span in found.spans("unanimity"):
        if not any(s <= span[0] < e for s, e in lazy):
            offer(1.0, span)
    for span in found.spans("supermajority"):
        offer(_SUPERMAJORITY, span)
    for span in found.spans("simple-majority"):
        offer(0.5, span)
    for index, token in enumerate(found.tokens):
        if token.kind == FRACTION and token.value:
            offer(float(token.value), (index, index + 1))
    return best


def _roles(found: Scan) -> tuple[bool, bool]:
    """Whether a text names a leading role (maintainer, committer, member...), and whether it names
    a role whose adding or removal is not a maintainer's (an administrator, a community manager)."""
    others = found.spans("other-role")
    leading = [span for span in found.spans("leader-role") if not any(s < span[1] and span[0] < e for s, e in others)]
    return bool(leading), bool(others)


def _about_another_role(found: Scan, heading_scan: Scan | None) -> bool:
    """A decision about another role than a maintainer's: the sentence or its headings name such a
    role and neither names a leading one (dapr: under "Removal" of the community manager, "STC votes
    with a simple majority to remove the community manager")."""
    leading, other = _roles(found)
    heading_leading, heading_other = _roles(heading_scan) if heading_scan is not None else (False, False)
    return not leading and not heading_leading and (other or heading_other)


def _decisions(found: Scan, headings: str) -> list[str]:
    out = []
    heading_scan = scan(headings) if headings else None
    another = _about_another_role(found, heading_scan)
    if not another and (holds("removes-maintainer", found) or (
            heading_scan is not None and heading_scan.has("remove-heading") and found.has("vote-or-agreement"))):
        out.append(REMOVE)
    if not another and (holds("adds-maintainer", found) or (
            heading_scan is not None and heading_scan.has("add-heading") and found.has("vote-or-agreement"))):
        out.append(ADD)
    if holds("amends-governance", found):
        out.append(AMEND)
    return out


def thresholds(docs: DocumentSet) -> dict[str, Threshold]:
    """The first threshold stated for each decision."""
    found: dict[str, Threshold] = {}
    for unit in units(docs, "sentence", KINDS, anaphora=True):
        if has_placeholder(unit.text):
            continue
        text_scan = scan(unit.text)
        decisions = [d for d in _decisions(text_scan, unit.headings) if d not in found]
        if not decisions:
            continue
        strength = _strength(text_scan)
        if strength is None:
            continue
        sentence = unit.sentences[0]
        for decision in decisions:
            found[decision] = Threshold(decision, strength[0], strength[1], unit.doc, sentence.line, sentence.text)
    return found


def _where(threshold: Threshold) -> str:
    return f"{threshold.words!r} ({threshold.doc.path}:{threshold.line})"


def check(docs: DocumentSet) -> Finding:
    found = thresholds(docs)
    add, remove, amend = found.get(ADD), found.get(REMOVE), found.get(AMEND)
    quotes = tuple(evidence(t.doc, t.line, t.text) for t in (add, remove, amend) if t is not None)
    if add is None or remove is None:
        stated = ", ".join(f"{t.decision}: {_where(t)}" for t in found.values()) or "none"
        return Finding(status=NOT_APPLICABLE, message=f"thresholds for both adding and removing a maintainer are "
                                                      f"not stated (found {stated})", evidence=quotes)
    if remove.strength < add.strength:
        return Finding(status=FAIL, evidence=quotes,
                       message=f"removing a maintainer takes {_where(remove)} but adding one takes {_where(add)}: "
                               "a maintainer is easier to remove than to add")
    rules = [add, remove] + ([amend] if amend else [])
    if amend is not None and len({round(t.strength, 3) for t in rules}) == 3:
        return Finding(status=PARTIAL, evidence=quotes,
                       message="three different voting rules for related decisions: "
                               + "; ".join(f"{t.decision}: {_where(t)}" for t in rules))
    return Finding(status=PASS, evidence=quotes,
                   message="; ".join(f"{t.decision}: {_where(t)}" for t in rules))
