"""Start-up memos (startcache.py): the plugin scan and the parsed built-in rule packs are kept on
disk, and neither may ever change a result: a plugin installed or removed after the memo was
written is seen, a damaged memo is ignored, and a broken plugin fails as it always did."""
from __future__ import annotations

import importlib
import os
import sys
from importlib.metadata import EntryPoint

import pytest

from govlint import startcache
from govlint.errors import RulePackError
from govlint.rules.kinds import plugin
from govlint.rules.registry import load_rules


@pytest.fixture
def memo_folder(tmp_path, monkeypatch):
    """A private cache folder, a fresh in-process plugin table, and memos kept even for folders
    modified a moment ago (the tests make and change folders faster than a clock tick)."""
    monkeypatch.setenv("GOVLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(plugin, "_RACY_NS", -1)
    table = plugin.entry_point_objects
    table.cache_clear()
    yield tmp_path / "cache"
    table.cache_clear()


def _install(site, dist: str, module: str, source: str, entry: str) -> None:
    (site / f"{module}.py").write_text(source, encoding="utf-8")
    info = site / f"{dist}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[govlint.rules]\n{entry}\n", encoding="utf-8")
    importlib.invalidate_caches()


def _from_memo(monkeypatch) -> dict:
    """The plugin table, failing if it is not served from the memo."""
    def no_scan():
        raise AssertionError("scanned the installed distributions instead of reading the memo")

    with monkeypatch.context() as patch:
        patch.setattr(plugin, "scan_entry_points", no_scan)
        plugin.entry_point_objects.cache_clear()
        return plugin.entry_point_objects()


def _memo_key():
    return (plugin.ENTRY_POINT_GROUP, startcache.import_path_key())


def test_a_plugin_installed_after_the_memo_is_found(memo_folder, tmp_path, monkeypatch):
    site = tmp_path / "site"  # on the import path before it exists, as a user site folder can be
    monkeypatch.syspath_prepend(str(site))
    before = plugin.entry_point_objects()
    assert "leader-coverage" in before and "late-check" not in before
    key_before = _memo_key()
    assert startcache.lookup(startcache.memo_path("plugins"), key_before) == {
        name: point.value for name, point in before.items()}

    site.mkdir()
    _install(site, "late_plugin", "late_plugin_mod", "def check(docs):\n    return 'late'\n",
             "late-check = late_plugin_mod:check")
    os.utime(site, ns=(1_000_000_000, 1_000_000_000))  # an old install: the removal below must change it
    key_after = _memo_key()
    assert key_after != key_before

    plugin.entry_point_objects.cache_clear()
    scanned = plugin.entry_point_objects()  # the key changed: a real scan, which is then kept
    assert scanned["late-check"].load()(None) == "late"

    cached = _from_memo(monkeypatch)
    assert isinstance(cached["late-check"], plugin.CachedEntryPoint)
    assert {n: p.value for n, p in cached.items()} == {n: p.value for n, p in scanned.items()}
    assert cached["late-check"].load()(None) == "late"
    assert plugin.load_plugin("late-check")(None) == "late"

    # Removed again: the folder changes, so the memo is not used and the plugin is gone.
    for path in sorted(site.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    importlib.invalidate_caches()
    assert _memo_key() != key_after
    plugin.entry_point_objects.cache_clear()
    assert "late-check" not in plugin.entry_point_objects()


def test_the_memo_is_keyed_by_the_import_path_itself(memo_folder, tmp_path, monkeypatch):
    plugin.entry_point_objects()
    key = _memo_key()
    other = tmp_path / "other"
    other.mkdir()
    monkeypatch.syspath_prepend(str(other))
    assert _memo_key() != key


@pytest.mark.parametrize("damage", [b"", b"not marshal at all", None])
def test_a_damaged_memo_is_ignored_and_rewritten(memo_folder, monkeypatch, damage):
    expected = {n: p.value for n, p in plugin.entry_point_objects().items()}
    path = startcache.memo_path("plugins")
    blob = path.read_bytes()
    path.write_bytes(blob[:-5] + bytes([blob[-5] ^ 1]) + blob[-4:] if damage is None else damage)
    plugin.entry_point_objects.cache_clear()
    assert {n: p.value for n, p in plugin.entry_point_objects().items()} == expected
    assert {n: p.value for n, p in _from_memo(monkeypatch).items()} == expected


def test_the_built_in_plugin_needs_no_scan(memo_folder, monkeypatch):
    from govlint.rules.builtin.leader_coverage import check

    monkeypatch.setattr(plugin, "entry_point_objects", lambda: pytest.fail("looked up the entry points"))
    assert plugin.load_plugin("leader-coverage") is check


@pytest.mark.parametrize("value", ["os.path:join", "os", "os.path : join ", "os:path.join", "no_such_module_xyz:f",
                                   "os:no_such_attribute", "os:path.no_such_attribute", "os:", ":join", " os:sep",
                                   "os.:sep", "os:sep [extra]", "os path:join"])
def test_a_cached_entry_point_loads_as_importlib_metadata_does(value):
    def outcome(point):
        try:
            return "ok", point.load()
        except Exception as err:  # noqa: BLE001 - comparing failures
            return type(err), str(err)

    assert outcome(plugin.CachedEntryPoint("x", value)) == outcome(EntryPoint("x", value, plugin.ENTRY_POINT_GROUP))


def test_a_broken_plugin_fails_the_same_way_from_the_memo(memo_folder, tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    _install(site, "broken_plugin", "broken_plugin_mod", "raise RuntimeError('boom')\n",
             "broken-check = broken_plugin_mod:rules")
    messages = []
    for _ in range(2):  # a real scan, then the memo
        plugin.entry_point_objects.cache_clear()
        with pytest.raises(RulePackError) as err:
            load_rules()
        messages.append(str(err.value))
        sys.modules.pop("broken_plugin_mod", None)
    assert isinstance(plugin.entry_point_objects()["broken-check"], plugin.CachedEntryPoint)
    assert messages[0] == messages[1]
    assert "plugin broken-check (broken_plugin_mod:rules) failed to load: boom" in messages[0]


# --------------------------------------------------------------------------------------------------
# Built-in rule packs


def _yaml_data(pack):
    from govlint.yamlio import load_yaml

    return load_yaml(pack.read_text(encoding="utf-8"), path=pack.name, error=RulePackError)


def test_a_built_in_pack_from_the_memo_is_the_pack_read_from_yaml(memo_folder, monkeypatch):
    from govlint.resources import builtin_packs
    from govlint.rules import loader

    for pack in builtin_packs():
        expected = _yaml_data(pack)
        assert loader.builtin_pack_data(pack) == expected  # read from YAML, then kept
        with monkeypatch.context() as patch:
            patch.setattr(loader, "load_yaml", lambda *a, **k: pytest.fail("parsed the YAML again"))
            assert loader.builtin_pack_data(pack) == expected


def test_the_rules_are_the_same_with_and_without_the_pack_memo(memo_folder, monkeypatch):
    def described(rules):
        return [(r.meta, repr(getattr(r, "check", None).__class__)) for r in rules]

    with monkeypatch.context() as patch:
        patch.setattr(startcache, "memo_path", lambda name: None)  # no memo at all
        without = described(load_rules())
    first, second = described(load_rules()), described(load_rules())
    assert (startcache.memo_path("packs")).exists()
    assert first == without and second == without


def test_a_changed_pack_is_read_again(memo_folder, tmp_path):
    from govlint.rules import loader

    pack = tmp_path / "cncf.yaml"
    pack.write_text("pack: cncf\nrules: []\n", encoding="utf-8")
    assert loader.builtin_pack_data(pack) == {"pack": "cncf", "rules": []}
    pack.write_text("pack: cncx\nrules: []\n", encoding="utf-8")  # same size, same name
    assert loader.builtin_pack_data(pack) == {"pack": "cncx", "rules": []}


def test_a_damaged_pack_memo_is_ignored(memo_folder):
    from govlint.resources import builtin_packs
    from govlint.rules import loader

    pack = builtin_packs()[0]
    expected = loader.builtin_pack_data(pack)
    path = startcache.memo_path("packs")
    blob = bytearray(path.read_bytes())
    blob[len(blob) // 2] ^= 0x20  # one flipped bit in a rule's text would otherwise go unnoticed
    path.write_bytes(bytes(blob))
    assert loader.builtin_pack_data(pack) == expected


def test_values_marshal_cannot_hold_are_not_kept(memo_folder):
    import datetime as dt

    path = startcache.memo_path("packs")
    startcache.store(path, ("k",), {"when": dt.date(2024, 1, 1)})
    assert startcache.lookup(path, ("k",)) is startcache.MISSING


def test_govlint_version_lists_a_plugin_installed_between_two_runs(tmp_path):
    """End to end, in fresh processes: the first run keeps the memo, the second sees the new plugin."""
    import subprocess

    site, work = tmp_path / "site", tmp_path / "work"
    site.mkdir()
    work.mkdir()
    old = 1_000_000_000
    for folder in (site, work):
        os.utime(folder, ns=(old, old))  # not modified within a clock tick: the first run keeps its memo
    env = {**os.environ, "PYTHONPATH": str(site), "GOVLINT_CACHE_DIR": str(tmp_path / "cache")}

    def version() -> str:
        return subprocess.run([sys.executable, "-m", "govlint", "--version"], capture_output=True, text=True,
                              check=True, env=env, cwd=work).stdout

    assert "late-check" not in version()
    memo = startcache.memo_path("plugins").name
    assert (tmp_path / "cache" / memo).exists()
    _install(site, "late_plugin", "late_plugin_mod", "def check(docs):\n    return None\n",
             "late-check = late_plugin_mod:check")
    assert "late-check" in version()
