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


def _short(problem: Any) -> str:
    if problem.validator == "additionalProperties":
        return problem.message.replace("Additional properties are not allowed", "unknown key")
    return problem.message if len(problem.message) < 200 else problem.message[:197] + "..."
