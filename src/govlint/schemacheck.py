"""Whether plain data fits one of govlint's own JSON Schemas, fast enough for the warm path.

jsonschema takes about 100 ms to import, more than a whole check answered from the result cache,
so checkcache.py verifies the reports it reads with this instead: the schema is compiled once into
plain functions, for the keywords govlint's schemas use. A schema with any other keyword fails
closed (nothing conforms), never open; tests/test_checkcache.py holds this to jsonschema on real
and damaged reports.
"""
from __future__ import annotations

import functools
import math
from typing import Any, Callable

from govlint.resources import schema

Check = Callable[[Any], bool]

# Keywords that only describe; they never reject anything.
_ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "title", "description", "$comment", "examples", "default"})


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


_TYPES: dict[str, Check] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": _is_number,
    "integer": lambda v: _is_number(v) and (isinstance(v, int) or v.is_integer()),
}


class Unsupported(Exception):
    """The schema uses a keyword this module does not check."""


def conforms(data: Any, schema_name: str) -> bool:
    """True when ``data`` is valid under schemas/<schema_name>.schema.json."""
    try:
        return _validator(schema_name)(data)
    except (Unsupported, RecursionError):
        return False


@functools.lru_cache(maxsize=None)
def _validator(schema_name: str) -> Check:
    root = schema(schema_name)
    return _compile(root, root, {})


def _compile(rule: Any, root: dict[str, Any], refs: dict[str, Check]) -> Check:
    if rule is True:
        return lambda v: True
    if not isinstance(rule, dict):
        raise Unsupported(repr(rule))
    checks: list[Check] = []
    unknown = set(rule) - _ANNOTATIONS - _SIMPLE.keys() - {"$ref", "properties", "additionalProperties", "required",
                                                          "items", "oneOf", "anyOf", "propertyNames"}
    if unknown:
        raise Unsupported(", ".join(sorted(unknown)))
    if "$ref" in rule:
        checks.append(_reference(rule["$ref"], root, refs))
    for keyword, make in _SIMPLE.items():
        if keyword in rule:
            checks.append(make(rule[keyword]))
    if {"properties", "additionalProperties", "required", "propertyNames"} & rule.keys():
        checks.append(_object(rule, root, refs))
    if "items" in rule:
        checks.append(_items(_compile(rule["items"], root, refs)))
    for keyword, needed in (("oneOf", lambda hits: hits == 1), ("anyOf", lambda hits: hits >= 1)):
        if keyword in rule:
            options = [_compile(r, root, refs) for r in rule[keyword]]
            checks.append(lambda v, options=options, needed=needed: needed(sum(1 for o in options if o(v))))
    return _all(checks)


def _all(checks: list[Check]) -> Check:
    """One function for all the checks of a rule (nested calls are faster than a loop over them)."""
    if not checks:
        return lambda v: True
    combined = checks[-1]
    for check in reversed(checks[:-1]):
        combined = (lambda first, rest: lambda v: first(v) and rest(v))(check, combined)
    return combined


def _items(item: Check) -> Check:
    def check(v: Any) -> bool:
        if isinstance(v, list):
            for x in v:
                if not item(x):
                    return False
        return True

    return check


def _reference(ref: str, root: dict[str, Any], refs: dict[str, Check]) -> Check:
    if not ref.startswith("#/"):
        raise Unsupported(f"$ref {ref}")
    if ref not in refs:
        refs[ref] = lambda v: compiled[0](v)  # a schema may refer to itself: resolved once compiled
        compiled: list[Check] = []
        target: Any = root
        for part in ref[2:].split("/"):
            if not isinstance(target, dict) or part not in target:
                raise Unsupported(f"$ref {ref}")
            target = target[part]
        compiled.append(_compile(target, root, refs))
    return refs[ref]


def _object(rule: dict[str, Any], root: dict[str, Any], refs: dict[str, Check]) -> Check:
    props = {name: _compile(r, root, refs) for name, r in rule.get("properties", {}).items()}
    extra_rule = rule.get("additionalProperties", True)
    extra = None if extra_rule is True else (False if extra_rule is False else _compile(extra_rule, root, refs))
    required = tuple(rule.get("required", ()))
    names = _compile(rule["propertyNames"], root, refs) if "propertyNames" in rule else None

    def check(v: Any) -> bool:
        if not isinstance(v, dict):
            return True
        for key, value in v.items():
            if names is not None and not names(key):
                return False
            own = props.get(key)
            if own is not None:
                if not own(value):
                    return False
            elif extra is False or (extra is not None and not extra(value)):
                return False
        return all(key in v for key in required)

    return check


def _same(value: Any, other: Any) -> bool:
    """JSON equality: 1 and 1.0 are the same number, true is not 1."""
    if _is_number(value) and _is_number(other):
        return value == other
    return type(value) is type(other) and value == other


def _types(kinds: str | list[str]) -> Check:
    kinds = [kinds] if isinstance(kinds, str) else kinds
    if any(kind not in _TYPES for kind in kinds):
        raise Unsupported(f"type {kinds}")
    checks = [_TYPES[kind] for kind in kinds]
    if len(checks) == 1:
        return checks[0]
    return lambda v: any(check(v) for check in checks)


def _enum(options: list[Any]) -> Check:
    if all(isinstance(o, str) for o in options):
        names = frozenset(options)
        return lambda v: isinstance(v, str) and v in names
    return lambda v: any(_same(v, o) for o in options)


_SIMPLE: dict[str, Callable[[Any], Check]] = {
    "type": _types,
    "enum": _enum,
    "const": lambda o: lambda v: _same(v, o),
    "minimum": lambda m: lambda v: not _is_number(v) or v >= m,
    "maximum": lambda m: lambda v: not _is_number(v) or v <= m,
    "minItems": lambda n: lambda v: not isinstance(v, list) or len(v) >= n,
    "minLength": lambda n: lambda v: not isinstance(v, str) or len(v) >= n,
}
