"""YAML loading with the C loader when available, and one-line errors with a line number."""
from __future__ import annotations

from typing import Any

from govlint.errors import GovlintError

# A configuration, rule pack or projects file holds a few thousand values. Aliases can make a
# small file stand for billions ("billion laughs"), which validation would then walk one by one.
MAX_VALUES = 100_000


def load_yaml(text: str, *, path: str, error: type[GovlintError]) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise error(f"invalid YAML: {where}{problem}", path=path) from None
    except (ValueError, TypeError, OverflowError) as err:
        # A value YAML recognises but cannot build, such as the date 2024-13-45.
        raise error(f"invalid YAML: a value cannot be read ({err})", path=path) from None
    except RecursionError:
        raise error("invalid YAML: nested too deeply", path=path) from None
    check_size(data, path=path, error=error)
    return data


def check_size(data: Any, *, path: str, error: type[GovlintError]) -> None:
    """Refuse data that, with its aliases expanded (or looping back on itself), is too big to walk."""
    stack, count = [data], 0
    while stack:
        node = stack.pop()
        count += 1
        if count > MAX_VALUES:
            raise error(f"invalid YAML: more than {MAX_VALUES:,} values once its aliases (*name) are "
                        "expanded", path=path)
        if isinstance(node, dict):
            stack.extend(node.values())
            count += len(node)
        elif isinstance(node, list):
            stack.extend(node)
