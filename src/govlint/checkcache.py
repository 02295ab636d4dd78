"""Results of unchanged local checks, kept on disk so a pre-commit hook on an unrelated commit
costs only the time to see that nothing it reads has changed.

An entry is keyed by everything that is not a file (govlint's version, the options, the built-in
rule packs, the plugins, today's date for waiver expiry) and is only used when every file that
shaped the report is byte-for-byte the same: the documents read, the configuration and extra rule
packs, the list of files discovery starts from, and the relative links that led nowhere.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable, Sequence

from govlint import __version__
from govlint.report import Report, report_from_dict

CACHE_DIR_ENV = "GOVLINT_CACHE_DIR"
_FORMAT = 1
_MAX_ENTRIES = 256


def default_directory() -> Path:
    base = os.environ.get(CACHE_DIR_ENV)
    if base:
        return Path(base).expanduser() / "checks"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("govlint", appauthor=False)) / "checks"


def digest_file(path: str | os.PathLike[str]) -> str | None:
    import hashlib  # not at the top: a --no-cache check never hashes, and hashlib costs 2 ms to import

    try:
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None


def builtin_fingerprint() -> list[str]:
    """Digests of the built-in rule packs, and the state of site-packages.

    Installing or removing a package (a rule plugin among them) changes its site-packages
    folder's modification time; reading that is far cheaper than importlib.metadata's scan.
    """
    import hashlib
    import sys

    from govlint.resources import builtin_packs

    packs = [hashlib.sha256(p.read_bytes()).hexdigest() for p in builtin_packs()]
    folders = []
    for entry in sys.path:
        if isinstance(entry, str) and entry.endswith(("site-packages", "dist-packages")):
            try:
                folders.append(f"{entry}:{os.stat(entry).st_mtime_ns}")
            except OSError:
                continue
    return packs + folders


class CheckCache:
    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or default_directory()

    def key(self, **material: Any) -> str:
        import hashlib
        import json

        payload = json.dumps({"format": _FORMAT, "version": __version__, "builtin": builtin_fingerprint(),
                              **material}, sort_keys=True, default=str)
        return hashlib.sha256(payload.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}.json"

    def lookup(self, key: str, source: Any, *, config_path: str | None) -> Report | None:
        """The cached report, when nothing it depends on has changed; None otherwise."""
        import json

        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        try:
            if entry.get("config_path") != config_path:
                return None
            from govlint.discover import starting_points

            candidates = entry["candidates"]
            if candidates is not None and [list(p) for p in starting_points(source.list_files())] != candidates:
                return None
            if any(digest_file(path) != digest for path, digest in entry["inputs"].items()):
                return None
            if any(source.resolve_link(origin, href) is not None for origin, href in entry["missing_links"]):
                return None
            return report_from_dict(entry["report"])
        except (KeyError, TypeError, ValueError):
            return None  # an entry from another version of govlint, or damaged: recompute

    def store(self, key: str, report: Report, *, candidates: Sequence[tuple[str, str]] | None, inputs: Iterable[str],
              missing_links: Sequence[tuple[str, str]], config_path: str | None) -> None:
        """Write the entry atomically; a cache that cannot be written is silently skipped."""
        import json

        entry = {"config_path": config_path, "candidates": None if candidates is None else [list(c) for c in candidates],
                 "inputs": {str(p): digest_file(p) for p in inputs}, "missing_links": [list(m) for m in missing_links],
                 "report": report.to_dict()}
        from govlint.errors import GovlintError
        from govlint.files import write_atomically

        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomically(self._path(key), json.dumps(entry))
            self._prune()
        except (OSError, GovlintError):
            pass

    def _prune(self) -> None:
        entries = sorted(self.directory.glob("*.json"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-_MAX_ENTRIES]:
            old.unlink(missing_ok=True)
