"""benchmarks/label_agreement.py: the second reading is well formed, and the comparison counts right."""
from __future__ import annotations

import pytest
import yaml

from conftest import FIXTURES, benchmark

SECOND = FIXTURES / "label-agreement" / "second-reading.yaml"
# Whole sets read again after their first contact: corpus-fresh16 and corpus-fresh18 to corpus-fresh37.
WHOLE_SETS = ["corpus-fresh16", "corpus-fresh18", "corpus-fresh19", "corpus-fresh20", "corpus-fresh21",
              "corpus-fresh22", "corpus-fresh23", "corpus-fresh24",
              "corpus-fresh25", "corpus-fresh26", "corpus-fresh27",
              "corpus-fresh28", "corpus-fresh29", "corpus-fresh30", "corpus-fresh31",
              "corpus-fresh32", "corpus-fresh33", "corpus-fresh34",
              "corpus-fresh35", "corpus-fresh36", "corpus-fresh37"]


@pytest.fixture(scope="module")
def bench():
    return benchmark("label_agreement")

@pytest.mark.slow

def test_the_second_reading_is_of_labelled_cases_and_quotes_its_evidence(bench):
    second = yaml.safe_load(SECOND.read_text(encoding="utf-8"))
    first = bench.first_readings()
    listed = [line.split() for line in (SECOND.parent / "cases.txt").read_text(encoding="utf-8").splitlines() if line]
    assert sorted(case for _, case in listed) == sorted(second)
    for labelled_set, case in listed:
        folder, _ = first[case]
        assert folder.parent.name == labelled_set, case
        for concept, evidence in (second[case].get("evidence") or {}).items():
            assert second[case][concept] is True, (case, concept)
            line = (folder / evidence["file"]).read_text(encoding="utf-8").splitlines()[evidence["line"] - 1]
            assert evidence["quote"].strip() in line, (case, concept)


@pytest.mark.slow
@pytest.mark.parametrize("labelled_set", WHOLE_SETS)
def test_the_second_reading_of_a_whole_set_covers_it_and_quotes_its_evidence(bench, labelled_set):
    reading = FIXTURES / "label-agreement" / f"second-reading-{labelled_set.removeprefix('corpus-')}.yaml"
    second = yaml.safe_load(reading.read_text(encoding="utf-8"))
    first = bench.first_readings()
    labelled = yaml.safe_load((FIXTURES / labelled_set / "labels.yaml").read_text(encoding="utf-8"))
    assert sorted(second) == sorted(labelled)
    for case, label in second.items():
        folder, _ = first[case]
        assert folder.parent.name == labelled_set, case
        for concept, evidence in (label.get("evidence") or {}).items():
            assert label[concept] is True, (case, concept)
            line = (folder / evidence["file"]).read_text(encoding="utf-8").splitlines()[evidence["line"] - 1]
            assert evidence["quote"].strip() in line, (case, concept)


@pytest.mark.slow  # a benchmark's whole comparison: with the slow tests, in .ci/run
def test_a_reading_that_differs_is_counted(bench, tmp_path):
    first = bench.first_readings()
    cases = ["openwallet-foundation__acapy", "ECP-WarpX__WarpX", "runmedev__runme"]
    same = {case: dict(first[case][1]) for case in cases}  # copies: first_readings() is shared
    (tmp_path / "same.yaml").write_text(yaml.safe_dump(same), encoding="utf-8")
    result = bench.compare(tmp_path / "same.yaml")
    assert result["cases"] == 3 and result["macro"]["agree"] == 1.0
    other = {case: dict(first[case][1]) for case in cases}
    other["runmedev__runme"]["removal_process"] = not first["runmedev__runme"][1]["removal_process"]
    (tmp_path / "other.yaml").write_text(yaml.safe_dump(other), encoding="utf-8")
    row = bench.compare(tmp_path / "other.yaml")["concepts"]["removal_process"]
    assert row["cases"] == 3 and row["agree"] == round(2 / 3, 3)
    assert row["f1_second"] < 1.0
