"""The review pack's words and probes, for the Python checks of the review pack (review_*.py).

The checks read with the pack's own vocabulary (rules/review.yaml), so a synonym is added there
and not here. The pack's words and probes are compiled once, from the packaged file.
"""
from __future__ import annotations

from functools import lru_cache

from govlint.rules.lexicon import Scan
from govlint.rules.probes import Language, ProbeMatch

PACK = "review"


@lru_cache(maxsize=1)
def language() -> Language:
    """The review pack's Language, compiled once from the packaged file."""
    from govlint.resources import opt_in_pack
    from govlint.rules.loader import builtin_pack

    return builtin_pack(opt_in_pack("review.yaml"))[1]


def scan(text: str) -> Scan:
    return language().lexicon.scan(text)


def matches(name: str, text: str | Scan) -> list[ProbeMatch]:
    """Every match of a probe (or vocabulary) of the review pack in ``text``."""
    found = text if isinstance(text, Scan) else scan(text)
    return language().probe(name).find_all(found)


def holds(name: str, text: str | Scan) -> bool:
    return bool(matches(name, text))


def spans(name: str, text: str | Scan) -> tuple[tuple[int, int], ...]:
    """Token spans (start, end) where a vocabulary occurs."""
    found = text if isinstance(text, Scan) else scan(text)
    return found.spans(name)


def phrase(found: Scan, span: tuple[int, int]) -> str:
    """The normalized words of a token span: "Core Maintainers" and "core maintainer" are one role."""
    return " ".join(t.norm for t in found.tokens[span[0]:span[1]])


def longest(found: Scan, names: tuple[str, ...]) -> list[tuple[str, tuple[int, int]]]:
    """(vocabulary, span) of the longest non-overlapping occurrences of the vocabularies, in text order."""
    every = sorted(((name, span) for name in names for span in found.spans(name)),
                   key=lambda item: (-(item[1][1] - item[1][0]), item[1][0]))
    taken: list[tuple[str, tuple[int, int]]] = []
    for name, span in every:
        if all(span[1] <= s[0] or span[0] >= s[1] for _, s in taken):
            taken.append((name, span))
    return sorted(taken, key=lambda item: item[1][0])
