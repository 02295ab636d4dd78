"""Packaged data (rules/, schemas/), read with importlib.resources.

In a wheel, the top-level rules/ and schemas/ folders are installed as govlint/_data/; in a
source checkout run without installing, the top-level folders themselves are used.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any


def data_dir(name: str) -> Traversable:
    packaged = resources.files("govlint") / "_data" / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"govlint's {name}/ folder is missing from this installation")


@lru_cache(maxsize=None)
def schema(name: str) -> dict[str, Any]:
    """A JSON Schema from schemas/, e.g. schema("report")."""
    return json.loads((data_dir("schemas") / f"{name}.schema.json").read_text(encoding="utf-8"))


def builtin_packs() -> list[Traversable]:
    return sorted((p for p in data_dir("rules").iterdir() if p.name.endswith((".yaml", ".yml"))),
                  key=lambda p: p.name)
