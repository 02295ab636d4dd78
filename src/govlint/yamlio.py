"""YAML loading with the C loader when available, and one-line errors with a line number.

Every YAML file govlint reads (configuration, rule packs, projects files) comes through here, so
each gets the same refusals: a key given twice in one mapping (YAML says the second silently
wins, which hides a mistake or a trick), a number that is not finite (``.nan``, ``.inf``), and
more values than a small file can honestly hold. Errors name the line and the key, never a value.
"""
from __future__ import annotations

import functools
import math
import re
from typing import Any

from govlint.errors import GovlintError

# A configuration, rule pack or projects file holds a few thousand values. Aliases can make a
# small file stand for billions ("billion laughs"), which validation would then walk one by one.
MAX_VALUES = 100_000
# A quoted name in a parser message (an alias, an anchor, a tag): content of the file, not shown.
_QUOTED = re.compile(r"""'[^']{2,}'|"[^"]{2,}\"""")


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int) -> None:
        super().__init__(key)
        self.key, self.line = key, line


@functools.lru_cache(maxsize=None)
def _loader() -> type:
    """A safe loader (the C one when PyYAML has it) that refuses a key given twice in a mapping."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen: set[Any] = set()
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge" or not isinstance(key_node, yaml.ScalarNode):
                    continue  # merged keys (<<) may be overridden; that is what merging is for
                key = self.construct_object(key_node)
                try:
                    if key in seen:
                        raise _DuplicateKey(str(key), key_node.start_mark.line + 1)
                    seen.add(key)
                except TypeError:  # an unhashable key: SafeConstructor reports it
                    pass
            return super().construct_mapping(node, deep=deep)

    return Loader


def load_yaml(text: str, *, path: str, error: type[GovlintError]) -> Any:
    import yaml

    try:
        data = yaml.load(text, Loader=_loader())  # noqa: S506 - a safe loader
    except _DuplicateKey as dup:
        raise error(f"invalid YAML: line {dup.line}: key {_key(dup.key)} is given twice in one mapping",
                    path=path) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise error(f"invalid YAML: {where}{_QUOTED.sub('(…)', problem)}", path=path) from None
    except (ValueError, TypeError, OverflowError) as err:
        # A value YAML recognises but cannot build, such as the date 2024-13-45.
        raise error(f"invalid YAML: a value cannot be read ({err})", path=path) from None
    except RecursionError:
        raise error("invalid YAML: nested too deeply", path=path) from None
    check_size(data, path=path, error=error)
    return data


def check_size(data: Any, *, path: str, error: type[GovlintError]) -> None:
    """Refuse data that, with its aliases expanded (or looping back on itself), is too big to walk,
    and numbers that are not finite (nothing govlint reads means .nan or .inf)."""
    # Each entry carries where it sits as a chain (parent chain, key), spelled out only for an error.
    stack: list[tuple[Any, Any]] = [(data, None)]
    count = 0
    while stack:
        node, where = stack.pop()
        count += 1
        if count > MAX_VALUES:
            raise error(f"invalid YAML: more than {MAX_VALUES:,} values once its aliases (*name) are "
                        "expanded", path=path)
        if isinstance(node, dict):
            stack.extend((value, (where, key)) for key, value in node.items())
            count += len(node)
        elif isinstance(node, list):
            stack.extend((value, (where, index)) for index, value in enumerate(node))
        elif isinstance(node, float) and not math.isfinite(node):
            raise error(f"{_spell(where)}: not a finite number (.nan and .inf are not numbers govlint can use)",
                        path=path)


def _spell(where: Any) -> str:
    """("a", 0) chains as validation errors spell them: rules/0/weight."""
    parts = []
    while where is not None:
        where, key = where
        parts.append(str(key))
    return "/".join(reversed(parts)) or "(top level)"


def _key(key: str) -> str:
    return repr(key if len(key) <= 60 else key[:57] + "...")
