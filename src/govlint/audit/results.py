"""OUT/results.jsonl, one line per finished project, and OUT/audit.json, what the audit covers.

Each line is written with one ``write`` on an append-only descriptor and fsynced before the next
project is reported done, so a killed audit keeps every line it finished. A line cut short by a
crash mid-write has no newline: readers ignore it and ``repair`` drops it before appending again.
When a project appears twice (an error retried by ``--resume --retry-errors``) the last line wins.
"""
from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from govlint.errors import GovlintError, UsageError
from govlint.files import write_atomically

RESULTS_FILE = "results.jsonl"
MANIFEST_FILE = "audit.json"
FORMAT = 1

RESULT = "result"
ERROR = "error"


@dataclass
class ResultsRead:
    records: list[dict[str, Any]] = field(default_factory=list)
    torn_tail: bool = False  # the file ends in a line without its newline
    bad_lines: list[int] = field(default_factory=list)  # complete lines that are not a record

    def latest(self) -> dict[str, dict[str, Any]]:
        """Project name -> its last record."""
        out: dict[str, dict[str, Any]] = {}
        for record in self.records:
            out[record["project"]] = record
        return out


def read_results(path: str | Path) -> ResultsRead:
    """Every complete, valid line of a results file; a missing file reads as empty."""
    read = ResultsRead()
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return read
    except OSError as err:
        raise GovlintError(f"cannot read ({err.strerror or err})", path=str(path)) from None
    lines = data.split(b"\n")
    if lines and lines[-1]:
        read.torn_tail = True
    for number, line in enumerate(lines[:-1], 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            read.bad_lines.append(number)
            continue
        if isinstance(record, dict) and isinstance(record.get("project"), str) and record.get("status") in (RESULT, ERROR):
            read.records.append(record)
        else:
            read.bad_lines.append(number)
    return read


def repair(path: str | Path) -> int:
    """Cut an unterminated last line (a write a crash interrupted); returns the bytes dropped."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return 0
    if size == 0:
        return 0
    with open(path, "rb+") as handle:
        handle.seek(-1, os.SEEK_END)
        if handle.read(1) == b"\n":
            return 0
        # Walk back to the last newline; results files are small enough to read in blocks.
        end = size
        block = 64 * 1024
        keep = 0
        while end > 0:
            start = max(0, end - block)
            handle.seek(start)
            chunk = handle.read(end - start)
            cut = chunk.rfind(b"\n")
            if cut >= 0:
                keep = start + cut + 1
                break
            end = start
        handle.truncate(keep)
        handle.flush()
        os.fsync(handle.fileno())
    return size - keep


class ResultsWriter:
    """Appends records from any thread: one locked write and an fsync per line.

    Holds an exclusive lock on the file so that two audits cannot write to the same folder.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        existed = self.path.exists()
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self._lock = threading.Lock()
        try:
            import fcntl

            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # not POSIX: no guard against a second writer
            pass
        except OSError:
            os.close(self._fd)
            raise UsageError("another audit is writing to this folder", path=str(self.path.parent)) from None
        if not existed:
            _fsync_dir(self.path.parent)

    def append(self, record: dict[str, Any]) -> None:
        # ASCII-only JSON: no raw U+2028 or other separators a line-splitting reader might break on.
        data = (json.dumps(record, ensure_ascii=True, separators=(",", ":"), sort_keys=False) + "\n").encode()
        with self._lock:
            view = memoryview(data)
            try:
                while view:
                    written = os.write(self._fd, view)
                    view = view[written:]
                os.fsync(self._fd)
            except OSError as err:
                raise GovlintError(f"cannot write ({err.strerror or err})", path=str(self.path)) from None

    def close(self) -> None:
        with self._lock:
            if self._fd >= 0:
                os.close(self._fd)
                self._fd = -1

    def __enter__(self) -> ResultsWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --------------------------------------------------------------------------------------------------
# The output folder

# What an audit writes into its folder; anything else there belongs to someone else.
AUDIT_FILES = frozenset({MANIFEST_FILE, RESULTS_FILE, "summary.json", "summary.md", "index.html", "projects"})


def check_output_folder(out: str | Path, *, force: bool = False) -> None:
    """Refuse an --out folder that holds anything but an audit's own files, or those files without
    the manifest that says which audit they belong to; ``force`` writes into it anyway."""
    out = Path(out)
    if force or not out.is_dir():
        return
    names = sorted(entry.name for entry in out.iterdir() if not _leftover(entry.name))
    foreign = [name for name in names if name not in AUDIT_FILES
               or (name == "projects" and not _only_pages(out / name))]
    if foreign:
        shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise UsageError(f"holds files that are not a govlint audit's ({shown}); choose a new or empty --out, "
                         "or pass --force to write into it", path=str(out))
    if names and MANIFEST_FILE not in names:
        raise UsageError(f"holds {', '.join(names)} but no {MANIFEST_FILE}: not a govlint audit folder; choose a "
                         "new or empty --out, or pass --force to replace them", path=str(out))


def _only_pages(folder: Path) -> bool:
    """The dashboard's projects/ folder: nothing but its HTML pages and draft reviews."""
    return folder.is_dir() and not folder.is_symlink() and all(
        entry.name.endswith((".html", ".review.md")) or _leftover(entry.name) for entry in folder.iterdir())


def _leftover(name: str) -> bool:
    """A temporary file of an interrupted atomic write (.NAME.tmpPID.THREAD)."""
    return name.startswith(".") and ".tmp" in name


# --------------------------------------------------------------------------------------------------
# The manifest

def read_manifest(out: str | Path) -> dict[str, Any] | None:
    path = Path(out) / MANIFEST_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as err:
        raise UsageError(f"not a govlint audit manifest ({err})", path=str(path)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("projects"), list):
        raise UsageError("not a govlint audit manifest (unknown format)", path=str(path))
    return data


def write_json_atomically(path: str | Path, data: Any) -> None:
    write_text_atomically(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def write_text_atomically(path: str | Path, text: str) -> None:
    write_atomically(path, text)


def selected_names(manifest: dict[str, Any]) -> list[str]:
    return [p["name"] for p in manifest["projects"] if p.get("selected", True)]


def ordered(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records in projects-file order."""
    return sorted(records, key=lambda r: (r.get("index", 0), r["project"]))
