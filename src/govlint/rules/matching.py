"""Phrase matching over the section tree: scopes, negation, placeholders, and near-misses.

The rule kinds share this module, so every kind is negation-aware and ignores template
placeholders in the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Sequence

from govlint.document import Document, Sentence
from govlint.rules.model import DocumentSet

# A cue within a few words before a match negates it: "there is currently no process to remove".
_NEGATION = re.compile(
    r"\b(?:no|not|never|without|cannot|nor|neither|none|n't|unable|lacks?|absent)\b|n't\b", re.I)
_NEGATION_WINDOW_WORDS = 4
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\b(?:but|however|unless|except|although|which|who|that)\b", re.I)
# Unfilled template text: a sentence carrying one of these says nothing yet.
PLACEHOLDER = re.compile(
    r"\[\s*(?:TODO|TBD|FIXME|insert|add|your|project|number|name|x+)\b[^\]]*\]|\bTODO:|\bPROJECTNAME\b|"
    r"\{\{\s*\w+\s*\}\}|<\s*(?:insert|project[-_ ]?name|your[-_ ]\w+)[^>]*>|\bthis is a template\b", re.I)

SCOPES = ("sentence", "block", "section")


@dataclass(frozen=True)
class Unit:
    """One stretch of text a matcher looks at, with the sentences it is made of."""

    doc: Document
    text: str
    sentences: tuple[Sentence, ...]
    headings: str  # the heading path, joined by " > "
    line: int


def units(docs: DocumentSet, scope: str, kinds: frozenset[str] | None) -> Iterator[Unit]:
    """The units of a scope. A list item carries the sentence that introduced its list."""
    for doc in docs.of_kinds(kinds):
        if scope == "section":
            for section in doc.sections:
                own = [s for b in section.blocks for s in b.sentences]
                if own:
                    yield Unit(doc, " ".join(s.text for s in own), tuple(own), " > ".join(section.headings),
                               own[0].line)
            continue
        for block in doc.blocks:
            headings = " > ".join(block.section.headings)
            lead = block.lead + " " if block.lead else ""
            if scope == "block":
                if block.sentences:
                    yield Unit(doc, lead + " ".join(s.text for s in block.sentences), tuple(block.sentences),
                               headings, block.line)
            else:
                for sentence in block.sentences:
                    yield Unit(doc, lead + sentence.text, (sentence,), headings, sentence.line)


def is_negated(text: str, start: int) -> bool:
    """True when a negation cue stands within a few words before ``start``, in the same clause."""
    window = text[max(0, start - 80):start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end():]
    words = window.split()[-_NEGATION_WINDOW_WORDS:]
    return bool(_NEGATION.search(" ".join(words)))


def find(pattern: re.Pattern[str], text: str, *, negation: bool = True) -> re.Match[str] | None:
    """The first match that is not negated (and not inside a placeholder)."""
    for match in pattern.finditer(text):
        if negation and is_negated(text, match.start()):
            continue
        return match
    return None


def has_placeholder(text: str) -> bool:
    return bool(PLACEHOLDER.search(text))


def compile_group(patterns: Sequence[str]) -> re.Pattern[str]:
    """One any-of regex for a group of phrases, case-insensitive."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


@dataclass
class GroupMatch:
    """Which groups of a matcher a unit satisfies."""

    unit: Unit
    matched: list[bool]
    spans: list[re.Match[str] | None]
    excluded: bool = False
    negated: bool = False

    @property
    def count(self) -> int:
        return sum(self.matched)

    def best_sentence(self) -> Sentence:
        """The sentence a person would quote: the one holding the most matched groups."""
        if len(self.unit.sentences) == 1:
            return self.unit.sentences[0]
        scores = []
        for sentence in self.unit.sentences:
            scores.append(sum(1 for span in self.spans if span is not None and span.group(0).lower()
                              in sentence.text.lower()))
        best = max(range(len(scores)), key=lambda i: (scores[i], -i))
        return self.unit.sentences[best]


def match_groups(unit: Unit, groups: Sequence[re.Pattern[str]], exclude: re.Pattern[str] | None,
                 *, negation: bool = True) -> GroupMatch:
    text = unit.text
    matched: list[bool] = []
    spans: list[re.Match[str] | None] = []
    negated = False
    for group in groups:
        span = find(group, text, negation=negation)
        if span is None and negation and group.search(text):
            negated = True
        matched.append(span is not None)
        spans.append(span)
    excluded = bool(exclude and exclude.search(text))
    return GroupMatch(unit, matched, spans, excluded=excluded, negated=negated)
