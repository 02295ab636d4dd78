"""`absent`: phrases that must not appear, such as unfilled template placeholders.
Passes when none is found; fails quoting each occurrence.

`filled` (optional): patterns for the places a template leaves open, filled in with a real
value ("inactive for 9 months" where the template says "[TODO: Number] months"). On a pass, the
first line that matches is quoted as the evidence that the template was adapted."""
from __future__ import annotations

from typing import Any, Mapping

from govlint.report import FAIL, NOT_APPLICABLE, PASS
from govlint.rules.kinds._common import Outcome, document_kinds, optional_regex
from govlint.rules.model import DocumentSet, evidence
from govlint.rules.regex_safety import bounded

_MAX_EVIDENCE = 5


class AbsentCheck:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.pattern = optional_regex(spec, "patterns")
        self.filled = optional_regex(spec, "filled")
        self.kinds = document_kinds(spec)

    def run(self, docs: DocumentSet) -> Outcome:
        hits, filled = [], []
        pattern, filled_in = bounded(self.pattern), bounded(self.filled)  # a user pack's: under a deadline
        documents = docs.of_kinds(self.kinds)
        if not documents:
            return Outcome(NOT_APPLICABLE, message="no documents to look in")
        for doc in documents:
            lines = doc.text.split("\n")
            for number, line in enumerate(lines, start=1):
                if pattern.search(line):
                    hits.append(evidence(doc, number, line.strip()))
                elif filled_in is not None and not filled and filled_in.search(line):
                    filled.append(evidence(doc, number, line.strip()))
        if hits:
            more = f" (and {len(hits) - _MAX_EVIDENCE} more)" if len(hits) > _MAX_EVIDENCE else ""
            return Outcome(FAIL, hits[:_MAX_EVIDENCE], message=f"{len(hits)} found{more}")
        message = f"none found in {len(documents)} documents"
        if filled:
            message += "; template values filled in"
        return Outcome(PASS, filled, message=message)


def build(spec: Mapping[str, Any]) -> AbsentCheck:
    return AbsentCheck(spec)
