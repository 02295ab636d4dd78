#!/usr/bin/env python3
"""A long paragraph: `govlint check` on single-paragraph documents of 0.5, 2 and 5 MB.

    python benchmarks/longdoc.py [--sizes 0.5 2 5] [--src DIR] [--baseline DIR] [--ignore CODES]

Each document is a GOVERNANCE.md holding one heading and then one paragraph: governance sentences,
each a little different (so no memo answers for another), wrapped at 78 columns, with no blank line
anywhere, so the whole text is one block that every sentence, unit and line number is taken from.
Both sizes and the figures use MB = 1,000,000 bytes; 5 MB stays under the 5 MiB document cap.

For each size, two timings, each in a fresh Python with ``PYTHONPATH=DIR`` (default: this
checkout's ``src``):

- in-process: ``govlint.api.lint(checkout)`` after the rules are loaded, so only reading,
  parsing and the rules are timed; and, before it, discovery and parsing alone (``parse``);
- whole process: ``python -m govlint check CHECKOUT --no-cache --format json``.

Each prints seconds and MB/s. ``--ignore`` leaves rules out (codes or prefixes, as the option of
`govlint check`), to see what the others cost. ``--baseline DIR`` runs the same documents with another tree's
``src`` as well (for example a ``git worktree`` of an earlier commit) and prints both side by side.
A run past ``--limit`` seconds is stopped and shown as ">LIMIT".
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
MB = 1_000_000

_SENTENCES = (
    "Maintainer {n} may be removed by a two-thirds vote of the steering committee after {d} months of inactivity.",
    "The project lead for area {n} reviews proposals, and decisions are made by lazy consensus within {d} days.",
    "Contributors to component {n} become reviewers after sustained contributions over at least {d} weeks.",
    "If the maintainers of subproject {n} cannot resolve a dispute, it is escalated to the CNCF TOC.",
    "Release {n} is cut by the release team, which announces it on the mailing list {d} days ahead.",
    "Any member may call a vote on proposal {n}, and the vote stays open for {d} business days.",
)


def paragraph(size: int) -> str:
    """One Markdown document of about ``size`` bytes: a heading and a single wrapped paragraph."""
    head = "# Governance\n\n"
    words: list[str] = []
    length = len(head)
    n = 0
    while length < size:
        sentence = _SENTENCES[n % len(_SENTENCES)].format(n=n, d=n % 11 + 2)
        words.extend(sentence.split())
        length += len(sentence) + 1
        n += 1
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > 78:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    text = head + "\n".join(lines) + "\n"
    return text[:size - 1].rsplit(" ", 1)[0] + ".\n" if len(text.encode()) > size else text


_IN_PROCESS = """
import sys, time
from govlint.api import lint
from govlint.discover import discover
from govlint.rules.registry import load_rules
from govlint.sources.local import LocalSource
from pathlib import Path
rules = load_rules()
start = time.perf_counter()
discover(LocalSource(Path(sys.argv[1]), label=sys.argv[1]))
print(time.perf_counter() - start, flush=True)
start = time.perf_counter()
report = lint(sys.argv[1], rules=rules, ignore_rules=sys.argv[2:])
print(time.perf_counter() - start)
"""


def _env(src: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(src)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def in_process(src: Path, checkout: Path, limit: float, ignore: list[str]) -> tuple[float | None, float | None]:
    """(seconds of the lint, seconds of discovery and parsing alone); None past the limit."""
    try:
        done = subprocess.run([sys.executable, "-c", _IN_PROCESS, str(checkout), *ignore], env=_env(src),
                              timeout=limit, capture_output=True, text=True)
    except subprocess.TimeoutExpired as stopped:  # the parse figure, printed first, may be in
        out = stopped.stdout.decode() if isinstance(stopped.stdout, bytes) else stopped.stdout or ""
        return None, float(out.split()[0]) if out.split() else None
    if done.returncode:
        raise SystemExit(f"the in-process lint failed: {done.stderr.strip()}")
    parse_seconds, lint_seconds = done.stdout.split()
    return float(lint_seconds), float(parse_seconds)


def whole_process(src: Path, checkout: Path, limit: float, cache: str, ignore: list[str]) -> float | None:
    command = [sys.executable, "-m", "govlint", "check", str(checkout), "--no-cache", "--format", "json"]
    command += [f"--ignore={code}" for code in ignore]
    env = {**_env(src), "GOVLINT_CACHE_DIR": cache}
    start = time.perf_counter()
    try:
        done = subprocess.run(command, env=env, timeout=limit, capture_output=True, text=True)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode not in (0, 1):
        raise SystemExit(f"govlint check failed ({done.returncode}): {done.stderr.strip()}")
    return time.perf_counter() - start


def _cell(seconds: float | None, size: int, limit: float) -> str:
    if seconds is None:
        return f"{'>' + format(limit, 'g') + ' s':>9} {'':>9}"
    return f"{seconds:7.2f} s {size / MB / seconds:6.3g} MB/s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.5, 2, 5], help="megabytes (1,000,000 bytes)")
    parser.add_argument("--src", type=Path, default=SRC, help="the govlint sources to time (default: this checkout's)")
    parser.add_argument("--baseline", type=Path, help="another tree's src to time as well, side by side")
    parser.add_argument("--limit", type=float, default=300, help="stop a run after this many seconds")
    parser.add_argument("--ignore", nargs="*", default=[], help="rule codes or prefixes to leave out")
    args = parser.parse_args()
    trees = {"this": args.src.resolve()}
    if args.baseline is not None:
        trees = {"baseline": args.baseline.resolve(), **trees}
    print(f"single-paragraph GOVERNANCE.md; {', '.join(f'{k}: {v}' for k, v in trees.items())}"
          + (f"; ignoring {' '.join(args.ignore)}" if args.ignore else ""))
    header = "".join(f" | {name + ' parse':<20} | {name + ' in-process':<20} | {name + ' whole process':<20}"
                     for name in trees)
    print(f"{'size':>8}{header}")
    with tempfile.TemporaryDirectory(prefix="govlint-longdoc-") as work:
        cache = str(Path(work) / "cache")
        for megabytes in args.sizes:
            size = int(megabytes * MB)
            checkout = Path(work) / f"doc-{megabytes:g}"
            checkout.mkdir()
            (checkout / "GOVERNANCE.md").write_text(paragraph(size), encoding="utf-8")
            actual = (checkout / "GOVERNANCE.md").stat().st_size
            cells = []
            for src in trees.values():
                linted, parsed = in_process(src, checkout, args.limit, args.ignore)
                cells.append(_cell(parsed, actual, args.limit))
                cells.append(_cell(linted, actual, args.limit))
                cells.append(_cell(whole_process(src, checkout, args.limit, cache, args.ignore), actual, args.limit))
            print(f"{actual / MB:6.2f}MB" + "".join(f" | {c:<20}" for c in cells), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
