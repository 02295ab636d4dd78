"""`document`: a document of some kind exists and has real content.

`links` (optional): instead, a document of those kinds links to something whose address matches
("[community guidelines](CODE_OF_CONDUCT.md)"); the sentence holding the link is the evidence."""
from __future__ import annotations

from typing import Any, Mapping

from govlint.report import FAIL
from govlint.rules.kinds._common import Outcome, optional_regex
from govlint.rules.matching import has_placeholder
from govlint.rules.model import DocumentSet, evidence


class DocumentCheck:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.kinds = frozenset(spec["kinds"])
        self.min_words = int(spec.get("min_words", 1))
        self.name = optional_regex(spec, "name")
        self.mentions = optional_regex(spec, "mentions")
        self.links = optional_regex(spec, "links")
        self.status = spec.get("status", "pass")

    def run(self, docs: DocumentSet) -> Outcome:
        if self.links is not None:
            return self._run_links(docs)
        near = []
        for doc in docs.of_kinds(self.kinds):
            if self.name is not None and not self.name.search(doc.path):
                continue
            words = sum(len(s.text.split()) for s in doc.sentences if not has_placeholder(s.text))
            first = doc.sentences[0] if doc.sentences else None
            if self.mentions is not None and not any(self.mentions.search(s.text) for s in doc.sentences):
                near.append(evidence(doc, 1, f"{doc.path} says nothing about roles, decisions or leadership"))
                continue
            if words >= self.min_words:
                line = first.line if first else 1
                return Outcome(self.status, [evidence(doc, line, first.text if first else doc.path)],
                               message=f"{doc.path} ({doc.kind}, {words} words)")
            near.append(evidence(doc, 1, f"{doc.path} has only {words} words of text"))
        return Outcome(FAIL, near_miss=near[:1])

    def _run_links(self, docs: DocumentSet) -> Outcome:
        for doc in docs.of_kinds(self.kinds):
            if self.name is not None and not self.name.search(doc.path):
                continue
            for link in doc.links:
                if self.links.search(link.href):
                    sentence = next((s for s in doc.sentences if s.line <= link.line and link.text in s.text
                                     and s.line >= link.line - 3), None)
                    text = sentence.text if sentence else link.text or link.href
                    return Outcome(self.status, [evidence(doc, sentence.line if sentence else link.line, text)],
                                   message=f"{doc.path} links to {link.href}")
        return Outcome(FAIL)


def build(spec: Mapping[str, Any]) -> DocumentCheck:
    return DocumentCheck(spec)
