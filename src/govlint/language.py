"""Which language a document is written in, as far as govlint needs to know: English or not.

govlint's rules read English. A governance document in Dutch or Chinese gets "missing" for what it
may well say, so discovery warns about it instead of letting the report look authoritative. The
test is deliberately plain and cheap (no model, nothing at start-up): the most common function
words of English against those of the languages governance documents are most often written in
besides, and the share of letters in non-Latin scripts. A list of names, a table of handles or a
short file says too little to judge and is never flagged.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

# Words that make up a large share of any running text in each language, and that are rare as
# words of the others (English "in", "is", "a", "of", "no", "an", "as" are left out of the others).
_FUNCTION_WORDS = {
    "English": "the and to of that for be are with by on or this will may it from at not can any should must "
               "who which have has their they all other if when more each been would these than",
    "Dutch": "de het een van en dat die voor op te zijn met worden wordt niet bij door als ook aan naar "
             "hij zij wij er om tot over deze dit heeft kan moet zal",
    "German": "der die das und ist von zu den mit nicht für auf sich ein eine dem des wird werden auch oder "
              "bei nach wie über durch sind kann muss soll",
    "French": "le la les et des est un une du que pour dans par sur pas qui ne se au aux ce cette sont être "
              "avec ou peut doit sera leur",
    "Spanish": "el la los las de que y en un una es por para con se del al lo como su sus más pero este "
               "esta ser son puede debe será",
    "Portuguese": "os que da em um uma para com não por se na dos das ao pelo pela ser são pode deve "
                  "será mais",
    "Italian": "il di che per un una non con del della si sono da al dei delle gli le alla essere può deve "
               "sarà anche",
}
_ENGLISH = frozenset(_FUNCTION_WORDS["English"].split())
# Each word with the languages it is a function word of; a word English has is English's alone.
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _language, _words in _FUNCTION_WORDS.items():
    for _word in _words.split():
        if _language == "English" or _word not in _ENGLISH:
            _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _language)
# Addresses and links hold words of no language ("gmail.com" is no Portuguese "com").
_ADDRESS = re.compile(r"\S+@\S+|\w+://\S+|www\.\S+")
_WORD = re.compile(r"[^\W\d_]+")
_MIN_FUNCTION_WORDS = 25  # fewer than this in every language: too little running text to judge
_SCRIPTS = (("CJK", "Chinese, Japanese or Korean"), ("HANGUL", "Korean"), ("HIRAGANA", "Japanese"),
            ("KATAKANA", "Japanese"), ("CYRILLIC", "Cyrillic script"), ("ARABIC", "Arabic script"),
            ("HEBREW", "Hebrew script"), ("DEVANAGARI", "Devanagari script"), ("THAI", "Thai script"))
_WIDE = frozenset({"Chinese, Japanese or Korean", "Japanese", "Korean"})  # a letter of these is about a word
_MIN_SCRIPT_LETTERS = 200
_SAMPLE = 200_000  # characters: enough running text to tell a language, at a bounded cost


def not_english(text: str) -> str | None:
    """The language a document's running text looks written in, when that is not English; None
    when it is English or there is too little text to tell."""
    words = Counter(_WORD.findall(_ADDRESS.sub(" ", text[:_SAMPLE].lower())))
    function = Counter()
    latin = 0
    scripts = Counter()
    for word, count in words.items():
        if word.isascii():
            latin += len(word) * count
            for language in _LANGUAGES_OF.get(word, ()):
                function[language] += count
            continue
        for char in word:
            script = _script(char)
            if script:
                scripts[script] += count
            else:
                latin += count
    if scripts:
        script, letters = scripts.most_common(1)[0]
        if letters >= _MIN_SCRIPT_LETTERS and letters * (4 if script in _WIDE else 1) > latin:
            return script
    if not function:
        return None
    language, count = function.most_common(1)[0]
    if language == "English" or count < _MIN_FUNCTION_WORDS:
        return None
    # Another language must clearly lead: a few borrowed words in an English text do not make it.
    return language if count > 2 * function["English"] else None


@lru_cache(maxsize=4096)
def _script(char: str) -> str | None:
    """The non-Latin script a letter belongs to, or None (Latin letters with accents included)."""
    name = unicodedata.name(char, "")
    for prefix, script in _SCRIPTS:
        if name.startswith(prefix):
            return script
    return None
