"""Where govlint fix puts a proposal in an existing document, read from its section tree.

Into the section that already covers the topic (at the end of its own text), else as a new
section at the document's section level, placed before the end matter (Credits, License,
Acknowledgements) rather than after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from govlint.document import Document, Section

# Sections that close a document: new sections go before them.
END_MATTER = re.compile(
    r"^\W*(?:credits?|acknowledg(?:e)?ments?|thanks|thank\s+you|licen[cs]e|licensing|copyright|attributions?|"
    r"references|see\s+also|further\s+reading|footnotes|changelog|revision\s+history|document\s+history|"
    r"history\s+of\s+(?:this|the)\s+document|changes\s+to\s+this\s+(?:document|governance)|amendments?)\b", re.I)

# What an existing section's heading says when it covers a recipe's topic, most specific first.
TOPICS: dict[str, tuple[str, ...]] = {
    "leadership": (r"\bleadership\b", r"\bsteering\b|\bTSC\b|\bcouncil\b|\bgoverning\s+body\b"),
    "decisions": (r"\bdecision", r"\bvot(?:e|es|ing)\b"),
    "conduct": (r"\bcode\s+of\s+conduct\b", r"\bconduct\b"),
    "neutrality": (r"\bvendor\b|\bneutral", r"\b(?:company|companies|employers?|affiliation)\b"),
    "roles": (r"\broles?\b", r"\bladder\b|\bbecoming\b|\bmembership\b"),
    "inactivity": (r"\binactiv", r"\bemeritus\b|\balumni\b|\boff-?boarding\b"),
    "removal": (r"\binvoluntary\b|\bno[- ]confidence\b", r"\bremov(?:al|ing|e)\b|\bdemot|\bexpel|\bexpulsion\b"),
    "conflict": (r"\bconflict\s+resolution\b|\bdisputes?\b",
                 r"\bdisagreements?\b|\bescalat|\bconflicts?\b(?!\s+of\s+interest)"),
    "principles": (r"\bleadership\s+principles\b", r"\bprinciples\b"),
    "reporting": (r"\breport", r"\benforcement\b", r"\bcode\s+of\s+conduct\b"),
    "maintainers": (r"\b(?:current\s+)?maintainers\b|\bowners\b", r"\bcommitters\b|\bpeople\b|\bteam\b"),
}


@dataclass(frozen=True)
class Place:
    """After the end of line ``line`` (0-based): into ``section``, or a new section at ``level``."""

    line: int
    column: int
    level: int
    section: str | None  # the heading of the existing section it joins; None for a new section


def sections_of(doc: Document) -> list[Section]:
    """The document's sections, without its title (a single top heading holding everything)."""
    top = doc.root.children
    title = top[0] if len(top) == 1 and top[0].level == 1 else None
    return [s for s in doc.sections if s.level > 0 and s is not title]


def matching_section(doc: Document, topic: str | None) -> Section | None:
    """The document's section whose heading covers the topic, the most specific match first."""
    if topic is None:
        return None
    candidates = [s for s in sections_of(doc) if not END_MATTER.search(s.heading)]
    for pattern in TOPICS[topic]:
        found = next((s for s in candidates if re.search(pattern, s.heading, re.I)), None)
        if found is not None:
            return found
    return None


def title_section(doc: Document) -> Section | None:
    top = doc.root.children
    return top[0] if len(top) == 1 and top[0].level == 1 else None


def into_section(doc: Document, lines: list[str], section: Section) -> Place:
    """At the end of the section's own text, before its first subsection."""
    last = (section.children[0].line - 1) if section.children else min(section.end_line, len(lines))
    return Place(*_after_text(lines, last, floor=section.line), level=section.level + 1, section=section.heading)


def new_section(doc: Document, lines: list[str]) -> Place:
    """Where a new section goes: before the end matter that closes the document, else at its end."""
    title = title_section(doc)
    siblings = title.children if title is not None else [s for s in doc.root.children if s.level > 0]
    level = min((s.level for s in siblings), default=2 if title is not None else 2)
    first_end = None
    for section in reversed(siblings):
        if not END_MATTER.search(section.heading):
            break
        first_end = section
    last = first_end.line - 1 if first_end is not None else len(lines)
    return Place(*_after_text(lines, last, floor=1), level=level, section=None)


def _after_text(lines: list[str], last: int, *, floor: int) -> tuple[int, int]:
    """(0-based line, column) at the end of the last non-blank line at or before 1-based ``last``."""
    number = min(last, len(lines))
    while number > floor and not lines[number - 1].strip():
        number -= 1
    if number < 1:
        return 0, 0
    return number - 1, len(lines[number - 1])


_HANDLE_OR_MAIL = re.compile(r"(?<![\w.])@[A-Za-z0-9][\w-]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NAME = re.compile(r"^\W*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\b")
_TEMPLATE_ROW = re.compile(r"\[\s*TODO|<\s*name\s*>|\bjane\s+doe\b", re.I)


def lists_people(doc: Document) -> bool:
    """The document lists people: a table row or list item naming someone or giving their handle."""
    return any(block.kind in ("row", "item") and not _TEMPLATE_ROW.search(block.text)
               and (_HANDLE_OR_MAIL.search(block.text) or _NAME.match(block.text)) for block in doc.blocks)
