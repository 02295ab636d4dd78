"""A rule defined in a YAML pack: metadata plus one or more checks of the closed set of kinds."""
from __future__ import annotations

from typing import Any, Mapping

from govlint.levels import Ladder, check_rule_levels
from govlint.report import FAIL, NOT_APPLICABLE, PARTIAL, PASS, Criterion
from govlint.rules.kinds import KINDS
from govlint.rules.model import DocumentSet, Finding, RuleMeta

_RANK = {PASS: 2, PARTIAL: 1, FAIL: 0, NOT_APPLICABLE: -1}


class YamlRule:
    """Its checks are alternatives: the best outcome of any of them is the rule's outcome."""

    def __init__(self, meta: RuleMeta, checks: list[Any], language: Any = None) -> None:
        self.meta = meta
        self.checks = checks
        self.language = language  # its pack's words and probes (probes.Language)

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


def build_rule(data: Mapping[str, Any], *, pack: str, origin: str, language: Any,
               ladder: Ladder | None = None) -> YamlRule:
    """Build a rule from its validated YAML mapping and its pack's Language; raises ValueError
    (naming the probe, vocabulary or key at fault) on a bad check, or on levels and profiles
    its pack's ``ladder`` does not declare."""
    criterion = data["criterion"]
    profiles = {k: dict(v) for k, v in data.get("profiles", {}).items()}
    if ladder is not None:
        check_rule_levels(data["levels"], profiles, ladder)
    meta = RuleMeta(
        code=data["code"], name=data["name"], title=data["title"], rationale=data["rationale"].strip(),
        criterion=Criterion(text=criterion["text"].strip(), source=criterion["source"], url=criterion.get("url")),
        weight=float(data.get("weight", 1)), levels=dict(data["levels"]), remediation=data["remediation"].strip(),
        example=data.get("example", "").strip(), looked_for=data.get("looked_for", "").strip(),
        profiles=profiles, pack=pack, origin=origin, ladder=ladder,
        passes=tuple(data.get("pass") or ()), fails=tuple(data.get("fail") or ()),
    )
    specs = data["check"] if isinstance(data["check"], list) else [data["check"]]
    return YamlRule(meta, [KINDS[spec["kind"]](spec, language) for spec in specs], language)
