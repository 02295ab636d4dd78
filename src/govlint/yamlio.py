"""YAML loading with the C loader when available, and one-line errors with a line number."""
from __future__ import annotations

from typing import Any

from govlint.errors import GovlintError


def load_yaml(text: str, *, path: str, error: type[GovlintError]) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise error(f"invalid YAML: {where}{problem}", path=path) from None
