"""Pieces the rule kinds share: document filters and the result of one check."""
from __future__ import annotations

import re
from typing import Any, Mapping

from govlint.report import FAIL, PASS, Evidence
from govlint.rules.matching import compile_group


def document_kinds(spec: Mapping[str, Any]) -> frozenset[str] | None:
    kinds = spec.get("documents")
    return frozenset(kinds) if kinds else None


def groups(spec: Mapping[str, Any], key: str = "all") -> list[re.Pattern[str]]:
    return [compile_group(g if isinstance(g, list) else [g]) for g in spec.get(key, [])]


def optional_regex(spec: Mapping[str, Any], key: str) -> re.Pattern[str] | None:
    value = spec.get(key)
    if value is None:
        return None
    return compile_group(value if isinstance(value, list) else [value])


class Outcome:
    """What one check found: a status with its evidence, or the near-misses it saw."""

    __slots__ = ("status", "evidence", "near_miss", "message")

    def __init__(self, status: str = FAIL, evidence: list[Evidence] | None = None,
                 near_miss: list[Evidence] | None = None, message: str = "") -> None:
        self.status = status
        self.evidence = evidence or []
        self.near_miss = near_miss or []
        self.message = message

    @property
    def passed(self) -> bool:
        return self.status == PASS
