"""`plugin`: a check written in Python, found by name in the `govlint.rules` entry-point group.

A plugin check is a callable taking the DocumentSet and returning a Finding; the YAML rule
carries its metadata, so its docs live with every other rule's.

Ours are imported directly by name; others are found through importlib.metadata (plugins.py).
"""
from __future__ import annotations

import inspect
from typing import Any, Callable, Mapping

from govlint.rules.kinds._common import Outcome
from govlint.rules.model import DocumentSet, Finding
from govlint.rules.plugins import BUILTIN_CHECKS, ENTRY_POINT_GROUP, load_builtin, other_entry_points
from govlint.rules.probes import Language


def load_plugin(name: str) -> Callable[[DocumentSet], Finding]:
    if name in BUILTIN_CHECKS:
        return load_builtin(name)
    points = other_entry_points()
    if name not in points:
        raise ValueError(f"no plugin named {name!r} in the {ENTRY_POINT_GROUP!r} entry-point group")
    return points[name].load()


class PluginCheck:
    """A plugin is called with the DocumentSet, and with the pack's Language as `language=` when it
    takes that keyword, so a Python check reads with the same words and probes as the YAML rules."""

    def __init__(self, spec: Mapping[str, Any], language: Language | None = None) -> None:
        self.name = spec["plugin"]
        self.function = load_plugin(self.name)
        self.language = language
        try:
            self.wants_language = "language" in inspect.signature(self.function).parameters
        except (TypeError, ValueError):
            self.wants_language = False

    def run(self, docs: DocumentSet) -> Outcome:
        finding = self.function(docs, language=self.language) if self.wants_language else self.function(docs)
        return Outcome(finding.status, list(finding.evidence), list(finding.near_miss), finding.message)


def build(spec: Mapping[str, Any], language: Language | None = None) -> PluginCheck:
    return PluginCheck(spec, language)
