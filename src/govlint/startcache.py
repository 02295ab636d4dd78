"""Start-up work kept on disk between runs: the scan of installed distributions for rule plugins,
and the parsed built-in rule packs.

Each memo is a small marshal file in the cache folder (beside the result cache, see
checkcache.default_directory; GOVLINT_CACHE_DIR moves it), holding a few entries, each the key
it was computed under and its value, followed by a CRC-32 of all of it. A value is used only
when its key is equal to the one asked for; anything unexpected (no file, an unreadable or
damaged one, another format) counts as a miss: the caller does the work and stores the result,
written atomically. So a memo never changes a result, it only saves redoing work whose every
input is in its key.
"""
from __future__ import annotations

import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Any, Hashable

_FORMAT = 1
_MAX_BYTES = 16 * 1024 * 1024
_MAX_ENTRIES = 8  # several interpreters or working folders sharing one cache folder do not evict each other

MISSING: Any = object()


def memo_path(name: str) -> Path | None:
    """Where the memo ``name`` lives, per interpreter version (marshal's format is not portable)."""
    try:
        from govlint.checkcache import default_directory

        return default_directory().parent / f"{name}-{sys.implementation.cache_tag}.marshal"
    except Exception:  # noqa: BLE001 - no cache folder: do the work every time
        return None


def _entries(path: Path) -> list[tuple[Any, Any]]:
    try:
        if path.stat().st_size > _MAX_BYTES:
            return []
        blob = path.read_bytes()
    except OSError:
        return []
    body, check = blob[:-4], blob[-4:]
    if len(check) != 4 or zlib.crc32(body) != int.from_bytes(check, "little"):
        return []
    try:
        stored = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return []
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == _FORMAT and isinstance(stored[1], list)):
        return []
    return [entry for entry in stored[1] if isinstance(entry, tuple) and len(entry) == 2]


def lookup(path: Path | None, key: Hashable) -> Any:
    """The value stored under ``key``, or MISSING."""
    if path is None:
        return MISSING
    for stored_key, value in _entries(path):
        if type(stored_key) is type(key) and stored_key == key:
            return value
    return MISSING


def store(path: Path | None, key: Hashable, value: Any) -> None:
    """Keep ``value`` under ``key`` (most recent first); a value marshal cannot hold, or a folder
    that cannot be written, is silently skipped."""
    if path is None:
        return
    entries = [(key, value)] + [e for e in _entries(path) if not (type(e[0]) is type(key) and e[0] == key)]
    try:
        body = marshal.dumps((_FORMAT, entries[:_MAX_ENTRIES]))
    except ValueError:  # e.g. a date in a rule pack: not worth a memo
        return
    from govlint.errors import GovlintError
    from govlint.files import write_atomically

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, body + zlib.crc32(body).to_bytes(4, "little"))
    except (OSError, GovlintError):
        pass


def import_path_key() -> tuple:
    """What changes whenever a distribution is installed, upgraded or removed: the import path and
    the modification time of each of its folders (a distribution's metadata is a *.dist-info or
    *.egg-info folder directly inside one; importlib.metadata's own lookup cache is keyed the
    same way). Relative entries are resolved, since they name a different folder in each working
    directory."""
    key = []
    for entry in sys.path:
        if not isinstance(entry, str):
            continue
        folder = os.path.abspath(entry or ".")
        try:
            mtime = os.stat(folder).st_mtime_ns
        except OSError:
            mtime = None
        key.append((folder, mtime))
    return tuple(key)


def site_packages_key() -> tuple:
    """The modification times of the site-packages folders on the import path, which change when
    a distribution (PyYAML among them) is installed, upgraded or removed; unlike import_path_key,
    the same in every working directory."""
    key = []
    for entry in sys.path:
        if isinstance(entry, str) and entry.endswith(("site-packages", "dist-packages")):
            try:
                key.append((entry, os.stat(entry).st_mtime_ns))
            except OSError:
                continue
    return tuple(key)
