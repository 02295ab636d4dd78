"""`section`: a section whose heading holds one of `heading`'s probes or vocabularies and whose
body says something real: enough words (`min_words`), no template placeholder, every group of
`all` (if any) and none of `none`."""
from __future__ import annotations

from typing import Any, Mapping

from govlint.report import FAIL
from govlint.rules.kinds._common import Outcome, document_kinds, names
from govlint.rules.matching import has_placeholder, is_negated
from govlint.rules.model import DocumentSet, evidence
from govlint.rules.probes import Language


class SectionCheck:
    def __init__(self, spec: Mapping[str, Any], language: Language) -> None:
        self.language = language
        self.heading = [language.probe(n) for n in names(spec["heading"])]
        self.kinds = document_kinds(spec)
        self.min_words = int(spec.get("min_words", 12))
        self.groups = [[language.probe(n) for n in names(group)] for group in spec.get("all", [])]
        self.none = [language.probe(n) for n in names(spec.get("none"))]
        self.status = spec.get("status", "pass")

    def _found(self, probes, text: str, *, negation: bool = True) -> bool:
        scan = self.language.lexicon.scan(text)
        return any(not (negation and is_negated(text, m.start, m.end)) for p in probes for m in p.matches(scan))

    def run(self, docs: DocumentSet) -> Outcome:
        near = []
        for doc, section in docs.sections(self.kinds):
            if section.level == 0 or not self._found(self.heading, section.heading, negation=False):
                continue
            sentences = [s for b in section.all_blocks() for s in b.sentences if not has_placeholder(s.text)]
            words = sum(len(s.text.split()) for s in sentences)
            if words < self.min_words:
                near.append(evidence(doc, section.line, f"{section.heading} (heading with "
                                     f"{'no text' if not words else f'only {words} words'} under it)"))
                continue
            body = " ".join(s.text for s in sentences)
            if self.none and (self._found(self.none, body, negation=False)
                              or self._found(self.none, section.heading, negation=False)):
                near.append(evidence(doc, section.line, section.heading))
                continue
            if all(self._found(group, body) for group in self.groups):
                quote = next((s for s in sentences if self.groups and self._found(self.groups[0], s.text)),
                             sentences[0])
                return Outcome(self.status, [evidence(doc, quote.line, quote.text)],
                               message=f"section “{section.heading}” ({doc.path}:{section.line})")
            near.append(evidence(doc, sentences[0].line, sentences[0].text))
        return Outcome(FAIL, near_miss=near[:1])


def build(spec: Mapping[str, Any], language: Language) -> SectionCheck:
    return SectionCheck(spec, language)
