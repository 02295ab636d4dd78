"""`plugin`: a check written in Python, found by name in the `govlint.rules` entry-point group.

A plugin check is a callable taking the DocumentSet and returning a Finding; the YAML rule
carries its metadata, so its docs live with every other rule's.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Mapping

from govlint.rules.kinds._common import Outcome
from govlint.rules.model import DocumentSet, Finding

ENTRY_POINT_GROUP = "govlint.rules"


@lru_cache(maxsize=None)
def entry_point_objects() -> dict[str, Any]:
    from importlib.metadata import entry_points

    return {point.name: point for point in entry_points(group=ENTRY_POINT_GROUP)}


def load_plugin(name: str) -> Callable[[DocumentSet], Finding]:
    points = entry_point_objects()
    if name not in points:
        builtin = _BUILTIN.get(name)
        if builtin is None:
            raise ValueError(f"no plugin named {name!r} in the {ENTRY_POINT_GROUP!r} entry-point group")
        return builtin()
    return points[name].load()


def _leader_coverage():
    from govlint.rules.builtin.leader_coverage import check
    return check


# Used only when govlint runs from a source tree without installed metadata.
_BUILTIN = {"leader-coverage": _leader_coverage}


class PluginCheck:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.name = spec["plugin"]
        self.function = load_plugin(self.name)

    def run(self, docs: DocumentSet) -> Outcome:
        finding = self.function(docs)
        return Outcome(finding.status, list(finding.evidence), list(finding.near_miss), finding.message)


def build(spec: Mapping[str, Any]) -> PluginCheck:
    return PluginCheck(spec)
