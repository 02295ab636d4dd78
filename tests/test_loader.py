"""Packaged rule packs are compiled once per process for the same bytes (rules/loader.py)."""
from __future__ import annotations

from pathlib import Path

from govlint.resources import builtin_packs
from govlint.rules import loader
from govlint.rules.registry import load_rules


def _language_of(rules, pack="cncf"):
    rule = next(r for r in rules if r.meta.pack == pack)
    return rule.checks[0].language


def test_loading_the_rules_again_reuses_the_compiled_words():
    """An audit lints many projects in one process and every in-process check loads the rules:
    the packaged words and probes are compiled once, not once per load."""
    assert _language_of(load_rules()) is _language_of(load_rules())


def test_a_pack_with_other_bytes_is_compiled_afresh(tmp_path):
    """The memo is keyed by the file's content: a changed pack is never answered from it."""
    [pack] = [p for p in builtin_packs() if p.name == "cncf.yaml"]
    data, language = loader.builtin_pack(pack)
    changed = tmp_path / "cncf.yaml"
    changed.write_bytes(pack.read_bytes().replace(b"vocabulary:\n", b"vocabulary:\n  extra-words: [zebra]\n", 1))
    other_data, other = loader.builtin_pack(Path(changed))
    assert other is not language
    assert "extra-words" in other.lexicon and "extra-words" not in language.lexicon
    assert loader.builtin_pack(pack)[1] is language
