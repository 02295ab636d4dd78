"""The built-in packs' JSON copies (rules/<pack>.json, packjson.py): each holds exactly what its YAML
gives, is read instead of parsing the YAML (start-up), and is ignored once the YAML changes."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from govlint.errors import RulePackError
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


@pytest.mark.parametrize("name", PACKS)
def test_the_copy_ships_its_phrases_normalized_as_words_py_would_now(name):
    # A change to words.py (or PyStemmer) without `python -m govlint.rules.packjson` fails here.
    from govlint.rules.lexicon import normalize
    from govlint.rules.words import normalization_key

    raw = (data_dir("rules") / name).read_bytes()
    vocabulary = read_copy(name, raw)["vocabulary"]
    fresh = normalize(loader.load_yaml(raw.decode("utf-8"), path=name, error=RulePackError)["vocabulary"])
    assert vocabulary.key == normalization_key(), f"rules/{copy_name(name)}: run `python -m govlint.rules.packjson`"
    assert vocabulary.phrases == fresh, f"rules/{copy_name(name)}: run `python -m govlint.rules.packjson`"


def test_a_fresh_process_does_not_stem_the_packs_phrases_again(monkeypatch):
    from govlint.rules import lexicon

    raw = (data_dir("rules") / "cncf.yaml").read_bytes()
    vocabulary = read_copy("cncf.yaml", raw)["vocabulary"]
    expected = lexicon.Lexicon.build(dict(vocabulary)).phrases  # stemmed afresh

    def no_stemming(phrase):
        raise AssertionError(f"stemmed {phrase!r} again")

    monkeypatch.setattr(lexicon, "phrase_stems", no_stemming)
    assert lexicon.Lexicon.build(vocabulary).phrases == expected


def test_phrases_normalized_under_another_normalization_are_stemmed_afresh():
    from govlint.rules.lexicon import Lexicon, NormalizedVocabulary

    vocabularies = {"removal": ["remove", "kick out"], "vote": ["vote to {removal}"]}
    stale = {"removal": [("delet",)], "vote": [("vote", "to", "delet")]}
    for key in ("words.py sha256 0000, PyStemmer 0.0, Unicode 1.0", ""):
        lexicon = Lexicon.build(NormalizedVocabulary(vocabularies, phrases=stale, key=key))
        assert lexicon.phrases == Lexicon.build(vocabularies).phrases
        assert lexicon.scan("They vote to remove him.").has("vote")
        assert not lexicon.scan("They vote to delete it.").has("vote")


@pytest.mark.parametrize("damage", [{"key": "k"}, {"phrases": {}}, {"key": 1, "phrases": {}}, {"key": "k", "phrases": []},
                                    {"key": "k", "phrases": {"vote": [7]}}, "not a mapping"])
def test_a_copy_with_damaged_normalized_phrases_is_read_with_its_words_stemmed_afresh(tmp_path, monkeypatch, damage):
    """The phrases are an aid to start-up: a copy whose normalized part is not as make_copy writes
    it still gives the pack (no traceback), and its words are stemmed again."""
    import json

    from govlint.rules import packjson
    from govlint.rules.lexicon import Lexicon, NormalizedVocabulary

    raw = (data_dir("rules") / "cncf.yaml").read_bytes()
    copy = json.loads(make_copy("cncf.yaml", raw))
    copy["normalized"] = damage
    (tmp_path / "cncf.json").write_text(json.dumps(copy), encoding="utf-8")
    monkeypatch.setattr(packjson, "data_dir", lambda name: tmp_path)
    data = read_copy("cncf.yaml", raw)
    assert not isinstance(data["vocabulary"], NormalizedVocabulary)
    assert Lexicon.build(data["vocabulary"]).phrases == Lexicon.build(dict(data["vocabulary"])).phrases


def test_regenerating_with_a_broken_pack_is_one_line_and_keeps_its_copy(tmp_path, monkeypatch, capsys):
    # A maintainer editing rules/cncf.yaml runs `python -m govlint.rules.packjson` mid-edit.
    from govlint.rules import packjson

    (tmp_path / "cncf.yaml").write_text("vocabulary:\n  remove: [remove\n", encoding="utf-8")
    (tmp_path / "cncf.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(packjson, "data_dir", lambda name: tmp_path)
    assert packjson.main() == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("packjson: error: ") and "cncf.yaml" in err[0]
    assert (tmp_path / "cncf.json").read_text(encoding="utf-8") == "{}"
