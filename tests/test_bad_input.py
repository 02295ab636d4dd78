"""Bad input ends as a warning and a skipped file, or one line on stderr with exit code 2."""
from __future__ import annotations

import json
import time

import pytest

from govlint.rules.loader import load_pack_file
from govlint.errors import RulePackError


def _report(run_cli, *args):
    code, out, err = run_cli("check", *args, "--format", "json")
    return code, (json.loads(out)["reports"][0] if out else None), err


def test_binary_and_non_utf8_documents_are_skipped_with_a_warning(run_cli, tmp_path):
    (tmp_path / "GOVERNANCE.md").write_bytes(b"# Gov\x00\x01\x02 binary")
    (tmp_path / "MAINTAINERS.md").write_bytes(b"Jane \xff\xfe Doe \xc3(")
    (tmp_path / "CONTRIBUTOR_LADDER.md").write_text("# Ladder\n\nContributors become reviewers when nominated.\n")
    code, data, err = _report(run_cli, str(tmp_path))
    assert code == 0 and err == ""
    assert [d["path"] for d in data["documents"]] == ["CONTRIBUTOR_LADDER.md"]
    assert any(w.startswith("GOVERNANCE.md: binary file") for w in data["warnings"])
    assert any(w.startswith("MAINTAINERS.md: not UTF-8 text") for w in data["warnings"])


def test_a_50_mb_document_is_skipped_quickly(run_cli, tmp_path):
    with open(tmp_path / "GOVERNANCE.md", "wb") as handle:
        handle.write(b"# Governance\n\n" + b"Maintainers vote on decisions by majority. " * (50 * 1024 * 1024 // 43))
    start = time.monotonic()
    code, data, err = _report(run_cli, str(tmp_path))
    assert time.monotonic() - start < 5
    assert code == 0 and data["documents"] == []
    # First that nothing could be read, and which file; then why.
    assert data["warnings"][0] == "no governance document found: GOVERNANCE.md could not be read (see the warnings below)"
    assert "larger than the 5 MB limit" in data["warnings"][1]


def test_empty_and_headings_only_documents_pass_nothing(run_cli, tmp_path):
    (tmp_path / "GOVERNANCE.md").write_text("")
    (tmp_path / "CONTRIBUTOR_LADDER.md").write_text("# Ladder\n\n## Roles\n\n## Removal\n\n## Voting\n")
    code, data, _ = _report(run_cli, str(tmp_path))
    assert code == 0
    passed = [r["name"] for r in data["results"] if r["status"] == "pass"]
    assert passed == ["template-residue"]


def test_a_path_that_does_not_exist(run_cli):
    code, data, err = _report(run_cli, "no-such-dir/GOVERNANCE.md")
    assert code == 2 and data is None
    assert err == "govlint: error: no-such-dir/GOVERNANCE.md: no such file or directory\n"


def test_computed_reports_are_kept_when_another_target_fails(run_cli, fixtures):
    code, out, err = run_cli("check", str(fixtures / "projects" / "minimal"), "/no/such/place", "--format", "json")
    assert code == 2 and "/no/such/place: no such file or directory" in err
    assert json.loads(out)["reports"][0]["target"].endswith("minimal")


@pytest.mark.parametrize("name,message", [
    ("broken.yaml", "invalid YAML: line 4"),
    ("unknown-key.yaml", "rules/0/check: unknown key ('scoep' was unexpected)"),
    ("bad-regex.yaml", "values: invalid regular expression: missing ), unterminated subpattern"),
])
def test_bad_rule_packs_name_file_rule_and_key(fixtures, name, message):
    with pytest.raises(RulePackError) as info:
        load_pack_file(str(fixtures / "packs" / name))
    assert str(info.value).startswith(str(fixtures / "packs" / name) + ": ")
    assert message in str(info.value)


def test_bad_rule_pack_on_the_command_line(run_cli, fixtures):
    code, out, err = run_cli("check", str(fixtures / "projects" / "minimal"), "--rule-pack",
                             str(fixtures / "packs" / "unknown-key.yaml"))
    assert code == 2 and out == "" and err.count("\n") == 1 and "unknown-key.yaml" in err


def test_an_extra_rule_pack_adds_its_rules(run_cli, fixtures, tmp_path):
    (tmp_path / "GOVERNANCE.md").write_text("# Gov\n\nThe chair serves a term of two years.\n")
    code, out, _ = run_cli("check", str(tmp_path), "--rule-pack", str(fixtures / "packs" / "valid.yaml"),
                           "--select", "EX001", "--format", "json")
    [result] = json.loads(out)["reports"][0]["results"]
    assert result["name"] == "chair-term" and result["status"] == "pass"
    assert result["message"] == "duration: two years; matched chair, term"  # the value, and which probes matched
