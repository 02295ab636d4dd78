"""`absent`: phrases that must not appear, such as unfilled template placeholders.
Passes when none is found; fails quoting each occurrence."""
from __future__ import annotations

from typing import Any, Mapping

from govlint.report import FAIL, PASS
from govlint.rules.kinds._common import Outcome, document_kinds, optional_regex
from govlint.rules.model import DocumentSet, evidence

_MAX_EVIDENCE = 5


class AbsentCheck:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.pattern = optional_regex(spec, "patterns")
        self.kinds = document_kinds(spec)

    def run(self, docs: DocumentSet) -> Outcome:
        hits = []
        for doc in docs.of_kinds(self.kinds):
            lines = doc.text.split("\n")
            for number, line in enumerate(lines, start=1):
                if self.pattern.search(line):
                    hits.append(evidence(doc, number, line.strip()))
        if hits:
            more = f" (and {len(hits) - _MAX_EVIDENCE} more)" if len(hits) > _MAX_EVIDENCE else ""
            return Outcome(FAIL, hits[:_MAX_EVIDENCE], message=f"{len(hits)} found{more}")
        return Outcome(PASS, message=f"none found in {len(docs.of_kinds(self.kinds))} documents")


def build(spec: Mapping[str, Any]) -> AbsentCheck:
    return AbsentCheck(spec)
