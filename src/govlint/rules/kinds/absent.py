"""`absent`: what must not appear: unfilled template placeholders (`placeholders: true`, the
engine's own test, matching.PLACEHOLDER: "[TODO: ...]", "PROJECTNAME", "{{ name }}") and any
`find:` probes or vocabularies. Passes when none is found; fails quoting each occurrence.

`filled` (optional): probes for the places a template leaves open, filled in with a real value
("inactive for 9 months" where the template says "[TODO: Number] months"). On a pass, the first
line that holds one is quoted as the evidence that the template was adapted."""
from __future__ import annotations

from typing import Any, Mapping

from govlint.report import FAIL, NOT_APPLICABLE, PASS
from govlint.rules.kinds._common import Outcome, document_kinds, names
from govlint.rules.matching import has_placeholder
from govlint.rules.model import DocumentSet, evidence
from govlint.rules.probes import Language

_MAX_EVIDENCE = 5


class AbsentCheck:
    def __init__(self, spec: Mapping[str, Any], language: Language) -> None:
        self.language = language
        self.placeholders = bool(spec.get("placeholders", False))
        self.find = [language.probe(n) for n in names(spec.get("find"))]
        self.filled = [language.probe(n) for n in names(spec.get("filled"))]
        if not self.placeholders and not self.find:
            raise ValueError("`absent` needs `placeholders: true` or `find:`")
        self.kinds = document_kinds(spec)

    def _holds(self, probes, text: str) -> bool:
        scan = self.language.lexicon.scan(text)
        return any(p.holds(scan) for p in probes)

    def run(self, docs: DocumentSet) -> Outcome:
        hits, filled = [], []
        documents = docs.of_kinds(self.kinds)
        if not documents:
            return Outcome(NOT_APPLICABLE, message="no documents to look in")
        for doc in documents:
            for number, line in enumerate(doc.text.split("\n"), start=1):
                if (self.placeholders and has_placeholder(line)) or (self.find and self._holds(self.find, line)):
                    hits.append(evidence(doc, number, line.strip()))
        if self.filled and not hits:
            # Sentences, not lines: the rules have read them already, so this costs no new scan.
            # The first one only: a long document's every sentence need not be read for it.
            first = next((evidence(doc, sentence.line, sentence.text) for doc in documents
                          for sentence in doc.sentences if self._holds(self.filled, sentence.text)), None)
            filled = [first] if first is not None else []
        if hits:
            more = f" (and {len(hits) - _MAX_EVIDENCE} more)" if len(hits) > _MAX_EVIDENCE else ""
            return Outcome(FAIL, hits[:_MAX_EVIDENCE], message=f"{len(hits)} found{more}")
        message = f"none found in {len(documents)} documents"
        if filled:
            message += "; template values filled in"
        return Outcome(PASS, filled, message=message)


def build(spec: Mapping[str, Any], language: Language) -> AbsentCheck:
    return AbsentCheck(spec, language)
