"""A rule defined in a YAML pack: metadata plus one or more checks of the closed set of kinds."""
from __future__ import annotations

import re
from typing import Any, Mapping

from govlint.report import FAIL, NOT_APPLICABLE, PARTIAL, PASS, Criterion
from govlint.rules.kinds import KINDS, WORD_KINDS
from govlint.rules.model import DocumentSet, Finding, RuleMeta

_RANK = {PASS: 2, PARTIAL: 1, FAIL: 0, NOT_APPLICABLE: -1}


class YamlRule:
    """Its checks are alternatives: the best outcome of any of them is the rule's outcome."""

    def __init__(self, meta: RuleMeta, checks: list[Any]) -> None:
        self.meta = meta
        self.checks = checks

    def __repr__(self) -> str:
        return f"YamlRule({self.meta.name!r})"

    def check(self, docs: DocumentSet) -> Finding:
        best = None
        near = []
        for check in self.checks:
            outcome = check.run(docs)
            if best is None or _RANK[outcome.status] > _RANK[best.status]:
                best = outcome
            near.extend(outcome.near_miss)
            if outcome.status == PASS:
                break
        assert best is not None
        return Finding(status=best.status, message=best.message, evidence=tuple(best.evidence),
                       near_miss=tuple(near[:2]) if best.status != PASS else ())


_VOCABULARY_REF = re.compile(r"\{\{(\w[\w-]*)\}\}")


def expand_vocabulary(vocabulary: Mapping[str, str]) -> dict[str, str]:
    """Resolve references between vocabulary entries, so each is a plain regex fragment."""
    resolved: dict[str, str] = {}

    def resolve(name: str, trail: tuple[str, ...]) -> str:
        if name in resolved:
            return resolved[name]
        if name in trail:
            raise ValueError(f"vocabulary {name!r} refers to itself through {' -> '.join(trail)}")
        if name not in vocabulary:
            raise ValueError(f"unknown vocabulary entry {{{{{name}}}}}")
        value = _VOCABULARY_REF.sub(lambda m: f"(?:{resolve(m.group(1), (*trail, name))})",
                                    " ".join(vocabulary[name].split()))
        resolved[name] = value
        return value

    for key in vocabulary:
        resolve(key, ())
    return resolved


def _substitute(value: Any, vocabulary: Mapping[str, str]) -> Any:
    if isinstance(value, str):
        def replace(match: re.Match[str]) -> str:
            if match.group(1) not in vocabulary:
                raise ValueError(f"unknown vocabulary entry {match.group(0)}")
            return f"(?:{vocabulary[match.group(1)]})"
        return _VOCABULARY_REF.sub(replace, value)
    if isinstance(value, list):
        return [_substitute(v, vocabulary) for v in value]
    if isinstance(value, dict):
        return {k: _substitute(v, vocabulary) for k, v in value.items()}
    return value


def build_rule(data: Mapping[str, Any], *, pack: str, origin: str,
               vocabulary: Mapping[str, str] | None = None, guard: bool = False,
               language: Any = None) -> YamlRule:
    """Build a rule from its validated YAML mapping; raises re.error or ValueError on a bad check.

    With ``guard``, a regex that can backtrack catastrophically is refused (regex_safety.py)."""
    criterion = data["criterion"]
    meta = RuleMeta(
        code=data["code"], name=data["name"], title=data["title"], rationale=data["rationale"].strip(),
        criterion=Criterion(text=criterion["text"].strip(), source=criterion["source"], url=criterion.get("url")),
        weight=float(data.get("weight", 1)), levels=dict(data["levels"]), remediation=data["remediation"].strip(),
        example=data.get("example", "").strip(), looked_for=data.get("looked_for", "").strip(),
        profiles={k: dict(v) for k, v in data.get("profiles", {}).items()}, pack=pack, origin=origin,
    )
    specs = data["check"] if isinstance(data["check"], list) else [data["check"]]
    if guard:
        from govlint.rules.regex_safety import check_rule_patterns

        for spec in specs:
            check_rule_patterns(spec, lambda pattern: _substitute(pattern, vocabulary or {}))
    specs = [_substitute(spec, vocabulary or {}) for spec in specs]
    return YamlRule(meta, [build_check(spec, language) for spec in specs])


def build_check(spec: Mapping[str, Any], language: Any) -> Any:
    """One check of a rule; the kinds that read words get the pack's language."""
    builder = KINDS[spec["kind"]]
    if spec["kind"] in WORD_KINDS:
        return builder(spec, language)
    return builder(spec)
