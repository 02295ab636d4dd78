"""The one registry of rules: built-in YAML packs, extra packs, and entry-point plugins.

Built-in Python rules register through the same `govlint.rules` entry-point group as
third-party plugins, so both are loaded, selected and reported the same way.
"""
from __future__ import annotations

from typing import Iterable, Sequence

from govlint.errors import RulePackError, UsageError
from govlint.resources import builtin_packs
from govlint.rules.loader import builtin_pack_data, load_pack_file, pack_rules
from govlint.rules.model import Rule
from govlint.rules.plugins import other_entry_points



def load_rules(*, extra_packs: Sequence[str] = (), plugins: bool = True) -> list[Rule]:
    """Every rule, in a stable order: built-in packs, then extra packs, then plugins."""
    rules: list[Rule] = []
    for pack in builtin_packs():
        # Built-in packs are validated against the schema by the test suite, not on every run.
        rules.extend(pack_rules(builtin_pack_data(pack), origin=f"govlint:rules/{pack.name}", validate=False))
    for path in extra_packs:
        rules.extend(load_pack_file(path))
    if plugins:
        rules.extend(plugin_rules())
    _check_unique(rules)
    return rules


def plugin_rules() -> list[Rule]:
    """Complete rules (objects with `.meta` and `.check`) from the entry-point group.

    Entry points that are bare check functions serve YAML rules of kind `plugin` instead; ours all
    are (plugins.BUILTIN_CHECKS), so only other packages' entry points are loaded to find out.
    """
    out: list[Rule] = []
    for name, point in sorted(other_entry_points().items()):
        try:
            loaded = point.load()
        except Exception as err:  # a broken plugin must not take govlint down with a traceback
            raise RulePackError(f"plugin {name} ({point.value}) failed to load: {err}") from None
        candidates = loaded if isinstance(loaded, (list, tuple)) else [loaded]
        for rule in candidates:
            if hasattr(rule, "meta") and callable(getattr(rule, "check", None)):
                out.append(rule)
    return out


def _check_unique(rules: Iterable[Rule]) -> None:
    seen: dict[str, str] = {}
    for rule in rules:
        for key in (rule.meta.code, rule.meta.name):
            if key in seen:
                raise RulePackError(f"rule {key!r} is defined twice ({seen[key]} and {rule.meta.origin})")
            seen[key] = rule.meta.origin


def select(rules: Sequence[Rule], *, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    """Rules chosen by code, code prefix or name, as ruff's --select/--ignore."""
    def matches(rule: Rule, token: str) -> bool:
        token = token.strip()
        return token in ("ALL", rule.meta.name) or rule.meta.code.upper().startswith(token.upper())

    for token in [*select, *ignore]:
        if token != "ALL" and not any(matches(r, token) for r in rules):
            raise UsageError(f"unknown rule, code or prefix: {token!r} (see `govlint rules`)")
    chosen = [r for r in rules if not select or any(matches(r, t) for t in select)]
    return [r for r in chosen if not any(matches(r, t) for t in ignore)]


def find_rule(rules: Sequence[Rule], key: str) -> Rule:
    for rule in rules:
        if key in (rule.meta.code, rule.meta.name) or key.upper() == rule.meta.code.upper():
            return rule
    raise UsageError(f"unknown rule: {key!r} (see `govlint rules`)")
