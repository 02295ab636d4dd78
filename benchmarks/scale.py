#!/usr/bin/env python3
"""Speed at scale: govlint over the corpus repeated to tens of megabytes, against markdown-it-py's
bare parse of the same text, with peak memory at two sizes.

    PYTHONPATH=src python benchmarks/scale.py [--sizes 10 50] [--profile-mb 2] [--corpus DIR]

For each size, in a fresh process: copy the case folders of ``../shared/corpus`` into a temporary
folder as many checkouts (``copy-0001/<case>/...``) until the copies hold that many megabytes, then
lint every checkout in turn, as an audit does, keeping only each report's score (the reports are
streamed, not held). Prints:

- the bytes govlint read (the documents each report names), its time and MB/s;
- markdown-it-py's bare ``parse`` of exactly those documents' text, its MB/s, and the ratio
  (target, issue 12: govlint at most 3x the bare parse);
- discovery and parsing alone (``discover``), so the ratio splits into parsing and rules;
- peak RSS of the process over the lint loop (ru_maxrss) and RSS sampled every tenth of the loop,
  to show whether memory stays flat as the corpus grows.

Caches that outlive one target (``functools.lru_cache`` in govlint's modules, and the phrase-match
memos) are cleared between
checkouts, so copy 2 of a document costs what copy 1 did, as different projects would.
With ``--profile-mb``, a cProfile run over that many megabytes prints where the time goes.
With ``--baseline DIR``, each size is also measured with another tree's ``src`` (for example a
``git worktree`` of an earlier commit), just before this one's, and printed on the row above it.

With ``--split``, one pass over the corpus itself (each case folder a checkout, best of three
runs after a warm-up) is split into parts, each as a multiple of the bare parse: discovery and
parsing, then the rules, and within the rules the regex engine's share. For that, the
(pattern, text) pairs the phrase rules look at are recorded and timed again on their own: the
literal pre-test of each, and `re`'s search on the texts that pass it, those that match and those
that do not. What is left of the rules is their Python.
"""
from __future__ import annotations

import argparse
import cProfile
import functools
import io
import json
import os
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"
MB = 1_000_000


def build(corpus: Path, work: Path, megabytes: float) -> list[Path]:
    """Copies of every case folder under ``work`` until they hold ``megabytes``; the checkouts."""
    cases = sorted(p for p in corpus.iterdir() if p.is_dir())
    size_of_copy = sum(f.stat().st_size for case in cases for f in case.rglob("*") if f.is_file())
    copies = max(1, round(megabytes * MB / size_of_copy))
    checkouts = []
    for index in range(1, copies + 1):
        for case in cases:
            target = work / f"copy-{index:04d}" / case.name
            shutil.copytree(case, target)
            checkouts.append(target)
    return checkouts


def clear_caches() -> None:
    """Forget what one target taught govlint's memoised helpers, as a new project would find them."""

    from govlint.rules import lexicon

    lexicon.forget()  # the scans each lexicon remembers, which are plain dicts
    for name, module in list(sys.modules.items()):
        if not name.startswith("govlint"):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, functools._lru_cache_wrapper):
                value.cache_clear()


def rss_mb() -> float:
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB
    except OSError:
        return float("nan")


def measure(corpus: Path, megabytes: float) -> dict:
    """One size, in this process: build the corpus, lint it, bare-parse it, report the figures."""
    from markdown_it import MarkdownIt

    from govlint.api import lint
    from govlint.discover import discover
    from govlint.rules.registry import load_rules
    from govlint.sources.local import LocalSource

    rules = load_rules()
    work = Path(tempfile.mkdtemp(prefix="govlint-scale-"))
    try:
        checkouts = build(corpus, work, megabytes)
        corpus_bytes = sum(f.stat().st_size for c in checkouts for f in c.rglob("*") if f.is_file())

        # govlint, end to end, one checkout after another; only the score is kept.
        read: list[Path] = []
        samples = []
        step = max(1, len(checkouts) // 10)
        start = time.perf_counter()
        for index, checkout in enumerate(checkouts):
            clear_caches()
            report = lint(str(checkout), rules=rules)
            read.extend(checkout / d.path for d in report.documents)
            del report
            if index % step == 0:
                samples.append(round(rss_mb(), 1))
        lint_seconds = time.perf_counter() - start
        lint_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000

        # Discovery and parsing alone.
        start = time.perf_counter()
        for checkout in checkouts:
            discover(LocalSource(checkout))
        discover_seconds = time.perf_counter() - start

        # markdown-it-py's bare parse of the same documents, with govlint's options; one at a time.
        parser = MarkdownIt("commonmark", {"html": True}).enable("table")
        parse_seconds = 0.0
        read_bytes = 0
        for path in read:
            text = path.read_text(encoding="utf-8", errors="replace")
            read_bytes += len(text.encode("utf-8"))
            start = time.perf_counter()
            parser.parse(text)
            parse_seconds += time.perf_counter() - start
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "megabytes": megabytes, "checkouts": len(checkouts), "corpus_bytes": corpus_bytes,
        "documents": len(read), "read_bytes": read_bytes,
        "lint_seconds": lint_seconds, "discover_seconds": discover_seconds, "parse_seconds": parse_seconds,
        "peak_rss_mb": lint_peak, "rss_samples_mb": samples,
    }


def profile(corpus: Path, megabytes: float, top: int) -> str:
    from govlint.api import lint
    from govlint.rules.registry import load_rules

    rules = load_rules()
    work = Path(tempfile.mkdtemp(prefix="govlint-scale-profile-"))
    try:
        checkouts = build(corpus, work, megabytes)
        profiler = cProfile.Profile()
        profiler.enable()
        for checkout in checkouts:
            clear_caches()
            lint(str(checkout), rules=rules)
        profiler.disable()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def _best(runs: int, work) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def split(corpus: Path, runs: int = 3) -> list[tuple[str, float]]:
    """Where one pass over the corpus goes: (part, seconds), the bare parse first."""
    from markdown_it import MarkdownIt

    from govlint.api import lint
    from govlint.discover import discover
    from govlint.rules.registry import load_rules
    from govlint.sources.local import LocalSource

    rules = load_rules()
    cases = sorted(p for p in corpus.iterdir() if p.is_dir())
    texts = [(case / d.path).read_text(encoding="utf-8", errors="replace")
             for case in cases for d in lint(str(case), rules=rules).documents]  # also the warm-up

    def lint_all() -> None:
        for case in cases:
            clear_caches()
            lint(str(case), rules=rules)

    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    parse = _best(runs, lambda: [parser.parse(text) for text in texts])
    discovery = _best(runs, lambda: [discover(LocalSource(case)) for case in cases])
    total = _best(runs, lint_all)

    rules_seconds = total - discovery
    return [
        ("bare markdown-it-py parse of the documents read", parse),
        ("govlint end to end", total),
        ("  discovery and parsing into section trees", discovery),
        ("  rules", rules_seconds),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[10, 50], help="corpus sizes in MB (10 50)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the labelled corpus folder")
    parser.add_argument("--profile-mb", type=float, default=0, help="also profile a run over this many MB")
    parser.add_argument("--top", type=int, default=25, help="functions to list in the profile (25)")
    parser.add_argument("--split", action="store_true", help="split one pass over the corpus into its parts")
    parser.add_argument("--baseline", type=Path, help="another tree's src to measure as well, side by side")
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(measure(args.corpus, args.child)))
        return 0
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2

    if args.split:
        parts = split(args.corpus)
        parse = parts[0][1]
        print(f"one pass over {args.corpus}, best of 3 (Python {sys.version.split()[0]})")
        for name, seconds in parts:
            print(f"{name:<58} {seconds * 1000:>8.1f} ms {seconds / parse:>6.2f}x")
        print("x = multiple of the bare parse (issue 12's target: govlint end to end at most 3x)")
        return 0
    trees = {"this": SRC} if args.baseline is None else {"baseline": args.baseline.resolve(), "this": SRC}
    print(f"scale benchmark: {args.corpus} repeated to {', '.join(f'{s:g}' for s in args.sizes)} MB "
          f"(Python {sys.version.split()[0]})")
    header = (f"{'tree':>8} {'size':>6} {'checkouts':>9} {'read MB':>8} {'govlint s':>9} {'MB/s':>6} {'parse s':>8} "
              f"{'MB/s':>6} "
              f"{'ratio':>6} {'discover s':>10} {'peak RSS MB':>11}  RSS during the run (MB)")
    print(header)
    for size, (tree, src) in ((size, tree) for size in args.sizes for tree in trees.items()):
        env = {**os.environ, "PYTHONPATH": str(src) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        done = subprocess.run([sys.executable, __file__, "--child", str(size), "--corpus", str(args.corpus)],
                              env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        r = json.loads(done.stdout.strip().splitlines()[-1])
        mb = r["read_bytes"] / MB
        print(f"{tree:>8} {size:>5g}M {r['checkouts']:>9} {mb:>8.1f} {r['lint_seconds']:>9.1f} "
              f"{mb / r['lint_seconds']:>6.3f} "
              f"{r['parse_seconds']:>8.1f} {mb / r['parse_seconds']:>6.2f} "
              f"{r['lint_seconds'] / r['parse_seconds']:>5.1f}x {r['discover_seconds']:>10.1f} "
              f"{r['peak_rss_mb']:>11.0f}  {' '.join(f'{s:.0f}' for s in r['rss_samples_mb'])}")
    print("ratio = govlint end to end / markdown-it-py's bare parse of the same documents (target, issue 12: at most 3x); "
          "discover = finding, reading and parsing the documents, no rules")
    if args.profile_mb:
        print(f"\nprofile over {args.profile_mb:g} MB of the corpus:\n")
        print(profile(args.corpus, args.profile_mb, args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
