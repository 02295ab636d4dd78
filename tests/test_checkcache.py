"""The result cache: an unchanged checkout is answered without running the rules, and any change
to what shaped the report (a document, a new candidate file, a link target appearing, the
configuration) recomputes it."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import govlint.rules.registry as registry
from govlint.api import lint
from govlint.checkcache import CheckCache


@pytest.fixture
def project(fixtures, tmp_path):
    target = tmp_path / "project"
    shutil.copytree(fixtures / "projects" / "linked", target)
    return target


@pytest.fixture
def runs(monkeypatch):
    """How many times the rules were loaded, i.e. how many reports were computed."""
    count = {"n": 0}
    original = registry.load_rules

    def counting(**kwargs):
        count["n"] += 1
        return original(**kwargs)

    monkeypatch.setattr(registry, "load_rules", counting)
    return count


def test_unchanged_checkout_is_answered_from_the_cache(project, tmp_path, runs):
    cache = CheckCache(tmp_path / "cache")
    first = lint(str(project), cache=cache)
    second = lint(str(project), cache=cache)
    assert runs["n"] == 1
    assert second == first


@pytest.mark.parametrize("change", [
    "edit a linked document", "add a candidate file", "create a link target that was missing",
    "add a configuration file", "change the options",
])
def test_any_input_change_recomputes(project, tmp_path, runs, change):
    cache = CheckCache(tmp_path / "cache")
    (project / "docs" / "governance" / "README.md").write_text(
        (project / "docs" / "governance" / "README.md").read_text() + "\nSee also [appeals](appeals.md).\n")
    before = lint(str(project), cache=cache)
    options = {}
    if change == "edit a linked document":
        removal = project / "docs" / "governance" / "removal.md"
        removal.write_text("# Removal\n\nThere is currently no process to remove a maintainer.\n")
    elif change == "add a candidate file":
        (project / "CODE_OF_CONDUCT.md").write_text("# Code of Conduct\n\nWe follow the CNCF Code of Conduct.\n")
    elif change == "create a link target that was missing":
        (project / "docs" / "governance" / "appeals.md").write_text(
            "# Appeals\n\nUnresolved conflicts are escalated to the CNCF TOC at cncf-private-toc@lists.cncf.io.\n")
    elif change == "add a configuration file":
        (project / ".govlint.yaml").write_text("ignore: [vendor-neutrality]\n")
    else:
        options = {"level": "sandbox"}
    after = lint(str(project), cache=cache, **options)
    assert runs["n"] == 2
    assert after != before
    if change == "edit a linked document":
        assert after.result("removal-process").status == "fail"
    if change == "create a link target that was missing":
        assert after.result("escalation-path").status == "pass"
        assert "docs/governance/appeals.md" in [d.path for d in after.documents]


def test_cli_no_cache_always_recomputes(project, run_cli, runs):
    for _ in range(2):
        assert run_cli("check", str(project), "--format", "json", "--no-cache")[0] in (0, 1)
    assert runs["n"] == 2
    for _ in range(2):
        run_cli("check", str(project), "--format", "json")
    assert runs["n"] == 3


def test_a_damaged_cache_entry_is_recomputed(project, tmp_path, runs):
    cache = CheckCache(tmp_path / "cache")
    lint(str(project), cache=cache)
    for entry in (tmp_path / "cache").glob("*.json"):
        entry.write_text("{not json")
    lint(str(project), cache=cache)
    assert runs["n"] == 2


def test_a_file_judged_by_its_title_is_an_input(tmp_path, runs):
    """Discovery read docs/organization.md's head to judge it: retitled, it becomes governance."""
    project = tmp_path / "site"
    (project / "docs").mkdir(parents=True)
    page = project / "docs" / "organization.md"
    page.write_text("# Organization chart\n\nThe boxes and lines.\n")
    cache = CheckCache(tmp_path / "cache")
    assert lint(str(project), cache=cache).documents == ()
    page.write_text("# Organization of the project\n\nMaintainers decide by majority vote.\n")
    again = lint(str(project), cache=cache)
    assert runs["n"] == 2
    assert [(d.path, d.kind) for d in again.documents] == [("docs/organization.md", "governance")]


# --------------------------------------------------------------------------------------------------
# What was read is what is cached; nothing read from the cache folder runs code or changes a result
# (issue 13, items 10 and 12; issue 12, item 5)

@pytest.mark.parametrize("replaced", ["a document", "the configuration"])
def test_a_file_replaced_during_a_run_is_not_cached_for_its_new_content(project, tmp_path, monkeypatch, replaced):
    import govlint.api as api
    import govlint.discover as discover

    removal = project / "docs" / "governance" / "removal.md"
    config = project / ".govlint.yaml"
    config.write_text("ignore: [vendor-neutrality]\n")
    if replaced == "a document":
        module, name, path, text = discover, "discover", removal, "# Removal\n\nThere is no process to remove anyone.\n"
    else:
        module, name, path, text = api, "load_config", config, "ignore: [removal-process]\n"
    original = getattr(module, name)

    def read_then_replace(*args, **kwargs):
        result = original(*args, **kwargs)
        path.write_text(text)  # after govlint read it, before the run ends
        return result

    cache = CheckCache(tmp_path / "cache")
    monkeypatch.setattr(module, name, read_then_replace)
    during = lint(str(project), cache=cache)
    monkeypatch.setattr(module, name, original)
    fresh = lint(str(project))
    assert fresh != during  # the replacement matters to the report...
    assert lint(str(project), cache=cache) == fresh  # ...so the cached report of the old content is not used


def _cli_report(run_cli, *args: str) -> tuple[int, str, str]:
    return run_cli("check", *args, "--format", "json")


def _sign(body: str, key: str, secret: bytes) -> bytes:
    import hashlib
    import json

    mac = hashlib.blake2b(f"{key}\n{body}".encode(), key=secret, digest_size=32).hexdigest()
    return json.dumps({"format": 2, "key": key, "mac": mac, "body": body}).encode()


def _different_report(body: str) -> str:
    import json

    data = json.loads(body)
    data["report"]["score"], data["report"]["rating"] = 100.0, "A"
    for result in data["report"]["results"]:
        result["status"] = "pass"
    return json.dumps(data, separators=(",", ":"))


def _tampered(raw: bytes, key: str) -> dict[str, bytes]:
    import json

    entry = json.loads(raw)
    middle = len(raw) // 2
    cases = {
        "one flipped bit": raw[:middle] + bytes([raw[middle] ^ 0x01]) + raw[middle + 1:],
        "flipped bytes": bytes(b ^ 0xFF if i % 101 == 0 else b for i, b in enumerate(raw)),
        "truncated": raw[:middle],
        "empty": b"",
        "[]": b"[]",
        "{}": b"{}",
        "deeply nested array": b"[" * 100_000 + b"]" * 100_000,
        "deeply nested object": b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
        "NaN": b'{"format": NaN, "key": "' + key.encode() + b'", "mac": "", "body": ""}',
        "python code": b"import pathlib\npathlib.Path('CODE-RAN').touch()\n",
        "not UTF-8": b"\xff\xfe" + raw,
    }
    if isinstance(entry, dict) and isinstance(entry.get("body"), str):  # valid-looking entries, another report
        other = _different_report(entry["body"])
        cases["another report, digest left as it was"] = json.dumps({**entry, "body": other}).encode()
        cases["another report, signed with another secret"] = _sign(other, key, b"not the user's secret".ljust(32))
        cases["the entry under another key"] = _sign(entry["body"], "0" * 64, b"x" * 32)
    return cases


def test_every_file_of_the_cache_folder_tampered_with_gives_the_no_cache_report(project, tmp_path, run_cli,
                                                                                monkeypatch):
    monkeypatch.chdir(tmp_path)  # where a file named in the cache folder would be created, if code ran
    folder = tmp_path / "cache"
    expected = _cli_report(run_cli, str(project), "--no-cache")
    assert expected[0] in (0, 1) and expected[1]
    assert _cli_report(run_cli, str(project), "--cache-dir", str(folder)) == expected
    entries = [p for p in folder.rglob("*") if p.is_file()]
    assert entries
    for path in entries:
        # Code beside the entries is never imported or run either.
        for name in ("__init__.py", "sitecustomize.py", f"{path.stem}.py"):
            (path.parent / name).write_text("import pathlib\npathlib.Path('CODE-RAN').touch()\n")
        pristine = path.read_bytes()
        cases = _tampered(pristine, path.stem)
        for name, raw in cases.items():
            path.write_bytes(raw)
            assert _cli_report(run_cli, str(project), "--cache-dir", str(folder)) == expected, name
            assert path.read_bytes() == pristine, f"{name}: the entry was not rewritten"
        for name, make in {"a symlink to /dev/zero": lambda: path.symlink_to("/dev/zero"),
                           "a FIFO": lambda: os.mkfifo(path), "a folder": lambda: path.mkdir()}.items():
            path.unlink()
            make()
            assert _cli_report(run_cli, str(project), "--cache-dir", str(folder)) == expected, name
            if path.is_dir():
                path.rmdir()  # a folder is not replaced by a rename: the next run writes the entry again
                assert _cli_report(run_cli, str(project), "--cache-dir", str(folder)) == expected
            assert path.is_file() and not path.is_symlink() and path.read_bytes() == pristine, name
    assert not (tmp_path / "CODE-RAN").exists() and not (Path.cwd() / "CODE-RAN").exists()


def _entry_path(folder: Path) -> Path:
    [path] = [p for p in folder.glob("*.json")]
    return path


@pytest.mark.parametrize("damage", ["score as text", "unknown status", "a key too many", "a missing key",
                                    "an input that is not a digest", "body not an object"])
def test_a_correctly_signed_entry_of_the_wrong_shape_is_a_miss(project, tmp_path, runs, damage):
    """Defence in depth: even an entry that verifies (written by another version, say) is used only
    when its body has the exact shape written and its report fits the schema and rebuilds."""
    import json

    cache = CheckCache(tmp_path / "cache")
    first = lint(str(project), cache=cache)
    path = _entry_path(tmp_path / "cache")
    entry = json.loads(path.read_text())
    body = json.loads(entry["body"])
    if damage == "score as text":
        body["report"]["score"] = "high"
    elif damage == "unknown status":
        body["report"]["results"][0]["status"] = "excellent"
    elif damage == "a key too many":
        body["extra"] = 1
    elif damage == "a missing key":
        del body["report"]["levels"]
    elif damage == "an input that is not a digest":
        body["documents"] = {k: "../../etc/passwd" for k in body["documents"]}
    else:
        body = [body]
    path.write_bytes(_sign(json.dumps(body), path.stem, cache._signing_key(create=False)))
    assert lint(str(project), cache=cache) == first
    assert runs["n"] == 2  # computed again...
    assert lint(str(project), cache=cache) == first and runs["n"] == 2  # ...and the entry rewritten


def test_no_signing_key_means_no_result_cache_rather_than_an_unsigned_one(project, tmp_path, runs):
    blocked = tmp_path / "state-is-a-file"
    blocked.write_text("")
    cache = CheckCache(tmp_path / "cache", secret_file=blocked / "govlint" / "result-cache.key")
    assert lint(str(project), cache=cache) == lint(str(project), cache=cache)
    assert runs["n"] == 2 and not (tmp_path / "cache").exists()


def test_the_fast_schema_check_agrees_with_jsonschema(project):
    import copy

    import jsonschema

    from govlint.resources import schema
    from govlint.schemacheck import conforms

    report = lint(str(project)).to_dict()
    validator = jsonschema.Draft202012Validator(schema("report"))
    paths: list[tuple] = []

    def walk(value, at):
        paths.append(at)
        children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for name, child in children:
            walk(child, (*at, name))

    walk(report, ())
    samples = [report, [report, report], {"report": report}]
    for index, at in enumerate(paths[:: max(1, len(paths) // 20)]):
        for replacement in ("text", -1, 2.5, None, True, [], {}, float("nan"))[index % 2::2]:
            mutated = copy.deepcopy(report)
            if not at:
                samples.append(replacement)
                continue
            parent = mutated
            for name in at[:-1]:
                parent = parent[name]
            parent[at[-1]] = replacement
            samples.append(mutated)
            if isinstance(parent, dict):
                smaller = copy.deepcopy(mutated)
                target = smaller
                for name in at[:-1]:
                    target = target[name]
                del target[at[-1]]
                samples.append(smaller)
                target["unexpected"] = 1
                samples.append(smaller)
    def has_nan(value) -> bool:
        if isinstance(value, dict):
            return any(has_nan(v) for v in value.values())
        if isinstance(value, list):
            return any(has_nan(v) for v in value)
        return isinstance(value, float) and value != value

    for sample in samples:
        # jsonschema takes NaN for a number; a cache entry never holds one (it is not JSON).
        assert conforms(sample, "report") == (validator.is_valid(sample) and not has_nan(sample)), sample


def test_a_checkout_whose_candidate_heads_were_read_is_still_answered_from_the_cache(project, tmp_path, runs):
    """Discovery reads the head of a file whose name does not say what it is (docs/organization.md):
    with the result cache on, the whole file is read and recorded, so an unchanged checkout is a hit
    (it never was: the head was read without its digest) and a changed head a miss."""
    notes = project / "docs" / "organization.md"
    notes.write_text("# Organization chart\n\nThe boxes and lines.\n")
    cache = CheckCache(tmp_path / "cache")
    first = lint(str(project), cache=cache)
    assert lint(str(project), cache=cache) == first and runs["n"] == 1
    notes.write_text("# Organization of the project\n\nMaintainers decide by majority vote.\n")
    lint(str(project), cache=cache)
    assert runs["n"] == 2


def test_a_change_to_govlints_own_code_recomputes(project, tmp_path, runs):
    """An editable install changes no site-packages folder when govlint's code is edited: the
    newest modification time of its source files is part of the key, so an edited govlint never
    answers with a report its old code made."""
    import govlint
    import govlint.checkcache as checkcache

    cache = CheckCache(tmp_path / "cache")
    code = tmp_path / "govlint-code"
    shutil.copytree(Path(govlint.__file__).parent, code, ignore=shutil.ignore_patterns("__pycache__"))
    real = checkcache.code_stamp
    folder = Path(govlint.__file__).parent
    stamp = lambda where: real(code) if Path(where) == folder else real(where)  # noqa: E731
    try:
        checkcache.code_stamp = stamp
        lint(str(project), cache=cache)
        lint(str(project), cache=cache)
        assert runs["n"] == 1  # unchanged code: a hit
        edited = code / "rules" / "probes.py"
        later = real(code) + 10**9
        os.utime(edited, ns=(later, later))
        lint(str(project), cache=cache)
        assert runs["n"] == 2  # one source file edited: a miss
    finally:
        checkcache.code_stamp = real


def test_the_code_stamp_ignores_compiled_files(tmp_path):
    from govlint.checkcache import code_stamp

    (tmp_path / "pkg" / "__pycache__").mkdir(parents=True)
    source = tmp_path / "pkg" / "module.py"
    source.write_text("x = 1\n")
    before = code_stamp(tmp_path)
    compiled = tmp_path / "pkg" / "__pycache__" / "module.cpython-311.pyc"
    compiled.write_bytes(b"")
    os.utime(compiled, ns=(before + 10**9, before + 10**9))
    assert code_stamp(tmp_path) == before
    os.utime(source, ns=(before + 2 * 10**9, before + 2 * 10**9))
    assert code_stamp(tmp_path) == before + 2 * 10**9
