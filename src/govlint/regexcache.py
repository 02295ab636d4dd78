"""Compiled rule regexes kept on disk between runs.

The rule packs' vocabulary makes large alternations, and Python parses and compiles every
pattern afresh in each process: over half of a cold `govlint check`. The compiled form (the
list of opcodes `re` hands to its C engine) depends only on the pattern, the flags and the
Python version, so it is stored per interpreter version and fed back to the engine next time.

This uses `re`'s internal compiler API. Anything unexpected (another Python, a damaged file,
an engine that rejects the code) falls back to `re.compile`, which is always correct; the C
engine validates the opcodes it is given, so a bad file cannot crash the interpreter.
"""
from __future__ import annotations

import atexit
import builtins
import marshal
import os
import re
import sys
import threading
from array import array
from pathlib import Path
from typing import Any

try:  # Python 3.11+: re._compiler / re._parser; 3.10: sre_compile / sre_parse
    import _sre
    from re import _compiler as _sre_compile  # type: ignore[attr-defined]
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - exercised on Python 3.10
    try:
        import _sre
        import sre_compile as _sre_compile  # type: ignore[no-redef]
        import sre_constants as _sre_constants  # type: ignore[no-redef]
        import sre_parse as _sre_parse  # type: ignore[no-redef]
    except ImportError:
        _sre = None  # type: ignore[assignment]

# A literal shorter than this is too common to be worth testing before the regex.
_MIN_LITERAL = 3
# ...unless it holds a character ordinary prose seldom has: "@" in an address, "/" in "2/3".
_RARE = frozenset("@/+%#")

_VERSION = f"9-{sys.implementation.cache_tag}-{getattr(_sre, 'MAGIC', 0)}-{getattr(_sre, 'CODESIZE', 0)}"
_MAX_BYTES = 64 * 1024 * 1024
# This run's patterns always stay in the file (the built-in pack's take about 1.2 MB). Patterns of
# earlier runs (another rule pack, an edited one) stay, most recent first, while they weigh at most
# a quarter of this run's or 256 KB: every cold start reads the whole file.
_OLDER_SHARE = 0.25
_MIN_OLDER_BYTES = 256 * 1024


# Opcodes are kept as packed machine words: a 2 MB file of them loads in a fraction of the time
# a list of Python ints takes (about 6 ms for the built-in pack).
_WORD = next((t for t in "ILQ" if array(t).itemsize == getattr(_sre, "CODESIZE", 0)), None)


def _pack(code: list[int]) -> bytes | list[int]:
    return array(_WORD, code).tobytes() if _WORD else code


def _unpack(packed: bytes | list[int]) -> list[int]:
    if isinstance(packed, list):
        return packed
    words = array(_WORD)  # type: ignore[arg-type]
    words.frombytes(packed)
    return words.tolist()


class RegexCache:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[tuple[str, int], tuple[Any, ...]] = {}
        self._dirty = False
        self._lock = threading.Lock()
        self._loaded = False
        self._compiled: dict[tuple[str, int], re.Pattern[str]] = {}  # one object per pattern, so callers can memoise
        self._tests: dict[int, Any] = {}

    def _load(self) -> None:
        self._loaded = True
        if self.path is None:
            return
        try:
            if self.path.stat().st_size > _MAX_BYTES:
                return
            data = marshal.loads(self.path.read_bytes())
            if isinstance(data, dict) and data.get("version") == _VERSION:
                self._entries = data["entries"]
        except (OSError, ValueError, EOFError, TypeError, KeyError):
            self._entries = {}

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        if _sre is None:
            return re.compile(pattern, flags)
        if not self._loaded:
            self._load()
        flags = int(flags)
        key = (pattern, flags)
        known = self._compiled.get(key)
        if known is not None:
            return known
        compiled, test = self._compile(pattern, flags, key)
        self._compiled[key] = compiled
        self._tests[id(compiled)] = eval(test) if test is not None else None  # noqa: S307 - our own code object
        return compiled

    def prefilter(self, compiled: re.Pattern[str]):
        """A function of casefolded text that is False when the pattern cannot match it, or None."""
        return self._tests.get(id(compiled))  # by id: hashing a pattern hashes its whole program

    def required(self, compiled: re.Pattern[str]) -> tuple | None:
        """What any text the pattern matches must contain (see required_literals), or None. Not
        kept in the file (its test is): the trees of the built-in pack hold 15,000 literals."""
        return None if _sre is None else required_literals(_sre_parse.parse(compiled.pattern, compiled.flags))

    def _compile(self, pattern: str, flags: int, key: tuple[str, int]):
        cached = self._entries.get(key)
        if cached is not None:
            try:
                (entry_flags, packed, groups, groupindex, indexgroup), test = cached
                return _sre.compile(pattern, entry_flags, _unpack(packed), groups, groupindex, indexgroup), test
            except Exception:  # noqa: BLE001 - any doubt: compile the ordinary way
                pass
        try:
            parsed = _sre_parse.parse(pattern, flags)
            code = _sre_compile._code(_guarded(pattern, flags, parsed), flags)
            groupindex = dict(parsed.state.groupdict)
            indexgroup = [None] * parsed.state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            code = [int(c) for c in code]
            entry = (int(flags | parsed.state.flags), _pack(code), int(parsed.state.groups - 1),
                     {str(k): int(v) for k, v in groupindex.items()}, tuple(indexgroup))
            compiled = _sre.compile(pattern, entry[0], code, *entry[2:])
            required = required_literals(parsed)
            test = _predicate_code(required) if required is not None else None
        except re.error:
            raise
        except Exception:  # noqa: BLE001 - internals differ on this Python: no caching
            return re.compile(pattern, flags), None
        with self._lock:
            self._entries[key] = (entry, test)
            if not self._dirty and self.path is not None:
                atexit.register(self.save)
            self._dirty = True
        return compiled, test

    def save(self) -> None:
        """Write the cache atomically, if anything was added; an unwritable folder is skipped."""
        if not self._dirty or self.path is None:
            return
        from govlint.errors import GovlintError
        from govlint.files import write_atomically

        try:
            with self._lock:
                data = marshal.dumps({"version": _VERSION, "entries": self._kept()})
                self._dirty = False
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, data)
        except (OSError, ValueError, GovlintError):
            pass


    def _kept(self) -> dict[tuple[str, int], tuple[Any, ...]]:
        """What the file keeps: this run's patterns, most recent last, after as many of the older
        ones, most recent first, as their budget allows."""
        used = self._compiled.keys()
        mine = [(k, self._entries[k]) for k in used if k in self._entries]
        budget = max(_MIN_OLDER_BYTES, int(_OLDER_SHARE * sum(_weight(k, v) for k, v in mine)))
        older: list[tuple[tuple[str, int], tuple[Any, ...]]] = []
        for key, entry in reversed([(k, v) for k, v in self._entries.items() if k not in used]):
            budget -= _weight(key, entry)
            if budget < 0:
                break
            older.append((key, entry))
        return dict([*reversed(older), *mine])


def _weight(key: tuple[str, int], entry: tuple[Any, ...]) -> int:
    """About how many bytes an entry takes in the file: its opcodes and its pattern."""
    packed = entry[0][1]
    return len(key[0]) + (len(packed) if isinstance(packed, bytes) else 4 * len(packed))


def _guarded(pattern: str, flags: int, parsed: Any) -> Any:
    """The parsed pattern with a look-ahead for the characters a match can start with.

    `re` tries a pattern at every position of the text. For a case-insensitive alternation of
    words it has no quick test of the first character, so it tries every alternative at every
    position: a vocabulary regex took 140 us on a 200-character sentence. ``(?=[cmr...])`` in
    front costs one character test per position and changes no match (a match must start with
    one of those characters); the compiled pattern keeps its own text and groups."""
    first, nullable = _first(parsed, flags)
    if nullable or not first or len(first) > 64:
        return parsed
    head = parsed.data[0] if parsed.data else None
    if head is not None and head[0] is _sre_constants.AT:
        return parsed  # anchored ("^..."): re already tries one position only
    chars = "".join(re.escape(chr(c)) for c in sorted(first))
    try:
        guarded = _sre_parse.parse(f"(?=[{chars}])(?:{pattern})", flags)
    except re.error:
        return parsed  # e.g. global flags, which must open the pattern
    if guarded.state.groups != parsed.state.groups or guarded.state.groupdict != parsed.state.groupdict:
        return parsed
    return guarded


def _first(items: Any, flags: int) -> tuple[set[int] | None, bool]:
    """The characters a match of ``items`` can start with (None: any), and whether it can be empty."""
    c = _sre_constants
    found: set[int] = set()
    for op, av in items:
        if op is c.LITERAL:
            return found | {av}, False
        if op is c.IN:
            chars: set[int] = set()
            for kind, value in av:
                if kind is c.LITERAL:
                    chars.add(value)
                elif kind is c.RANGE and value[1] - value[0] < 64:
                    chars.update(range(value[0], value[1] + 1))
                else:
                    return None, False  # a category, a negation, a wide range
            return found | chars, False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: the match starts with what follows
        if op is c.SUBPATTERN:
            add_flags = av[1]
            if add_flags & re.IGNORECASE and not flags & re.IGNORECASE:
                return None, False  # (?i:...) in a case-sensitive pattern: the look-ahead would miss cases
            part, empty = _first(av[-1], flags)
        elif op is c.BRANCH:
            part, empty = set(), False
            for branch in av[1]:
                sub, sub_empty = _first(branch, flags)
                if sub is None:
                    return None, False
                part |= sub
                empty = empty or sub_empty
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
            part, empty = _first(av[2], flags)
            empty = empty or av[0] == 0
        elif op is getattr(c, "ATOMIC_GROUP", None):
            part, empty = _first(av, flags)
        else:
            return None, False  # any character, a back-reference, a conditional...
        if part is None:
            return None, False
        found |= part
        if not empty:
            return found, False
    return found, True


def required_literals(parsed: Any) -> tuple | None:
    """What every match must contain, as a tree of literals: ("lit", text), ("and", parts) or
    ("or", parts), literals casefolded; None when a match may contain no literal of useful length.
    Found by walking the parsed pattern; lookarounds are left out, so it is a necessary condition."""
    found = _required(parsed)
    return None if found is None else _simplify(found)


def _size(node: tuple) -> int:
    return 1 if node[0] == "lit" else sum(_size(part) for part in node[1])


def _simplify(node: tuple) -> tuple:
    """The same condition, cheaper to test: nested and/or flattened; in an "or", a literal that
    contains another is dropped ("maintainership" when "maintainer" will do); in an "and", one
    that another contains; and an "and" tests its cheapest part first, as most texts fail it."""
    kind, value = node
    if kind == "lit":
        return node
    parts: list[tuple] = []
    for part in (_simplify(p) for p in value):
        parts.extend(part[1] if part[0] == kind else [part])
    literals = {p[1] for p in parts if p[0] == "lit"}
    if kind == "or":
        kept = {lit for lit in literals if not any(o != lit and o in lit for o in literals)}
    else:
        kept = {lit for lit in literals if not any(o != lit and lit in o for o in literals)}
    rest = [p for p in parts if p[0] != "lit"]
    out = [("lit", lit) for lit in sorted(kept)] + rest
    if kind == "and":
        out.sort(key=_size)
    return out[0] if len(out) == 1 else (kind, tuple(out))


def _required(items: Any) -> tuple | None:
    c = _sre_constants
    parts: list[tuple] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= _MIN_LITERAL or _RARE.intersection(run):
            parts.append(("lit", "".join(run)))
        run.clear()

    for op, av in items:
        if op is c.LITERAL and av < 128:
            run.append(chr(av).casefold())
            continue
        flush()
        sub = None
        if op is c.SUBPATTERN:
            sub = _required(av[-1])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            sub = _required(av[2])
        elif op is c.BRANCH:
            branches = [_required(branch) for branch in av[1]]
            if all(b is not None for b in branches):
                sub = branches[0] if len(branches) == 1 else ("or", tuple(branches))
        elif getattr(c, "ATOMIC_GROUP", None) is not None and op is c.ATOMIC_GROUP:
            sub = _required(av)
        if sub is not None:
            parts.append(sub)
    flush()
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else ("and", tuple(parts))


def satisfied(need: tuple, folded: str) -> bool:
    """Whether casefolded text holds what the tree from required_literals asks for."""
    return eval(_predicate_code(need))(folded)  # noqa: S307 - our own code object


def _predicate_code(need: tuple):
    """The tree as the code of one Python expression of `in` tests (kept in the cache file):
    several times faster than walking the tree, far faster than the regex on what it rules out."""
    def expression(node: tuple) -> str:
        kind, value = node
        if kind == "lit":
            return f"{value!r} in t"
        joiner = " and " if kind == "and" else " or "
        return "(" + joiner.join(expression(part) for part in value) + ")"

    return builtins.compile(f"lambda t: {expression(need)}", "<govlint-regex-prefilter>", "eval")


def prefilter(compiled: re.Pattern[str]):
    """The pre-test recorded for a pattern compiled through this module, or None."""
    return _CACHE.prefilter(compiled) if _CACHE is not None else None


def _default_path() -> Path | None:
    if os.environ.get("GOVLINT_NO_REGEX_CACHE"):
        return None
    from govlint.startcache import memo_path

    return memo_path("regex")  # None without a cache folder: compile every time


_CACHE: RegexCache | None = None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - mirrors re.compile
    """re.compile, served from the on-disk cache when this pattern was compiled before."""
    global _CACHE
    if _CACHE is None:
        _CACHE = RegexCache(_default_path())
    return _CACHE.compile(pattern, flags)
