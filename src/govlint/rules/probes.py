"""Probes: the ideas rules share, each named and defined once (in the spirit of Scorecard's probes).

A probe is a frame of slots that must be filled close together, within one clause: *removal of
a person* needs an action that ends a role ("remove", "revoke", "expel") and a person or role
("maintainer", "their commit access") within a few words of each other, in either order. Each
slot names vocabularies (lexicon.py). A probe may also say what cancels it inside its clause
(`unless`: "removed by the sponsoring maintainer" names who removes, not who is removed) and
which words may not stand just before a slot's filler (`not_after`) or start right after it
(`not_before`: "the maintainer meeting" names a meeting, not a maintainer).

Rules combine probes (and vocabularies, which are one-slot probes) per sentence, block or
section (kinds/probes.py); evidence names the probe that matched. Every probe carries PASS and
FAIL example sentences, run by the test suite and shown by `govlint explain`.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from heapq import heappop, heappush, merge
from typing import Any, Iterator, Mapping, NamedTuple, Sequence

from govlint.rules.lexicon import Lexicon, Scan
from govlint.rules.words import BREAK, COMMA, Token

# Punctuation that ends a clause: a probe's slots never reach across it.
_CLAUSE_END = frozenset({".", ";", "!", "?"})
_DEFAULT_WITHIN = 12  # tokens from the first filled slot to the last
_NOT_AFTER_REACH = 3  # words before a filler that `not_after` looks at
_AFTER_BREAKS = _CLAUSE_END | {":"}  # what ends the reach of a word `not_after` names
_LONG = 400  # tokens: in a text this long, a probe's matches are looked for as they are asked for


class Slot(NamedTuple):
    name: str
    vocabularies: tuple[str, ...]
    not_after: tuple[str, ...] = ()  # vocabularies that may not end just before the filler
    probes: tuple["Probe", ...] = ()  # probes (defined above) whose matches also fill the slot
    not_before: tuple[str, ...] = ()  # vocabularies that may not start right after the filler


class ProbeMatch(NamedTuple):
    probe: str
    start: int  # character offsets in the scanned text
    end: int
    first_token: int
    last_token: int  # exclusive
    fillers: tuple[tuple[int, int], ...] = ()  # each slot's filler, as character offsets


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: the memo of a scan is keyed by it
class Probe:
    name: str
    about: str
    slots: tuple[Slot, ...]
    within: int = _DEFAULT_WITHIN
    gap: int | None = None  # at most this many words, and no comma, between one filler and the next
    ordered: bool = False
    across_sentences: bool = False  # the slots may stand in different sentences of the unit
    unless: tuple[str, ...] = ()
    unless_reach: int | None = None  # `unless` looks this many words either side, not the whole clause
    not_between: tuple[str, ...] = ()
    unless_in_text: tuple["Probe", ...] = ()  # probes that, anywhere in the text, cancel this one
    with_in_text: tuple["Probe", ...] = ()  # probes that must also hold somewhere in the text
    any_of: tuple["Probe", ...] = ()  # a probe that is one of several others
    passes: tuple[str, ...] = ()
    fails: tuple[str, ...] = ()

    def find_all(self, scan: Scan) -> list[ProbeMatch]:
        """Every way the probe's slots are filled in the text, earliest first (remembered per text)."""
        found = scan.found.get(self)
        if found is None or type(found) is _Found:
            # None found is remembered as (), not a list of its own: a long document's scans would
            # keep tens of thousands of empty lists for the garbage collector to walk through.
            found = scan.found[self] = (found.all() if found is not None else
                                        self._all(scan) if self.possible(scan.names) else None) or ()
        return found or []

    def matches(self, scan: Scan) -> Iterator[ProbeMatch]:
        """find_all's matches one at a time, in a long text each looked for only when asked for: a
        check that needs the first match no negation governs reads a long block's first few."""
        found = scan.found.get(self)
        if found is None:
            if len(scan.tokens) < _LONG or not self.possible(scan.names):
                return iter(self.find_all(scan))
            found = scan.found[self] = _Found(self._matches(scan))
        return iter(found)

    def holds(self, scan: Scan) -> bool:
        """Whether the probe matches the text at all (its first match is enough)."""
        return next(self.matches(scan), None) is not None

    def possible(self, names: frozenset[str]) -> bool:
        """Whether a text holding these vocabularies may match: each slot has one of its
        vocabularies or a possible probe (an `any:` probe, one of its probes is possible). Most
        texts lack one, and this is found without looking for the probe."""
        if self.any_of:
            return any(probe.possible(names) for probe in self.any_of)
        for slot in self.slots:
            if names.isdisjoint(slot.vocabularies) and not (
                    slot.probes and any(probe.possible(names) for probe in slot.probes)):
                return False
        return not self.with_in_text or any(probe.possible(names) for probe in self.with_in_text)

    def _all(self, scan: Scan) -> list[ProbeMatch]:
        if self.any_of:  # a stable sort: equal matches in the order of any_of, as merge gives them
            return sorted((m for probe in self.any_of for m in probe.find_all(scan)), key=_place)
        return list(self._matches(scan))

    def _matches(self, scan: Scan) -> Iterator[ProbeMatch]:
        """The matches in order of (start, end), ties in the order they are found: each is given as
        soon as no match found later can come before it."""
        if self.any_of:  # merge keeps the order of any_of among equal matches
            yield from merge(*(probe.matches(scan) for probe in self.any_of), key=_place)
            return
        if self.unless_in_text and any(p.holds(scan) for p in self.unless_in_text):
            return
        if self.with_in_text and not any(p.holds(scan) for p in self.with_in_text):
            return
        fillers = []
        for slot in self.slots:
            spans = {s for name in slot.vocabularies for s in scan.spans(name)}
            spans.update((m.first_token, m.last_token) for probe in slot.probes for m in probe.find_all(scan))
            spans = sorted(spans)
            if slot.not_after:
                spans = [s for s in spans if not _after(scan, s[0], slot.not_after)]
            if slot.not_before:
                spans = [s for s in spans if not _spans_from_any(scan, slot.not_before, s[1])]
            if not spans:
                return
            fillers.append(spans)
        # A match spans at most `within` words and holds its anchor, and the anchors come in order, so
        # a match starting `within` words before the anchor's start comes before every later one.
        waiting: list[tuple[int, int, int, ProbeMatch]] = []
        starts = [[span[0] for span in spans] for spans in fillers]
        for number, anchor in enumerate(fillers[0]):
            while waiting and waiting[0][3].first_token <= anchor[0] - self.within:
                yield heappop(waiting)[3]
            chosen = [anchor]
            for index, spans in enumerate(fillers[1:], start=1):
                best = None
                # Only fillers starting within `within` words of the anchor can fit (a long text has many).
                first = bisect_left(starts[index], anchor[0] - self.within)
                last = bisect_right(starts[index], anchor[1] + self.within)
                for span in spans[first:last]:
                    if self.ordered and span[0] < chosen[-1][1]:
                        continue
                    if any(span[0] < s[1] and s[0] < span[1] for s in chosen):
                        continue  # one stretch of words fills one slot, not two
                    low = min(min(s[0] for s in chosen), span[0])
                    high = max(max(s[1] for s in chosen), span[1])
                    if high - low > self.within or (not self.across_sentences and _crosses_clause(scan, low, high)):
                        continue
                    if self.gap is not None and (_gap(chosen[-1], span) > self.gap
                                                 or _comma_between(scan, chosen[-1], span)):
                        continue
                    if best is None or high - low < best[0]:
                        best = (high - low, span)
                if best is None:
                    break
                chosen.append(best[1])
            else:
                low = min(s[0] for s in chosen)
                high = max(s[1] for s in chosen)
                if self.unless and _in_clause(scan, low, high, self.unless, self.unless_reach):
                    continue
                if self.not_between and _between(scan, chosen, self.not_between):
                    continue
                filled = tuple((scan.start(a), scan.end(b - 1)) for a, b in chosen)
                match = ProbeMatch(self.name, scan.start(low), scan.end(high - 1), low, high, filled)
                heappush(waiting, (match.start, match.end, number, match))
        while waiting:
            yield heappop(waiting)[3]

    def wrong_examples(self, lexicon: Lexicon) -> list[tuple[str, str]]:
        """The probe's own examples that it gets wrong, as ("pass" or "fail", text): a PASS
        sentence it does not find, a FAIL sentence it finds (empty when all hold)."""
        wrong = [("pass", text) for text in self.passes if not self.find_all(lexicon.scan(text))]
        return wrong + [("fail", text) for text in self.fails if self.find_all(lexicon.scan(text))]


class _Found:
    """A probe's matches in one text while some are left to find: those found so far, and the
    search that finds the rest (find_all then keeps the list alone)."""

    __slots__ = ("made", "_rest")

    def __init__(self, rest: Iterator[ProbeMatch]) -> None:
        self.made: list[ProbeMatch] = []
        self._rest = rest

    def __iter__(self) -> Iterator[ProbeMatch]:
        made = self.made
        index = 0
        while True:
            if index < len(made):
                yield made[index]
                index += 1
            elif self._rest is None:
                return
            else:
                match = next(self._rest, None)
                if match is None:
                    self._rest = None
                    return
                made.append(match)

    def all(self) -> list[ProbeMatch]:
        if self._rest is not None:
            self.made.extend(self._rest)
            self._rest = None
        return self.made


def _place(match: ProbeMatch) -> tuple[int, int]:
    return match.start, match.end


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(b[0] - a[1], a[0] - b[1], 0)


def _comma_between(scan: Scan, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether a comma stands between two fillers: words kept close by `gap` are one phrase, and
    a comma ends it ("if the Council wishes to dissolve, the Council must ..." does not dissolve it)."""
    low, high = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    return any(scan.word(index).kind == COMMA for index in range(low, high))


def _crosses_clause(scan: Scan, low: int, high: int) -> bool:
    if type(scan.tokens) is tuple:
        return any(t.kind == BREAK and t.norm in _CLAUSE_END for t in scan.tokens[low:high])
    return any(_ends_clause(scan.word(index)) for index in range(low, high))


def _ends_clause(token: Token) -> bool:
    return token.kind == BREAK and token.norm in _CLAUSE_END


def _clause_bounds(scan: Scan, low: int, high: int) -> tuple[int, int]:
    word = scan.word
    start = low
    while start > 0 and not _ends_clause(word(start - 1)):
        start -= 1
    end = high
    count = len(scan.tokens)
    while end < count and not _ends_clause(word(end)):
        end += 1
    return start, end


def _spans_from(scan: Scan, name: str, low: int, high: int) -> tuple[tuple[int, int], ...]:
    """A vocabulary's spans that start between token ``low`` and ``high`` (found by bisection: the
    spans of a scan are in text order, and a long text has many)."""
    key = ("starts", name)
    starts = scan.found.get(key)
    if starts is None:
        starts = scan.found[key] = [s for s, _ in scan.spans(name)]
    spans = scan.spans(name)
    return spans[bisect_left(starts, low):bisect_right(starts, high)]


def _in_clause(scan: Scan, low: int, high: int, names: Sequence[str], reach: int | None = None) -> bool:
    if reach is not None:  # a fixed number of words either side, across clauses
        start, end = max(0, low - reach), min(len(scan.tokens), high + reach)
    else:
        start, end = _clause_bounds(scan, low, high)
    return any(e <= end for name in names for _, e in _spans_from(scan, name, start, end))


def _between(scan: Scan, chosen: Sequence[tuple[int, int]], names: Sequence[str]) -> bool:
    """Whether one of the vocabularies stands in a gap between the slots' fillers."""
    ordered = sorted(chosen)
    gaps = [(a[1], b[0]) for a, b in zip(ordered, ordered[1:]) if a[1] < b[0]]
    return any(e <= high for low, high in gaps for name in names for _, e in _spans_from(scan, name, low, high))


def _after(scan: Scan, index: int, names: Sequence[str]) -> bool:
    """Whether one of the vocabularies ends within a few words before token ``index``, in the same
    clause: a colon or a semicolon between them ends the word's reach ("responsible for, but not
    limited to: mediating conflicts" does not deny the mediating)."""
    reach = max(0, index - _NOT_AFTER_REACH)
    tokens = scan.tokens
    return any(reach <= e <= index and not any(tokens[i].norm in _AFTER_BREAKS for i in range(e, index))
               for name in names for _, e in _spans_from(scan, name, reach - 8, index - 1))


def _spans_from_any(scan: Scan, names: Sequence[str], index: int) -> bool:
    """Whether one of the vocabularies has a phrase starting at token ``index`` (the word right after
    a filler: "maintainer" in "the maintainer meeting" is followed by a meeting)."""
    return any(_spans_from(scan, name, index, index) for name in names)


def _known(where: str, key: str, names: Sequence[str], lexicon: Lexicon) -> tuple[str, ...]:
    for vocabulary in names:
        if vocabulary not in lexicon:
            raise ValueError(f"{where}: {key}: unknown vocabulary {vocabulary!r}")
    return tuple(names)


def _names(value: Any) -> list[str]:
    return list(value) if isinstance(value, list) else [value]


def _resolve(where: str, key: str, name: str, probes: Mapping[str, Probe], lexicon: Lexicon) -> Probe:
    """A probe defined above, or a vocabulary as a probe of one slot."""
    if name in probes:
        return probes[name]
    if name in lexicon:
        return Probe(name=name, about="", slots=(Slot(name, (name,)),))
    raise ValueError(f"{where}: {key}: unknown probe or vocabulary {name!r} (a probe must be defined above it)")


def build_probes(data: Mapping[str, Any], lexicon: Lexicon) -> dict[str, Probe]:
    """Probes from a pack's `probes:` mapping; raises ValueError naming the probe and key at fault."""
    probes: dict[str, Probe] = {}
    for name, spec in data.items():
        where = f"probe {name!r}"
        if not isinstance(spec, Mapping):
            raise ValueError(f"{where}: a probe is a mapping with `find:` or `any:`")
        examples = {"about": " ".join(str(spec.get("about", "")).split()), "passes": tuple(spec.get("pass") or ()),
                    "fails": tuple(spec.get("fail") or ())}
        if "any" in spec:
            parts = [_resolve(where, "any", part, probes, lexicon) for part in _names(spec["any"])]
            probes[name] = Probe(name=name, slots=(), any_of=tuple(parts), **examples)
            continue
        not_after = spec.get("not_after") or {}
        not_before = spec.get("not_before") or {}
        slots = []
        for entry in spec.get("find") or ():
            names = _names(entry)
            inner = tuple(_resolve(where, "find", n, probes, lexicon) for n in names if n in probes)
            words = _known(where, "find", [n for n in names if n not in probes], lexicon)
            slots.append(Slot(names[0], words, _known(where, f"not_after.{names[0]}", not_after.get(names[0], ()),
                                                      lexicon), inner,
                              _known(where, f"not_before.{names[0]}", not_before.get(names[0], ()), lexicon)))
        if not slots:
            raise ValueError(f"{where}: `find:` names at least one vocabulary")
        for option, keys in (("not_after", not_after), ("not_before", not_before)):
            for key in keys:
                if key not in {s.name for s in slots}:
                    raise ValueError(f"{where}: {option}: {key!r} is not the first vocabulary of a slot")
        probes[name] = Probe(
            name=name, slots=tuple(slots), within=int(spec.get("within", _DEFAULT_WITHIN)),
            gap=int(spec["gap"]) if "gap" in spec else None,
            ordered=spec.get("order", "any") == "as-listed", across_sentences=spec.get("reach") == "sentences",
            unless=_known(where, "unless", spec.get("unless") or (), lexicon),
            unless_reach=int(spec["unless_reach"]) if "unless_reach" in spec else None,
            not_between=_known(where, "not_between", spec.get("not_between") or (), lexicon),
            unless_in_text=tuple(_resolve(where, "unless_in_text", n, probes, lexicon)
                                 for n in _names(spec.get("unless_in_text") or [])),
            with_in_text=tuple(_resolve(where, "with_in_text", n, probes, lexicon)
                               for n in _names(spec.get("with_in_text") or [])), **examples)
    return probes


@dataclass(frozen=True)
class Language:
    """A pack's words, probes and values: what its rules match with."""

    lexicon: Lexicon
    probes: Mapping[str, Probe]
    values: Mapping[str, Any] = field(default_factory=dict)  # name -> compiled pattern (values.py's and the pack's)
    # A vocabulary's probe of one slot, made once: a scan remembers what each probe found, by identity,
    # so every rule asking for the same vocabulary then shares one search of each text.
    _words: dict[str, Probe] = field(default_factory=dict, repr=False, compare=False)

    def probe(self, name: str) -> Probe:
        """A probe by name; a vocabulary name is a probe of one slot."""
        found = self.probes.get(name) or self._words.get(name)
        if found is not None:
            return found
        if name in self.lexicon:
            found = self._words[name] = Probe(name=name, about="", slots=(Slot(name, (name,)),))
            return found
        raise ValueError(f"unknown probe or vocabulary {name!r}")

    def value(self, name: str) -> Any:
        """A value pattern by name (threshold, duration, or one the pack defines)."""
        if name not in self.values:
            raise ValueError(f"unknown value {name!r}: choose one of {', '.join(sorted(self.values))}")
        return self.values[name]


def build_language(vocabulary: Mapping[str, Sequence[str]], probes: Mapping[str, Any],
                   values: Mapping[str, str] | None = None, *, guard: bool = False,
                   acronyms: Sequence[str] = ()) -> Language:
    """Compile a pack's parts. A pack's own `values:` are the only regular expressions it may hold
    (to extract a value such as a quorum); with ``guard`` (a user pack) each is checked first.
    ``acronyms``: the vocabularies a document's own acronyms may stand for (Lexicon.scan)."""
    from govlint.rules.values import VALUES, compile_pack_value

    lexicon = Lexicon.build(vocabulary, acronyms=acronyms)
    patterns = dict(VALUES)
    for name, pattern in (values or {}).items():
        if name in VALUES:
            raise ValueError(f"values: {name!r} is a built-in value; give yours another name")
        patterns[name] = compile_pack_value(pattern, guard=guard)
    return Language(lexicon, build_probes(probes, lexicon), patterns)
