"""Pieces the rule kinds share: document filters, names of probes, and the result of one check."""
from __future__ import annotations

from typing import Any, Mapping

from govlint.report import FAIL, PASS, Evidence


def document_kinds(spec: Mapping[str, Any]) -> frozenset[str] | None:
    kinds = spec.get("documents")
    return frozenset(kinds) if kinds else None


def names(value: Any) -> list[str]:
    """A probe or vocabulary name, or a list of them, as a list."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


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
