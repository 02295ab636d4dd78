"""A checkout on disk, with no way out of its root through `..` or symlinks."""
from __future__ import annotations

import os
import stat
from pathlib import Path

from govlint.sources.base import MAX_DOCUMENT_BYTES, External, Located, UnreadableFile, join_relative, split_href

# Folders that never hold a project's own governance and can be huge.
_SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "vendor", "third_party", ".venv", "venv",
                        "__pycache__", ".tox", ".mypy_cache", ".pytest_cache", "site-packages", "dist", "build"})
# Enough for any real project's tree; a deeper walk is not looking for governance.
_MAX_DEPTH = 6


class LocalSource:
    """Files under one directory. Paths are POSIX and relative to the root."""

    def __init__(self, root: str | os.PathLike[str], *, label: str | None = None, record_digests: bool = False) -> None:
        self.root = Path(root).resolve()
        self.label = label or str(root)
        self._files: list[str] | None = None
        # With record_digests, the sha256 of each file's bytes as read (None: refused), for the result cache.
        self.digests: dict[str, str | None] | None = {} if record_digests else None

    def __repr__(self) -> str:
        return f"LocalSource({str(self.root)!r})"

    def list_files(self) -> list[str]:
        if self._files is None:
            self._files = sorted(self._walk())
        return self._files

    def _walk(self):
        root = str(self.root)
        for dirpath, dirnames, filenames in os.walk(root):
            rel_dir = os.path.relpath(dirpath, root)
            depth = 0 if rel_dir == "." else rel_dir.count(os.sep) + 1
            dirnames[:] = [d for d in dirnames if d not in _SKIP_DIRS and depth < _MAX_DEPTH
                           and (not d.startswith(".") or d == ".github")
                           and not os.path.islink(os.path.join(dirpath, d))]
            for name in filenames:
                rel = name if rel_dir == "." else f"{rel_dir}/{name}".replace(os.sep, "/")
                if self._inside(rel):
                    yield rel

    def _inside(self, rel: str) -> bool:
        """True when the path, symlinks resolved, is a regular file under the root."""
        try:
            real = (self.root / rel).resolve(strict=True)
        except (OSError, RuntimeError, ValueError):  # ValueError: a NUL byte, as from a link to "%00"
            return False
        return real.is_file() and (real == self.root or self.root in real.parents)

    def exists(self, rel: str) -> bool:
        return self._inside(rel)

    def read_bytes(self, path: str) -> bytes:
        try:
            data = self._read(path)
        except UnreadableFile:
            if self.digests is not None:
                self.digests[path] = None
            raise
        if self.digests is not None:
            import hashlib  # only when recording: a check without the result cache never hashes

            self.digests[path] = hashlib.sha256(data).hexdigest()
        return data

    def _read(self, path: str) -> bytes:
        if not self._inside(path):
            raise UnreadableFile("not a file inside the checkout")
        too_large = (f"larger than the {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB limit for a document")
        try:
            # Not blocking on a FIFO, and never more than the cap, whatever the path is by the time it opens.
            fd = os.open(self.root / path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
            with os.fdopen(fd, "rb") as handle:
                info = os.fstat(handle.fileno())
                if not stat.S_ISREG(info.st_mode):
                    raise UnreadableFile("not a file inside the checkout")
                if info.st_size > MAX_DOCUMENT_BYTES:
                    raise UnreadableFile(f"{info.st_size // (1024 * 1024)} MB is {too_large}")
                data = handle.read(MAX_DOCUMENT_BYTES + 1)
        except OSError as err:
            raise UnreadableFile(err.strerror or str(err)) from None
        if len(data) > MAX_DOCUMENT_BYTES:
            raise UnreadableFile(f"it grew while being read: {too_large}")
        return data

    def read_head(self, path: str, limit: int) -> bytes:
        """The file's first ``limit`` bytes: enough for discovery to read its title. When the source
        records digests (for the result cache), the whole file is read and recorded: the head decided
        what the file is, so the cache must see any change to it."""
        if self.digests is not None:
            return self.read_bytes(path)[:limit]
        if not self._inside(path):
            raise UnreadableFile("not a file inside the checkout")
        try:
            with open(self.root / path, "rb") as handle:
                return handle.read(limit)
        except OSError as err:
            raise UnreadableFile(err.strerror or str(err)) from None

    def url_for(self, path: str, line: int | None = None) -> str | None:
        return None

    def resolve_link(self, from_path: str, href: str) -> Located | External | None:
        scheme, target = split_href(href)
        if scheme in ("http", "https"):
            return External(href.strip())
        if scheme or not target:
            return None  # mailto:, anchors within the page
        rel = join_relative(from_path, target)
        if rel is None:
            return None
        if self._inside(rel):
            return Located(self, rel)
        for index in ("README.md", "readme.md", "index.md"):
            candidate = f"{rel}/{index}"
            if self._inside(candidate):
                return Located(self, candidate)
        return None
