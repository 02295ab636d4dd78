"""The built-in packs' JSON copies (rules/<pack>.json, packjson.py): each holds exactly what its YAML
gives, is read instead of parsing the YAML (start-up), and is ignored once the YAML changes."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from govlint.resources import data_dir
from govlint.rules import loader
from govlint.rules.packjson import copy_name, make_copy, read_copy

PACKS = sorted(p.name for p in data_dir("rules").iterdir() if p.name.endswith(".yaml"))


@dataclass
class _Pack:
    """A built-in pack as resources.builtin_packs gives it (a name and its bytes)."""

    name: str
    data: bytes

    def read_bytes(self) -> bytes:
        return self.data


@pytest.mark.parametrize("name", PACKS)
def test_each_copy_is_made_from_the_yaml_as_it_is(name):
    raw = (data_dir("rules") / name).read_bytes()
    stored = (data_dir("rules") / copy_name(name)).read_text(encoding="utf-8")
    assert stored == make_copy(name, raw), (
        f"rules/{copy_name(name)} is not the copy of rules/{name}: run `python -m govlint.rules.packjson`")


@pytest.mark.parametrize("name", PACKS)
def test_a_pack_is_read_from_its_copy_without_parsing_yaml(name, monkeypatch):
    raw = (data_dir("rules") / name).read_bytes()
    from_yaml = loader.builtin_pack_data(_Pack(name, raw + b"\n"))  # not the copy's bytes: parsed

    def no_yaml(*args, **kwargs):
        raise AssertionError("the YAML was parsed")

    monkeypatch.setattr(loader, "load_yaml", no_yaml)
    assert loader.builtin_pack_data(_Pack(name, raw)) == from_yaml


def test_once_the_yaml_changes_its_copy_is_ignored():
    raw = (data_dir("rules") / "cncf.yaml").read_bytes()
    assert read_copy("cncf.yaml", raw) is not None
    edited = raw.replace(b"\ndescription: ", b"\ndescription: Edited. ", 1)
    assert edited != raw and read_copy("cncf.yaml", edited) is None
    assert loader.builtin_pack_data(_Pack("cncf.yaml", edited))["description"].startswith("Edited. ")
