#!/usr/bin/env python3
"""Discovery on real repository layouts: recall and precision against a careful reader's picks.

    python benchmarks/discovery.py [-v] [--remote] [REPO ...]

For each repository in benchmarks/discovery/listings/ (file paths listed by the search tool), runs
govlint's own ``discover()`` on a source that lists exactly those paths. A file reads as its stored
head (benchmarks/discovery/heads/, the first ~40 lines) or, with none stored, as an empty file: the
heading test then sees nothing, so a file discovery wanted to judge by its title and has no head
counts as not governance (the count is printed). Links in stored heads are followed as in a checkout.

Scores each repository against benchmarks/discovery/labels.yaml:
  recall     the reader's files that discovery found
  precision  the files discovery found that the reader picked
and prints both overall (over all files) and per repository. ``--remote`` uses the heading test's
budget for a GitHub repository (each head costs a request) instead of a checkout's.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DATA = HERE / "discovery"
# --src DIR measures another copy of govlint (the code before a change, say) on the same data.
_SRC = sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv[:-1] else str(HERE.parent / "src")
sys.path.insert(0, _SRC)

from govlint.discover import discover  # noqa: E402
from govlint.sources.base import External, Located, UnreadableFile, join_relative, split_href  # noqa: E402


class ListingSource:
    """A repository as a listing of paths, with the heads stored for some of its files."""

    def __init__(self, repo: str, *, probe_files: int | None = None) -> None:
        self.label = f"github:{repo}"
        name = repo.replace("/", "__", 1)
        text = (DATA / "listings" / f"{name}.txt").read_text(encoding="utf-8")
        self._files = sorted({line for line in text.splitlines() if line and not line.startswith("#")})
        self._set = set(self._files)
        self._heads = DATA / "heads" / name
        self.probed: list[str] = []
        self.probed_without_head: list[str] = []
        if probe_files is not None:
            self.probe_files = probe_files

    def list_files(self) -> list[str]:
        return self._files

    def _head(self, path: str) -> bytes | None:
        file = self._heads / path
        return file.read_bytes() if file.is_file() else None

    def read_bytes(self, path: str) -> bytes:
        if path not in self._set:
            raise UnreadableFile("not in the listing")
        return self._head(path) or b""

    def read_head(self, path: str, limit: int) -> bytes:
        self.probed.append(path)
        if self._head(path) is None:
            self.probed_without_head.append(path)
        return self.read_bytes(path)[:limit]

    def url_for(self, path: str, line: int | None = None) -> str | None:
        return None

    def resolve_link(self, from_path: str, href: str) -> Located | External | None:
        scheme, target = split_href(href)
        if scheme in ("http", "https"):
            return External(href.strip())
        if scheme or not target:
            return None
        rel = join_relative(from_path, target)
        if rel is None:
            return None
        for candidate in (rel, f"{rel}/README.md", f"{rel}/readme.md", f"{rel}/index.md"):
            if candidate in self._set:
                return Located(self, candidate)
        return None


def evaluate(repos: list[str], labels: dict, *, probe_files: int | None) -> list[dict]:
    rows = []
    for repo in repos:
        source = ListingSource(repo, probe_files=probe_files)
        found = {d.path for d in discover(source).documents}
        picked = set(labels[repo]["pick"])
        rows.append({"repo": repo, "picked": picked, "found": found, "hits": picked & found,
                     "probed": len(source.probed), "no_head": len(source.probed_without_head),
                     "partial": "PARTIAL" in (DATA / "listings" / f"{repo.replace('/', '__', 1)}.txt").read_text()})
    return rows


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "  -  "


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repos", nargs="*", help="owner/repo as in labels.yaml (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the files missed and added")
    parser.add_argument("--remote", action="store_true", help="the heading test's budget for a GitHub repository")
    parser.add_argument("--src", metavar="DIR", help="the src/ folder of the govlint to measure (default: this one's)")
    args = parser.parse_args()
    labels = yaml.safe_load((DATA / "labels.yaml").read_text(encoding="utf-8"))["repos"]
    repos = args.repos or sorted(labels, key=str.lower)
    probe_files = None
    if args.remote:
        from govlint.sources.github import GitHubSource
        probe_files = getattr(GitHubSource, "probe_files", None)
    rows = evaluate(repos, labels, probe_files=probe_files)

    print(f"{'repository':<40} {'picked':>6} {'found':>6} {'hits':>5} {'recall':>7} {'precision':>9}  heads read (none stored)")
    for row in rows:
        picked, found, hits = len(row["picked"]), len(row["found"]), len(row["hits"])
        name = row["repo"] + (" *" if row["partial"] else "")
        print(f"{name:<40} {picked:>6} {found:>6} {hits:>5} {_ratio(hits, picked):>7} {_ratio(hits, found):>9}"
              f"  {row['probed']} ({row['no_head']})")
        if args.verbose:
            for path in sorted(row["picked"] - row["found"]):
                print(f"    missed  {path}")
            for path in sorted(row["found"] - row["picked"]):
                print(f"    added   {path}")
    picked = sum(len(r["picked"]) for r in rows)
    found = sum(len(r["found"]) for r in rows)
    hits = sum(len(r["hits"]) for r in rows)
    probed = sum(r["probed"] for r in rows)
    no_head = sum(r["no_head"] for r in rows)
    print(f"\n{len(rows)} repositories (* partial listing), {picked} files picked by the reader, {found} found, "
          f"{hits} of them picked")
    print(f"recall {_ratio(hits, picked)}  precision {_ratio(hits, found)}  "
          f"(heads read {probed}, {no_head} of them with no head stored)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
