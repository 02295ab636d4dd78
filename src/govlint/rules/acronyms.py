"""Acronyms a document defines for itself: "the Project Steering Committee (PSC)".

Projects name their bodies with acronyms of their own (PSC, CPC, TC, STC) and then write "a PSC
member may be removed by a two-thirds vote of the PSC". A pack cannot list every project's
acronyms, but the document says what each stands for: an acronym in parentheses right after
capitalised words whose initials spell it. Within that document an acronym no vocabulary knows
is read as the last one to three words it stands for that make a phrase of a vocabulary the pack's
`acronyms:` names ("steering committee", "core team", "committee"); one that stands for nothing
those vocabularies know ("Jenkins Enhancement Proposal") is read as written (lexicon.Lexicon.scan).
"""
from __future__ import annotations

import re
from functools import lru_cache

from govlint.rules.words import WORD, tokenize

# Capitalised words (small joining words between them allowed), then an acronym in parentheses.
_DEFINITION = re.compile(
    r"((?:[A-Z][\w'’-]*\s+(?:(?:of|and|for|the|on|in|&)\s+)*){2,8})\(([A-Z][A-Za-z]{1,7})\)")
_SMALL = frozenset({"of", "and", "for", "the", "on", "in", "&"})


@lru_cache(maxsize=1024)
def defined_acronyms(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(acronym, the words it stands for) in normalized form, one per acronym the text defines, the
    first definition kept: "Scenic Core Team (CT)" gives ("ct", ("core", "team"))."""
    found: dict[str, tuple[str, ...]] = {}
    for match in _DEFINITION.finditer(text):
        acronym = match.group(2)
        letters = [c for c in acronym if c.isupper()]
        named: list[str] = []  # the words it stands for, read back from the parenthesis
        capitals = 0
        for word in reversed(match.group(1).split()):
            if capitals == len(letters):
                break
            if word.lower() not in _SMALL:
                capitals += 1
            named.insert(0, word)
        initials = [w[0] for w in named if w.lower() not in _SMALL]
        if len(letters) < 2 or initials != letters:
            continue  # the initials do not spell it: "Team Lead (see below)", "Foo (BAR)"
        acronym_tokens = tokenize(acronym)
        words = tuple(t.norm for t in tokenize(" ".join(named)) if t.kind == WORD)
        if len(acronym_tokens) != 1 or not words:
            continue
        found.setdefault(acronym_tokens[0].norm, words)
    return tuple(found.items())
