"""The one registry of rules: built-in YAML packs, extra packs, and entry-point plugins.

Built-in Python rules register through the same `govlint.rules` entry-point group as
third-party plugins, so both are loaded, selected and reported the same way.
"""
from __future__ import annotations

from typing import Iterable, Sequence

from govlint.errors import RulePackError, UsageError
from govlint.levels import Ladder, ladder_of_run
from govlint.resources import builtin_packs
from govlint.rules.loader import builtin_pack, builtin_pack_data, load_pack_file, pack_ladder, pack_rules
from govlint.rules.model import Rule
from govlint.rules.plugins import other_entry_points



def load_rules(*, extra_packs: Sequence[str] = (), plugins: bool = True) -> list[Rule]:
    """Every rule, in a stable order: built-in packs, then extra packs, then plugins.

    A pack without `levels:` is on the built-in packs' levels. When an extra pack declares levels
    of its own, the check climbs those: the rules on other levels (the built-in packs') are left
    out, and extra packs on different levels are an error (levels.py)."""
    builtin: list[Rule] = []
    ladder: Ladder | None = None
    for pack in builtin_packs():
        # Built-in packs are validated against the schema by the test suite, not on every run.
        data, language = builtin_pack(pack)
        loaded = pack_rules(data, origin=f"govlint:rules/{pack.name}", validate=False, inherit=ladder,
                            language=language)
        ladder = ladder or next((r.meta.ladder for r in loaded if r.meta.ladder is not None), None)
        builtin.extend(loaded)
    extra: list[Rule] = []
    for path in extra_packs:
        extra.extend(load_pack_file(path, inherit=ladder))
    own = [r for r in extra if ladder is None or r.meta.ladder is None or r.meta.ladder.names != ladder.names]
    if own:
        _check_one_ladder(extra, first=own[0])
        builtin = []
    rules = [*builtin, *extra]
    if plugins:
        names = run_ladder(rules)
        rules.extend(r for r in plugin_rules() if names is None or set(r.meta.levels) <= set(names.names))
    _check_unique(rules)
    return rules


def builtin_ladder() -> Ladder:
    """The built-in packs' levels and profiles, read without building their rules."""
    ladder: Ladder | None = None
    for pack in builtin_packs():
        ladder = ladder or pack_ladder(builtin_pack_data(pack), origin=f"govlint:rules/{pack.name}")
    if ladder is None:
        raise RulePackError("no built-in rule pack declares levels (a pack's top-level `levels:`)")
    return ladder


def _check_one_ladder(rules: Sequence[Rule], *, first: Rule) -> None:
    """Extra packs with levels of their own are checked alone, all on the same levels."""
    want = first.meta.ladder.names if first.meta.ladder is not None else ()
    for rule in rules:
        names = rule.meta.ladder.names if rule.meta.ladder is not None else ()
        if names != want:
            own = "declares no levels, so it is on the built-in ones" if rule.meta.ladder and \
                rule.meta.ladder.builtin else "declares the levels"
            raise RulePackError(f"{own} ({', '.join(names)}), not those of {first.meta.origin} ({', '.join(want)}): "
                                "one check climbs one set of levels; run these packs separately", path=rule.meta.origin)


def _ladders(rules: Iterable[Rule]) -> list[Ladder]:
    """The distinct ladders of ``rules``, in order (rules of one pack share theirs)."""
    out: dict[int, Ladder] = {}
    for rule in rules:
        ladder = getattr(rule.meta, "ladder", None)
        if ladder is not None:
            out.setdefault(id(ladder), ladder)
    return list(out.values())


def run_ladder(rules: Iterable[Rule]) -> Ladder | None:
    """The levels and profiles ``rules`` run on (None when no rule comes from a pack that has them)."""
    ladders = _ladders(rules)
    return ladder_of_run(ladders) if ladders else None


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
