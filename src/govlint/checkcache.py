"""Results of unchanged local checks, kept on disk so a pre-commit hook on an unrelated commit
costs only the time to see that nothing it reads has changed.

An entry is keyed by everything that is not a file (govlint's version and code, the options, the built-in
rule packs, the plugins, today's date for waiver expiry) and is only used when every file that
shaped the report is byte-for-byte what was read: the documents (digests of the bytes the source
read, not of what is on disk when the entry is written), the configuration and extra rule packs
(hashed before they are read), the list of files discovery starts from, and the relative links
that led nowhere.

Nothing read from the cache folder runs code or changes a result. An entry is plain JSON: its body
as JSON text, and a keyed digest (BLAKE2b) of its key and body under a secret that lives
outside every cache folder (``key_file()``), so a damaged, copied or forged entry does not verify.
A verified body must still have the exact shape written, and its report must fit
schemas/report.schema.json and rebuild. Anything else is a miss, and the run rewrites the entry.
"""
from __future__ import annotations

import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any, Mapping, Sequence

from govlint import __version__
from govlint.report import Report, report_from_dict

CACHE_DIR_ENV = "GOVLINT_CACHE_DIR"
_FORMAT = 2
_MAX_ENTRIES = 256
_MAX_ENTRY_BYTES = 16 * 1024 * 1024  # a report of 100 documents is far smaller
_MAX_HASHED_BYTES = 16 * 1024 * 1024  # configuration and rule packs are refused long before this
_ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.json")
_DIGEST = re.compile(r"[0-9a-f]{64}")
_BODY_KEYS = frozenset({"config_path", "candidates", "documents", "files", "missing_links", "report"})


def default_directory() -> Path:
    base = os.environ.get(CACHE_DIR_ENV)
    if base:
        return Path(base).expanduser() / "checks"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("govlint", appauthor=False)) / "checks"


def key_file() -> Path:
    """Where the secret that signs result-cache entries lives: the user's state folder, which CI
    does not share between workflows the way it restores a cache folder. (platformdirs would say
    the same, but costs a warm check more to import than this.)"""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    return base / "govlint" / "result-cache.key"


def _read_small(path: str | os.PathLike[str], limit: int, *, follow: bool = True) -> bytes | None:
    """A regular file's bytes, or None: missing, not a regular file (never opening a FIFO for
    good), larger than ``limit``, or a symlink when ``follow`` is false."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
        return data if len(data) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)


def digest_file(path: str | os.PathLike[str]) -> str | None:
    """The sha256 of a regular file (at most 16 MB), else None."""
    import hashlib  # not at the top: a --no-cache check never hashes, and hashlib costs 2 ms to import

    data = _read_small(path, _MAX_HASHED_BYTES)
    return None if data is None else hashlib.sha256(data).hexdigest()


def code_stamp(folder: str | os.PathLike[str]) -> int:
    """The newest modification time (ns) of the Python files under ``folder``: it moves whenever
    one of them is edited, added or replaced (about a hundred stats, about a millisecond)."""
    newest = 0
    pending = [os.fspath(folder)]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        pending.append(entry.path)
                elif entry.name.endswith(".py"):
                    newest = max(newest, entry.stat().st_mtime_ns)
            except OSError:
                continue
    return newest


def builtin_fingerprint() -> list[str]:
    """Digests of the built-in rule packs, the state of site-packages, and of govlint's own code.

    Installing or removing a package (a rule plugin among them) changes its site-packages
    folder's modification time; reading that is far cheaper than importlib.metadata's scan. An
    editable install (a checkout being worked on) changes no site-packages folder when its code
    changes, so the newest modification time of govlint's own source files counts too.
    """
    import hashlib

    from govlint.resources import builtin_packs

    packs = [hashlib.sha256(p.read_bytes()).hexdigest() for p in builtin_packs()]
    packs.append(f"code:{code_stamp(Path(__file__).parent)}")
    folders = []
    for entry in sys.path:
        if isinstance(entry, str) and entry.endswith(("site-packages", "dist-packages")):
            try:
                folders.append(f"{entry}:{os.stat(entry).st_mtime_ns}")
            except OSError:
                continue
    return packs + folders


def _compact(data: Any) -> str:
    """JSON text, keys in their order (a report's levels are ordered), no NaN: what the digest covers."""
    return json.dumps(data, separators=(",", ":"), ensure_ascii=True, allow_nan=False)


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _pairs(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(s, str) for s in p) for p in value)


def _digests(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and (v is None or (isinstance(v, str) and _DIGEST.fullmatch(v))) for k, v in value.items())


def _well_formed(body: Any) -> bool:
    """The exact shape ``store`` writes, with a report that fits the report schema."""
    from govlint.schemacheck import conforms

    return (isinstance(body, dict) and body.keys() == _BODY_KEYS
            and (body["config_path"] is None or isinstance(body["config_path"], str))
            and (body["candidates"] is None or _pairs(body["candidates"]))
            and _digests(body["documents"]) and _digests(body["files"]) and _pairs(body["missing_links"])
            and isinstance(body["report"], dict)
            # The report schema describes the JSON output, whose reports sit in a list.
            and conforms({"govlint_version": __version__, "reports": [body["report"]]}, "report"))


class CheckCache:
    def __init__(self, directory: Path | None = None, *, secret_file: Path | None = None) -> None:
        self.directory = directory or default_directory()
        self.secret_file = secret_file or key_file()
        self._secret: bytes | None = None

    def key(self, **material: Any) -> str:
        import hashlib

        payload = json.dumps({"format": _FORMAT, "version": __version__, "builtin": builtin_fingerprint(),
                              **material}, sort_keys=True, default=str)
        return hashlib.sha256(payload.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}.json"

    def _signing_key(self, *, create: bool) -> bytes | None:
        """The secret, made on first use; None when it cannot be read or made (then nothing is cached)."""
        if self._secret is None:
            data = _read_small(self.secret_file, 128)
            text = data.decode("ascii", "replace").strip() if data else ""
            if _DIGEST.fullmatch(text):
                self._secret = bytes.fromhex(text)
            elif create:
                import threading

                secret = os.urandom(32)
                tmp = self.secret_file.with_name(f".{self.secret_file.name}.{os.getpid()}.{threading.get_ident()}")
                try:
                    self.secret_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # private from the start
                    with os.fdopen(fd, "w", encoding="ascii") as handle:
                        handle.write(secret.hex() + "\n")
                    os.replace(tmp, self.secret_file)  # a concurrent run may win: its entries are then misses
                except OSError:
                    try:
                        tmp.unlink(missing_ok=True)
                    except OSError:
                        pass
                    return None
                self._secret = secret
        return self._secret

    def _mac(self, secret: bytes, key: str, body: str) -> str:
        import hashlib

        return hashlib.blake2b(f"{key}\n{body}".encode(), key=secret, digest_size=32).hexdigest()

    def _read(self, key: str) -> dict[str, Any] | None:
        """The verified body of the entry for ``key``, or None for anything unexpected."""
        from hmac import compare_digest

        secret = self._signing_key(create=False)
        raw = _read_small(self._path(key), _MAX_ENTRY_BYTES, follow=False) if secret else None
        if raw is None:
            return None
        try:
            entry = json.loads(raw, parse_constant=_no_constants)
            if not (isinstance(entry, dict) and entry.keys() == {"format", "key", "mac", "body"}
                    and entry["format"] == _FORMAT and entry["key"] == key and isinstance(entry["body"], str)
                    and isinstance(entry["mac"], str)
                    and compare_digest(entry["mac"], self._mac(secret, key, entry["body"]))):
                return None
            body = json.loads(entry["body"], parse_constant=_no_constants)
        except (ValueError, RecursionError, TypeError):  # TypeError: a str that is not ASCII in compare_digest
            return None
        return body if _well_formed(body) else None

    def lookup(self, key: str, source: Any, *, config_path: str | None) -> Report | None:
        """The cached report, when nothing it depends on has changed; None otherwise."""
        body = self._read(key)
        if body is None or body["config_path"] != config_path:
            return None
        try:
            report = report_from_dict(body["report"])
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        from govlint.discover import starting_points

        candidates = body["candidates"]
        if candidates is not None and [list(p) for p in starting_points(source.list_files())] != candidates:
            return None
        if any(digest_file(path) != digest for path, digest in body["files"].items()):
            return None
        if any(_read_digest(source, path) != digest for path, digest in body["documents"].items()):
            return None
        if any(source.resolve_link(origin, href) is not None for origin, href in body["missing_links"]):
            return None
        return report

    def store(self, key: str, report: Report, *, candidates: Sequence[tuple[str, str]] | None,
              documents: Mapping[str, str | None], files: Mapping[str, str | None],
              missing_links: Sequence[tuple[str, str]], config_path: str | None) -> None:
        """Write the entry atomically; a cache that cannot be written is silently skipped.

        ``documents`` are the digests of the documents' bytes as the source read them (None: not
        readable), ``files`` those of the configuration and rule packs taken before they were read.
        """
        from govlint.errors import GovlintError
        from govlint.files import write_atomically

        secret = self._signing_key(create=True)
        if secret is None:
            return
        try:
            body = _compact({"config_path": config_path,
                             "candidates": None if candidates is None else [list(c) for c in candidates],
                             "documents": dict(documents), "files": dict(files),
                             "missing_links": [list(m) for m in missing_links], "report": report.to_dict()})
        except ValueError:  # a NaN somewhere: not JSON, so not kept
            return
        entry = {"format": _FORMAT, "key": key, "mac": self._mac(secret, key, body), "body": body}
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomically(self._path(key), json.dumps(entry))
            self._prune()
        except (OSError, GovlintError):
            pass

    def _prune(self) -> None:
        """Keep the newest entries; only files named as entries are ever removed."""
        entries = []
        for path in self.directory.iterdir():
            if _ENTRY_NAME.fullmatch(path.name):
                try:
                    entries.append((path.lstat().st_mtime, path))
                except OSError:
                    continue
        entries.sort()
        for _, old in entries[:-_MAX_ENTRIES]:
            old.unlink(missing_ok=True)


def _read_digest(source: Any, path: str) -> str | None:
    """The sha256 of a document as the source reads it now; None when it cannot be read."""
    import hashlib

    from govlint.sources.base import UnreadableFile

    try:
        return hashlib.sha256(source.read_bytes(path)).hexdigest()
    except UnreadableFile:
        return None
