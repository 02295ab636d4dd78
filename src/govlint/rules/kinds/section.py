"""`section`: a section whose heading matches and whose body says something real:
enough words, no template placeholder, and optionally some phrases."""
from __future__ import annotations

from typing import Any, Mapping

from govlint.report import FAIL
from govlint.rules.kinds._common import Outcome, document_kinds, groups, optional_regex
from govlint.rules.matching import compile_group, find, has_placeholder
from govlint.rules.model import DocumentSet, evidence
from govlint.rules.regex_safety import bounded


class SectionCheck:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.heading = compile_group(spec["heading"] if isinstance(spec["heading"], list) else [spec["heading"]])
        self.kinds = document_kinds(spec)
        self.min_words = int(spec.get("min_words", 12))
        self.groups = groups(spec)
        self.exclude = optional_regex(spec, "exclude")
        self.status = spec.get("status", "pass")

    def run(self, docs: DocumentSet) -> Outcome:
        near = []
        heading, exclude = bounded(self.heading), bounded(self.exclude)  # a user pack's: under a deadline
        groups = [bounded(g) for g in self.groups]
        for doc, section in docs.sections(self.kinds):
            if section.level == 0 or not heading.search(section.heading):
                continue
            sentences = [s for b in section.all_blocks() for s in b.sentences if not has_placeholder(s.text)]
            words = sum(len(s.text.split()) for s in sentences)
            if words < self.min_words:
                near.append(evidence(doc, section.line, f"{section.heading} (heading with "
                                     f"{'no text' if not words else f'only {words} words'} under it)"))
                continue
            body = " ".join(s.text for s in sentences)
            if exclude is not None and exclude.search(body):
                near.append(evidence(doc, section.line, section.heading))
                continue
            if all(find(g, body) for g in groups):
                quote = next((s for s in sentences if groups and find(groups[0], s.text)), sentences[0])
                return Outcome(self.status, [evidence(doc, quote.line, quote.text)],
                               message=f"section “{section.heading}” ({doc.path}:{section.line})")
            near.append(evidence(doc, sentences[0].line, sentences[0].text))
        return Outcome(FAIL, near_miss=near[:1])


def build(spec: Mapping[str, Any]) -> SectionCheck:
    return SectionCheck(spec)
