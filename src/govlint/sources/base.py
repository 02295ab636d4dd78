"""The contract every document source fulfils, so discovery never knows where files live."""
from __future__ import annotations

import posixpath
from typing import NamedTuple, Protocol, Sequence, runtime_checkable
from urllib.parse import unquote, urlsplit

# Documents larger than this are skipped with a warning: governance text is never this big.
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024


class UnreadableFile(Exception):
    """A file that exists but cannot be used as a document (too large, binary, undecodable)."""


@runtime_checkable
class Source(Protocol):
    """A tree of files: a checkout on disk or a repository behind an API."""

    label: str  # how reports name the source: "." for a checkout, "github:owner/repo" remotely

    def list_files(self) -> Sequence[str]:
        """Every file's path, POSIX-style and relative to the source's root."""

    def read_bytes(self, path: str) -> bytes:
        """The file's bytes; raises UnreadableFile when it is too large or unreadable."""

    def url_for(self, path: str, line: int | None = None) -> str | None:
        """A link a person can open for this file and line, or None for a local file."""

    def resolve_link(self, from_path: str, href: str) -> Located | External | None:
        """Where a link found in ``from_path`` points: a file of some source, an outside URL, or nowhere."""


class Located(NamedTuple):
    source: Source
    path: str


class External(NamedTuple):
    url: str


def split_href(href: str) -> tuple[str, str]:
    """(scheme, path) of a link, with the query and fragment dropped and %-escapes decoded;
    ("", "") for a link that is not a URL at all ("http://[::1")."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return "", ""
    return parts.scheme.lower(), unquote(parts.path)


def join_relative(from_path: str, target: str) -> str | None:
    """Resolve a relative link against the linking file; None when it climbs out of the root."""
    if target.startswith("/"):
        joined = target.lstrip("/")
    else:
        joined = posixpath.join(posixpath.dirname(from_path), target)
    normal = posixpath.normpath(joined)
    if normal in (".", "") or normal.startswith("../") or normal == ".." or normal.startswith("/"):
        return None
    return normal
