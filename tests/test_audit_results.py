"""OUT/results.jsonl: whole lines from many threads, a torn last line repaired, one writer at a time."""
from __future__ import annotations

import json
import threading

import pytest

from govlint.audit.results import ResultsWriter, read_results, repair
from govlint.errors import UsageError


def record(name: str, status: str = "result", **extra) -> dict:
    return {"project": name, "status": status, **extra}


def test_threads_append_whole_lines(tmp_path):
    path = tmp_path / "results.jsonl"
    big = "x" * 200_000  # far over PIPE_BUF: a line is still never interleaved with another
    with ResultsWriter(path) as writer:
        threads = [threading.Thread(target=lambda i=i: [writer.append(record(f"p{i}-{j}", text=big))
                                                       for j in range(5)]) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    lines = path.read_bytes().split(b"\n")
    assert lines[-1] == b"" and len(lines) == 41
    assert sorted(json.loads(line)["project"] for line in lines[:-1]) == sorted(
        f"p{i}-{j}" for i in range(8) for j in range(5))


def test_lines_are_ascii_so_line_splitting_readers_never_break_them(tmp_path):
    path = tmp_path / "results.jsonl"
    with ResultsWriter(path) as writer:
        writer.append(record("née\u2028project", text="line\nbreak \u2029 and é"))
    data = path.read_bytes()
    assert data.count(b"\n") == 1 and data.isascii()
    assert read_results(path).records[0]["project"] == "née\u2028project"


def test_a_torn_last_line_is_ignored_by_readers_and_cut_by_repair(tmp_path):
    path = tmp_path / "results.jsonl"
    good = json.dumps(record("a")) + "\n" + json.dumps(record("b", "error", error="boom")) + "\n"
    path.write_text(good + '{"project": "c", "status": "res', encoding="utf-8")
    read = read_results(path)
    assert read.torn_tail and [r["project"] for r in read.records] == ["a", "b"]
    assert repair(path) == len('{"project": "c", "status": "res')
    assert path.read_text(encoding="utf-8") == good
    assert repair(path) == 0  # nothing left to cut


def test_unreadable_lines_are_reported_not_fatal_and_the_last_record_wins(tmp_path):
    path = tmp_path / "results.jsonl"
    path.write_text("\n".join([json.dumps(record("a", "error", error="x")), "not json", json.dumps({"no": "project"}),
                               json.dumps(record("a"))]) + "\n", encoding="utf-8")
    read = read_results(path)
    assert read.bad_lines == [2, 3]
    assert read.latest()["a"]["status"] == "result"


def test_a_torn_file_with_no_complete_line_is_emptied(tmp_path):
    path = tmp_path / "results.jsonl"
    path.write_text('{"project": "a"', encoding="utf-8")
    repair(path)
    assert path.read_bytes() == b""


def test_two_writers_on_one_folder_are_refused(tmp_path):
    path = tmp_path / "results.jsonl"
    with ResultsWriter(path):
        with pytest.raises(UsageError, match="another audit is writing to this folder"):
            ResultsWriter(path)
    with ResultsWriter(path):  # released when the first one closed
        pass
