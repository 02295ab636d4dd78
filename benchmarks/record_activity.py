#!/usr/bin/env python3
"""Record, once, who was active at a published review's date, from the project's git history.

    python benchmarks/record_activity.py PROJECT [--mirrors /work/.mirror]

For a project of benchmarks/review_verdicts.yaml whose entry names a ``history:`` (for each target,
the GitHub repository and its commit at the review date), this makes a local clone of each
repository at that commit from a mirror (a bare copy with its history, ``<mirrors>/<owner>+<name>/repo``;
``git clone --shared``, so nothing is copied but the checkout), drafts the review of those clones
with ``--activity`` on the review date (the code a maintainer runs as ``govlint review . --activity``:
the maintainers listed at that commit, each matched to commits by name and address), and writes
each listed maintainer's newest commit on or before that commit, and how it was matched, to
tests/fixtures/review-cases/<project>/activity.yaml.

The benchmark (review_agreement.py --activity) judges that recorded observation with the same code
a draft judges a fresh one with (govlint.review.activity.judge). The mirrors are not needed again:
they are large and not available to CI.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CASES = HERE.parent / "tests" / "fixtures" / "review-cases"
VERDICTS = HERE / "review_verdicts.yaml"
sys.path.insert(0, str(HERE.parent / "src"))

from govlint.review import draft  # noqa: E402
from govlint.review.activity import Observations  # noqa: E402
from govlint.review.history import Observed  # noqa: E402

RECORDED = "activity.yaml"


def _clone(mirror: Path, commit: str, into: Path) -> None:
    subprocess.run(["git", "clone", "--quiet", "--shared", "--no-checkout", str(mirror), str(into)], check=True)
    subprocess.run(["git", "-C", str(into), "-c", "advice.detachedHead=false", "checkout", "--quiet", commit],
                   check=True)


def record(name: str, spec: dict, *, mirrors: Path) -> dict:
    """The observation of ``name``'s maintainers at its review commits, as activity.yaml holds it."""
    history = spec.get("history")
    if not history:
        raise SystemExit(f"record_activity: error: {name}: its entry in {VERDICTS.name} names no history:")
    date = dt.date.fromisoformat(str(spec["date"]))
    with tempfile.TemporaryDirectory(prefix=f"govlint-activity-{name}-") as tmp:
        for target in spec["targets"]:
            where = history[target]
            owner, repo = where["repository"].split("/")
            _clone(mirrors / f"{owner}+{repo}" / "repo", where["commit"], Path(tmp) / target)
        here = os.getcwd()
        os.chdir(tmp)  # the targets as relative paths: the labels are the target names, not tmp paths
        try:
            result = draft(list(spec["targets"]), level=spec.get("level"), today=date, activity=True, name=name)
        finally:
            os.chdir(here)
    if result.activity is None:
        raise SystemExit(f"record_activity: error: {name}: no activity observed: {'; '.join(result.warnings)}")
    observed = Observations(
        repositories=tuple(f"{history[t]['repository']} at {history[t]['commit']}" for t in spec["targets"]),
        maintainers=tuple(Observed(handle=m.handle, last_commit=m.last_commit, matched_by=m.matched_by or "")
                          for m in result.activity.maintainers))
    return {"project": name, "review_date": date.isoformat(),
            "recorded_by": "benchmarks/record_activity.py (govlint review --activity on clones at these commits)",
            **observed.to_dict()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project")
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"),
                        help="folder of bare mirrors, <owner>+<name>/repo (the search tool's fetch)")
    args = parser.parse_args(argv)
    verdicts = yaml.safe_load(VERDICTS.read_text(encoding="utf-8"))
    if args.project not in verdicts:
        raise SystemExit(f"record_activity: error: {args.project}: not in {VERDICTS.name}")
    data = record(args.project, verdicts[args.project], mirrors=args.mirrors)
    out = CASES / args.project / RECORDED
    out.write_text("# Recorded observation: each listed maintainer's newest commit on or before the review's\n"
                   "# commits, and how it was matched. Written by benchmarks/record_activity.py; do not edit.\n"
                   + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
    sys.stdout.write(f"{out}: {len(data['maintainers'])} maintainers\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
