"""The built-in packs' JSON copies: rules/<pack>.json holds the data rules/<pack>.yaml gives, and the
sha256 of that YAML's bytes. The YAML is the source; its copy is read instead only when the digest
matches the YAML beside it, because parsing the built-in pack's YAML costs about 25 ms of every
check's start-up and reading the JSON about 1 ms. A copy that does not match is ignored.

A copy also holds its vocabularies' phrases normalized (references expanded, words stemmed:
lexicon.normalize) with the normalization they were made under (words.normalization_key), so a
fresh process does not stem every phrase again (~20 ms); they are used only under that very key.

    python -m govlint.rules.packjson      # after editing rules/*.yaml (tests/test_packjson.py checks)
"""
from __future__ import annotations

import hashlib
import json
from typing import Any

from govlint.errors import RulePackError
from govlint.resources import data_dir
from govlint.yamlio import load_yaml

_DIGEST_KEY = "yaml_sha256"
_WORDS_KEY = "normalized"  # {"key": words.normalization_key(), "phrases": {vocabulary: ["stem stem", ...]}}


def copy_name(pack_name: str) -> str:
    """cncf.yaml -> cncf.json"""
    return pack_name.rsplit(".", 1)[0] + ".json"


def read_copy(pack_name: str, raw: bytes, digest: str | None = None) -> Any | None:
    """The data of the built-in pack whose YAML bytes are ``raw`` (sha256 ``digest``, when the
    caller has it), from its JSON copy, or None when there is no copy made from these very bytes."""
    try:
        copy = json.loads((data_dir("rules") / copy_name(pack_name)).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(copy, dict) or copy.get(_DIGEST_KEY) != (digest or hashlib.sha256(raw).hexdigest()):
        return None
    data = copy.get("pack")
    if isinstance(data, dict) and isinstance(data.get("vocabulary"), dict):
        phrases = _phrases(copy.get(_WORDS_KEY))
        if phrases is not None:
            from govlint.rules.lexicon import NormalizedVocabulary

            data["vocabulary"] = NormalizedVocabulary(data["vocabulary"], phrases=phrases[0], key=phrases[1])
    return data


def _phrases(normalized: Any) -> tuple[dict[str, list[tuple[str, ...]]], str] | None:
    """The copy's normalized phrases and their key, or None when they are not as make_copy writes
    them (then the words are stemmed afresh: slower, never another result)."""
    try:
        key, entries = normalized["key"], normalized["phrases"]
        phrases = {name: [tuple(phrase.split(" ")) for phrase in found] for name, found in entries.items()}
    except (KeyError, TypeError, AttributeError):
        return None
    return (phrases, key) if isinstance(key, str) else None


def _normalized(data: Any) -> dict[str, Any] | None:
    """A pack's vocabularies normalized, with the key of the normalization (see the module's docs)."""
    from govlint.rules.lexicon import normalize
    from govlint.rules.words import normalization_key

    if not isinstance(data, dict) or not isinstance(data.get("vocabulary"), dict):
        return None
    phrases = normalize(data["vocabulary"])
    if any(" " in word or not word for entries in phrases.values() for stems in entries for word in stems):
        raise RulePackError("a normalized word holds a space: the copy could not keep it apart", path="rules")
    return {"key": normalization_key(),
            "phrases": {name: [" ".join(stems) for stems in entries] for name, entries in phrases.items()}}


def make_copy(pack_name: str, raw: bytes) -> str:
    """The JSON copy of a pack's YAML bytes (refused if the data does not survive JSON unchanged)."""
    data = load_yaml(raw.decode("utf-8"), path=f"govlint:rules/{pack_name}", error=RulePackError)
    copy = {_DIGEST_KEY: hashlib.sha256(raw).hexdigest(), "pack": data}
    normalized = _normalized(data)
    if normalized is not None:
        copy[_WORDS_KEY] = normalized
    text = json.dumps(copy, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    if json.loads(text)["pack"] != data:
        raise RulePackError("holds values JSON cannot keep (a date, a key that is not a string)",
                            path=f"rules/{pack_name}")
    return text


def main() -> int:
    import sys

    from govlint.errors import GovlintError
    from govlint.files import write_atomically

    folder = data_dir("rules")
    for pack in sorted(p for p in folder.iterdir() if p.name.endswith((".yaml", ".yml"))):
        try:
            copy = make_copy(pack.name, pack.read_bytes())
        except GovlintError as err:  # a pack being edited: one line, and its copy is left as it was
            print(f"packjson: error: {err}", file=sys.stderr)
            return 2
        write_atomically(folder / copy_name(pack.name), copy)
        print(f"rules/{copy_name(pack.name)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
