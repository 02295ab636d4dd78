"""Vocabularies: named lists of words and phrases, found in one pass over normalized tokens.

A vocabulary entry is plain text ("vote of no confidence", "step down", "remove"), normalized
as the documents are (words.py), so it matches every inflection and number form. An entry may
name another vocabulary in braces: "{removal-verb}" alone adds all of that vocabulary's
phrases, and "vote to {removal-verb}" adds one phrase per word of it. `*` stands for any one
word ("relieved of * duties"), or for one side of an e-mail address ("*@cncf.io": anyone at
that domain). No entry is a regular expression.

Every phrase of a pack goes into one token trie; a text is scanned once, and the scan says which
vocabularies occur where (as token spans), for every rule and probe at once.
"""
from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property
from itertools import product
from typing import Iterable, Iterator, Mapping, Sequence

from govlint.rules.words import (BREAK, COMMA, EMAIL, LITERAL_CLASSES, WORD, Token, address_patterns,
                                 normalization_key, phrase_stems, separable, tokenize)

_REFERENCE = re.compile(r"\{([\w-]+)\}")
_END = ""  # the trie key under which a node keeps the vocabularies whose phrase ends there
_MAX_PHRASES = 20_000  # per vocabulary, after expanding references: a pack is read by people
_PUNCTUATION = frozenset({BREAK, COMMA})  # no phrase runs across these
_MEMO_SIZE = 1 << 15  # texts a lexicon remembers outside a lint (within one, it remembers them all)


@dataclass(frozen=True)
class Scan:
    """One text, its tokens, and where each vocabulary occurs (token index spans, end exclusive)."""

    text: str
    tokens: Sequence[Token]  # a tuple, or JoinedTokens for a text put together from its pieces' scans
    hits: Mapping[str, tuple[tuple[int, int], ...]]
    # What each probe found in this text: rules share probes, and a text is scanned once.
    found: dict = field(default_factory=dict, compare=False, repr=False)

    def start(self, index: int) -> int:
        """Where token ``index`` starts in the text."""
        tokens = self.tokens
        return tokens[index].start if type(tokens) is tuple else tokens.offsets(index)[0]  # type: ignore[attr-defined]

    def end(self, index: int) -> int:
        """Where token ``index`` ends in the text."""
        tokens = self.tokens
        return tokens[index].end if type(tokens) is tuple else tokens.offsets(index)[1]  # type: ignore[attr-defined]

    def word(self, index: int) -> Token:
        """Token ``index`` for its kind, norm and value; its offsets may be those in its own run
        of a text put together from pieces (start and end give them in this text)."""
        tokens = self.tokens
        return tokens[index] if type(tokens) is tuple else tokens.unmoved(index)  # type: ignore[attr-defined]

    def spans(self, name: str) -> tuple[tuple[int, int], ...]:
        return self.hits.get(name, ())

    @cached_property
    def names(self) -> frozenset[str]:
        """The vocabularies that occur in the text."""
        return frozenset(self.hits)

    def has(self, name: str) -> bool:
        return name in self.hits


class JoinedTokens(Sequence[Token]):
    """The tokens of runs of text one after the other, each run's moved along by the run's place in
    the joined text. A run's tokens are moved when one of them is first asked for: a long block's
    scan would otherwise copy every token of its sentences, and most are never looked at (probes
    work on vocabulary spans)."""

    __slots__ = ("_runs", "_firsts", "_moved", "_count")

    def __init__(self, runs: Sequence[tuple[int, int, Sequence[Token]]]) -> None:
        self._runs = tuple(runs)  # (index of the run's first token, the run's character offset, its tokens)
        self._firsts = [first for first, _, _ in self._runs]
        self._moved: list[Sequence[Token] | None] = [tokens if not offset else None for _, offset, tokens in self._runs]
        self._count = self._runs[-1][0] + len(self._runs[-1][2]) if self._runs else 0

    def _run(self, number: int) -> Sequence[Token]:
        moved = self._moved[number]
        if moved is None:
            _, offset, tokens = self._runs[number]
            moved = self._moved[number] = tuple(
                Token(t.start + offset, t.end + offset, t.norm, t.kind, t.value) for t in tokens)
        return moved

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._count)))
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("token index out of range")
        number = bisect_right(self._firsts, index) - 1
        return self._run(number)[index - self._runs[number][0]]

    def unmoved(self, index: int) -> Token:
        """The token at ``index`` as its run has it: its kind, norm and value are right, its
        offsets are its run's (nothing is made; what a probe's clause test needs)."""
        first, _, tokens = self._runs[bisect_right(self._firsts, index) - 1]
        return tokens[index - first] if type(tokens) is not JoinedTokens else tokens.unmoved(index - first)

    def offsets(self, index: int) -> tuple[int, int]:
        """Where the token at ``index`` starts and ends in the joined text (nothing is made)."""
        first, offset, tokens = self._runs[bisect_right(self._firsts, index) - 1]
        if type(tokens) is JoinedTokens:  # isinstance would ask the Sequence ABC, a cost per token
            start, end = tokens.offsets(index - first)
        else:
            token = tokens[index - first]
            start, end = token.start, token.end
        return start + offset, end + offset

    def __iter__(self) -> Iterator[Token]:
        for (_, offset, tokens), moved in zip(self._runs, self._moved):
            if moved is not None:
                yield from moved
            else:  # not kept: a walk over every token would keep them all
                for t in tokens:
                    yield Token(t.start + offset, t.end + offset, t.norm, t.kind, t.value)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (tuple, JoinedTokens)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"JoinedTokens({tuple(self)!r})"


class JoinedHits(Mapping[str, tuple[tuple[int, int], ...]]):
    """Where each vocabulary occurs in runs of text one after the other: a vocabulary's spans are
    moved along by their runs' first tokens when it is first asked for (a long block holds many
    vocabularies, and a check asks for few)."""

    __slots__ = ("_runs", "_where", "_spans")

    def __init__(self, runs: Sequence[tuple[int, Mapping[str, tuple[tuple[int, int], ...]]]]) -> None:
        self._runs = tuple(runs)  # (index of the run's first token, the run's hits)
        where: defaultdict[str, list[int]] = defaultdict(list)  # setdefault would make a list per call
        for number, (_, hits) in enumerate(self._runs):
            for name in hits:
                where[name].append(number)
        self._where = dict(where)  # vocabulary -> the runs holding it, in order
        self._spans: dict[str, tuple[tuple[int, int], ...]] = {}

    def __getitem__(self, name: str) -> tuple[tuple[int, int], ...]:
        spans = self._spans.get(name)
        if spans is None:
            numbers = self._where[name]  # KeyError for a vocabulary the text lacks
            out: list[tuple[int, int]] = []
            runs = self._runs
            for number in numbers:
                shift, hits = runs[number]
                if shift:
                    out.extend([(a + shift, b + shift) for a, b in hits[name]])
                else:
                    out.extend(hits[name])
            spans = self._spans[name] = tuple(out)
        return spans

    def get(self, name: str, default=None):  # type: ignore[override]
        return self[name] if name in self._where else default

    def __contains__(self, name: object) -> bool:
        return name in self._where

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)

    def __repr__(self) -> str:
        return f"JoinedHits({dict(self)!r})"


def normalize(vocabularies: Mapping[str, Sequence[str]]) -> dict[str, list[tuple[str, ...]]]:
    """Each vocabulary's phrases, references expanded, as sorted distinct tuples of normalized
    words (words.phrase_stems); raises ValueError naming the entry at fault."""
    expanded: dict[str, list[str]] = {}

    def expand(name: str, trail: tuple[str, ...]) -> list[str]:
        if name in expanded:
            return expanded[name]
        if name in trail:
            raise ValueError(f"vocabulary {name!r} refers to itself through {' -> '.join((*trail, name))}")
        if name not in vocabularies:
            raise ValueError(f"unknown vocabulary {{{name}}}" + (f" (in {trail[-1]!r})" if trail else ""))
        out: list[str] = []
        for phrase in vocabularies[name]:
            if not isinstance(phrase, str) or not phrase.strip():
                raise ValueError(f"vocabulary {name!r}: every entry is a non-empty word or phrase")
            if "{" not in phrase:
                out.append(phrase)
                if len(out) > _MAX_PHRASES:
                    raise ValueError(f"vocabulary {name!r} expands to more than {_MAX_PHRASES:,} phrases")
                continue
            pieces = _REFERENCE.split(phrase)
            # pieces alternate: text, reference, text, reference, ...
            options = [[p] if i % 2 == 0 else expand(p, (*trail, name)) for i, p in enumerate(pieces)]
            for combination in product(*options):
                out.append("".join(combination))
                if len(out) > _MAX_PHRASES:
                    raise ValueError(f"vocabulary {name!r} expands to more than {_MAX_PHRASES:,} phrases")
        expanded[name] = out
        return out

    normalized: dict[str, list[tuple[str, ...]]] = {}
    for name in vocabularies:
        stems = []
        for phrase in expand(name, ()):
            try:
                stems.append(phrase_stems(phrase))
            except ValueError as err:
                raise ValueError(f"vocabulary {name!r}: {err}") from None
        normalized[name] = sorted(set(stems))
    return normalized


class NormalizedVocabulary(dict):
    """A pack's vocabularies (name -> phrases, as written) with every vocabulary's phrases already
    normalized (``normalize``'s result), as a built-in pack's JSON copy ships them (packjson.py):
    Lexicon.build uses them instead of stemming again only while ``key`` is the normalization
    they were made under (words.normalization_key), so a stale copy costs time, never a result."""

    def __init__(self, vocabularies: Mapping[str, Sequence[str]], *, phrases: dict[str, list[tuple[str, ...]]],
                 key: str) -> None:
        super().__init__(vocabularies)
        self.phrases = phrases
        self.key = key


@dataclass(eq=False)
class Lexicon:
    """The compiled vocabularies of a pack."""

    phrases: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    acronym_names: frozenset[str] = frozenset()  # the vocabularies a document's acronyms may stand for
    _trie: dict = field(default_factory=dict, repr=False)
    _readings: dict = field(default_factory=dict, repr=False)  # a document's acronyms -> how each is read, as a key
    _memo: dict[str, Scan] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, vocabularies: Mapping[str, Sequence[str]], acronyms: Sequence[str] = ()) -> "Lexicon":
        """Compile vocabularies (name -> phrases); raises ValueError naming the entry at fault.
        ``acronyms``: the vocabularies a document's own acronyms may stand for (scan)."""
        unknown = [name for name in acronyms if name not in vocabularies]
        if unknown:
            raise ValueError(f"acronyms: unknown vocabulary {unknown[0]!r}")
        lexicon = cls(acronym_names=frozenset(acronyms))
        _LEXICONS.add(lexicon)
        key = vocabularies.key if isinstance(vocabularies, NormalizedVocabulary) else ""
        if key and key == normalization_key():
            lexicon.phrases = dict(vocabularies.phrases)  # type: ignore[attr-defined]
        else:
            lexicon.phrases = normalize(vocabularies)
        for name, entries in lexicon.phrases.items():
            for stems in entries:
                node = lexicon._trie
                for word in stems:
                    node = node.setdefault(word, {})
                node.setdefault(_END, set()).add(name)
        return lexicon

    def __contains__(self, name: str) -> bool:
        return name in self.phrases

    def scan(self, text: str, pieces: Sequence[str] = (),
             acronyms: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Scan:
        """Where every vocabulary occurs in ``text``, remembered (rules share their texts). A text
        made of ``pieces`` joined by spaces (a unit made of sentences) is put together from the
        pieces' own scans, so a sentence is read once, not again in each block and section.
        ``acronyms`` are those its document defines (acronyms.py): an acronym no vocabulary knows is
        read as the words it stands for ("the PSC" as "the steering committee"), each at its place."""
        found = self._plain_scan(text, pieces)
        if not acronyms or not self.acronym_names:
            return found
        readings = self._readings.get(acronyms)
        if readings is None:  # once per document's acronyms, not once per text
            unknown = {acronym: reading for acronym, words in acronyms
                       if acronym not in self._trie and (reading := self._reading(words))}
            readings = self._readings[acronyms] = (unknown, tuple(sorted(unknown.items())))
        unknown, known_as = readings
        if not unknown:
            return found
        key = (text, known_as)
        memo = self._current_memo()
        read = memo.get(key)  # type: ignore[call-overload]
        if read is None:
            if any(t.norm in unknown and t.kind == WORD for t in found.tokens):
                read = self._walk_tokens(text, tuple(_read_acronyms(text, found.tokens, unknown)))
            else:
                read = found
            memo[key] = read  # type: ignore[index]
        return read

    def _reading(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """The last words of an acronym's expansion that make a phrase of one of the vocabularies
        acronyms may stand for ("steering committee" of "project steering committee"); none when
        no such phrase ends it (a "Jenkins Enhancement Proposal" is no body)."""
        for size in (3, 2, 1):
            if len(words) < size:
                continue
            node: dict | None = self._trie
            for word in words[-size:]:
                node = node.get(word) if node is not None else None
            if node is not None and not self.acronym_names.isdisjoint(node.get(_END, ())):
                return words[-size:]
        return ()

    def _current_memo(self) -> dict[str, Scan]:
        during = _DURING.get()
        if during is None:
            memo = self._memo
            if len(memo) > _MEMO_SIZE:
                memo.clear()
        else:
            memo = during.get(self)
            if memo is None:
                memo = during[self] = {}
        return memo

    def _plain_scan(self, text: str, pieces: Sequence[str]) -> Scan:
        memo = self._current_memo()
        found = memo.get(text)
        if found is None:
            if len(pieces) > 1 and " ".join(pieces) == text:
                found = self._joined(text, pieces, memo)
            else:
                found = self._scan(text)
            memo[text] = found
        return found

    def _joined(self, text: str, pieces: Sequence[str], memo: dict[str, Scan]) -> Scan:
        """The scan of the pieces joined by spaces: the scans of its runs one after the other. Runs
        split where the words cannot reach across (words.separable), and no phrase runs across the
        punctuation they split at, so the tokens and the hits are those of the whole text."""
        cuts = [0, *(i for i in range(1, len(pieces)) if separable(pieces[i - 1], pieces[i])), len(pieces)]
        if len(cuts) == 2:
            return self._scan(text)
        moved: list[tuple[int, int, Sequence[Token]]] = []
        hits: list[tuple[int, Mapping[str, tuple[tuple[int, int], ...]]]] = []
        offset = shift = 0
        for low, high in zip(cuts, cuts[1:]):
            run = pieces[low] if high - low == 1 else " ".join(pieces[low:high])
            part = memo.get(run)
            if part is None:
                part = memo[run] = self._scan(run)
            moved.append((shift, offset, part.tokens))
            if part.hits:
                hits.append((shift, part.hits))
            shift += len(part.tokens)
            offset += len(part.text) + 1
        return Scan(text, JoinedTokens(moved), JoinedHits(hits))

    def _scan(self, text: str) -> Scan:
        return self._walk_tokens(text, tokenize(text))

    def _walk_tokens(self, text: str, tokens: Sequence[Token]) -> Scan:
        hits: dict[str, list[tuple[int, int]]] = {}
        trie = self._trie
        count = len(tokens)
        if "*" in trie:
            starts: Iterable[int] = range(count)
        else:  # no phrase starts with most words
            starts = [i for i, t in enumerate(tokens) if t.norm in trie or t.kind in LITERAL_CLASSES]
        for start in starts:
            node = trie
            index = start
            # One node at a time until a `*` or an address could make the walk branch (most walks).
            while index < count:
                token = tokens[index]
                kind = token.kind
                if "*" in node or kind in LITERAL_CLASSES:
                    _walk(text, tokens, start, index, [node], hits)
                    break
                if kind in _PUNCTUATION and index > start:
                    break  # a phrase never runs across punctuation, but may end on a word before it
                node = node.get(token.norm)
                if node is None:
                    break
                index += 1
                names = node.get(_END)
                if names:
                    span = (start, index)
                    for name in names:
                        spans = hits.get(name)
                        if spans is None:
                            hits[name] = [span]
                        else:
                            spans.append(span)
        return Scan(text, tokens, {name: tuple(spans) for name, spans in hits.items()})

    def forget(self) -> None:
        self._memo.clear()

    __hash__ = object.__hash__  # kept in a WeakSet by identity


def _read_acronyms(text: str, tokens: Iterable[Token], readings: Mapping[str, tuple[str, ...]]) -> Iterator[Token]:
    """The tokens with each acronym replaced by the words it stands for, all at the acronym's place;
    not one joined by a hyphen to the next word ("BoD-nominated"), a modifier read as written."""
    for token in tokens:
        words = readings.get(token.norm) if token.kind == WORD else None
        if words is None or text[token.end:token.end + 1] in ("-", "‐", "‑"):
            yield token
        else:
            for word in words:
                yield Token(token.start, token.end, word, WORD, None)


def _walk(text: str, tokens: Sequence[Token], start: int, index: int, nodes: list[dict],
          hits: dict[str, list[tuple[int, int]]]) -> None:
    """Lexicon._scan's walk from ``start`` on from token ``index``, where ``nodes`` stand, with
    every node a `*` or an address's own text leads to."""
    count = len(tokens)
    while nodes and index < count:
        token = tokens[index]
        kind = token.kind
        if kind in _PUNCTUATION and index > start:
            # A phrase never runs across punctuation, but may end on a word before it.
            break
        following = []
        # An address, handle or link also matches its own text, and an address the entries with
        # `*` for one of its sides.
        literals: tuple[str, ...] = ()
        if kind in LITERAL_CLASSES:
            literal = text[token.start:token.end].lower()
            literals = (literal, *address_patterns(literal)) if kind == EMAIL else (literal,)
        for node in nodes:
            child = node.get(token.norm)
            if child is not None:
                following.append(child)
            following.extend(node[key] for key in literals if key in node)
            wild = node.get("*")
            if wild is not None and kind not in _PUNCTUATION:
                following.append(wild)
        index += 1
        span = (start, index)
        for node in following:
            for name in node.get(_END, ()):
                spans = hits.get(name)
                if spans is None:
                    hits[name] = [span]
                else:
                    spans.append(span)
        nodes = following


@contextmanager
def remembering() -> Iterator[None]:
    """Within it, every lexicon keeps the scan of each text it reads until the end (one lint: a
    long document has more sentences than a lexicon's own memo keeps, and every rule reads them
    all again). Per context, so each thread of an audit has its own."""
    token = _DURING.set({})
    try:
        yield
    finally:
        _DURING.reset(token)


def forget() -> None:
    """Forget every lexicon's scans (benchmarks use it so each target costs what a new project would)."""
    for lexicon in list(_LEXICONS):
        lexicon.forget()


_LEXICONS: "weakref.WeakSet[Lexicon]" = weakref.WeakSet()
_DURING: ContextVar[dict[Lexicon, dict[str, Scan]] | None] = ContextVar("govlint_scans", default=None)
