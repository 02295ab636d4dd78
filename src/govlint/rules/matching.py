"""Phrase matching over the section tree: scopes, context, negation, placeholders, and near-misses.

The rule kinds share this module, so every kind reads governance language the same way:

- negation: "there is currently no process to remove a maintainer" does not count, but the cue
  must govern the phrase: it is bounded by its clause, reaches across a list ("does not have a
  steering committee, technical board or council"), does not reach out of a condition ("if the
  maintainers cannot resolve it, ..."), and is lifted by an exception that follows ("will never
  remove a maintainer, unless ...") or by a double negative ("no one is removed without a vote");
- context: a list item is read with the sentence that introduced its list ("... removed if
  they:"), a sentence that opens with an anaphor ("This requires a two-thirds majority") can be
  read with the sentences before it, and a check may let its later groups be satisfied by the
  headings the unit sits under ("## Unanimity decisions" over "- Removing a maintainer");
- template placeholders: a unit carrying "[TODO: ...]" says nothing yet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterator, NamedTuple

from govlint.document import Block, Document, Section, Sentence
from govlint.patterns import lazy
from govlint.rules.acronyms import defined_acronyms
from govlint.rules.model import DocumentSet

# --- negation --------------------------------------------------------------------------------

# A cue within a few words before a match negates it: "there is currently no process to remove".
_NEGATION = re.compile(
    r"\b(?:not|never|nobody|without|cannot|nor|neither|none|unable|lacks?|absent)\b|n't\b|"
    # "no", but not in "a vote of no confidence" or a quantity ("no more than two seats").
    r"\bno\b(?![- ](?:confidence|more|less|fewer|later|earlier|sooner)\b)", re.I)
_NEGATION_WINDOW_WORDS = 4
# Where a clause ends, so a cue does not reach past it.
_CLAUSE_BREAK = re.compile(
    r"[,;:()—–]|[.!?](?=\s|$)|\b(?:but|however|unless|except|although|though|whereas|which|who|whom|that|so|then)\b",
    re.I)
_STRONG_BREAK = re.compile(r"[;:]|[.!?](?=\s|$)")
# Words that make a stretch after a comma a clause of its own rather than the next item of a list.
_FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|shall|may|might|can|could|should|would|must|do|"
    r"does|did|if|when|they|we|it|he|she|you|this|these|those)\b", re.I)
# A negated phrase inside a condition is not a denial: "if the maintainers cannot resolve it".
_CONDITION = re.compile(r"\b(?:if|when|whenever|unless|in\s+case|in\s+the\s+event)\b|(?:^|[,;]\s*)should\b", re.I)
# An exception after the phrase turns a denial into a rule: "never removed, unless ...".
_EXCEPTION = lazy(
    r"^[^.;:!?]{0,160}?\b(?:unless|except(?:\s+(?:if|when|where|for|by|through|via|in|with|as))?|other\s+than|"
    r"save\s+for|but\s+only|only\s+(?:if|when|by|through|after))\b", re.I)
_WITHOUT_AFTER = lazy(r"^[^.;:!?]{0,60}?\bwithout\b", re.I)
# A negated settling verb followed by a verb of its own: the negation describes an impasse in a
# clause of its own ("disputes that cannot be resolved are escalated", "matters the council cannot
# settle may be appealed"), not the phrase after it.
_IMPASSE_THEN_VERB = lazy(
    r"^\W*(?:be\s+)?(?:resolv|settl|agree|decid|reach|solv|handl)\w*\b.*?\b(?:may|can|could|will|shall|must|"
    r"should|is|are|go|goes|get|gets)\b", re.I)


def _list_continuation(segment: str) -> bool:
    """A short stretch after a comma with no verb or subject of its own: the next item of a list."""
    words = segment.split()
    return 0 < len(words) <= 5 and not _FINITE.search(segment)


# An introductory phrase ends at its comma and the main clause follows: "Before a vote of no
# confidence, two maintainers meet privately" is not a list.
_INTRODUCTION = re.compile(
    r"^\W*(?:before|after|once|until|when|whenever|if|unless|while|during|in|on|for|at|since|as|although|though|"
    r"because|to|by|with|without|under|upon|where|following|prior)\b[^,]*$", re.I)


def _introduction(text: str) -> bool:
    return bool(_INTRODUCTION.match(text))


def negation_cue(text: str, start: int) -> re.Match[str] | None:
    """The negation cue that governs the phrase starting at ``start``, if any."""
    window = text[max(0, start - 240):start]
    sentence = _STRONG_BREAK.split(window)[-1]
    # Inside a condition ("if they cannot agree"), a negation describes the case, not the rule.
    condition = None
    for condition in _CONDITION.finditer(sentence):
        pass
    if condition is not None and "," not in sentence[condition.end():]:
        return None
    clause = sentence
    extra = 0
    for _ in range(4):
        breaks = list(_CLAUSE_BREAK.finditer(clause))
        if not breaks:
            break
        last = breaks[-1]
        tail = clause[last.end():]
        before = clause[:last.start()]
        if (last.group(0) == "," and _list_continuation(tail) and not _introduction(before)
                and not _introduction(_CLAUSE_BREAK.split(before)[-1])):
            # "... does not have a steering committee, technical board or council": read back; but
            # not over a condition set off by commas ("and, if still not satisfied, thence to the
            # EMO"), whose negation describes the case.
            clause = clause[:last.start()]
            extra += len(tail.split()) + 3
            continue
        clause = tail
        break
    words = " ".join(clause.split()[-(_NEGATION_WINDOW_WORDS + extra):])
    cues = list(_NEGATION.finditer(words))
    if not cues:
        return None
    # "Matters the council cannot settle may be appealed", "disputes the maintainers cannot resolve go
    # to the TSC": the cue negates the impasse, and the main verb after it (perhaps the phrase's own
    # first word) is not negated.
    if _IMPASSE_THEN_VERB.search(words[cues[-1].end():] + " " + text[start:start + 16]):
        return None
    return cues[-1]


def is_negated(text: str, start: int, end: int | None = None) -> bool:
    """True when a negation cue governs the phrase at ``start`` (and no exception lifts it)."""
    cue = negation_cue(text, start)
    if cue is None:
        return False
    after = text[end if end is not None else start:]
    if _EXCEPTION.search(after):
        return False  # "will never remove a maintainer, unless ...", "not removed except by a vote"
    if cue.group(0).lower() != "without" and _WITHOUT_AFTER.search(after):
        return False  # "no maintainer may be removed without a vote": a double negative
    if cue.group(0).lower() == "without":
        sentence = _STRONG_BREAK.split(text[max(0, start - 240):start])[-1]
        if len(_NEGATION.findall(sentence)) >= 2:
            return False  # "cannot be removed without a two-thirds vote"
    return True


# --- placeholders -----------------------------------------------------------------------------

# Unfilled template text: a sentence carrying one of these says nothing yet. A bracket that opens
# with an ordinary word ("[Your First Contribution](#your-first-contribution)", "[project
# maintainers](MAINTAINERS.md)") is a placeholder only when no link target follows it.
PLACEHOLDER = re.compile(
    r"\[\s*(?:TODO|TBD|FIXME|insert)\b[^\]]*\]|\[\s*(?:add|your|project|number|name|x+)\b[^\]]*\](?![(\[])|"
    r"\bTODO:|\bPROJECT[_ ]?NAME\b|"
    r"\{\{\s*[\w.]+\s*\}\}|<\s*(?:insert|project[-_ ]?name|your[-_ ][\w-]+)[^>]*>|\bthis is a template\b", re.I)


# What every placeholder holds, lower-cased: a text holding none of these has none, and most hold
# none ("template", "todo:" and "project...name" lack the letters i and s, whose other forms
# (dotless ı, long ſ) str.lower() leaves alone while a case-blind pattern takes them).
_PLACEHOLDER_SIGNS = ("[", "<", "{{", "todo:", "template", "projectname", "project name", "project_name")


@lru_cache(maxsize=1 << 14)
def has_placeholder(text: str) -> bool:
    lowered = text.lower()
    if not any(sign in lowered for sign in _PLACEHOLDER_SIGNS):
        return False  # the pattern's search costs ten times as much, on each of a long document's units
    return bool(PLACEHOLDER.search(text))


# --- units ------------------------------------------------------------------------------------

SCOPES = ("sentence", "block", "section")

# The heading path as one text, each heading its own clause: a probe's slots, and what cancels
# it (`unless`), never reach from one heading into another ("Reviewing Pull Requests" over "Code of
# Conduct Violations" names no thing that is removed).
_HEADING_JOIN = "; "

# A sentence that refers back to an event: "This requires a two-thirds majority", "In extreme cases
# this can also occur by a vote", "Such a removal needs ...". Not "This document ..." or "It is
# intended to ...": those do not carry on what the sentence before said.
_ANAPHOR = re.compile(
    # An ellipsis that stands for the sentence before: "If not, they will be removed upon a vote".
    r"^\W*(?:if\s+not|if\s+so|otherwise|failing\s+that|if\s+(?:this|that)\s+fails|if\s+unsuccessful)\s*,|"
    r"^\W*(?:[\w'’-]+[^\w'’-]+){0,4}?(?:this|that|it|(?:such|these|those)(?:\s+an?)?\s+\w+|the\s+same(?:\s+\w+)?|"
    r"the\s+(?:decision|vote|removal|demotion|motion|process|request|proposal)|"
    r"(?:removals?|demotions?|expulsions?|revocations?)(?=\s+(?:\w+\s+)?(?:requires?|needs?)))\s+"
    r"(?:(?:can|may|will|shall|must|could|should|would|might|does|also|only|then|always|usually)\s+){0,3}"
    r"(?:occurs?|happens?|takes?\s+place|appl(?:y|ies)|requires?|needs?|takes?|"
    r"(?:be|is|are|was|were)\s+(?!(?:intended|designed|meant|important|expected|recommended|suggested|encouraged|"
    r"hoped|assumed|likely|possible|necessary|not)\b)\w+(?:ed|en|done|made|held)\b)",
    re.I)
_ANAPHOR_REACH = 2  # how many sentences back an anaphor may reach


class Part(NamedTuple):
    """One sentence of a unit and where its text sits in the unit's text."""

    start: int
    end: int
    sentence: Sentence
    own: bool  # False for context: a list's lead or an anaphor's antecedent


@dataclass(frozen=True)
class Unit:
    """One stretch of text a matcher looks at, with the sentences it is made of."""

    doc: Document
    text: str
    sentences: tuple[Sentence, ...]  # the unit's own sentences
    headings: str  # the heading path, each heading its own clause (joined by _HEADING_JOIN)
    line: int
    parts: tuple[Part, ...] = ()
    section: Section | None = None
    pieces: tuple[str, ...] = ()  # the texts joined by spaces into ``text``: a lexicon scans each once

    @cached_property
    def placeholder(self) -> bool:
        """Whether the unit carries template placeholders (asked by every rule that reads it; a
        long text has more units than has_placeholder remembers)."""
        return has_placeholder(self.text)

    @property
    def acronyms(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The acronyms the unit's document defines ("Project Steering Committee (PSC)"), for its scans."""
        return defined_acronyms(self.doc.text)

    @property
    def own_text(self) -> str:
        own = [p for p in self.parts if p.own]
        return self.text[own[0].start:] if own else self.text


def _join(pieces: list[tuple[Sentence | str, bool]]) -> tuple[str, tuple[Part, ...], tuple[str, ...]]:
    """The pieces' text joined by spaces, where each sentence sits in it, and the pieces' texts.
    Built as a list and joined once: adding to a string copies it, which made a long section quadratic."""
    chunks: list[str] = []
    parts = []
    length = 0
    for piece, own in pieces:
        if length:
            chunks.append(" ")
            length += 1
        value = piece if isinstance(piece, str) else piece.text
        if not isinstance(piece, str):
            parts.append(Part(length, length + len(value), piece, own))
        chunks.append(value)
        length += len(value)
    return "".join(chunks), tuple(parts), tuple(p if isinstance(p, str) else p.text for p, _ in pieces)


def _leads(doc: Document) -> dict[int, list[tuple[Sentence | str, bool]]]:
    """What introduced each list item's list, by the item block's id: the sentence ending in a
    colon, and, when that sentence opens by referring back ("This can occur in the following
    situations:"), the sentences it refers to ("... to move a maintainer to emeritus status.").
    None of them is the item's own. One pass over each section: the nearest earlier sentence with
    the lead's text is remembered as the section is read, so a list of thousands of items does not
    read back through the items before each one."""
    found: dict[int, list[tuple[Sentence | str, bool]]] = {}
    for section in doc.sections:
        latest: dict[str, tuple[Block, int]] = {}  # a sentence's text -> where it last stood
        made: dict[tuple[int, int], list[tuple[Sentence | str, bool]]] = {}  # a lead read once per list
        for block in section.blocks:
            if block.lead:
                where = latest.get(block.lead.strip())
                if where is None:
                    found[id(block)] = [(block.lead, False)]
                else:
                    previous, position = where
                    key = (id(previous), position)
                    if key not in made:
                        sentence = previous.sentences[position]
                        before = _antecedents(previous, position) if _ANAPHOR.match(sentence.text) else []
                        made[key] = [(s, False) for s in (*before, sentence)]
                    found[id(block)] = made[key]
            for position, sentence in enumerate(block.sentences):
                latest[sentence.text.strip()] = (block, position)
    return found


def _antecedents(block: Block, position: int) -> list[Sentence]:
    """Up to two sentences before the one at ``position`` in its block, or in the block before when
    that is the paragraph before, or the item before in the same list ("- ... they should move to
    emeritus status." then "- In extreme cases this can also occur by a vote ...")."""
    before = list(block.sentences[:position])
    if len(before) < _ANAPHOR_REACH:
        blocks = block.section.blocks
        index = blocks.index(block) if block in blocks else 0
        previous = blocks[index - 1] if index > 0 else None
        if previous is not None and previous.kind == block.kind and (
                block.kind == "paragraph" or (block.kind == "item" and previous.lead == block.lead)):
            before = list(previous.sentences) + before
    return before[-_ANAPHOR_REACH:]


def units(docs: DocumentSet, scope: str, kinds: frozenset[str] | None, *,
          anaphora: bool = False) -> list[Unit]:
    """The units of a scope, built once per document set. A list item carries the sentence that
    introduced its list; with ``anaphora``, a sentence that opens by referring back carries the
    sentences it refers to."""
    key = ("units", scope, kinds, anaphora)
    found = docs.memo.get(key)
    if found is None:
        found = docs.memo[key] = list(_units(docs, scope, kinds, anaphora=anaphora))
    return found  # type: ignore[return-value]


def _units(docs: DocumentSet, scope: str, kinds: frozenset[str] | None, *, anaphora: bool) -> Iterator[Unit]:
    for doc in docs.of_kinds(kinds):
        yield from _doc_units(docs, doc, scope, anaphora=anaphora and scope == "sentence")


def _doc_units(docs: DocumentSet, doc: Document, scope: str, *, anaphora: bool) -> list[Unit]:
    """One document's units of a scope, made once for every list of units that holds the document
    (the lists differ in the document kinds they read); with ``anaphora``, the units of the
    sentences that do not refer back are those without it."""
    key = ("document units", id(doc), scope, anaphora)
    found = docs.memo.get(key)
    if found is None:
        plain = _doc_units(docs, doc, scope, anaphora=False) if anaphora else None
        leads = docs.memo.get(("leads", id(doc)))
        if leads is None:
            leads = docs.memo[("leads", id(doc))] = _leads(doc)
        found = docs.memo[key] = list(_units_of(doc, scope, anaphora=anaphora, plain=plain, leads=leads))
    return found  # type: ignore[return-value]


def _units_of(doc: Document, scope: str, *, anaphora: bool, plain: list[Unit] | None,
              leads: dict[int, list[tuple[Sentence | str, bool]]]) -> Iterator[Unit]:
    if scope == "section":
        for section in doc.sections:
            own = [s for b in section.blocks for s in b.sentences]
            if own:
                text, parts, texts = _join([(s, True) for s in own])
                yield Unit(doc, text, tuple(own), _HEADING_JOIN.join(section.headings), own[0].line, parts, section, texts)
        return
    number = 0  # the sentence's place among the document's sentence units (those of ``plain``)
    for block in doc.blocks:
        headings = _HEADING_JOIN.join(block.section.headings)
        lead = leads.get(id(block), [])
        if scope == "block":
            if block.sentences:
                text, parts, texts = _join(lead + [(s, True) for s in block.sentences])
                yield Unit(doc, text, tuple(block.sentences), headings, block.line, parts, block.section, texts)
            continue
        for position, sentence in enumerate(block.sentences):
            number += 1
            if anaphora and _ANAPHOR.match(sentence.text):
                context = lead + [(s, False) for s in _antecedents(block, position)]
            elif plain is not None:
                yield plain[number - 1]
                continue
            else:
                context = list(lead)
            text, parts, texts = _join(context + [(sentence, True)])
            yield Unit(doc, text, (sentence,), headings, sentence.line, parts, block.section, texts)


def section_context(unit: Unit) -> str:
    """The unit's heading path and the text of its section: what a unit is "about"."""
    section = unit.section
    own = " ".join(b.text for b in section.blocks) if section is not None else ""
    return f"{unit.headings} :: {' '.join(own.split())}"
