"""Keep a rule pack's regexes from hanging govlint: refuse at load those that can backtrack
catastrophically, and run every pattern of a user pack under a deadline.

Python's ``re`` backtracks, and a check cannot be interrupted once it runs on a worker thread
(``govlint audit``), so a pattern like ``(a+)+$`` on a long line would hang govlint. Each pattern
is parsed with ``re._parser`` and its tree walked for the shapes that make backtracking blow up:

- a repeated part that itself holds a repeat, where one repetition can end on the characters the
  next can begin with, so a run of text is shared out in exponentially many ways: ``(a+)+``,
  ``(\\w+\\s?)+``, ``(a*)*``, ``(.*,){20}``; bounded (``{0,8}``), it costs a polynomial of that
  degree when unbounded runs meet on both sides: ``(?:[\\w-]+[^\\w.]+){0,8}`` on a row of dashes;
- a repeated alternation whose alternatives can match the same text: ``(a|a?)+``, ``(\\w+|\\d+)*``;
- three or more unbounded quantifiers in a row over the same characters: ``\\s*\\s*\\s*``.

Character classes are approximated by a sample alphabet, to which every character the pattern
itself names is added (so ``(.*k){12}`` is seen as ``(.*e){12}`` is), and the check errs on the side
of refusing. It is a first, cheap refusal with a message that says what to change; it cannot be
complete, so every pattern of a user pack also runs under a deadline (see ``bounded`` below). A refused pattern can be rewritten so that each repetition ends on characters it cannot
begin with, or with possessive (``a++``) or atomic (``(?>...)``) parts, which never give back.
"""
from __future__ import annotations

import re
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator, TypeVar

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:  # Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

# Repeats up to this count are not checked: x? or {0,1} cannot share out a run of text.
MAX_SAFE_BOUND = 1
# Up to this count, a bounded repeat is refused only when runs on both sides of a boundary overlap.
MAX_SMALL_BOUND = 10
_MAX_RUN = 2  # adjacent overlapping unbounded quantifiers allowed in a row

# Sample characters standing for the classes a pattern can tell apart (letters of both cases,
# digits, the underscore, white space, punctuation, a non-ASCII letter and a curly quote).
_ALPHABET = "aAbBeEnNsSzZ09_ \t\n-'’\".,;:!?@#/()[]*+<>=|&%é"
_ALL = frozenset(_ALPHABET)
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT)  # the repeats that backtrack
_POSSESSIVE = getattr(_c, "POSSESSIVE_REPEAT", None)
_ANY_REPEAT = (*_REPEATS, _POSSESSIVE) if _POSSESSIVE is not None else _REPEATS
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)


class UnsafePattern(ValueError):
    """A pattern that can backtrack catastrophically; the message says which part and why."""


@dataclass(frozen=True)
class _Info:
    nullable: bool  # can match the empty string
    first: frozenset[str]  # sample characters a non-empty match can start with
    last: frozenset[str]  # ... and end with
    backtracks: bool  # holds an unbounded quantifier that can give characters back
    first_run: frozenset[str] = frozenset()  # characters an unbounded quantifier at its start can take
    last_run: frozenset[str] = frozenset()  # ... at its end
    repeats: bool = False  # is itself an unbounded repeat: two of its matches in a row are one match


_EMPTY = _Info(True, frozenset(), frozenset(), False)


def check_pattern(pattern: str, *, flags: int = re.IGNORECASE) -> None:
    """Raise UnsafePattern when ``pattern`` can backtrack catastrophically; invalid patterns pass
    (compiling them reports the syntax error)."""
    try:
        tree = _p.parse(f"(?:{pattern})", flags)
    except (re.error, RecursionError, OverflowError):
        return
    state = getattr(tree, "state", None) or tree.pattern  # "pattern" before Python 3.11
    named = {c for ch in pattern for c in (ch, ch.lower(), ch.upper()) if len(c) == 1}
    try:
        _Walker(bool(state.flags & re.IGNORECASE), bool(state.flags & re.DOTALL), _ALL | named).seq(tree)
    except RecursionError:
        raise UnsafePattern("is nested too deeply to check; simplify it") from None


class _Walker:
    def __init__(self, ignorecase: bool, dotall: bool, alphabet: frozenset[str] = _ALL) -> None:
        self.ignorecase = ignorecase
        self.dotall = dotall
        self.all = alphabet  # the sample characters: _ALPHABET and those the pattern names
        # Each part is summed up once: the alternatives of a repeat are looked at again, and nested
        # repeats of alternatives would otherwise be walked a number of times exponential in depth.
        self._memo: dict[tuple[int, bool, bool], _Info] = {}

    # -- sequences and nodes -------------------------------------------------------------------

    def seq(self, parts: Any) -> _Info:
        key = (id(parts), self.ignorecase, self.dotall)
        if key not in self._memo:
            self._memo[key] = self._seq(list(parts))
        return self._memo[key]

    def _seq(self, items: list[tuple[Any, Any]]) -> _Info:
        infos = [self.node(op, av) for op, av in items]
        self._adjacent(items, infos)
        nullable = all(i.nullable for i in infos)
        first: set[str] = set()
        for info in infos:
            first |= info.first
            if not info.nullable:
                break
        last: set[str] = set()
        for info in reversed(infos):
            last |= info.last
            if not info.nullable:
                break
        return _Info(nullable, frozenset(first), frozenset(last), any(i.backtracks for i in infos),
                     _edge(infos, "first_run"), _edge(infos[::-1], "last_run"),
                     len(infos) == 1 and infos[0].repeats)

    def node(self, op: Any, av: Any) -> _Info:
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN):
            chars = self._chars(op, av)
            return _Info(False, chars, chars, False)
        if op in _ANY_REPEAT:
            return self._repeat(op, av)
        if op == _c.SUBPATTERN:
            _group, add, remove, body = av
            saved = self.ignorecase, self.dotall
            self.ignorecase = bool((self.ignorecase or add & re.IGNORECASE) and not remove & re.IGNORECASE)
            self.dotall = bool((self.dotall or add & re.DOTALL) and not remove & re.DOTALL)
            try:
                return self.seq(body)
            finally:
                self.ignorecase, self.dotall = saved
        if op == _c.BRANCH:
            return _union([self.seq(alt) for alt in av[1]])
        if _ATOMIC is not None and op == _ATOMIC:
            inner = self.seq(av)
            return _Info(inner.nullable, inner.first, inner.last, False)  # never gives characters back
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            self.seq(av[1])  # a lookaround can hide a bad pattern too
            return _EMPTY
        if op == _c.GROUPREF_EXISTS:
            _group, yes, no = av
            return _union([self.seq(yes), self.seq(no) if no else _EMPTY])
        if op == _c.GROUPREF:
            return _Info(True, self.all, self.all, False)
        return _EMPTY  # AT (anchors), FAILURE and the like match no characters

    def _repeat(self, op: Any, av: Any) -> _Info:
        low, high, body = av
        items = list(body)
        inner = self.seq(body)
        if high == 0:
            return _EMPTY
        nullable = low == 0 or inner.nullable
        if op is _POSSESSIVE:  # never gives characters back
            return _Info(nullable, inner.first, inner.last, False)
        unbounded = high == _c.MAXREPEAT
        if high > MAX_SAFE_BOUND:
            self._check_repeat(op, av, items, inner, unbounded)
        if not unbounded:
            return _Info(nullable, inner.first, inner.last, inner.backtracks, inner.first_run, inner.last_run)
        takes = bool(inner.first)
        return _Info(nullable, inner.first, inner.last, inner.backtracks or takes,
                     inner.first_run | inner.first, inner.last_run | inner.last, takes)

    def _check_repeat(self, op: Any, av: Any, items: list[tuple[Any, Any]], inner: _Info, unbounded: bool) -> None:
        """A repeat whose repetitions can share out a run of text in many ways."""
        if unbounded or av[1] > MAX_SMALL_BOUND:
            # Exponential (or of a high degree): a repetition can end by taking characters the next
            # one could begin with.
            split = inner.backtracks and (inner.nullable or inner.repeats or bool(inner.last_run & inner.first)
                                          or bool(inner.last & inner.first_run))
        else:
            # Polynomial of the bound's degree: both sides of a boundary can take the same run.
            split = bool(inner.last_run & inner.first_run)
        if split:
            cost = "exponential time" if unbounded else "time growing as a high power of the text's length"
            raise UnsafePattern(f"can take {cost}: {_render(op, av)} repeats a part that itself repeats, and where "
                                "one repetition ends the next can begin on the same characters; make each repetition "
                                "end on characters it cannot begin with, or make its repeats possessive (++)")
        if unbounded and self._ambiguous_alternatives(items):
            raise UnsafePattern(f"can take exponential time: {_render(op, av)} repeats alternatives that can "
                                "match the same text; make the alternatives distinct or the repeat possessive")

    # -- the checks ----------------------------------------------------------------------------

    def _adjacent(self, items: list[tuple[Any, Any]], infos: list[_Info]) -> None:
        """Three unbounded quantifiers in a row that can match the same characters: ``\\s*\\s*\\s*``."""
        run: list[tuple[Any, Any]] = []
        common: frozenset[str] = self.all
        for (op, av) in items:
            single = self._single_char_repeat(op, av)
            if single is not None and single & common:
                run.append((op, av))
                common = common & single
                if len(run) > _MAX_RUN:
                    shown = "".join(_render(o, a) for o, a in run)
                    raise UnsafePattern(f"can take polynomial time of high degree: {shown} has {len(run)} "
                                        "unbounded quantifiers in a row over the same characters; merge them into one")
            else:
                run = [(op, av)] if single is not None else []
                common = single if single is not None else self.all

    def _single_char_repeat(self, op: Any, av: Any) -> frozenset[str] | None:
        if op not in _REPEATS or av[1] != _c.MAXREPEAT:
            return None
        body = list(av[2])
        while len(body) == 1 and body[0][0] == _c.SUBPATTERN:
            body = list(body[0][1][3])
        if len(body) == 1 and body[0][0] in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN):
            return self._chars(*body[0])
        return None

    def _ambiguous_alternatives(self, items: list[tuple[Any, Any]]) -> bool:
        for op, av in items:
            if op == _c.SUBPATTERN:
                if self._ambiguous_alternatives(list(av[3])):
                    return True
            elif op == _c.BRANCH:
                alts = av[1]
                shapes = [self._shape(alt) for alt in alts]
                for i in range(len(alts)):
                    for j in range(i + 1, len(alts)):
                        if _overlap(shapes[i], shapes[j]):
                            return True
        return False

    def _shape(self, alt: Any) -> tuple[list[frozenset[str]], bool, _Info]:
        """(the character sets of the alternative's leading single characters, whether that is all of
        it, its summary)."""
        prefix = []
        for op, av in list(alt):
            if op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN):
                prefix.append(self._chars(op, av))
            else:
                return prefix, False, self.seq(alt)
        return prefix, True, self.seq(alt)

    # -- character sets ------------------------------------------------------------------------

    def _chars(self, op: Any, av: Any) -> frozenset[str]:
        if op == _c.ANY:
            return self.all if self.dotall else self.all - {"\n"}
        if op == _c.LITERAL:
            return self._literal(av)
        if op == _c.NOT_LITERAL:
            return self.all - self._literal(av)
        negate = False
        out: set[str] = set()
        for item_op, item_av in av:
            if item_op == _c.NEGATE:
                negate = True
            elif item_op == _c.LITERAL:
                out |= self._literal(item_av)
            elif item_op == _c.RANGE:
                low, high = item_av
                out |= {ch for ch in self.all if low <= ord(ch) <= high
                        or self.ignorecase and (low <= ord(ch.lower()) <= high or low <= ord(ch.upper()) <= high)}
            elif item_op == _c.CATEGORY:
                out |= _category(item_av, self.all)
        return frozenset(self.all - out if negate else out)

    def _literal(self, code: int) -> frozenset[str]:
        ch = chr(code)
        found = {c for c in self.all if c == ch or self.ignorecase and c.lower() == ch.lower()}
        # A character outside the sample alphabet still matches something: stand it in by itself.
        return frozenset(found or {ch})


def _edge(infos: list[_Info], attribute: str) -> frozenset[str]:
    """What unbounded quantifiers at one edge of a sequence can take: up to the first part that
    cannot be empty."""
    out: set[str] = set()
    for info in infos:
        out |= getattr(info, attribute)
        if not info.nullable:
            break
    return frozenset(out)


def _union(alts: list[_Info]) -> _Info:
    return _Info(any(a.nullable for a in alts), frozenset().union(*(a.first for a in alts)),
                 frozenset().union(*(a.last for a in alts)), any(a.backtracks for a in alts),
                 frozenset().union(*(a.first_run for a in alts)), frozenset().union(*(a.last_run for a in alts)))


def _category(category: Any, alphabet: frozenset[str]) -> set[str]:
    tests = {
        _c.CATEGORY_DIGIT: str.isdigit, _c.CATEGORY_SPACE: str.isspace,
        _c.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_",
    }
    for positive, negative in ((_c.CATEGORY_DIGIT, _c.CATEGORY_NOT_DIGIT), (_c.CATEGORY_SPACE, _c.CATEGORY_NOT_SPACE),
                               (_c.CATEGORY_WORD, _c.CATEGORY_NOT_WORD)):
        if category == positive:
            return {ch for ch in alphabet if tests[positive](ch)}
        if category == negative:
            return {ch for ch in alphabet if not tests[positive](ch)}
    return set(alphabet)


def _overlap(a: tuple[list[frozenset[str]], bool, _Info], b: tuple[list[frozenset[str]], bool, _Info]) -> bool:
    """Whether two alternatives can match the same text (approximately: on their leading characters)."""
    (pa, whole_a, ia), (pb, whole_b, ib) = a, b
    if ia.nullable and ib.nullable:
        return True
    if not ia.first & ib.first:
        return False
    if whole_a and whole_b and len(pa) != len(pb):
        return False
    return all(x & y for x, y in zip(pa, pb))


# --- showing the part of a pattern that is at fault ----------------------------------------------

_CATEGORY_TEXT = {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}


def _render(op: Any, av: Any) -> str:
    text = _render_node(op, av)
    return text if len(text) <= 60 else text[:57] + "..."


def _render_seq(items: Any) -> str:
    return "".join(_render_node(op, av) for op, av in items)


def _render_node(op: Any, av: Any) -> str:
    if op == _c.LITERAL:
        return re.escape(chr(av))
    if op == _c.NOT_LITERAL:
        return f"[^{re.escape(chr(av))}]"
    if op == _c.ANY:
        return "."
    if op == _c.IN:
        if len(av) == 1 and av[0][0] == _c.CATEGORY:
            return _CATEGORY_TEXT.get(av[0][1], "?")
        parts = []
        for item_op, item_av in av:
            if item_op == _c.NEGATE:
                parts.append("^")
            elif item_op == _c.LITERAL:
                parts.append(re.escape(chr(item_av)))
            elif item_op == _c.RANGE:
                parts.append(f"{re.escape(chr(item_av[0]))}-{re.escape(chr(item_av[1]))}")
            elif item_op == _c.CATEGORY:
                parts.append(_CATEGORY_TEXT.get(item_av, "?"))
        return f"[{''.join(parts)}]"
    if op in _ANY_REPEAT:
        low, high, body = av
        parts = list(body)
        inner = _render_seq(parts)
        if len(parts) != 1 or parts[0][0] in (*_ANY_REPEAT, _c.BRANCH):
            inner = f"(?:{inner})"
        if (low, high) == (0, _c.MAXREPEAT):
            quant = "*"
        elif (low, high) == (1, _c.MAXREPEAT):
            quant = "+"
        elif (low, high) == (0, 1):
            quant = "?"
        elif high == _c.MAXREPEAT:
            quant = f"{{{low},}}"
        else:
            quant = f"{{{low},{high}}}" if low != high else f"{{{low}}}"
        return inner + quant + ("?" if op == _c.MIN_REPEAT else "+" if op is _POSSESSIVE else "")
    if op == _c.SUBPATTERN:
        return f"({_render_seq(av[3])})"
    if op == _c.BRANCH:
        return "|".join(_render_seq(alt) for alt in av[1])
    if op == _c.AT:
        return {_c.AT_BEGINNING: "^", _c.AT_END: "$", _c.AT_BOUNDARY: r"\b"}.get(av, "")
    return "..."


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
