"""Keep a rule pack's value patterns (the only regular expressions a pack may hold) from hanging
govlint: every pattern of a user pack runs under a deadline.

Python's ``re`` backtracks, and a search cannot be interrupted once it runs, least of all on the
audit's worker threads, so a pattern like ``(a+)+$`` on a long line would hang a check. No static
test of a pattern can be complete (``(?:a|aa)+!`` looks harmless), and one would have to read
``re``'s private parser, so there is none: inside a user pack's rule, a pattern is compiled by the
``regex`` module and searched with a timeout; past it the rule ends ``error`` (engine.py). Built-in
patterns, written and tested here, keep ``re``.
"""
from __future__ import annotations

import re
import time
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Any, Iterator, TypeVar


# --- the deadline: a static check cannot be complete -------------------------------------------------

# Seconds of processor time.
PATTERN_SECONDS = 1.0  # one pattern on one text
TOTAL_SECONDS = 20.0  # every pattern of the user packs on one target, together


class PatternError(Exception):
    """A user pattern that could not be run to its end: past its deadline, or not runnable under one."""


class PatternBudget:
    """The matching time the user packs' patterns may take on one target: ``per_pattern`` seconds for
    one pattern on one text, ``total`` for all of them. Both are processor time (``regex`` counts its
    timeout so) spent inside the regex engine, so a busy machine or a slow built-in rule costs a user
    rule nothing. The engine makes one per target
    and runs each user-pack rule under ``applied()``; the rule kinds run their patterns through
    ``bounded``, which is the pattern itself (``re``) anywhere else."""

    def __init__(self, *, per_pattern: float = PATTERN_SECONDS, total: float = TOTAL_SECONDS) -> None:
        self.per_pattern = per_pattern
        self.total = total
        self.left = total

    @contextmanager
    def applied(self) -> Iterator[None]:
        token = _BUDGET.set(self)
        try:
            yield
        finally:
            _BUDGET.reset(token)

    def timeout(self, pattern: str) -> float:
        if self.left <= 0:
            raise PatternError(f"pattern {_shown(pattern)} was not run: the rule packs' patterns had used their "
                               f"{self.total:g} s for this target")
        return min(self.per_pattern, self.left)

    def late(self, pattern: str, text: str, allowed: float) -> PatternError:
        if allowed < self.per_pattern:
            return PatternError(f"pattern {_shown(pattern)} was stopped when the rule packs' patterns had used "
                                f"their {self.total:g} s for this target")
        return PatternError(f"pattern {_shown(pattern)} ran past its {self.per_pattern:g} s deadline on a text of "
                            f"{len(text):,} characters; it backtracks: rewrite it so that each repetition ends on "
                            "characters it cannot begin with")


# The budget of the user-pack rule running in this thread (audit workers each run their own target).
_BUDGET: ContextVar[PatternBudget | None] = ContextVar("govlint_pattern_budget", default=None)
_P = TypeVar("_P")


def bounded(pattern: _P) -> _P:
    """The pattern to run: outside a user-pack rule, the pattern itself (built-in rules keep ``re``);
    inside one, the same pattern compiled by the ``regex`` module, stopped at the deadline."""
    if pattern is None or _BUDGET.get() is None:
        return pattern
    return _bounded(pattern.pattern, pattern.flags)  # type: ignore[attr-defined,return-value]


# Unbounded, so each compiled pattern lives on: the phrase-match memos key patterns by id.
@lru_cache(maxsize=None)
def _bounded(source: str, flags: int) -> BoundedPattern:
    return BoundedPattern(source, flags)


class BoundedPattern:
    """A pattern compiled by the ``regex`` module, whose ``search`` and ``finditer`` take a timeout
    (``re`` cannot be interrupted, least of all on a worker thread); past it, PatternError."""

    def __init__(self, source: str, flags: int) -> None:
        import regex  # imported only when a user pack's rule runs

        self.pattern = source
        self.flags = flags
        wanted = regex.V0  # re's own behaviour; regex.V1 is re.ASCII's value, so flags are mapped by name
        for name in ("IGNORECASE", "MULTILINE", "DOTALL", "VERBOSE", "ASCII"):
            if flags & getattr(re, name):
                wanted |= getattr(regex, name)
        try:
            self._compiled = regex.compile(source, wanted)
        except (regex.error, ValueError) as err:
            raise PatternError(f"pattern {_shown(source)} cannot be run under a deadline: {err}") from None

    def search(self, string: str) -> Any:
        budget = _BUDGET.get() or PatternBudget()
        allowed = budget.timeout(self.pattern)
        start = time.thread_time()
        try:
            return self._compiled.search(string, timeout=allowed)
        except TimeoutError:
            raise budget.late(self.pattern, string, allowed) from None
        finally:
            budget.left -= time.thread_time() - start

    def finditer(self, string: str) -> Iterator[Any]:
        budget = _BUDGET.get() or PatternBudget()
        allowed = budget.timeout(self.pattern)
        matches = self._compiled.finditer(string, timeout=allowed)  # the timeout covers the whole iteration
        while True:
            start = time.thread_time()
            try:
                match = next(matches)
            except StopIteration:
                return
            except TimeoutError:
                raise budget.late(self.pattern, string, allowed) from None
            finally:
                budget.left -= time.thread_time() - start
            yield match


def _shown(pattern: str) -> str:
    """The pattern as a message quotes it: without the group the rule kinds wrap a phrase in."""
    if pattern.startswith("(?:") and pattern.endswith(")") and _closes_at_end(pattern):
        pattern = pattern[3:-1]
    return repr(pattern if len(pattern) <= 80 else pattern[:77] + "...")


def _closes_at_end(pattern: str) -> bool:
    """Whether the group that opens the pattern is the one its last character closes."""
    depth, index, in_class = 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += 2 if pattern[index + 1:index + 2] == "]" else 1  # "[]...]": a leading ] is a member
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index == len(pattern) - 1
        index += 1
    return False
