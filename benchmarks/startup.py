#!/usr/bin/env python3
"""Start-up cost of a local `govlint check`, as a whole process, against the bare import of the
libraries it cannot avoid (typer, markdown-it-py, pyyaml).

    python benchmarks/startup.py [CASE_DIR] [--runs N]

Prints the median wall time of each and their ratio (target: at most 1.5), for a cold check
(--no-cache: every rule runs) and a warm one (nothing changed since the last run, the pre-commit
case: the report comes from the result cache after checking every input is unchanged).

Every timed command runs with PYTHONDONTWRITEBYTECODE removed from its environment, after one
untimed warm-up run, so govlint's own modules load from .pyc files as they do after a `pip install`
(which writes them) and as the baseline libraries do. The commands then take turns, one run each
per round. With PYTHONDONTWRITEBYTECODE
set, govlint would compile its sources on every run while the libraries it is compared with would
not, an unfair comparison.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CASE = HERE.parent.parent / "shared" / "corpus" / "kubernetes__steering"


def _environment() -> dict[str, str]:
    """This process's environment without PYTHONDONTWRITEBYTECODE, so .pyc files are written and used."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run(command: list[str]) -> None:
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=_environment())


def medians(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """The median wall time of each command. Each runs once untimed first (it writes the .pyc files
    a pip install would have written); then the commands take turns, one run each per round, so a
    slow spell of this shared machine falls on all of them alike rather than on one."""
    for command in commands.values():
        run(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            run(command)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("case", nargs="?", default=str(DEFAULT_CASE))
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    python = sys.executable
    govlint = shutil.which("govlint", path=str(Path(python).parent)) or ""
    check = [govlint] if govlint else [python, "-m", "govlint"]
    import tempfile

    with tempfile.TemporaryDirectory() as cache:
        os.environ["GOVLINT_CACHE_DIR"] = cache
        commands = {"baseline": [python, "-c", "import typer, markdown_it, yaml"]}
        for fmt in ("text", "json"):
            command = [*check, "check", args.case, "--format", fmt]
            commands[f"cold, --format {fmt}"] = [*command, "--no-cache"]
            commands[f"warm, --format {fmt}"] = command
        results = medians(commands, args.runs)
    baseline = results.pop("baseline")
    print(f"case: {args.case}  ({args.runs} runs each, median)")
    print(f"{'bare import of typer, markdown-it-py, pyyaml':<46}{baseline * 1000:7.1f} ms")
    for name, seconds in results.items():
        print(f"{'govlint check, ' + name:<46}{seconds * 1000:7.1f} ms   ratio {seconds / baseline:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
