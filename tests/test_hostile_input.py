"""Hostile input: every case ends in a documented outcome, in bounded time, with no traceback.

Outcomes (OUTCOME below): ``result`` (a report, exit 0), ``skip`` (a report, the document left out
with a warning naming it), ``error`` (no report: one line on stderr, exit 2, nothing written).

Documents: binary, invalid UTF-8, UTF-16 with either BOM, a broken UTF-16 body, a UTF-8 BOM, NUL
bytes early and late, a sparse 100 MB file (found, and given by path), 10,000 headings, 5,000 levels
of nested lists and block quotes (and a parser that would recurse), a 1 MB line with and without
spaces, 100,000 unclosed HTML comments, a link cycle, links that are not URLs, symlinks to
/etc/passwd and to a parent folder, a FIFO, 300 governance files.
Configuration and rule packs: each kind of schema error, broken YAML, TOML and UTF-8, an invalid
date, an alias bomb, deep nesting, a pack over 2 MB, bad regexes and vocabularies, a duplicate code,
an unknown plugin, and a regex that backtracks catastrophically.
Audit: a projects file of bad URLs and a broken projects file.
HTTP: a server that sends garbage, truncated JSON, a 2 GB Content-Length, an endless body, a body
cut short, a redirect to another host and a redirect loop.
"""
from __future__ import annotations

import functools
import json
import os
import re
import socket
import socketserver
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from govlint.document import parse

REPO = Path(__file__).resolve().parent.parent
PROJECTS = Path(__file__).parent / "fixtures" / "projects"
EXEMPLARY = (PROJECTS / "exemplary" / "GOVERNANCE.md").read_text(encoding="utf-8")
MB = 1024 * 1024

RESULT, SKIP, ERROR = "result", "skip", "error"


# --------------------------------------------------------------------------------------------------
# Helpers


def _check(run_cli, *args: str, seconds: float = 10.0):
    """Run `govlint check ... --format json`; (exit code, report or None, stderr) after checking the
    time it took and that nothing but govlint's own one-line messages reached stderr."""
    start = time.monotonic()
    code, out, err = run_cli("check", *args, "--format", "json", "--no-cache")
    elapsed = time.monotonic() - start
    assert elapsed < seconds, f"took {elapsed:.1f} s"
    assert "Traceback" not in err and "internal error" not in err, err
    return code, (json.loads(out)["reports"][0] if out else None), err


def _outcome(code: int, report: dict | None, err: str, *, path: str | None = None) -> str:
    if code == 2:
        assert report is None and err.count("\n") == 1 and err.startswith("govlint: error: "), err
        return ERROR
    assert code == 0 and report is not None, (code, err)
    shown = [d["path"] for d in report["documents"]]
    if path is not None and path not in shown:
        assert any(w.startswith(f"{path}:") for w in report["warnings"]), report["warnings"]
        return SKIP
    return RESULT


def _passed(report: dict) -> set[str]:
    return {r["name"] for r in report["results"] if r["status"] == "pass"}


def _checkout(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    root = tmp_path / "repo"
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content)
    root.mkdir(exist_ok=True)
    return root


# --------------------------------------------------------------------------------------------------
# Documents: encodings and bytes

DOCUMENTS = [
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, SKIP, "binary file"),
    ("invalid-utf8", b"# Governance\n\nMaintainers \xff\xfe vote \xc3(.\n", SKIP, "not UTF-8 text (invalid byte at"),
    ("utf16-le-bom", EXEMPLARY.encode("utf-16-le").join([b"\xff\xfe", b""]), RESULT, None),
    ("utf16-be-bom", EXEMPLARY.encode("utf-16-be").join([b"\xfe\xff", b""]), RESULT, None),
    ("utf16-broken", b"\xff\xfe" + "# Gov".encode("utf-16-le") + b"\x00\xd8\x41", SKIP, "invalid UTF-16 text"),
    ("utf8-bom", b"\xef\xbb\xbf" + EXEMPLARY.encode(), RESULT, None),
    ("nul-early", b"# Governance\n\x00\nMaintainers vote.\n", SKIP, "binary file (contains NUL bytes)"),
    ("nul-late", EXEMPLARY.encode() + b"\n\nA stray \x00 byte.\n", RESULT, None),
]


@pytest.mark.parametrize("name, raw, expected, warning", DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_document_bytes(run_cli, tmp_path, name, raw, expected, warning):
    root = _checkout(tmp_path, {"GOVERNANCE.md": raw})
    code, report, err = _check(run_cli, str(root))
    assert _outcome(code, report, err, path="GOVERNANCE.md") == expected
    if expected == SKIP:
        assert f"GOVERNANCE.md: {warning}" in " ".join(report["warnings"])
    else:
        # Decoded, the document reads exactly as its UTF-8 original does.
        assert {"governance-doc", "decision-making", "removal-process"} <= _passed(report)
        assert report["warnings"] == []


def _sparse(path: Path, size: int, head: bytes = b"# Governance\n\nMaintainers vote.\n") -> None:
    with open(path, "wb") as handle:
        handle.write(head)
        handle.truncate(size)  # a hole: nothing is written, and nothing should be read


def test_a_100_mb_document_is_skipped_without_being_read(run_cli, tmp_path):
    root = _checkout(tmp_path, {"CONTRIBUTOR_LADDER.md": "# Ladder\n\nContributors become reviewers.\n"})
    _sparse(root / "GOVERNANCE.md", 100 * MB)
    code, report, err = _check(run_cli, str(root), seconds=3)
    assert _outcome(code, report, err, path="GOVERNANCE.md") == SKIP
    assert "GOVERNANCE.md: 100 MB is larger than the 5 MB limit for a document; skipped" in report["warnings"]
    # Given by path, the same.
    code, report, err = _check(run_cli, str(root / "GOVERNANCE.md"), "--root", str(root), seconds=3)
    assert _outcome(code, report, err, path="GOVERNANCE.md") == SKIP


# --------------------------------------------------------------------------------------------------
# Documents: shapes


@pytest.mark.slow  # a scale run over a large input: with the slow tests, in .ci/run
def test_10000_headings(run_cli, tmp_path):
    text = "".join(f"{'#' * (i % 6 + 1)} Section {i}\n" for i in range(10_000))
    doc = parse(text, path="GOVERNANCE.md", kind="governance")
    assert len(doc.sections) == 10_001 and max(s.level for s in doc.sections) == 6
    root = _checkout(tmp_path, {"GOVERNANCE.md": text + "\nMaintainers decide by a majority vote.\n"})
    code, report, err = _check(run_cli, str(root), seconds=10)
    assert _outcome(code, report, err, path="GOVERNANCE.md") == RESULT
    assert report["documents"][0]["lines"] == 10_002


# Each fits in one line under the 10,000-character cap (a longer line is left out unread).
@pytest.mark.parametrize("name, text", [
    ("lists", "- " * 4999 + "x\n"),
    ("quotes", ">" * 5000 + " maintainers vote\n"),
    ("lists-in-quotes", ">+" * 2500 + " maintainers vote\n"),
    ("quotes-by-line", "".join(">" * depth + " maintainers vote\n" for depth in range(1, 5001, 50))),
])
def test_5000_levels_of_nesting(run_cli, tmp_path, name, text):
    root = _checkout(tmp_path, {"GOVERNANCE.md": text})
    code, report, err = _check(run_cli, str(root), seconds=5)
    # markdown-it stops nesting at its maxNesting (20): the text beyond is dropped, never recursed into.
    assert _outcome(code, report, err, path="GOVERNANCE.md") == RESULT
    assert report["warnings"] == []


@pytest.mark.slow  # a scale run over a large input: with the slow tests, in .ci/run
def test_a_parser_that_recurses_per_level_becomes_a_warning(run_cli, tmp_path, monkeypatch):
    from govlint.markdown import _parser

    monkeypatch.setitem(_parser().options, "maxNesting", 1_000_000)  # as a parser without the limit would
    root = _checkout(tmp_path, {"GOVERNANCE.md": "- " * 4999 + "x\n", "CHARTER.md": EXEMPLARY})
    code, report, err = _check(run_cli, str(root), seconds=5)
    assert _outcome(code, report, err, path="GOVERNANCE.md") == SKIP
    assert "GOVERNANCE.md: nested too deeply to read; skipped" in report["warnings"]
    assert [d["path"] for d in report["documents"]] == ["CHARTER.md"]


@pytest.mark.parametrize("name, line", [
    ("prose", "Maintainers vote on every removal by a two-thirds majority " * (MB // 60)),
    ("one-token", "a" * MB),
    ("unclosed-comments", "<!-- " * (MB // 5)),
])
def test_a_1_mb_line_is_left_out_with_a_warning(run_cli, tmp_path, name, line):
    root = _checkout(tmp_path, {"GOVERNANCE.md": f"# Governance\n\n{line}\n\nMaintainers decide by a vote.\n"})
    code, report, err = _check(run_cli, str(root), seconds=5)
    assert _outcome(code, report, err, path="GOVERNANCE.md") == RESULT
    [warning] = report["warnings"]
    assert warning.startswith("GOVERNANCE.md:3: a line of ") and "characters was left out" in warning
    assert report["documents"][0]["lines"] == 5  # line numbers hold


@pytest.mark.slow  # a scale run over a large input: with the slow tests, in .ci/run
def test_100000_unclosed_html_comments(run_cli, tmp_path):
    root = _checkout(tmp_path, {"GOVERNANCE.md": "<!--\n" + "<!-- x\n" * 100_000,
                                "CHARTER.md": "<div>\n" + "<!-- a --> b <!-- c -->\n" * 10_000 + "</div>\n"})
    code, report, err = _check(run_cli, str(root), seconds=5)
    assert _outcome(code, report, err) == RESULT


def test_thousands_of_unclosed_script_tags_in_a_page(tmp_path):
    """An HTML page's <style> and <script> elements are blanked before reading; thousands of
    "<script" with no "</script" once made that search read the page to its end once per tag
    (30,000 lines took about a minute). Run in a subprocess so that a regression is cut off."""
    page = tmp_path / "governance.html"
    page.write_text("<p>Maintainers may be removed by a vote.</p>\n" + "<script>x\n" * 30_000 + "</style>\n",
                    encoding="utf-8")
    code = f"from govlint.api import lint; lint(files=[{str(page)!r}], root={str(tmp_path)!r})"
    try:
        subprocess.run([sys.executable, "-c", code], timeout=8, check=True, capture_output=True)
    except subprocess.TimeoutExpired:
        pytest.fail("an HTML page of unclosed <script> tags took more than 8 s")


_GRID = ("Maintainers\n===========\n\n+" + "-" * 40 + "+" + "-" * 40 + "+\n| Maintainer" + " " * 30 + "| Company"
         + " " * 33 + "|\n+" + "=" * 40 + "+" + "=" * 40 + "+\n")


@pytest.mark.parametrize("name, text", [
    ("MAINTAINERS.rst", _GRID),
    ("GOVERNANCE.md", "Maintainers " + "- " * 4000 + "\n\nA maintainer " + "'-’" * 3000 + " is removed.\n"),
    ("CHARTER.md", ">-" * 2500 + " maintainers vote\n"),
], ids=["rst-grid-table", "dashes-and-quotes", "arrows-past-the-nesting-limit"])
def test_runs_of_dashes_next_to_a_role(tmp_path, name, text):
    """The built-in vocabulary once repeated `[\\w'’-]+[^\\w.;:!?]+`, whose classes shared '-', so a run
    of dashes after "Maintainer" was shared out in ~n^16 ways (33 s for 30 dashes). Run in a
    subprocess so that a regression is cut off rather than hanging the suite."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    code = f"from govlint.api import lint; lint(files=[{str(tmp_path / name)!r}], root={str(tmp_path)!r})"
    try:
        subprocess.run([sys.executable, "-c", code], timeout=4, check=True, capture_output=True)
    except subprocess.TimeoutExpired:
        pytest.fail(f"linting {name} took more than 4 s")


# --------------------------------------------------------------------------------------------------
# Documents: links, symlinks and special files


def test_a_link_cycle_reads_each_document_once(run_cli, tmp_path):
    root = _checkout(tmp_path, {
        "GOVERNANCE.md": "# Governance\n\nSee the [roles](docs/roles.md) and [this](GOVERNANCE.md).\n"
                         + "[governance](GOVERNANCE.md)\n" * 2000,
        "docs/roles.md": "# Roles\n\nBack to [governance](../GOVERNANCE.md) and [the ladder](ladder.md).\n",
        "docs/ladder.md": "# Ladder\n\n[Roles](roles.md), [governance](../GOVERNANCE.md).\n",
    })
    code, report, err = _check(run_cli, str(root))
    assert _outcome(code, report, err) == RESULT
    assert sorted(d["path"] for d in report["documents"]) == ["GOVERNANCE.md", "docs/ladder.md", "docs/roles.md"]


def test_links_that_are_not_urls(run_cli, tmp_path):
    root = _checkout(tmp_path, {
        "GOVERNANCE.md": "# Governance\n\n[a](http://[::1/governance.md) [b](<http://[zz>) [c](https://github.com:x/a/b) "
                         "[d](javascript:alert(1)) [e](%zz%00.md) [f](../../../../etc/passwd) [g](/etc/passwd)\n"
                         "\nMaintainers vote.\n",
        "CHARTER.rst": "Charter\n=======\n\nSee `the policy <http://[::1/policy.rst>`_ and :doc:`../../etc/passwd`.\n",
    })
    code, report, err = _check(run_cli, str(root))
    assert _outcome(code, report, err) == RESULT
    assert sorted(d["path"] for d in report["documents"]) == ["CHARTER.rst", "GOVERNANCE.md"]


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks and FIFOs")
def test_symlinks_out_of_the_checkout_and_to_a_parent_folder(run_cli, tmp_path):
    root = _checkout(tmp_path, {"CHARTER.md": EXEMPLARY, "docs/README.md": "# Docs\n"})
    os.symlink("/etc/passwd", root / "GOVERNANCE.md")
    os.symlink("..", root / "docs" / "loop")
    os.symlink(root, root / "governance")
    code, report, err = _check(run_cli, str(root))
    assert _outcome(code, report, err) == RESULT
    assert [d["path"] for d in report["documents"]] == ["CHARTER.md"]
    assert "root:" not in json.dumps(report)  # nothing of /etc/passwd
    # Given by path, the symlink is refused: with nothing else to check, that is one error naming it.
    code, report, err = _check(run_cli, str(root / "GOVERNANCE.md"), "--root", str(root))
    assert _outcome(code, report, err) == ERROR
    assert err == f"govlint: error: {root / 'GOVERNANCE.md'}: resolves outside the checkout; nothing left to check\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_a_fifo_named_like_a_governance_document_is_not_opened(tmp_path):
    root = _checkout(tmp_path, {"CHARTER.md": EXEMPLARY})
    os.mkfifo(root / "GOVERNANCE.md")  # opening it for reading would block for ever
    done = subprocess.run([sys.executable, "-m", "govlint", "check", str(root), "--format", "json", "--no-cache"],
                          capture_output=True, text=True, timeout=30, cwd=tmp_path)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert [d["path"] for d in json.loads(done.stdout)["reports"][0]["documents"]] == ["CHARTER.md"]
    done = subprocess.run([sys.executable, "-m", "govlint", "check", str(root / "GOVERNANCE.md"), "--root", str(root),
                           "--format", "json", "--no-cache"], capture_output=True, text=True, timeout=30, cwd=tmp_path)
    assert done.returncode == 0
    assert "GOVERNANCE.md: not a file inside the checkout; skipped" in json.loads(done.stdout)["reports"][0]["warnings"]


def test_300_governance_documents_stop_at_100(run_cli, tmp_path):
    root = _checkout(tmp_path, {f"governance/part-{i:03d}.md": f"# Part {i}\n\nMaintainers vote.\n"
                                for i in range(300)})
    code, report, err = _check(run_cli, str(root))
    assert _outcome(code, report, err) == RESULT
    assert len(report["documents"]) == 100
    assert any(w.startswith("stopped after 100 documents") for w in report["warnings"])


# --------------------------------------------------------------------------------------------------
# Configuration: each kind of schema error, and YAML that is not what it seems


def _alias_bomb(key: str) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    return "\n".join(lines).replace("a0:", "x0:").replace("\na", "\nx") + f"\n{key}: *a8\n"


CONFIGS = [
    ("invalid-yaml", "level: [sandbox\n", "invalid YAML: line 2"),
    ("not-a-mapping", "- sandbox\n", "(top level): expected a mapping, found a list"),
    ("unknown-key", "levle: sandbox\n", "(top level): unknown key ('levle' was unexpected)"),
    ("wrong-type", "select: GL1\n", "select: expected a list, found a string"),
    ("bad-enum", "profile: lenient\n", "profile: unknown profile 'lenient': choose one of toc, templates"),  # the packs' profiles
    ("out-of-range", "fail_under: 101\n", "fail_under: greater than the maximum of 100"),
    ("missing-required", "waivers: [{rule: GL101}]\n", "waivers/0: 'reason' is a required property"),
    ("too-short", "waivers: [{rule: GL101, reason: x}]\n", "waivers/0/reason: too short (at least 3 characters)"),
    ("pattern", "waivers: [{rule: GL101, reason: because, expires: soon}]\n", "waivers/0/expires: does not match"),
    ("impossible-date", "waivers: [{rule: GL101, reason: because, expires: 2024-13-45}]\n",
     "invalid YAML: a value cannot be read (month must be in 1..12)"),
    ("alias-bomb", _alias_bomb("select"), "invalid YAML: more than 100,000 values once its aliases"),
    ("self-reference", "select: &s [*s]\n", "invalid YAML: more than 100,000 values"),
    ("deep-nesting", "select: " + "[" * 5000 + "]" * 5000 + "\n", "invalid YAML: line 1"),
    ("not-utf8", b"level: sandbox # caf\xe9\n", "not UTF-8 text"),
    ("missing-pack", "rule_packs: [no-such-pack.yaml]\n", "no-such-pack.yaml: No such file or directory"),
]


@pytest.mark.parametrize("name, content, message", CONFIGS, ids=[c[0] for c in CONFIGS])
def test_configuration_errors_are_one_line(run_cli, tmp_path, name, content, message):
    root = _checkout(tmp_path, {"GOVERNANCE.md": EXEMPLARY, ".govlint.yaml": content})
    report_file = tmp_path / "report.json"
    code, report, err = _check(run_cli, str(root), "--output", str(report_file), seconds=5)
    assert _outcome(code, report, err) == ERROR
    assert err.startswith(f"govlint: error: {root / '.govlint.yaml'}: " if name != "missing-pack"
                          else "govlint: error: ")
    assert message in err
    assert not report_file.exists() and not list(tmp_path.glob(".report.json*"))  # nothing written


def test_broken_pyproject_table(run_cli, tmp_path):
    root = _checkout(tmp_path, {"GOVERNANCE.md": EXEMPLARY, "pyproject.toml": "[tool.govlint\nlevel = 1\n"})
    code, report, err = _check(run_cli, str(root))
    assert _outcome(code, report, err) == ERROR and "invalid TOML" in err


# --------------------------------------------------------------------------------------------------
# Rule packs: each kind of schema error, bad regexes, and a regex that would never finish

_RULE = """  - code: {code}
    name: {name}
    title: A rule
    rationale: Why it matters.
    criterion: {{text: The criterion., source: example/policies:rules.md}}
    weight: {weight}
    levels: {{sandbox: recommended, incubating: recommended, graduated: {level}}}
    remediation: What to add.
    check: {check}
"""


def _pack(check: str = "{kind: probes, all: [vote]}", *, code: str = "EX001", name: str = "extra-rule",
          weight: str = "1", level: str = "required", vocabulary: str = "vocabulary:\n  vote: [vote]\n") -> str:
    return (vocabulary + "rules:\n" + _RULE.format(code=code, name=name, weight=weight, level=level, check=check))


PACKS = [
    ("invalid-yaml", "rules: [\n", "invalid YAML: line 2"),
    ("not-a-mapping", "- rule\n", "(top level): expected a mapping, found a list"),
    ("no-rules", "pack: extra\n", "(top level): 'rules' is a required property"),
    ("unknown-key", _pack().replace("    weight:", "    wieght:"), "rules/0: unknown key ('wieght' was unexpected)"),
    ("missing-required", _pack().replace("    remediation: What to add.\n", ""),
     "rules/0: 'remediation' is a required property"),
    ("wrong-type", _pack(weight="heavy"), "rules/0/weight: expected a number, found a string"),
    ("out-of-range", _pack(weight="11"), "rules/0/weight: greater than the maximum of 10"),
    ("bad-enum", _pack(level="mandatory"), "rules/0/levels/graduated"),
    ("pattern", _pack(code="ex1"), "rules/0/code: does not match"),
    ("unknown-kind", _pack("{kind: regex, all: [x]}"), "rules/0/check"),
    ("a-regex-where-words-go", _pack("{kind: probes, all: [['(vote']]}"), "rules/0/check"),
    ("a-regex-as-vocabulary", _pack(vocabulary="vocabulary:\n  vote: '\\bvote\\b'\n"),
     "vocabulary/vote: expected a list, found a string"),
    ("invalid-value-regex", _pack("{kind: probes, value: quorum, all: [vote]}",
                                  vocabulary="vocabulary:\n  vote: [vote]\nvalues:\n  quorum: '(vote'\n"),
     "values: invalid regular expression: missing ), unterminated subpattern"),
    ("unknown-probe", _pack("{kind: probes, all: [nothing]}"), "rule extra-rule: unknown probe or vocabulary 'nothing'"),
    ("unknown-word-reference", _pack(vocabulary="vocabulary:\n  vote: ['{nothing}']\n"), "unknown vocabulary {nothing}"),
    ("vocabulary-cycle", _pack(vocabulary="vocabulary:\n  vote: [vote]\n  a: ['{b}']\n  b: ['{a}']\n"),
     "vocabulary 'a' refers to itself through a -> b -> a"),
    ("probe-naming-nothing", _pack(vocabulary="vocabulary:\n  vote: [vote]\nprobes:\n  p: {find: [nothing]}\n"),
     "probe 'p': find: unknown vocabulary 'nothing'"),
    ("acronyms-naming-nothing", _pack(vocabulary="vocabulary:\n  vote: [vote]\nacronyms: [bodies]\n"),
     "acronyms: unknown vocabulary 'bodies'"),
    ("duplicate-code", _pack(code="GL101"), "rule 'GL101' is defined twice"),
    ("unknown-plugin", _pack("{kind: plugin, plugin: no-such-plugin}"), "no plugin named 'no-such-plugin'"),
    ("over-2-mb", "# " + "x" * (2 * MB) + "\n" + _pack(), "larger than 2 MB"),
    ("not-utf8", _pack().encode() + b"# \xff\n", "not UTF-8 text"),
]


@pytest.mark.parametrize("name, content, message", PACKS, ids=[p[0] for p in PACKS])
def test_rule_pack_errors_are_one_line_naming_the_file(run_cli, tmp_path, name, content, message):
    pack = tmp_path / "pack.yaml"
    pack.write_bytes(content if isinstance(content, bytes) else content.encode())
    root = _checkout(tmp_path, {"GOVERNANCE.md": "# Governance\n\n" + "a" * 5000 + "\n"})
    code, report, err = _check(run_cli, str(root), "--rule-pack", str(pack), seconds=5)
    assert _outcome(code, report, err) == ERROR
    assert message in err and str(pack) in err

@pytest.mark.slow

def test_the_catastrophic_regex_would_hang_without_the_deadline():
    """What the deadline prevents: the pattern on a 40-character line runs for over a second in re."""
    code = "import re, sys; re.search(r'(a+)+$', 'a' * 40 + '!'); sys.exit(0)"
    with pytest.raises(subprocess.TimeoutExpired):
        subprocess.run([sys.executable, "-c", code], timeout=1)


# --------------------------------------------------------------------------------------------------
# Audit: a projects file of bad URLs


def test_an_audit_of_bad_urls_gives_each_an_error_record(run_cli, tmp_path, github_server, fast_http):
    projects = tmp_path / "projects.txt"
    projects.write_text("\n".join([
        "https://gitlab.com/acme/widget", "ftp://github.com/acme/widget", "http://[::1/acme", "github:../etc",
        "https://github.com/acme", "github:acme/widget@a..b", "github:acme/-bad-", "no/such/checkout",
        str(PROJECTS / "minimal"),
    ]) + "\n", encoding="utf-8")
    start = time.monotonic()
    code, out, err = run_cli("audit", str(projects), "--out", str(tmp_path / "out"), "--quiet", "--no-cache",
                             "--api-url", github_server.url)
    assert time.monotonic() - start < 10
    assert code == 2 and "Traceback" not in err and "internal error" not in err, err
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 8 and all(line.startswith("govlint: error: project ") for line in lines)
    records = [json.loads(line) for line in (tmp_path / "out" / "results.jsonl").read_text().splitlines()]
    assert sorted(r["status"] for r in records) == ["error"] * 8 + ["result"]
    assert "1 of 9 projects audited; 8 could not be audited" in out


_LAUGHS = "".join(f"    - &l{i} [{', '.join([f'*l{i - 1}'] * 10) if i else 'lol'}]\n" for i in range(9))


@pytest.mark.parametrize("content, message", [
    ("- name: a\n  repositories: [{url: github:a/b}]\n  maturity: 2024-13-45\n", "invalid YAML: a value cannot be read"),
    ("- name: a\n  repositories: [{url: github:a/b}]\n  laughs:\n" + _LAUGHS, "more than 100,000 values"),
    ("- name: a\n  repositories: &r [{url: github:a/b}, *r]\n", "more than 100,000 values"),
], ids=["impossible-date", "billion-laughs", "self-reference"])
def test_a_broken_projects_file_is_one_usage_error(run_cli, tmp_path, content, message):
    projects = tmp_path / "projects.yaml"
    projects.write_text(content, encoding="utf-8")
    code, out, err = run_cli("audit", str(projects), "--out", str(tmp_path / "out"), "--quiet")
    assert code == 2 and err.count("\n") == 1 and message in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------------------------------
# --output writes into what is at the path, as a shell's > would (issue 13, item 1)


def test_output_into_a_character_device_keeps_the_device(run_cli, tmp_path):
    if os.geteuid() != 0:
        pytest.skip("creating a device node needs root")
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # /dev/null's numbers
    code, out, err = run_cli("check", str(PROJECTS / "minimal"), "--format", "json", "--output", str(device))
    assert code == 0, err
    assert device.is_char_device() and os.stat(device).st_rdev == os.makedev(1, 3)


def test_output_through_a_symlink_to_stdout_reaches_stdout_and_keeps_the_link(tmp_path):
    link = tmp_path / "report"
    link.symlink_to("/proc/self/fd/1")
    done = subprocess.run([sys.executable, "-m", "govlint", "check", str(PROJECTS / "minimal"), "--format", "badge",
                           "--output", str(link)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["label"] == "governance"
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"


def test_output_into_a_fifo_is_read_by_its_reader(run_cli, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _, err = run_cli("check", str(PROJECTS / "minimal"), "--format", "badge", "--output", str(fifo))
    reader.join(10)
    assert code == 0, err
    assert json.loads(received[0])["label"] == "governance"
    assert fifo.is_fifo()


def test_output_through_a_symlink_writes_its_target_and_keeps_links_and_mode(run_cli, tmp_path):
    target = tmp_path / "reports" / "governance.json"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o600)
    os.link(target, tmp_path / "also.json")
    link = tmp_path / "latest.json"
    link.symlink_to("reports/governance.json")
    code, _, err = run_cli("check", str(PROJECTS / "minimal"), "--format", "json", "--output", str(link))
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == "reports/governance.json"
    assert json.loads(target.read_text(encoding="utf-8"))["reports"][0]["target"] == str(PROJECTS / "minimal")
    assert target.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "also.json").stat().st_ino == target.stat().st_ino  # the hard link is one file still


def test_output_to_a_regular_file_replaces_it_and_keeps_its_mode(run_cli, tmp_path):
    report = tmp_path / "report.json"
    report.write_text("old\n", encoding="utf-8")
    report.chmod(0o640)
    code, _, err = run_cli("check", str(PROJECTS / "minimal"), "--format", "json", "--output", str(report))
    assert code == 0, err
    assert json.loads(report.read_text(encoding="utf-8"))["reports"][0]["documents"]
    assert report.stat().st_mode & 0o777 == 0o640 and sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


@pytest.mark.parametrize("output, message", [("", "govlint: error: --output needs a file name\n"),
                                             (".", "govlint: error: .: is a directory; --output takes a file name\n")],
                         ids=["empty", "directory"])
def test_output_that_is_no_file_name_is_one_usage_error(run_cli, output, message):
    code, out, err = run_cli("check", str(PROJECTS / "minimal"), "--output", output)
    assert (code, out, err) == (2, "", message)


# --------------------------------------------------------------------------------------------------
# Escape sequences in documents never reach a terminal, a job log or a page (issue 13, item 14)

# Clear the screen, colour, an OSC 8 link behind innocent text, a window title, the 8-bit CSI, a
# right-to-left override, a bell and a carriage return that would let later text overwrite the line.
ESCAPES = ("\x1b[2J\x1b[31mred\x1b[0m \x1b]8;;https://evil.example/\x1b\\click here\x1b]8;;\x1b\\ "
           "\x1b]0;pwned\x07\x9b2J \u202eevil\u202c \x07 \rPASS")
CONTROL = ("\x1b", "\x07", "\x9b", "\x9d", "\u202e", "\r", "evil.example", "pwned")


def _hostile_copy(tmp_path: Path, *, in_its_name: bool = True) -> Path:
    """A checkout whose sentences (and folder name) carry the escapes: every format shows one or both."""
    lines = [line + ESCAPES if len(line) > 40 and line[0].isalpha() else line for line in EXEMPLARY.splitlines()]
    root = _checkout(tmp_path, {"GOVERNANCE.md": "\n".join(lines) + "\n"})
    return root.rename(tmp_path / ("repo " + ESCAPES.replace("/", ""))) if in_its_name else root


@pytest.mark.parametrize("fmt", ["text", "text-color", "markdown", "github", "junit"])
def test_escape_sequences_in_a_document_are_removed_from_every_human_readable_format(run_cli, tmp_path, fmt):
    root = _hostile_copy(tmp_path)
    code, out, err = run_cli("check", str(root), "--no-cache", "--verbose", "--format", fmt.split("-")[0],
                             *(["--color"] if fmt == "text-color" else []))
    assert code == 0, err
    assert "click here" in out  # the document's words are still quoted
    shown = out
    if fmt == "text-color":  # rich's own colours are the only escape sequences left
        assert re.search(r"\x1b\[[0-9;]*m", out)
        shown = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert [c for c in CONTROL if c in shown] == []
    if fmt == "junit":
        import xml.etree.ElementTree as ET

        ET.fromstring(out.split("\n", 1)[1])  # well-formed XML: no control characters left


def test_escape_sequences_and_markdown_never_reach_the_audit_summary_or_dashboard(run_cli, tmp_path):
    root = _hostile_copy(tmp_path, in_its_name=False)
    projects = tmp_path / "projects.yaml"
    projects.write_text(
        "- name: '[click me](https://evil.example/) **now** <b>x</b> `code` | cell'\n"
        f"  repositories: [{{url: {root}}}]\n"
        "- name: \"pwn\\e[2J\\e]8;;https://evil.example/\\e\\\\me\"\n"
        "  repositories: [{url: no/such/checkout}]\n", encoding="utf-8")
    code, out, err = run_cli("audit", str(projects), "--out", str(tmp_path / "out"), "--quiet")
    assert code == 2 and "Traceback" not in err
    assert not any(c in err for c in CONTROL[:-2]), err
    summary = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert r"\[click me\](https://evil.example/) \*\*now\*\* &lt;b&gt;x&lt;/b&gt; \`code\` \| cell" in summary
    assert "](" not in summary.replace(r"\](", "")  # no link anywhere
    pages = [tmp_path / "out" / "index.html", *(tmp_path / "out" / "projects").glob("*.html")]
    for text in [summary] + [p.read_text(encoding="utf-8") for p in pages]:
        assert not any(c in text for c in CONTROL[:6]), [c for c in CONTROL[:6] if c in text]
    assert "click here" in "".join(p.read_text(encoding="utf-8") for p in pages)  # the evidence, cleaned


# --------------------------------------------------------------------------------------------------
# Bad command-line values are usage errors (issue 13, items 13 and 16)


def test_an_api_url_that_is_no_url_is_one_usage_error(run_cli, tmp_path):
    code, out, err = run_cli("check", "github:acme/widget", "--api-url", "http://[::1")
    assert (code, out) == (2, "") and err == ("govlint: error: http://[::1: the GitHub API URL is not a valid URL "
                                              "(Invalid IPv6 URL)\n")
    projects = tmp_path / "projects.txt"
    projects.write_text("github:acme/widget\ngithub:acme/gadget\n", encoding="utf-8")
    code, out, err = run_cli("audit", str(projects), "--out", str(tmp_path / "out"), "--quiet",
                             "--api-url", "http://[::1")
    assert code == 2 and err.count("\n") == 1 and "not a valid URL" in err  # once, not once per project
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["dev-zero", "folder", "over-5-mb"])
def test_a_projects_file_that_is_not_a_small_regular_file_is_one_usage_error(run_cli, tmp_path, name):
    if name == "dev-zero":
        path = "/dev/zero"
    elif name == "folder":
        path = str(tmp_path)
    else:
        path = str(tmp_path / "projects.txt")
        _sparse(Path(path), 6 * MB, head=b"github:acme/widget\n")
    start = time.monotonic()
    code, out, err = run_cli("audit", path, "--out", str(tmp_path / "out"), "--quiet")
    assert time.monotonic() - start < 5
    assert (code, out) == (2, "") and err.count("\n") == 1 and err.startswith(f"govlint: error: {path}: "), err
    assert ("larger than 5 MB" if name == "over-5-mb" else "not a regular file") in err
    assert not (tmp_path / "out").exists()


TOKEN = "ghp_HOSTILETEST0123456789abcdefghijklmn"


@pytest.mark.parametrize("value", [TOKEN, "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
                                   "0123456789abcdef0123456789abcdef01234567", "glpat-abcdefghij0123456789"],
                         ids=["classic", "fine-grained", "hex", "not-a-name"])
def test_a_token_given_as_token_env_is_never_printed(run_cli, github_server, tmp_path, value):
    sarif = tmp_path / "report.sarif"
    code, out, err = run_cli("check", "github:acme/widget", "--api-url", github_server.url, "--format", "sarif",
                             "--output", str(sarif), "--token-env", value, "--no-cache")
    assert (code, out) == (2, "") and err == ("govlint: error: --token-env takes the NAME of an environment variable "
                                              "(such as GITHUB_TOKEN), not a token; what was given is not shown\n")
    assert not sarif.exists()
    projects = tmp_path / "projects.txt"
    projects.write_text("github:acme/widget\n", encoding="utf-8")
    code, out, err = run_cli("audit", str(projects), "--out", str(tmp_path / "out"), "--quiet", "--no-cache",
                             "--api-url", github_server.url, "--token-env", value)
    assert code == 2 and value not in out + err and "takes the NAME" in err
    assert not (tmp_path / "out").exists()


def test_a_token_env_name_that_is_not_set_is_still_named(run_cli, github_server, monkeypatch):
    monkeypatch.delenv("GOVLINT_CI_TOKEN", raising=False)
    code, report, err = _check(run_cli, "github:acme/widget", "--api-url", github_server.url,
                               "--token-env", "GOVLINT_CI_TOKEN")
    assert code == 0 and "$GOVLINT_CI_TOKEN is not set; continuing without a token" in report["warnings"]


# --------------------------------------------------------------------------------------------------
# HTTP: a GitHub API that misbehaves


class _RawServer(socketserver.ThreadingTCPServer):
    """Answers every connection with ``reply(request_bytes, socket)``: not necessarily HTTP."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, reply) -> None:
        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                self.request.settimeout(5)
                try:
                    data = self.request.recv(65536)
                    reply(data, self.request)
                except OSError:
                    pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> _RawServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


def _garbage(data: bytes, sock: socket.socket) -> None:
    sock.sendall(bytes(range(256)) * 16)


def _huge_length(data: bytes, sock: socket.socket) -> None:
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2147483648\r\n\r\n{\"a\": ")
    time.sleep(1)


def _endless(data: bytes, sock: socket.socket) -> None:
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"x" * 65536
    frame = b"%x\r\n%s\r\n" % (len(chunk), chunk)
    for _ in range(1000):  # 64 MB, twice the cap
        sock.sendall(frame)


def _cut_short(data: bytes, sock: socket.socket) -> None:
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"default_")


@pytest.fixture
def fast_http(monkeypatch):
    """The CLI's HTTP client with short timeouts and backoffs, as the remote tests use."""
    import govlint.sources.http as http

    monkeypatch.setattr(http, "HttpSettings", functools.partial(
        http.HttpSettings, connect_timeout=1.0, read_timeout=1.0, total_timeout=5.0, backoff=0.01, max_backoff=0.02))
    for name in ("GITHUB_TOKEN", "GH_TOKEN"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("reply, message", [
    (_garbage, "cannot reach 127.0.0.1"),
    (_huge_length, "the response from 127.0.0.1:"),
    (_endless, "is larger than the 32 MB limit"),
    (_cut_short, "broke off mid-response"),
], ids=["garbage", "2-gb-content-length", "endless-body", "cut-short"])
def test_a_server_that_misbehaves_is_one_error(run_cli, tmp_path, fast_http, reply, message):
    with _RawServer(reply) as server:
        out = tmp_path / "report.json"
        code, report, err = _check(run_cli, "github:acme/widget", "--api-url", server.url, "--output", str(out),
                                   seconds=10)
    assert _outcome(code, report, err) == ERROR
    assert err.startswith("govlint: error: github:acme/widget: ") and message in err, err
    assert not out.exists()


def test_truncated_json_is_one_error_and_is_not_cached(run_cli, github_server, tmp_path, fast_http):
    github_server.malformed(match="/git/trees/")
    cache = tmp_path / "cache"
    code, out, err = run_cli("check", "github:acme/widget", "--api-url", github_server.url, "--cache-dir", str(cache))
    assert code == 2 and err.count("\n") == 1 and "sent malformed JSON for /repos/acme/widget/git/trees/" in err
    code, out, err = run_cli("check", "github:acme/widget", "--api-url", github_server.url, "--cache-dir", str(cache),
                             "--format", "json")
    assert code == 0 and json.loads(out)["reports"][0]["documents"]


def test_a_redirect_to_another_host_does_not_take_the_token(run_cli, github_server, make_github_server, tmp_path,
                                                           fast_http, monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_HOSTILETEST0123456789abcdefghijklmn")
    elsewhere = make_github_server()  # the same repositories, on another port: another origin
    commit = github_server.commit_of("acme", "widget")
    github_server.redirect(f"{elsewhere.url}/repos/acme/widget/contents/README.md?ref={commit}", times=100,
                           match="/contents/README.md")
    code, report, err = _check(run_cli, "github:acme/widget", "--api-url", github_server.url)
    assert _outcome(code, report, err) == RESULT
    assert elsewhere.total >= 1 and not elsewhere.with_authorization
    assert github_server.with_authorization  # the API itself gets the token


def test_a_redirect_to_a_page_that_is_not_json_is_one_error(run_cli, github_server, make_github_server, tmp_path,
                                                          fast_http):
    elsewhere = make_github_server(tmp_path / "empty")
    elsewhere.static["/moved"] = (b"<html><body>Moved</body></html>", "text/html")
    github_server.redirect(f"{elsewhere.url}/moved", times=100, match="/contents/")
    code, report, err = _check(run_cli, "github:acme/widget", "--api-url", github_server.url)
    assert _outcome(code, report, err) == ERROR and "sent malformed JSON for /moved" in err


def test_a_redirect_loop_is_one_error(run_cli, github_server, tmp_path, fast_http):
    github_server.redirect(f"{github_server.url}/repos/acme/widget", times=100, match="/repos/acme/widget")
    code, report, err = _check(run_cli, "github:acme/widget", "--api-url", github_server.url)
    assert _outcome(code, report, err) == ERROR and "too many redirects" in err


# --------------------------------------------------------------------------------------------------
# Issue 13, items 4, 7, 10-13: the checkout root, time limits, caches that were trusted too much


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_a_symlinked_file_given_by_path_does_not_move_the_checkout_root(run_cli, tmp_path, monkeypatch):
    project = tmp_path / "s2"
    project.mkdir()
    (project / "GOVERNANCE.md").write_text(
        EXEMPLARY + "\nSee [the members](../../../../../../../../etc/passwd) and [the list](/etc/passwd).\n",
        encoding="utf-8")
    os.symlink("/etc/hostname", project / "MAINTAINERS.md")
    monkeypatch.chdir(tmp_path)
    code, report, err = _check(run_cli, "s2/GOVERNANCE.md", "s2/MAINTAINERS.md")
    assert _outcome(code, report, err) == RESULT
    assert [d["path"] for d in report["documents"]] == ["GOVERNANCE.md"]  # paths inside s2, not from /
    assert report["warnings"][0] == "s2/MAINTAINERS.md: resolves outside the checkout; not read"
    assert "root:" not in json.dumps(report)  # nothing of /etc/passwd
    # A folder inside the checkout that links out is refused the same way.
    os.symlink("/etc", project / "d")
    code, report, err = _check(run_cli, "s2/GOVERNANCE.md", "s2/d/passwd")
    assert [d["path"] for d in report["documents"]] == ["GOVERNANCE.md"]
    assert report["warnings"][0] == "s2/d/passwd: resolves outside the checkout; not read"
    # With nothing left, one line.
    code, report, err = _check(run_cli, "s2/MAINTAINERS.md")
    assert _outcome(code, report, err) == ERROR
    assert err == "govlint: error: s2/MAINTAINERS.md: resolves outside the checkout; nothing left to check\n"


def _drip(head: bytes, *, seconds: float = 6.0):
    """A reply: ``head``, then one byte every 0.1 s for ``seconds`` (so that a test of a limit that
    does not hold still ends)."""
    def reply(data: bytes, sock: socket.socket) -> None:
        sock.sendall(head)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            sock.sendall(b"x")
            time.sleep(0.1)
    return reply


_DRIP_BODY = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
_DRIP_HEADERS = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: "


@pytest.mark.slow
@pytest.mark.parametrize("head", [_DRIP_BODY, _DRIP_HEADERS], ids=["body", "headers"])
def test_a_server_that_drips_bytes_is_cut_off_at_the_response_limit(head):
    from govlint.errors import SourceError
    from govlint.sources.http import HttpClient, HttpSettings

    settings = HttpSettings(connect_timeout=1.0, read_timeout=1.0, total_timeout=0.5, retries=1, backoff=0.01)
    with _RawServer(_drip(head)) as server:
        client = HttpClient(api_url=server.url, no_cache=True, settings=settings)
        start = time.monotonic()
        with pytest.raises(SourceError) as err:
            client.get_json("repos/acme/widget", context="github:acme/widget")
        elapsed = time.monotonic() - start
    assert 1.0 <= elapsed < 2.5, elapsed  # two attempts of 0.5 s, though a byte came every 0.1 s
    assert str(err.value) == (f"github:acme/widget: the response from {server.url.split('//')[1]} took longer "
                              "than 0.5 s (after 2 attempts)")

@pytest.mark.slow

def test_timeout_bounds_a_whole_target_on_check_and_audit(run_cli, tmp_path, fast_http):
    with _RawServer(_drip(_DRIP_BODY)) as server:
        host = server.url.split("//")[1]
        start = time.monotonic()
        code, report, err = _check(run_cli, "github:acme/widget", "--api-url", server.url, "--timeout", "1")
        assert 1.0 <= time.monotonic() - start < 2.0  # retries included: 5 s a response would allow more
        assert _outcome(code, report, err) == ERROR
        assert err == (f"govlint: error: github:acme/widget: gave up on {host} at the time limit of 1 s for one "
                       "target (see --timeout)\n")
        projects = tmp_path / "projects.txt"
        projects.write_text("github:acme/widget\n", encoding="utf-8")
        start = time.monotonic()
        code, out, err = run_cli("audit", str(projects), "--out", str(tmp_path / "out"), "--quiet", "--no-cache",
                                 "--api-url", server.url, "--timeout", "1")
        assert time.monotonic() - start < 5  # loading the rules comes first
    assert code == 2 and "at the time limit of 1 s for one target" in err
    for bad in ("0", "-1", "nan", "inf"):
        code, out, err = run_cli("check", "github:acme/widget", "--timeout", bad)
        assert code == 2 and err == f"govlint: error: --timeout {float(bad):g}: give a positive number of seconds\n"


def test_deeply_nested_json_from_the_api_is_one_error_naming_the_url(run_cli, github_server, fast_http):
    github_server.static["/repos/acme/widget"] = (b"[" * 100_000 + b"]" * 100_000, "application/json")
    code, report, err = _check(run_cli, "github:acme/widget", "--api-url", github_server.url)
    assert _outcome(code, report, err) == ERROR
    assert err == (f"govlint: error: github:acme/widget: {github_server.url.split('//')[1]} sent JSON nested too "
                   "deeply for /repos/acme/widget\n")

