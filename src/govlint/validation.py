"""JSON Schema validation with one-line errors that name the file and the key."""
from __future__ import annotations

from typing import Any

from govlint.errors import GovlintError
from govlint.resources import schema


def validate(data: Any, schema_name: str, *, path: str, error: type[GovlintError]) -> None:
    """Raise ``error`` naming ``path`` and the offending key when data breaks the schema."""
    import jsonschema  # imported here: only configs, user packs and tests need it

    validator = jsonschema.Draft202012Validator(schema(schema_name))
    problems = sorted(validator.iter_errors(data), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if problems:
        problem = jsonschema.exceptions.best_match(problems)
        where = "/".join(str(p) for p in problem.absolute_path) or "(top level)"
        raise error(f"{where}: {_short(problem)}", path=path)


# Names of JSON types as a reader says them.
_KINDS = {"object": "a mapping", "array": "a list", "string": "a string", "number": "a number",
          "integer": "an integer", "boolean": "true or false", "null": "nothing (null)"}


def _short(problem: Any) -> str:
    """What is wrong, in the schema's terms: keys are named, values never quoted.

    A file given by mistake (a token, a .netrc) fails validation at its first value; quoting that
    value would print the secret into a CI log.
    """
    kind, want = problem.validator, problem.validator_value
    if "propertyNames" in problem.schema_path:  # the instance is a key
        return _limit(f"key {problem.instance!r}: {_rule(kind, want)}")
    if kind == "additionalProperties":  # names the unexpected keys
        return _limit(problem.message.replace("Additional properties are not allowed", "unknown key"))
    if kind == "required":  # names the missing key, from the schema
        return _limit(problem.message)
    if kind == "type":
        return f"expected {_expected(want)}, found {_found(problem.instance)}"
    return _limit(_rule(kind, want))


def _rule(kind: str, want: Any) -> str:
    plural = "" if want == 1 else "s"
    rules = {
        "enum": lambda: "expected one of " + ", ".join(repr(v) for v in want),
        "const": lambda: f"expected {want!r}",
        "minimum": lambda: f"less than the minimum of {want}",
        "maximum": lambda: f"greater than the maximum of {want}",
        "exclusiveMinimum": lambda: f"must be greater than {want}",
        "exclusiveMaximum": lambda: f"must be less than {want}",
        "minLength": lambda: f"too short (at least {want} character{plural})",
        "maxLength": lambda: f"too long (at most {want} character{plural})",
        "pattern": lambda: f"does not match {want!r}",
        "minItems": lambda: f"needs at least {want} item{plural}",
        "maxItems": lambda: f"takes at most {want} item{plural}",
        "uniqueItems": lambda: "has an item twice",
        "format": lambda: f"is not a valid {want}",
        "oneOf": lambda: "matches none of the allowed forms",
        "anyOf": lambda: "matches none of the allowed forms",
        "not": lambda: "is not allowed here",
    }
    return rules[kind]() if kind in rules else f"is not valid ({kind})"


def _expected(want: Any) -> str:
    kinds = want if isinstance(want, list) else [want]
    return " or ".join(_KINDS.get(k, k) for k in kinds)


def _found(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    for python, name in ((dict, "a mapping"), (list, "a list"), (str, "a string"), (int, "an integer"),
                         (float, "a number"), (type(None), "nothing (null)")):
        if isinstance(value, python):
            return name
    return "a value of another type"


def _limit(text: str) -> str:
    return text if len(text) < 200 else text[:197] + "..."
