"""`plugin`: a check written in Python, found by name in the `govlint.rules` entry-point group.

A plugin check is a callable taking the DocumentSet and returning a Finding; the YAML rule
carries its metadata, so its docs live with every other rule's.

Finding entry points means reading the metadata of every installed distribution (and importing
importlib.metadata, itself slower than most of govlint): the group's names and values are kept in
a memo (startcache.py) keyed by the import path and its folders' modification times, which change
whenever a distribution is installed or removed. The built-in check, ours, is imported directly.
"""
from __future__ import annotations

import time
from functools import lru_cache, reduce
from importlib import import_module
from typing import Any, Callable, Mapping

from govlint.rules.kinds._common import Outcome
from govlint.rules.model import DocumentSet, Finding

ENTRY_POINT_GROUP = "govlint.rules"
_MEMO = "plugins"
# A folder changed this recently may change again within its clock tick without a new mtime: such
# a scan is used but not kept (as git treats a "racily clean" index entry).
_RACY_NS = 2_000_000_000


class CachedEntryPoint:
    """An entry point read from the memo: its name and value, loaded as importlib.metadata would."""

    __slots__ = ("name", "value", "group")

    def __init__(self, name: str, value: str, group: str = ENTRY_POINT_GROUP) -> None:
        self.name, self.value, self.group = name, value, group

    def load(self) -> Any:
        module, colon, attr = self.value.partition(":")
        names = module.rstrip().split(".")
        attrs = attr.strip().split(".") if colon else []
        if module != module.lstrip() or not all(part.isidentifier() for part in names + attrs):
            # Anything but plain `module:attr`: let importlib.metadata parse it (and fail as it does).
            from importlib.metadata import EntryPoint

            return EntryPoint(self.name, self.value, self.group).load()
        return reduce(getattr, attrs, import_module(".".join(names)))

    def __repr__(self) -> str:
        return f"CachedEntryPoint(name={self.name!r}, value={self.value!r}, group={self.group!r})"


def scan_entry_points() -> dict[str, Any]:
    """The group's entry points, from the metadata of every installed distribution."""
    from importlib.metadata import entry_points

    return {point.name: point for point in entry_points(group=ENTRY_POINT_GROUP)}


@lru_cache(maxsize=None)
def entry_point_objects() -> dict[str, Any]:
    """Name -> entry point (with .name, .value and .load()) for the `govlint.rules` group."""
    from govlint import startcache

    path = startcache.memo_path(_MEMO)
    key = (ENTRY_POINT_GROUP, startcache.import_path_key())
    known = startcache.lookup(path, key)
    if isinstance(known, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in known.items()):
        return {name: CachedEntryPoint(name, value) for name, value in known.items()}
    points = scan_entry_points()
    now = time.time_ns()
    if all(mtime is None or now - mtime > _RACY_NS for _, mtime in key[1]):
        startcache.store(path, key, {name: str(point.value) for name, point in points.items()})
    return points


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


# Ours: imported directly, with no look through the installed distributions.
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
