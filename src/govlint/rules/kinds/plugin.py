"""`plugin`: a check written in Python, found by name in the `govlint.rules` entry-point group.

A plugin check is a callable taking the DocumentSet and returning a Finding; the YAML rule
carries its metadata, so its docs live with every other rule's.

The built-in check, ours, is imported directly; others are found through importlib.metadata.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Mapping

from govlint.rules.kinds._common import Outcome
from govlint.rules.model import DocumentSet, Finding

ENTRY_POINT_GROUP = "govlint.rules"


def scan_entry_points() -> dict[str, Any]:
    """The group's entry points, from the metadata of every installed distribution."""
    from importlib.metadata import entry_points

    return {point.name: point for point in entry_points(group=ENTRY_POINT_GROUP)}


@lru_cache(maxsize=None)
def entry_point_objects() -> dict[str, Any]:
    """Name -> entry point for the `govlint.rules` group (read once per process)."""
    return scan_entry_points()


def load_plugin(name: str) -> Callable[[DocumentSet], Finding]:
    builtin = _BUILTIN.get(name)
    if builtin is not None:
        return builtin()
    points = entry_point_objects()
    if name not in points:
        raise ValueError(f"no plugin named {name!r} in the {ENTRY_POINT_GROUP!r} entry-point group")
    return points[name].load()


def _leader_coverage():
    from govlint.rules.builtin.leader_coverage import check
    return check


def _maintainer_list():
    from govlint.rules.builtin.maintainer_list import check
    return check


# Ours: imported directly, with no look through the installed distributions.
_BUILTIN = {"leader-coverage": _leader_coverage, "maintainer-list": _maintainer_list}


class PluginCheck:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.name = spec["plugin"]
        self.function = load_plugin(self.name)

    def run(self, docs: DocumentSet) -> Outcome:
        finding = self.function(docs)
        return Outcome(finding.status, list(finding.evidence), list(finding.near_miss), finding.message)


def build(spec: Mapping[str, Any]) -> PluginCheck:
    return PluginCheck(spec)
