"""Packaged data (rules/, schemas/).

In a wheel, the top-level rules/ and schemas/ folders are installed as govlint/_data/; in a
source checkout run without installing, the top-level folders themselves are used. Installed as
ordinary files (the usual case), the folder is found beside this module; importlib.resources,
whose import costs a few milliseconds, is only needed when govlint is imported from a zip file.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def data_dir(name: str) -> Traversable:
    here = Path(__file__).parent
    packaged: Traversable = here / "_data" / name
    if packaged.is_dir():
        return packaged
    if not here.is_dir():  # imported from a zip file: only importlib.resources can look inside
        from importlib import resources

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
    import json

    return json.loads((data_dir("schemas") / f"{name}.schema.json").read_text(encoding="utf-8"))


# Built-in packs a user asks for: `govlint review` reads the review pack; `govlint check` does
# not, so a check's score and levels mean what they meant before the pack existed.
OPT_IN_PACKS = frozenset({"review.yaml"})


def builtin_packs() -> list[Traversable]:
    """The packs every `govlint check` runs (every rules/*.yaml but the opt-in ones)."""
    return sorted((p for p in data_dir("rules").iterdir()
                   if p.name.endswith((".yaml", ".yml")) and p.name not in OPT_IN_PACKS), key=lambda p: p.name)


def opt_in_pack(name: str) -> Traversable:
    """An opt-in built-in pack by file name, e.g. opt_in_pack("review.yaml")."""
    if name not in OPT_IN_PACKS:
        raise KeyError(name)
    return data_dir("rules") / name
