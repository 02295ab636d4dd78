"""What changed since an earlier audit: per project, rules newly passing or failing and the score delta.

A project has regressed when a rule that passed (or partly passed) now fails, its score went down,
or it meets a lower level than before. A project that can no longer be audited is not a regression
of its governance: the summary lists it among the errors.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from govlint.errors import UsageError
from govlint.report import FAIL, PARTIAL, PASS
from govlint.audit.results import RESULT, RESULTS_FILE, read_results


def load_previous(out: str | Path) -> dict[str, dict[str, Any]]:
    """Project name -> last record of an earlier audit's output folder."""
    path = Path(out) / RESULTS_FILE
    if not path.is_file():
        raise UsageError(f"--compare: no {RESULTS_FILE} here; give the output folder of an earlier audit",
                         path=str(out))
    return read_results(path).latest()


def change(current: dict[str, Any] | None, previous: dict[str, Any] | None) -> dict[str, Any] | None:
    """The change for one project, or None when either audit has no result for it."""
    if previous is None:
        return {"previous": "absent", "score_delta": None, "previous_score": None, "previous_level_met": None,
                "newly_passing": [], "newly_failing": [], "regressed": False}
    if current is None or current.get("status") != RESULT:
        return None
    if previous.get("status") != RESULT:
        return {"previous": "error", "score_delta": None, "previous_score": None, "previous_level_met": None,
                "newly_passing": [], "newly_failing": [], "regressed": False}
    now, before = current["report"], previous["report"]
    was = {r["code"]: r["status"] for r in before["results"]}
    passing, failing = [], []
    for result in now["results"]:
        old = was.get(result["code"])
        if old is None:
            continue
        if result["status"] == PASS and old != PASS:
            passing.append(result["name"])
        elif result["status"] == FAIL and old in (PASS, PARTIAL):
            failing.append(result["name"])
    delta = round(now["score"] - before["score"], 1)
    order = list(now["levels"])  # the packs' levels, lowest first
    lower = _rank(now["level_met"], order) < _rank(before["level_met"], order)
    return {"previous": "result", "score_delta": delta, "previous_score": before["score"],
            "previous_level_met": before["level_met"], "newly_passing": passing, "newly_failing": failing,
            "regressed": bool(failing) or delta < 0 or lower}


def _rank(level: str | None, order: list[str]) -> int:
    return order.index(level) + 1 if level in order else 0
