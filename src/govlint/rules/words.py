"""Normalized words: what every rule sees instead of raw text.

A sentence becomes a list of tokens, each with its place in the original text (so evidence and
negation still point at the words a person wrote) and a normalized form that rules match on:

- Unicode NFKC, typographic quotes and dashes, British and American spellings made one;
- a stem from the Snowball English stemmer (PyStemmer), so "remove", "removed", "removal" and
  "removing" are one word to a rule, and "activity" is "activities";
- contractions opened ("can't" -> can not), possessives dropped ("maintainer's" -> maintainer);
- numbers made uniform: number words ("six", "twelve") and "six (6)" are one number; fractions
  ("two-thirds", "two thirds", "2/3", "⅔", "66%", "half") are one `<fraction>` token; a period of
  time ("six months", "180 days", "a year", "half a year", "6-month") is one `<duration>` token
  whose value is in days.

Rules never list word forms: a vocabulary entry is normalized the same way (``phrase_stems``).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Token kinds.
WORD, NUMBER, FRACTION, DURATION, BREAK, COMMA, EMAIL, HANDLE, URL = (
    "word", "number", "fraction", "duration", "break", "comma", "email", "handle", "url")
# The normalized form of a token that stands for its class: a vocabulary may name the class.
CLASSES = {NUMBER: "<number>", FRACTION: "<fraction>", DURATION: "<duration>", EMAIL: "<email>",
           HANDLE: "<handle>", URL: "<url>"}


# Classes whose tokens also match their own text: a vocabulary may name one address, and a number
# word in a vocabulary is that word ("no one", "any one company", "one of the maintainers"), where
# `<number>` is any number ("twenty companies" is not "one company").
LITERAL_CLASSES = frozenset({EMAIL, HANDLE, URL, NUMBER})


class Token(NamedTuple):  # not a frozen dataclass: a text makes one per word, at a third of the cost
    start: int  # character offsets in the original text
    end: int
    norm: str  # the stem, or a class such as <fraction>
    kind: str
    value: float | None = None  # a number's value, a fraction's share, a duration's days


# Links, addresses and handles: what only a text holding "://" or "@" can hold.
_ADDRESSES = (
    r"(?P<url>https?://[^\s)\]>]*[^\s)\]>.,;:!?'\"])"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<handle>(?<![\w.])@[A-Za-z0-9][\w-]*)|")
_WORDS = (
    r"(?P<frac>\d+\s*[/⁄]\s*\d+(?:rds?|ths?)?\b)"
    r"|(?P<pct>\d+(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b))"
    r"|(?P<vulgar>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])"
    r"|(?P<plusone>(?<![\w+-])[+-]1\b(?![.,]?\d))"
    r"|(?P<num>\d+(?:[.,]\d+)*)"
    # An abbreviation inside a clause ("removed by e.g. a vote") is a word, its dots no break.
    r"|(?P<abbr>(?<![^\W_])(?:e\.g|i\.e|etc|vs|cf|a\.k\.a|incl|approx)\.(?![^\W_]))"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    # A dot inside a word ("MAINTAINERS.md", "lists.cncf.io") ends nothing: only one before a
    # space, a bracket or the end of the text, or after something that is no letter, is a break.
    r"|(?P<brk>[;:!?()\[\]—–]|\.(?![^\W_])|(?<![^\W_])\.|(?<=\s)-(?=\s))"
    r"|(?P<comma>,)")
_TOKEN = re.compile(_ADDRESSES + _WORDS)
# Most texts hold no address: trying the address patterns at every word (an e-mail's runs the
# word's length before it fails at the missing "@") was a third of the search.
_PLAIN_TOKEN = re.compile(_WORDS)

_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
_TENS = frozenset({20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0})
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                 "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6}
_VULGAR = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
           "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8}
_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "wk": 7, "wks": 7, "fortnight": 14, "fortnights": 14,
              "month": 30, "months": 30, "mo": 30, "mos": 30, "quarter": 91, "quarters": 91, "year": 365,
              "years": 365, "yr": 365, "yrs": 365}
# Words that may stand between a count and its unit: "six consecutive months", "a full year".
_UNIT_FILLERS = {"consecutive", "full", "calendar", "straight", "whole", "continuous", "or", "more"}
# British spellings, made American before stemming (the stemmer does not join them).
_SPELLING = (("behaviour", "behavior"), ("organis", "organiz"), ("recognis", "recogniz"), ("favour", "favor"),
             ("honour", "honor"), ("authoris", "authoriz"), ("penalis", "penaliz"), ("apologis", "apologiz"),
             ("prioritis", "prioritiz"), ("formalis", "formaliz"), ("finalis", "finaliz"), ("summaris", "summariz"),
             ("emphasis", "emphasiz"), ("offence", "offense"), ("licence", "license"), ("judgement", "judgment"))
_CONTRACTIONS = {"can't": ("can", "not"), "cannot": ("can", "not"), "won't": ("will", "not"),
                 "shan't": ("shall", "not")}


@lru_cache(maxsize=None)
def _stemmer():
    import Stemmer  # PyStemmer: the Snowball stemmers in C

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The normalized form of one word (lower case, American spelling, base form of an irregular
    verb, Snowball stem)."""
    word = word.lower()
    for british, american in _SPELLING:
        if british in word:
            word = word.replace(british, american)
            break
    word = _IRREGULAR.get(word, word)
    if word in _KEEP:
        return _KEEP[word]
    if word.endswith(("ered", "ering")):
        # "considered", "volunteering": the inflection of a word in -er is that word, whose stem
        # keeps its -er below (otherwise "consider" and "considered" would be two words).
        base = word[:-2] if word.endswith("ed") else word[:-3]
        if len(base) > 5:
            word = base
    stemmed = _stemmer().stemWord(word)
    if word.endswith(("er", "ers")) and len(word) > 5 and not stemmed.endswith("er"):
        # An agent noun is not its verb: "maintainer" is not "maintained", "reviewer" not "review".
        return stemmed + "er"
    return stemmed


# Words the stemmer would join to an unrelated word: "informal" is not "information", "personal"
# not "person", "restorative" not "restore", "internal" not "intern", "general" not "generate",
# "majority" not "major" (a major version), "conservancy" (a foundation) not "conservatively",
# "argumentative" (a manner) not "argument" (a dispute), "dismissive" (a manner) not "dismiss".
_KEEP = {"informal": "informal", "informally": "informal", "personal": "personal", "personally": "personal",
         "restorative": "restorative", "internal": "internal", "internally": "internal", "general": "general",
         "generally": "general", "majority": "majority", "majorities": "majority", "conservancy": "conservancy",
         "argumentative": "argumentative", "dismissive": "dismissive", "dismissively": "dismissive"}

# Irregular verb forms the stemmer cannot join to their base ("brought" is "bring", "chosen" is
# "choose"). Only verbs whose forms are not also common nouns or adjectives in governance text
# ("led" would become "lead", a role; "left" a side; "found" a verb of its own).
_IRREGULAR = {
    "brought": "bring", "took": "take", "taken": "take", "chose": "choose", "chosen": "choose",
    "held": "hold", "made": "make", "gave": "give", "given": "give", "lost": "lose", "kept": "keep",
    "met": "meet", "sent": "send", "went": "go", "gone": "go", "spoke": "speak", "spoken": "speak",
    "told": "tell", "wrote": "write", "written": "write", "stood": "stand", "sought": "seek",
    "thought": "think", "forbade": "forbid", "forbidden": "forbid", "withdrew": "withdraw",
    "withdrawn": "withdraw", "undertook": "undertake", "undertaken": "undertake", "overseen": "oversee",
    "oversaw": "oversee", "forgave": "forgive", "forgiven": "forgive", "began": "begin", "begun": "begin",
    "broke": "break", "broken": "break", "arose": "arise", "arisen": "arise", "fell": "fall",
    "fallen": "fall", "drew": "draw", "drawn": "draw", "knew": "know", "known": "know", "paid": "pay",
    "said": "say", "saw": "see", "seen": "see", "shown": "show", "spent": "spend", "won": "win",
    "upheld": "uphold", "withheld": "withhold", "dealt": "deal", "meant": "mean", "heard": "hear",
    "became": "become", "came": "come", "ran": "run", "got": "get", "gotten": "get",
    # The stemmer leaves "goes" and "does" as "goe" and "doe": "does not participate" is "do not".
    "goes": "go", "does": "do", "did": "do",
}


def _clean(text: str) -> str:
    # NFKC turns "⅔" into "2⁄3" and full-width letters into ASCII; keep the original offsets by
    # normalizing only where it keeps the length (quotes, dashes, compatibility forms of one char).
    if text.isascii():
        return text
    out = []
    for char in text:
        if char in _VULGAR or char in "’‘":
            out.append(char)
            continue
        folded = unicodedata.normalize("NFKC", char)
        if folded in ("“", "”", "«", "»"):
            folded = '"'
        out.append(folded if len(folded) == 1 else char)
    return "".join(out)


@lru_cache(maxsize=1 << 16)
def _word(value: str) -> tuple[tuple[int, int, str, str, float | None], ...]:
    """The tokens of one word, with offsets from its start: most words are one token, a contraction
    or a possessive two (remembered: a text repeats its words)."""
    lower = value.lower().replace("’", "'")
    size = len(value)
    if lower in _CONTRACTIONS:
        first, second = _CONTRACTIONS[lower]
        return (0, size, first, WORD, None), (0, size, second, WORD, None)
    if lower.endswith("n't"):
        return (0, size - 3, stem(lower[:-3]), WORD, None), (size - 3, size, "not", WORD, None)
    if lower.endswith("'s") and len(lower) > 2:
        # A possessive stays visible: "a maintainer's removal" is not "maintainers remove".
        return (0, size - 2, stem(lower[:-2]), WORD, None), (size - 2, size, "'s", WORD, None)
    if lower in _NUMBER_WORDS:
        return ((0, size, lower, NUMBER, float(_NUMBER_WORDS[lower])),)
    return ((0, size, stem(lower), WORD, None),)


@lru_cache(maxsize=None)
def _joining_norms() -> frozenset[str]:
    """Words without which neither fractions nor durations join tokens: "half" and the units."""
    return frozenset({"half", *(stem(unit) for unit in _UNIT_DAYS)})


@lru_cache(maxsize=1 << 14)
def tokenize(text: str) -> tuple[Token, ...]:
    """The normalized tokens of a text (see the module docstring)."""
    text = _clean(text)
    raw: list[Token] = []
    numbers = joining = classes = False  # which passes below can change anything
    joining_norms = _joining_norms()
    pattern = _TOKEN if "@" in text or "://" in text else _PLAIN_TOKEN
    make = Token._make  # half the cost of Token(...) per word, whose __new__ is a Python function
    for match in pattern.finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        value = match.group()
        if kind == "word":
            for first, last, norm, sort, number in _word(value):
                raw.append(make((start + first, start + last, norm, sort, number)))
                if sort == NUMBER:
                    numbers = classes = True
                elif norm in joining_norms:
                    joining = classes = True  # a fraction or a duration may come of it
        elif kind == "num":
            try:
                number = float(value.replace(",", ""))
            except ValueError:
                number = None
            raw.append(Token(start, end, value, NUMBER, number))
            numbers = classes = True
        elif kind == "frac":
            top, bottom = re.split(r"\s*[/⁄]\s*", re.sub(r"(?:rds?|ths?)$", "", value))
            share = int(top) / int(bottom) if int(bottom) else None
            raw.append(Token(start, end, value, FRACTION, share))
            classes = True
        elif kind == "pct":
            raw.append(Token(start, end, value, FRACTION, float(re.match(r"[\d.]+", value).group()) / 100))
            classes = True
        elif kind == "vulgar":
            raw.append(Token(start, end, value, FRACTION, _VULGAR[value]))
            classes = True
        elif kind == "abbr":
            raw.append(Token(start, end, value.lower().replace(".", ""), WORD))
        elif kind == "plusone":  # a +1 or -1 vote is a word of its own, not the number one
            raw.append(Token(start, end, value, WORD))
        elif kind == "brk":
            raw.append(Token(start, end, value, BREAK))
        elif kind == "comma":
            raw.append(Token(start, end, ",", COMMA))
        else:
            raw.append(Token(start, end, value.lower(), {"url": URL, "email": EMAIL, "handle": HANDLE}[kind]))
            classes = True
    # Each pass joins tokens only around a number, "half" or a unit of time, and only classed
    # tokens change in the last: a text with none is as it was.
    if numbers:
        raw = _numbers(raw)
    if numbers or joining:
        raw = _fractions(raw)
    if joining:
        raw = _durations(raw, text)
    if "ead" in text or "EAD" in text:
        raw = _lead_verbs(raw, text)
    return tuple(_classes(raw) if classes else raw)


# "Violations may lead to a ban" is the verb, not the role of "a project lead to coordinate releases":
# "lead to" after a modal, an adverb or a relative word, "leading to", or "lead to" before a
# determiner, is the verb, read as "result" so no vocabulary of roles takes it.
_BEFORE_LEAD_VERB = frozenset({"may", "might", "can", "could", "will", "would", "shall", "should", "must", "also",
                               "often", "usual", "typic", "general", "eventu", "ultim", "then", "that", "which",
                               "what", "this", "it", "to", "not", "do"})
_AFTER_LEAD_TO_VERB = frozenset({"a", "an", "the", "their", "its", "his", "her", "them", "this", "these", "those",
                                 "some", "ani", "no", "such", "further", "more", "someon", "remov", "suspens", "expuls"})


def _lead_verbs(tokens: list[Token], text: str) -> list[Token]:
    for i in range(len(tokens) - 2):
        t = tokens[i]
        if t.norm != "lead" or t.kind != WORD or tokens[i + 1].norm != "to":
            continue
        if (text[t.start:t.end].lower() == "leading" or (i and tokens[i - 1].norm in _BEFORE_LEAD_VERB)
                or tokens[i + 2].norm in _AFTER_LEAD_TO_VERB):
            tokens[i] = Token(t.start, t.end, "result", WORD, None)
    return tokens


# A text ending in one of these has a last token that no token or pass of tokenize() reaches across.
_SEPARATING_ENDS = frozenset(".!?;:")


def separable(before: str, after: str) -> bool:
    """Whether ``tokenize(before + " " + after)`` is ``tokenize(before)`` followed by
    ``tokenize(after)`` moved along, so a text made of sentences can take their tokens. True when
    ``before`` ends in a clause or sentence end: the only patterns that reach across a space (a
    fraction "2 / 3", a share "5 %") need a digit there, and the passes that join tokens (numbers,
    fractions, durations) never take punctuation in. A dash that opens ``after`` is punctuation only
    with a space before it, so it is not separable."""
    return (before[-1:] in _SEPARATING_ENDS and after[:1] != "" and not after[0].isspace()
            and _clean(after[0]) != "-")


def _numbers(tokens: list[Token]) -> list[Token]:
    """Numbers written in more than one token become one: "sixty-six" or "sixty six" is 66, and a
    number repeated in parentheses, "six (6) months", is six."""
    out: list[Token] = []
    i = 0
    count = len(tokens)
    while i < count:
        t = tokens[i]
        i += 1
        if t.kind != NUMBER:
            out.append(t)
            continue
        nxt = tokens[i] if i < count else None
        if (nxt is not None and nxt.kind == NUMBER and t.value in _TENS and nxt.value is not None
                and 1 <= nxt.value <= 9 and nxt.start - t.end <= 1
                and not t.norm[:1].isdigit() and not nxt.norm[:1].isdigit()):
            t = Token(t.start, nxt.end, t.norm, NUMBER, t.value + nxt.value)
            i += 1
        if (i + 2 < count and tokens[i].norm == "(" and tokens[i + 1].kind == NUMBER and tokens[i + 2].norm == ")"
                and tokens[i + 1].value == t.value):
            t = Token(t.start, tokens[i + 2].end, t.norm, NUMBER, t.value)
            i += 3
        out.append(t)
    return out


@lru_cache(maxsize=None)
def _denominators() -> dict[str, int]:
    """The stem of each word that names a share ("thirds" -> 3)."""
    return {stem(word): denominator for word, denominator in _DENOMINATORS.items()}


_FRACTION_STARTS = frozenset({"a", "half"})  # the words a fraction of words may start with


def _fractions(tokens: list[Token]) -> list[Token]:
    """"two-thirds", "two thirds", "one half", "a half", "half" -> one fraction token."""
    out: list[Token] = []
    i = 0
    count = len(tokens)
    while i < count:
        t = tokens[i]
        if t.kind != NUMBER and t.norm not in _FRACTION_STARTS:  # most tokens: none of the cases below
            out.append(t)
            i += 1
            continue
        nxt = tokens[i + 1] if i + 1 < count else None
        if t.kind == NUMBER and nxt is not None and nxt.kind == WORD and t.value:
            word = nxt.norm
            denominator = _denominators().get(word)
            if denominator is not None and t.value < denominator:
                out.append(Token(t.start, nxt.end, f"{int(t.value)}/{denominator}", FRACTION, t.value / denominator))
                i += 2
                continue
        if t.kind == NUMBER and t.value is not None and nxt is not None and nxt.kind == WORD:
            # "eighty percent", "sixty-six per cent"
            if nxt.norm == "percent" and t.value <= 100:
                out.append(Token(t.start, nxt.end, f"{t.value:g}%", FRACTION, t.value / 100))
                i += 2
                continue
            after = tokens[i + 2] if i + 2 < len(tokens) else None
            if nxt.norm == "per" and after is not None and after.norm == "cent" and t.value <= 100:
                out.append(Token(t.start, after.end, f"{t.value:g}%", FRACTION, t.value / 100))
                i += 3
                continue
            last = tokens[i + 3] if i + 3 < len(tokens) else None
            # "two out of three", "3 out of 4": a share of a whole
            if (nxt.norm == "out" and after is not None and after.norm == "of" and last is not None
                    and last.kind == NUMBER and last.value and 0 < t.value <= last.value):
                out.append(Token(t.start, last.end, f"{t.value:g}/{last.value:g}", FRACTION, t.value / last.value))
                i += 4
                continue
        if t.kind == WORD and t.norm == "a" and nxt is not None and nxt.norm == "half":
            out.append(Token(t.start, nxt.end, "1/2", FRACTION, 0.5))  # "a half"
            i += 2
            continue
        if t.kind == WORD and t.norm == "half":
            out.append(Token(t.start, t.end, "1/2", FRACTION, 0.5))
            i += 1
            continue
        out.append(t)
        i += 1
    return out


@lru_cache(maxsize=None)
def _filler_stems() -> frozenset[str]:
    return frozenset(stem(word) for word in _UNIT_FILLERS)


def _unit_days(token: Token, text: str) -> int | None:
    if token.kind != WORD:
        return None
    return _UNIT_DAYS.get(text[token.start:token.end].lower())


_COUNT_WORDS = frozenset({"a", "an", "per", "everi"})  # "a year", "per month", "every week": one of the unit


def _durations(tokens: list[Token], text: str) -> list[Token]:
    """A count and a unit of time ("six months", "180 days", "a year", "half a year", "12-month")
    -> one duration token, valued in days."""
    out: list[Token] = []
    i = 0
    size = len(tokens)
    fillers = _filler_stems()
    while i < size:
        t = tokens[i]
        kind = t.kind
        count, skip = None, 0
        if kind == NUMBER:
            count = t.value
        elif kind == WORD:
            if t.norm in _COUNT_WORDS:
                count = 1.0
        elif kind == FRACTION and i + 1 < size and tokens[i + 1].norm == "a":
            count, skip = t.value, 1  # "half a year"
        if count is not None:
            j = i + 1 + skip
            while j < size and tokens[j].kind == WORD and tokens[j].norm in fillers and j - i <= 3:
                j += 1
            days = _unit_days(tokens[j], text) if j < size else None
            if days is not None:
                out.append(Token(t.start, tokens[j].end, "<duration>", DURATION, count * days))
                i = j + 1
                continue
        out.append(t)
        i += 1
    return out


def _classes(tokens: list[Token]) -> list[Token]:
    """Give numbers, fractions and other classes their class form (their text stays in the span)."""
    return [Token(t.start, t.end, CLASSES[t.kind], t.kind, t.value) if t.kind in CLASSES else t for t in tokens]


# An e-mail address with `*` for one side: "*@linuxfoundation.org" (anyone at that domain) or
# "opensource@*" (that mailbox at any domain). Lexicon matches an address token against both.
_ADDRESS_PATTERN = re.compile(r"\*@[\w-]+(?:\.[\w-]+)+|[\w.+-]+@\*")
# What a phrase is split into before its words are normalized: word classes, addresses with `*`, `*`,
# and the possessive marker standing as a word of its own ("'s {things}").
_PHRASE_PIECES = re.compile(r"(<\w+>|" + _ADDRESS_PATTERN.pattern + r"|\*|(?<!\S)['’]s(?!\S))")


@lru_cache(maxsize=None)
def phrase_stems(phrase: str) -> tuple[str, ...]:
    """The normalized words of a vocabulary phrase; `<number>`, `<fraction>`, `<duration>`,
    `<email>`, `<handle>`, `<url>` name a class, and `*` stands for any one word, or for one
    side of an e-mail address ("*@cncf.io", "opensource@*")."""
    plain = _plain_stems(phrase)
    if plain:  # the common case: no class, no `*`, plain words only
        return tuple(plain)
    out: list[str] = []
    for part in _PHRASE_PIECES.split(phrase):
        if _ADDRESS_PATTERN.fullmatch(part):
            out.append(part.lower())  # any mailbox at a domain, or one mailbox name at any domain
        elif re.fullmatch(r"<\w+>", part):
            if part not in CLASSES.values():
                raise ValueError(f"unknown word class {part} in {phrase!r}: "
                                 f"use one of {', '.join(sorted(CLASSES.values()))}")
            out.append(part)
        elif part == "*":
            out.append("*")
        elif part.strip() in ("'s", "’s"):
            out.append("'s")  # the possessive marker tokenize() splits off
        elif part.strip():
            plain = _plain_stems(part)
            out.extend(plain if plain is not None else _tokenized_stems(part))
    if not out:
        raise ValueError(f"the phrase {phrase!r} has no words")
    return tuple(out)


def address_patterns(address: str) -> tuple[str, str]:
    """The two vocabulary entries with `*` that an e-mail address (lower case) matches."""
    mailbox, _, domain = address.partition("@")
    return f"*@{domain}", f"{mailbox}@*"


def _tokenized_stems(part: str) -> list[str]:
    # An address, handle or link in a vocabulary is that one address, not its class.
    return [part[t.start:t.end].lower() if t.kind in LITERAL_CLASSES else t.norm
            for t in tokenize(part) if t.kind not in (BREAK, COMMA)]


# Letter-only words that tokenize() does not make their stem alone: a number, a contraction, or
# a word that joins its neighbours into a fraction or a duration.
_NOT_PLAIN = frozenset({*_NUMBER_WORDS, *_CONTRACTIONS, *_UNIT_DAYS})


def _plain_stems(part: str) -> list[str] | None:
    """The stems of a phrase of plain words (ASCII letters between spaces), as tokenize() gives
    them, at a fraction of its cost: most of a pack's 2,000 phrases are plain, and loading the
    built-in pack normalizes them all. None when a word is not plain."""
    out = []
    for word in part.split():
        lower = word.lower()
        if lower in _NOT_PLAIN or not (word.isascii() and word.isalpha()):
            return None
        stemmed = stem(lower)
        if stemmed == "half":  # a fraction on its own
            return None
        out.append(stemmed)
    return out


@lru_cache(maxsize=None)
def normalization_key() -> str:
    """What a phrase's stems depend on: this module's source, PyStemmer's version and the Unicode
    data (NFKC, letters). A built-in pack's JSON copy keeps its phrases' stems with the key they
    were made under, and they are used only while it is this one (lexicon.NormalizedVocabulary).
    Empty when the source cannot be read (then every phrase is stemmed afresh)."""
    import hashlib

    try:
        with open(__file__, "rb") as handle:
            source = handle.read().replace(b"\r\n", b"\n")
    except OSError:
        return ""
    return (f"words.py sha256 {hashlib.sha256(source).hexdigest()}, PyStemmer {_stemmer_version()}, "
            f"Unicode {unicodedata.unidata_version}")


def _stemmer_version() -> str:
    import Stemmer

    return str(Stemmer.version())
