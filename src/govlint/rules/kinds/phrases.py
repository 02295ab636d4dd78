"""`phrases`: groups of phrases that must all occur, un-negated, within one sentence, block or
section; `extract`: the same, plus a value (a vote threshold, a period) that is quoted back.

Options beyond `all`/`exclude`/`heading`/`not_heading`:

- `anaphora: true` (sentence scope): a sentence that opens by referring back ("This requires
  the consensus of the remaining members") is read together with the two sentences before it.
- `context: heading`: every group but the first (the anchor, which must be in the text) may
  also be satisfied by the headings the unit sits under ("## Supermajority decisions").
- `not_heading_unless`: a unit under a `not_heading` section still counts when its section (the
  heading path and the section's own text) matches this.
"""
from __future__ import annotations

from typing import Any, Mapping

from govlint.report import FAIL
from govlint.rules.kinds._common import Outcome, document_kinds, groups, optional_regex
from govlint.rules.matching import Unit, has_placeholder, match_groups, search, section_context, units
from govlint.rules.model import DocumentSet, evidence
from govlint.rules.regex_safety import bounded
from govlint.rules.values import VALUES

_MAX_EVIDENCE = 3
CONTEXTS = ("none", "heading")


class PhrasesCheck:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.scope = spec.get("scope", "sentence")
        self.kinds = document_kinds(spec)
        self.groups = groups(spec)
        self.exclude = optional_regex(spec, "exclude")
        self.heading = optional_regex(spec, "heading")
        self.not_heading = optional_regex(spec, "not_heading")
        self.not_heading_unless = optional_regex(spec, "not_heading_unless")
        self.negation = spec.get("negation", True)
        self.anaphora = bool(spec.get("anaphora", False))
        context = spec.get("context", "none")
        if context not in CONTEXTS:
            raise ValueError(f"unknown context {context!r}: choose one of {', '.join(CONTEXTS)}")
        self.heading_context = context == "heading"
        self.status = spec.get("status", "pass")
        self.value = spec.get("value")
        if self.value:
            self.groups.append(VALUES[self.value])

    def _outside(self, unit: Unit) -> bool:
        """Whether the unit's place (its headings, its section) rules it out."""
        heading, not_heading = bounded(self.heading), bounded(self.not_heading)
        unless = bounded(self.not_heading_unless)
        if heading is not None and not search(heading, unit.headings):
            return True
        if not_heading is not None and unit.headings and search(not_heading, unit.headings):
            if unless is None or not search(unless, section_context(unit)):
                return True
        return False

    def run(self, docs: DocumentSet) -> Outcome:
        groups, exclude = [bounded(g) for g in self.groups], bounded(self.exclude)  # a user pack's: under a deadline
        found = []
        best_near = None
        placed = self.heading is not None or self.not_heading is not None
        outside: dict[tuple[str, int], bool] = {}  # units of one section share their place
        for unit in units(docs, self.scope, self.kinds, anaphora=self.anaphora):
            if placed:
                where = (unit.headings, id(unit.section))
                ruled_out = outside.get(where)
                if ruled_out is None:
                    ruled_out = outside[where] = self._outside(unit)
                if ruled_out:
                    continue
            if has_placeholder(unit.text):
                continue
            result = match_groups(unit, groups, exclude, negation=self.negation,
                                  heading_context=self.heading_context,
                                  at_least=min(best_near.count + 1, len(self.groups)) if best_near else 1)
            if result is None:
                continue
            if result.count == len(self.groups) and not result.excluded:
                found.append(result)
                if len(found) >= _MAX_EVIDENCE:
                    break
            elif result.count and (best_near is None or result.count > best_near.count):
                best_near = result
        prefer = len(self.groups) - 1 if self.value else 0
        if found:
            ev = []
            for result in found:
                sentence = result.best_sentence(prefer)
                ev.append(evidence(result.unit.doc, sentence.line, sentence.text))
            message = ""
            if self.value:
                message = f"{self.value}: {' '.join(found[0].spans[-1].group(0).split())}"
            return Outcome(self.status, _unique(ev), message=message)
        near = []
        if best_near is not None:
            sentence = best_near.best_sentence()
            near.append(evidence(best_near.unit.doc, sentence.line, sentence.text))
        return Outcome(FAIL, near_miss=near)


def _unique(items: list) -> list:
    seen, out = set(), []
    for item in items:
        key = (item.path, item.line)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def build(spec: Mapping[str, Any]) -> PhrasesCheck:
    return PhrasesCheck(spec)

