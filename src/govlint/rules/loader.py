"""Rule packs from YAML: parsed, validated against schemas/rule.schema.json, their words and
probes compiled into a Language (probes.py), their rules built.

Every error names the file, and where it can, the rule and the key.
"""
from __future__ import annotations

import hashlib
import re
from typing import Any

from govlint.errors import RulePackError
from govlint.levels import Ladder, declared_ladder, declared_profiles
from govlint.rules.probes import Language, build_language
from govlint.rules.yaml_rule import YamlRule, build_rule
from govlint.yamlio import load_yaml


def parse_pack(text: str, *, origin: str, validate: bool = True, inherit: Ladder | None = None) -> list[YamlRule]:
    """The rules of a pack. With ``validate`` (user packs), the pack is checked against the schema,
    and its own value patterns (the only regular expressions a pack may hold) are guarded.
    ``inherit``: the ladder of a pack that declares no `levels:` (the built-in packs')."""
    return pack_rules(load_yaml(text, path=origin, error=RulePackError), origin=origin, validate=validate,
                      inherit=inherit)


def pack_language(data: Any, *, origin: str, validate: bool = True) -> Language:
    """A pack's words, probes and values, compiled."""
    try:
        return build_language(data.get("vocabulary") or {}, data.get("probes") or {}, data.get("values") or {},
                              guard=validate, acronyms=data.get("acronyms") or ())
    except re.error as err:
        raise RulePackError(f"values: invalid regular expression: {err}", path=origin) from None
    except ValueError as err:
        raise RulePackError(str(err), path=origin) from None


def pack_ladder(data: Any, *, origin: str, inherit: Ladder | None = None) -> Ladder | None:
    """The levels and profiles a pack's rules are on: its own `levels:`, else ``inherit``'s with
    the profiles the pack adds (None when neither is there)."""
    pack = data.get("pack", origin.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    try:
        own = declared_ladder(data, pack=pack, builtin=origin.startswith("govlint:"))
    except ValueError as err:
        raise RulePackError(str(err), path=origin) from None
    if own is not None:
        return own
    return inherit.with_profiles(declared_profiles(data)) if inherit is not None else None


def pack_rules(data: Any, *, origin: str, validate: bool = True, inherit: Ladder | None = None,
               language: Language | None = None) -> list[YamlRule]:
    """The rules of a pack already read from YAML (see parse_pack); ``language``: its words and
    probes when already compiled (a packaged pack's, builtin_pack)."""
    if validate:
        from govlint.validation import validate as check_schema
        check_schema(data, "rule", path=origin, error=RulePackError)
    if not isinstance(data, dict) or "rules" not in data:
        raise RulePackError("a rule pack is a mapping with a `rules:` list", path=origin)
    pack = data.get("pack", origin.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    language = language or pack_language(data, origin=origin, validate=validate)
    ladder = pack_ladder(data, origin=origin, inherit=inherit)
    rules = []
    for index, rule in enumerate(data["rules"]):
        name = rule.get("name", f"#{index + 1}") if isinstance(rule, dict) else f"#{index + 1}"
        try:
            rules.append(build_rule(rule, pack=pack, origin=origin, language=language, ladder=ladder))
        except (KeyError, TypeError, ValueError) as err:
            raise RulePackError(f"rule {name}: {_describe(err)}", path=origin) from None
    return rules


def _describe(err: Exception) -> str:
    if isinstance(err, KeyError):
        return f"missing key {err.args[0]!r}"
    return str(err)


def builtin_pack_data(pack: Any, raw: bytes | None = None, digest: str | None = None) -> Any:
    """A built-in pack (a Traversable from resources.builtin_packs) read from YAML, or from its JSON
    copy when that was made from these very bytes (packjson.py: the copy reads 25 ms faster)."""
    from govlint.rules.packjson import read_copy

    raw = pack.read_bytes() if raw is None else raw
    data = read_copy(pack.name, raw, digest)
    if data is not None:
        return data
    return load_yaml(raw.decode("utf-8"), path=f"govlint:rules/{pack.name}", error=RulePackError)


def builtin_pack(pack: Any) -> tuple[Any, Language]:
    """A packaged pack (built-in or opt-in) read and its words and probes compiled, once per
    process for the same bytes: every lint of an audit, every in-process check of the API, and the
    tests load the rules again, and compiling the words is most of the cost (~50 ms). Kept in
    memory only, keyed by the file's name and content; user packs are always compiled afresh."""
    raw = pack.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    key = (pack.name, digest)
    found = _PACKAGED.get(key)
    if found is None:
        data = builtin_pack_data(pack, raw, digest)
        found = _PACKAGED[key] = (data, pack_language(data, origin=f"govlint:rules/{pack.name}", validate=False))
    return found


_PACKAGED: dict[tuple[str, str], tuple[Any, Language]] = {}


def builtin_languages() -> dict[str, Language]:
    """Each built-in pack's Language, by pack name (for `govlint explain` and the tests)."""
    from govlint.resources import builtin_packs

    out = {}
    for pack in builtin_packs():
        data, language = builtin_pack(pack)
        out[data.get("pack", pack.name.rsplit(".", 1)[0])] = language
    return out


def load_pack_file(path: str, *, inherit: Ladder | None = None) -> list[YamlRule]:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(2 * 1024 * 1024 + 1)
    except OSError as err:
        raise RulePackError(err.strerror or str(err), path=path) from None
    if len(raw) > 2 * 1024 * 1024:
        raise RulePackError("larger than 2 MB; a rule pack is a small YAML file", path=path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise RulePackError("not UTF-8 text", path=path) from None
    return parse_pack(text, origin=path, inherit=inherit)
