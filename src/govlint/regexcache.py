"""Compiled rule regexes kept on disk between runs.

The rule packs' vocabulary makes large alternations, and Python parses and compiles every
pattern afresh in each process: over half of a cold `govlint check`. The compiled form (the
list of opcodes `re` hands to its C engine) depends only on the pattern, the flags and the
Python version, so it is stored per interpreter version and fed back to the engine next time.

This uses `re`'s internal compiler API. Anything unexpected (another Python, a damaged file,
an engine that rejects the code) falls back to `re.compile`, which is always correct; the C
engine validates the opcodes it is given, so a bad file cannot crash the interpreter.
"""
from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import threading
from pathlib import Path
from typing import Any

try:  # Python 3.11+: re._compiler / re._parser; 3.10: sre_compile / sre_parse
    import _sre
    from re import _compiler as _sre_compile  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - exercised on Python 3.10
    try:
        import _sre
        import sre_compile as _sre_compile  # type: ignore[no-redef]
        import sre_parse as _sre_parse  # type: ignore[no-redef]
    except ImportError:
        _sre = None  # type: ignore[assignment]

_VERSION = f"{sys.implementation.cache_tag}-{getattr(_sre, 'MAGIC', 0)}-{getattr(_sre, 'CODESIZE', 0)}"
_MAX_BYTES = 64 * 1024 * 1024


class RegexCache:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[tuple[str, int], tuple[Any, ...]] = {}
        self._dirty = False
        self._lock = threading.Lock()
        self._loaded = False
        self._compiled: dict[tuple[str, int], re.Pattern[str]] = {}  # one object per pattern, so callers can memoise

    def _load(self) -> None:
        self._loaded = True
        if self.path is None:
            return
        try:
            if self.path.stat().st_size > _MAX_BYTES:
                return
            data = marshal.loads(self.path.read_bytes())
            if isinstance(data, dict) and data.get("version") == _VERSION:
                self._entries = data["entries"]
        except (OSError, ValueError, EOFError, TypeError, KeyError):
            self._entries = {}

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        if _sre is None:
            return re.compile(pattern, flags)
        if not self._loaded:
            self._load()
        flags = int(flags)
        key = (pattern, flags)
        known = self._compiled.get(key)
        if known is not None:
            return known
        compiled = self._compile(pattern, flags, key)
        self._compiled[key] = compiled
        return compiled

    def _compile(self, pattern: str, flags: int, key: tuple[str, int]) -> re.Pattern[str]:
        entry = self._entries.get(key)
        if entry is not None:
            try:
                return _sre.compile(pattern, *entry)
            except Exception:  # noqa: BLE001 - any doubt: compile the ordinary way
                pass
        try:
            parsed = _sre_parse.parse(pattern, flags)
            code = _sre_compile._code(parsed, flags)
            groupindex = dict(parsed.state.groupdict)
            indexgroup = [None] * parsed.state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            entry = (int(flags | parsed.state.flags), [int(c) for c in code], int(parsed.state.groups - 1),
                     {str(k): int(v) for k, v in groupindex.items()}, tuple(indexgroup))
            compiled = _sre.compile(pattern, *entry)
        except re.error:
            raise
        except Exception:  # noqa: BLE001 - internals differ on this Python: no caching
            return re.compile(pattern, flags)
        with self._lock:
            self._entries[key] = entry
            if not self._dirty and self.path is not None:
                atexit.register(self.save)
            self._dirty = True
        return compiled

    def save(self) -> None:
        """Write the cache atomically, if anything was added; an unwritable folder is skipped."""
        if not self._dirty or self.path is None:
            return
        try:
            with self._lock:
                data = marshal.dumps({"version": _VERSION, "entries": self._entries})
                self._dirty = False
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, self.path)
        except (OSError, ValueError):
            pass


def _default_path() -> Path | None:
    if os.environ.get("GOVLINT_NO_REGEX_CACHE"):
        return None
    try:
        from govlint.checkcache import default_directory

        return default_directory().parent / f"regex-{sys.implementation.cache_tag}.marshal"
    except Exception:  # noqa: BLE001 - no cache folder: compile every time
        return None


_CACHE: RegexCache | None = None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - mirrors re.compile
    """re.compile, served from the on-disk cache when this pattern was compiled before."""
    global _CACHE
    if _CACHE is None:
        _CACHE = RegexCache(_default_path())
    return _CACHE.compile(pattern, flags)
