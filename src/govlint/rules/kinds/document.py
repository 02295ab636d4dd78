"""`document`: a document of some kind exists and has real content.

Options: `kinds` (the document kinds), `min_words`, `mentions` (probes or vocabularies some
sentence must hold), `name` (vocabularies the document's path must hold), and `links`
(vocabularies a link's address must hold, "[community guidelines](CODE_OF_CONDUCT.md)"): with
`links`, the sentence holding the link is the evidence."""
from __future__ import annotations

import re
from typing import Any, Mapping

from govlint.report import FAIL
from govlint.rules.kinds._common import Outcome, names
from govlint.rules.matching import has_placeholder
from govlint.rules.model import DocumentSet, evidence
from govlint.rules.probes import Language


class DocumentCheck:
    def __init__(self, spec: Mapping[str, Any], language: Language) -> None:
        self.language = language
        self.kinds = frozenset(spec["kinds"])
        self.min_words = int(spec.get("min_words", 1))
        self.name = [language.probe(n) for n in names(spec.get("name"))]
        self.mentions = [language.probe(n) for n in names(spec.get("mentions"))]
        self.links = [language.probe(n) for n in names(spec.get("links"))]
        self.status = spec.get("status", "pass")

    def _holds(self, probes, text: str) -> bool:
        scan = self.language.lexicon.scan(text)
        return any(p.holds(scan) for p in probes)

    def run(self, docs: DocumentSet) -> Outcome:
        if self.links:
            return self._run_links(docs)
        near = []
        for doc in docs.of_kinds(self.kinds):
            if self.name and not self._holds(self.name, _words_of(doc.path)):
                continue
            words = sum(len(s.text.split()) for s in doc.sentences if not has_placeholder(s.text))
            first = doc.sentences[0] if doc.sentences else None
            if self.mentions and not any(self._holds(self.mentions, s.text) for s in doc.sentences):
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
            if self.name and not self._holds(self.name, _words_of(doc.path)):
                continue
            for link in doc.links:
                # The page linked to, not a heading in it: "#article-7-conduct-of-the-mediation" is
                # a section about conducting a mediation, "CONDUCT.md#reporting" a code of conduct.
                if self._holds(self.links, _words_of(link.href.split("#", 1)[0])):
                    sentence = next((s for s in doc.sentences if s.line <= link.line and link.text in s.text
                                     and s.line >= link.line - 3), None)
                    text = sentence.text if sentence else link.text or link.href
                    return Outcome(self.status, [evidence(doc, sentence.line if sentence else link.line, text)],
                                   message=f"{doc.path} links to {link.href}")
        return Outcome(FAIL)


def build(spec: Mapping[str, Any], language: Language) -> DocumentCheck:
    return DocumentCheck(spec, language)


def _words_of(address: str) -> str:
    """The words of a path or link ("docs/CODE_OF_CONDUCT.md" -> "docs CODE OF CONDUCT md"), which
    would otherwise be read as one address."""
    return re.sub(r"[\W_]+", " ", address)
