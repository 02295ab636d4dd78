#!/usr/bin/env python3
"""Start-up cost of a local `govlint check`, as a whole process, against the bare import of the
libraries it cannot avoid (`python -c "import typer, markdown_it, yaml, rich.console"`).

    python benchmarks/startup.py [CASE_DIR] [--runs N] [--baseline DIR]

Prints the median wall time of each and their ratio, for a check on a fresh CI runner (an empty
cache folder and no state: every rule runs and the result is cached; target at most 1.5x), a cold
one (--no-cache) and a warm one (nothing changed since the last run, the pre-commit case: the
report comes from the result cache after checking every input is unchanged; target at most 1.0x).

Every timed command runs with PYTHONDONTWRITEBYTECODE removed from its environment, after one
untimed warm-up run, so govlint's own modules load from .pyc files as they do after a `pip install`
(which writes them) and as the baseline libraries do. The commands then take turns, one run each
per round. With PYTHONDONTWRITEBYTECODE
set, govlint would compile its sources on every run while the libraries it is compared with would
not, an unfair comparison.

``--baseline DIR`` times another tree's sources as well (``PYTHONPATH=DIR``, for example the ``src``
of a ``git worktree`` of an earlier commit), in the same rounds, and prints both side by side.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
# The shared corpus beside the checkout (a worktree sits one folder deeper).
DEFAULT_CASE = next((folder / "shared" / "corpus" / "kubernetes__steering" for folder in HERE.parents[1:3]
                     if (folder / "shared" / "corpus").is_dir()),
                    HERE.parent.parent / "shared" / "corpus" / "kubernetes__steering")


def _environment() -> dict[str, str]:
    """This process's environment without PYTHONDONTWRITEBYTECODE, so .pyc files are written and used."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run(command: list[str], env: dict[str, str] | None = None) -> None:
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                   env={**_environment(), **(env or {})})


def fresh_runner(work: Path) -> dict[str, str]:
    """The environment of a fresh CI runner: a new, empty cache folder and state folder."""
    folder = Path(tempfile.mkdtemp(dir=work))
    return {"GOVLINT_CACHE_DIR": str(folder / "cache"), "XDG_STATE_HOME": str(folder / "state")}


def medians(commands: dict[str, tuple[list[str], Callable[[], dict[str, str]]]], runs: int) -> dict[str, float]:
    """The median wall time of each command (each with the environment its callable gives, asked
    anew for every run). Each runs once untimed first (it writes the .pyc files a pip install would
    have written); then the commands take turns, one run each per round, so a slow spell of this
    shared machine falls on all of them alike rather than on one."""
    for command, env in commands.values():
        run(command, env())
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, env) in commands.items():
            environment = env()
            start = time.perf_counter()
            run(command, environment)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("case", nargs="?", default=str(DEFAULT_CASE))
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--baseline", type=Path,
                        help="another tree's src (a git worktree of an earlier commit) to time as well, side by side")
    args = parser.parse_args()
    python = sys.executable
    govlint = shutil.which("govlint", path=str(Path(python).parent)) or ""
    check = [govlint] if govlint else [python, "-m", "govlint"]
    # A case that is not there would time an error message (exit code 2), not a check.
    if not Path(args.case).is_dir():
        parser.error(f"{args.case}: not a folder (give a corpus case: the default is beside the main checkout)")
    with tempfile.TemporaryDirectory() as tmp:
        trial = subprocess.run([*check, "check", args.case, "--format", "json"], capture_output=True, text=True,
                               check=False, env={**_environment(), **fresh_runner(Path(tmp))})
    if trial.returncode not in (0, 1):
        parser.error(f"govlint check {args.case} ended with exit code {trial.returncode}: {trial.stderr.strip()}")
    # The tree timed: this one (the installed govlint), and with --baseline another tree's sources.
    trees: dict[str, dict[str, str]] = {"this": {}}
    if args.baseline is not None:
        trees = {"baseline": {"PYTHONPATH": str(args.baseline.resolve())}, **trees}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        commands = {"bare": ([python, "-c", "import typer, markdown_it, yaml, rich.console"], dict)}
        for tree, extra in trees.items():
            kept = {**fresh_runner(work), **extra}  # one cache and state folder kept from run to run: the warm case
            for fmt in ("text", "json"):
                command = [*check, "check", args.case, "--format", fmt]
                commands[f"{tree}|fresh runner, --format {fmt}"] = (
                    command, lambda extra=extra: {**fresh_runner(work), **extra})
                commands[f"{tree}|cold --no-cache, --format {fmt}"] = ([*command, "--no-cache"], lambda kept=kept: kept)
                commands[f"{tree}|warm, --format {fmt}"] = (command, lambda kept=kept: kept)
        results = medians(commands, args.runs)
    bare = results.pop("bare")
    print(f"case: {args.case}  ({args.runs} runs each, median; {', '.join(trees)})")
    print(f"{'bare import of typer, markdown_it, yaml, rich.console':<54}{bare * 1000:7.1f} ms")
    for name in dict.fromkeys(key.split("|", 1)[1] for key in results):
        cells = "   ".join(f"{tree + ' ' if len(trees) > 1 else ''}{results[f'{tree}|{name}'] * 1000:7.1f} ms "
                           f"ratio {results[f'{tree}|{name}'] / bare:.2f}" for tree in trees)
        print(f"{'govlint check, ' + name:<54}{cells}")
    print("targets (issue 12): fresh runner at most 1.5x, warm at most 1.0x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
