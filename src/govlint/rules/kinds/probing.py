"""`probes`: named probes (or vocabularies) that must all hold, un-negated, in one sentence, block
or section; others that must not. The pack's words and probes do the reading (probes.py); this
kind only says where to look and how they combine.

Options:

- `all`: a list of groups; a group is a probe or vocabulary name, or a list of names any of which
  will do. Every group must match in the unit.
- `none`: names that rule a unit out wherever they occur in it (negated or not).
- `scope`: sentence (default), block or section; `documents`: the document kinds to read.
- `anaphora: true` (sentence scope): a sentence that opens by referring back ("This requires the
  consensus of the remaining members") is read together with the sentences before it.
- `context: heading`: every group but the first (the anchor) may be satisfied by the headings the
  unit sits under ("## Supermajority decisions" over "- Removing a maintainer").
- `heading` / `not_heading`: names the heading path must (must not) hold; `not_heading_unless`:
  names that, found in the section (its headings and text), let a unit under `not_heading` count.
- `value: threshold|duration`: a value that must also be in the unit; it is quoted back.
- `negation: false`: take matches even where a negation governs them.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from functools import cached_property
from typing import Any, Iterable, Mapping, Sequence

from govlint.report import FAIL
from govlint.rules.kinds._common import Outcome, document_kinds, names
from govlint.rules.lexicon import Lexicon, Scan
from govlint.rules.matching import Unit, is_negated, section_context, units
from govlint.rules.model import DocumentSet, evidence
from govlint.rules.probes import Language, Probe, ProbeMatch
from govlint.rules.regex_safety import bounded
from govlint.rules.words import DURATION, FRACTION

_MAX_EVIDENCE = 3
_VALUE_TOKENS = {"duration": DURATION, "threshold": FRACTION}
CONTEXTS = ("none", "heading")


class ProbeCheck:
    def __init__(self, spec: Mapping[str, Any], language: Language) -> None:
        self.language = language
        self.scope = spec.get("scope", "sentence")
        self.kinds = document_kinds(spec)
        self.groups: list[tuple[Probe, ...]] = [
            tuple(language.probe(n) for n in names(group)) for group in spec.get("all", [])]
        if not self.groups:
            raise ValueError("`all:` names at least one probe or vocabulary")
        self.none = [language.probe(n) for n in names(spec.get("none"))]
        self.heading = [language.probe(n) for n in names(spec.get("heading"))]
        self.not_heading = [language.probe(n) for n in names(spec.get("not_heading"))]
        self.not_heading_unless = [language.probe(n) for n in names(spec.get("not_heading_unless"))]
        self.negation = spec.get("negation", True)
        self.anaphora = bool(spec.get("anaphora", False))
        context = spec.get("context", "none")
        if context not in CONTEXTS:
            raise ValueError(f"unknown context {context!r}: choose one of {', '.join(CONTEXTS)}")
        self.heading_context = context == "heading"
        self.status = spec.get("status", "pass")
        self.value = spec.get("value")
        self.value_pattern = language.value(self.value) if self.value else None

    # --- matching ---------------------------------------------------------------------------

    def _scan(self, text: str) -> Scan:
        return self.language.lexicon.scan(text)

    def _first(self, probes: Sequence[Probe], scan: Scan, negation: bool) -> tuple[ProbeMatch | None, bool]:
        """The first match of any of the probes that no negation governs, and whether any matched."""
        seen = False
        best = None
        for probe in probes:
            for match in probe.matches(scan):
                seen = True
                if negation and _negated_in(scan, match):
                    continue
                if best is None or match.start < best.start:
                    best = match
                break
        return best, seen

    def _holds(self, probes: Sequence[Probe], text: str) -> bool:
        scan = self._scan(text)
        return any(p.holds(scan) for p in probes)

    def _outside(self, unit: Unit) -> bool:
        """Whether the unit's place (its headings, its section) rules it out."""
        if self.heading and not self._holds(self.heading, unit.headings):
            return True
        if self.not_heading and unit.headings and self._holds(self.not_heading, unit.headings):
            if not self.not_heading_unless or not self._holds(self.not_heading_unless, section_context(unit)):
                return True
        return False

    def match(self, unit: Unit, at_least: float = 0, scan: Scan | None = None
              ) -> tuple[int, list[ProbeMatch | None], bool, bool] | None:
        """(groups matched, each group's match in the unit text or None, whether it is ruled out,
        whether a group was there but negated: "there is no process to remove a maintainer").
        None as soon as the unit cannot reach ``at_least`` (most units: the caller needs none of them)."""
        scan = scan or self.language.lexicon.scan(unit.text, unit.pieces, unit.acronyms)
        wanted = self._wanted
        found: list[ProbeMatch | None] = []
        count = 0
        negated = False
        heading_scan = None
        for index, group in enumerate(self.groups):
            match, seen = self._first(group, scan, self.negation)
            negated = negated or (match is None and seen)
            if match is None and self.heading_context and index > 0 and unit.headings:
                heading_scan = heading_scan or self._scan(unit.headings)
                heading_match, _ = self._first(group, heading_scan, False)
                if heading_match is not None:
                    count += 1
                    found.append(None)  # satisfied by the heading: nothing to quote in the text
                    continue
            found.append(match)
            count += match is not None
            if count + 0.5 * negated + (wanted - index - 1) < at_least:
                return None
        if self.value:
            value = self._value(scan)
            if value is None and self.heading_context and unit.headings:
                # "## Unanimity decisions" over "- Removing a maintainer": the heading states it.
                count += self._value(self._scan(unit.headings)) is not None
                found.append(None)
            else:
                found.append(ProbeMatch(self.value, value[0], value[1], 0, 0) if value else None)
                count += value is not None
        ruled_out = any(p.holds(scan) for p in self.none) if count == wanted else False
        return count, found, ruled_out, negated

    def _value(self, scan: Scan) -> tuple[int, int] | None:
        """Where the value stands: a period or share in any number form ("six (6) months", "⅔",
        "half a year" are one token each, words.py), else the value's own pattern."""
        key = ("value", self.value, self.value_pattern)  # rules that want the same value share it
        if key in scan.found:
            return scan.found[key]
        kind = _VALUE_TOKENS.get(self.value)
        token = next((t for t in scan.tokens if t.kind == kind), None)
        if token is not None:
            where = token.start, token.end
        else:
            match = bounded(self.value_pattern).search(scan.text)  # under a deadline in a user pack's rule
            where = match.span() if match else None
        scan.found[key] = where
        return where

    def _candidates(self, docs: DocumentSet) -> list[tuple[Unit, int]]:
        """The units of the scope that ``run`` may look at, in order, each with the most ``match``
        could count in it (its reach): the value, and its groups that a probe of is possible there
        (or that the headings may satisfy). A long document has many units and a check reaches
        few; their reach comes from the vocabularies of each unit, looked up once per unit list."""
        every = units(docs, self.scope, self.kinds, anaphora=self.anaphora)
        index = _units_holding(docs, every, self.language.lexicon)
        reaching = [frozenset().union(*(_probe_units(docs, index, probe) for probe in group)) for group in self.groups]
        headed = self.heading_context and len(self.groups) > 1
        if self.value:  # a value found alone makes a unit a near miss: every unit reaches one
            positions: Iterable[int] = range(len(every))
        else:
            found = set().union(*reaching)
            if headed:
                found.update(i for i, unit in enumerate(every) if unit.headings)
            positions = sorted(found)
        out = []
        for i in positions:
            unit = every[i]
            reach = bool(self.value)
            for number, group in enumerate(reaching):
                reach += (headed and number > 0 and bool(unit.headings)) or i in group
            out.append((unit, reach))
        return out

    @cached_property
    def _wanted(self) -> int:
        return len(self.groups) + bool(self.value)

    # --- the check --------------------------------------------------------------------------

    def run(self, docs: DocumentSet) -> Outcome:
        found = []
        best_near: tuple[float, Unit, list[ProbeMatch | None]] | None = None
        placed = bool(self.heading or self.not_heading)
        outside: dict[tuple[str, int], bool] = {}
        for unit, reach in self._candidates(docs):
            at_least = min(best_near[0] + 0.5, self._wanted) if best_near else 0.5
            if reach < at_least:
                continue  # what match would count (found or negated) is at most the reach
            if placed:
                where = (unit.headings, id(unit.section))
                ruled = outside.get(where)
                if ruled is None:
                    ruled = outside[where] = self._outside(unit)
                if ruled:
                    continue
            if unit.placeholder:
                continue
            scan = self.language.lexicon.scan(unit.text, unit.pieces, unit.acronyms)
            if best_near is not None and best_near[0] >= self._wanted and self.none \
                    and any(p.holds(scan) for p in self.none):
                continue  # ruled out, so not found, and no miss is nearer than the one kept
            result = self.match(unit, at_least, scan)
            if result is None:
                continue
            count, matches, ruled_out, negated = result
            if count == self._wanted and not ruled_out:
                found.append((unit, matches))
                if len(found) >= _MAX_EVIDENCE:
                    break
            elif count or negated:
                closeness = count + 0.5 * negated  # a negated match is near, but not as near as a found one
                if best_near is None or closeness > best_near[0]:
                    best_near = (closeness, unit, matches)
        if found:
            ev = []
            for unit, matches in found:
                sentence = _quoted_sentence(unit, matches, prefer=len(matches) - 1 if self.value else 0)
                ev.append(evidence(unit.doc, sentence.line, sentence.text))
            message = _message(found[0][1], self.value, found[0][0].text)
            return Outcome(self.status, _unique(ev), message=message)
        near = []
        if best_near is not None:
            sentence = _quoted_sentence(best_near[1], best_near[2])
            near.append(evidence(best_near[1].doc, sentence.line, sentence.text))
        return Outcome(FAIL, near_miss=near)


def _units_holding(docs: DocumentSet, every: list[Unit], lexicon: Lexicon) -> dict[str, list[int]]:
    """For each vocabulary, the positions of the units (of one list) whose text holds it. Lists of
    the same units (the document kinds they read, or anaphora, made no difference) share one."""
    same = docs.memo.get(("holding list", id(every), lexicon))  # asked again for the same list: no key to build
    if same is not None and same[0] is every:
        return same[1]  # type: ignore[no-any-return]
    key = ("holding", tuple(map(id, every)), lexicon)  # the units stay in docs.memo's lists, ids with them
    index = docs.memo.get(key)
    if index is None:
        lists: defaultdict[str, list[int]] = defaultdict(list)  # setdefault would make a list per call
        for position, unit in enumerate(every):
            for name in lexicon.scan(unit.text, unit.pieces, unit.acronyms).names:
                lists[name].append(position)
        index = docs.memo[key] = dict(lists)
    docs.memo[("holding list", id(every), lexicon)] = (every, index)
    return index  # type: ignore[return-value]


def possible_units(docs: DocumentSet, every: list[Unit], probe: Probe, lexicon: Lexicon) -> frozenset[int]:
    """The positions of the units in ``every`` (a list ``units`` gave) where ``probe`` may match
    (Probe.possible): a Python check that tries a probe on every unit need try only these."""
    return _probe_units(docs, _units_holding(docs, every, lexicon), probe)


def _probe_units(docs: DocumentSet, index: dict[str, list[int]], probe: Probe) -> frozenset[int]:
    """The positions of the units whose vocabularies make the probe possible (Probe.possible): a
    unit outside them cannot match it."""
    key = ("reaching", id(index), probe)
    found = docs.memo.get(key)
    if found is None:
        if probe.any_of:
            found = frozenset().union(*(_probe_units(docs, index, p) for p in probe.any_of))
        else:
            holding: set[int] | None = None
            for slot in probe.slots:
                positions = {position for name in slot.vocabularies for position in index.get(name, ())}
                positions.update(*(_probe_units(docs, index, p) for p in slot.probes))
                holding = positions if holding is None else holding & positions
            if probe.with_in_text:
                holding &= set().union(*(_probe_units(docs, index, p) for p in probe.with_in_text))  # type: ignore[operator]
            found = frozenset(holding or ())
        docs.memo[key] = found
    return found  # type: ignore[return-value]


def _negated_in(scan: Scan, match: ProbeMatch) -> bool:
    """_negated, remembered with the scan: checks that share a probe ask it of the same matches."""
    key = ("negated", match)
    negated = scan.found.get(key)
    if negated is None:
        negated = scan.found[key] = _negated(scan.text, match)
    return negated


def _negated(text: str, match: ProbeMatch) -> bool:
    """A negation governs the frame, or one of its slots: "Proposals are not approved or voted on".
    A negation inside the frame's own earlier slots is part of what it says, not a denial of the
    slots after it: in "the issue cannot be resolved through discussion" the "cannot" is the failed
    attempt the frame looks for, and does not negate "discussion"."""
    if is_negated(text, match.start, match.end):
        return True
    for index, (start, end) in enumerate(match.fillers[1:], 1):
        if is_negated(text, start, end) and is_negated(_masked(text, match.fillers[:index]), start, end):
            return True
    return False


def _masked(text: str, spans) -> str:
    """The text with the words in ``spans`` made neutral (same length, same word count)."""
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if not chars[i].isspace():
                chars[i] = "x"
    return "".join(chars)


def _message(matches: list[ProbeMatch | None], value: str | None, text: str) -> str:
    names = [m.probe for m in matches if m is not None and m.probe != value]
    parts = [f"matched {', '.join(dict.fromkeys(names))}"] if names else []
    last = matches[-1]
    if value and last is not None:
        parts.insert(0, f"{value}: {' '.join(text[last.start:last.end].split())}")
    return "; ".join(parts)


def _quoted_sentence(unit: Unit, matches: list[ProbeMatch | None], prefer: int = 0):
    """The sentence a person would quote: the one holding the most matches (a match belongs to the
    sentence it ends in), ties going to the one holding match ``prefer``, then the unit's own."""
    parts = unit.parts
    if not parts:
        return unit.sentences[0]
    ends = [(i, m.end) for i, m in enumerate(matches) if m is not None]

    def score(part) -> tuple[int, int, int]:
        inside = [i for i, end in ends if part.start < end <= part.end]
        return len(inside), int(prefer in inside), int(part.own)

    holding = set()
    for _, end in ends:
        i = bisect_left(parts, end, key=_part_end)  # parts are in text order: a long block has many
        if i < len(parts) and parts[i].start < end:
            holding.add(i)
    # A part holding a match outscores every part holding none, so only those need a score.
    return max([parts[i] for i in sorted(holding)] or parts, key=score).sentence


def _part_end(part) -> int:
    return part.end


def _unique(items: list) -> list:
    seen, out = set(), []
    for item in items:
        key = (item.path, item.line)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def build(spec: Mapping[str, Any], language: Language | None = None) -> ProbeCheck:
    if language is None:
        raise ValueError("the `probes` kind needs the pack's vocabulary and probes")
    return ProbeCheck(spec, language)
