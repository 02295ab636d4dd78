"""`phrases`: groups of phrases that must all occur, un-negated, within one sentence, block or
section; `extract`: the same, plus a value (a vote threshold, a period) that is quoted back."""
from __future__ import annotations

from typing import Any, Mapping

from govlint.report import FAIL
from govlint.rules.kinds._common import Outcome, document_kinds, groups, optional_regex
from govlint.rules.matching import has_placeholder, match_groups, units
from govlint.rules.model import DocumentSet, evidence
from govlint.rules.values import VALUES

_MAX_EVIDENCE = 3


class PhrasesCheck:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.scope = spec.get("scope", "sentence")
        self.kinds = document_kinds(spec)
        self.groups = groups(spec)
        self.exclude = optional_regex(spec, "exclude")
        self.heading = optional_regex(spec, "heading")
        self.not_heading = optional_regex(spec, "not_heading")
        self.negation = spec.get("negation", True)
        self.status = spec.get("status", "pass")
        self.value = spec.get("value")
        if self.value:
            self.groups.append(VALUES[self.value])

    def run(self, docs: DocumentSet) -> Outcome:
        found = []
        best_near = None
        for unit in units(docs, self.scope, self.kinds):
            if self.heading is not None and not self.heading.search(unit.headings):
                continue
            if self.not_heading is not None and unit.headings and self.not_heading.search(unit.headings):
                continue
            if has_placeholder(unit.text):
                continue
            result = match_groups(unit, self.groups, self.exclude, negation=self.negation)
            if result.count == len(self.groups) and not result.excluded:
                found.append(result)
                if len(found) >= _MAX_EVIDENCE:
                    break
            elif result.count and (best_near is None or result.count > best_near.count):
                best_near = result
        if found:
            ev = []
            for result in found:
                sentence = result.best_sentence()
                ev.append(evidence(unit_doc(result), sentence.line, sentence.text))
            message = ""
            if self.value:
                message = f"{self.value}: {found[0].spans[-1].group(0).strip()}"
            return Outcome(self.status, ev, message=message)
        near = []
        if best_near is not None:
            sentence = best_near.best_sentence()
            near.append(evidence(unit_doc(best_near), sentence.line, sentence.text))
        return Outcome(FAIL, near_miss=near)


def unit_doc(result):
    return result.unit.doc


def build(spec: Mapping[str, Any]) -> PhrasesCheck:
    return PhrasesCheck(spec)


def build_extract(spec: Mapping[str, Any]) -> PhrasesCheck:
    return PhrasesCheck(spec)
