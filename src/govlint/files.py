"""Writing files so that a reader never sees half of one, and so that what is at the path stays
what it is.

``write_atomically`` replaces a file govlint owns (caches, audit outputs): a temporary file beside
it, flushed to disk, then renamed over it. ``write_into`` writes where a user pointed (``--output``,
the documents ``govlint fix`` changes) as a shell's ``>`` would: a symlink is followed and stays a
link, a device or FIFO is written into, a hard-linked file is written in place so its links stay
one file; only a regular file (or a new path) is replaced by rename, keeping its mode.
"""
from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

from govlint.errors import GovlintError


def write_atomically(path: str | os.PathLike[str], data: str | bytes, *, mode: int | None = None,
                     owner: tuple[int, int] | None = None) -> None:
    """Replace ``path`` with ``data`` in one step; a failure is a GovlintError naming the file.

    ``mode`` and ``owner`` (uid, gid) are given to the new file before it takes the old one's place.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}.{threading.get_ident()}")
    try:
        if isinstance(data, str):
            handle = open(tmp, "w", encoding="utf-8", newline="\n")
        else:
            handle = open(tmp, "wb")
        with handle:
            handle.write(data)
            handle.flush()
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            if owner is not None:
                try:
                    os.fchown(handle.fileno(), *owner)
                except OSError:
                    pass  # only root can give a file away; the content still lands
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise GovlintError(err.strerror or str(err), path=str(path)) from None


def write_into(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` to ``path`` as a shell's ``>`` would, without ever leaving half a regular file.

    A symlink is followed (the link stays, its target gets the data); a device, FIFO or socket is
    opened and written into; a regular file with other hard links is rewritten in place; any
    other regular file, or a new path, is replaced atomically with the old file's mode and owner.
    """
    shown = str(path)
    if not shown:
        raise GovlintError("an empty file name")
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        info = os.stat(path)  # through every symlink
    except FileNotFoundError:  # a new path, or a link to one: the link's target is created
        write_atomically(os.path.realpath(path), raw)
        return
    except OSError as err:
        raise GovlintError(err.strerror or str(err), path=shown) from None
    if stat.S_ISDIR(info.st_mode):
        raise GovlintError("is a directory", path=shown)
    if stat.S_ISREG(info.st_mode) and info.st_nlink == 1:
        write_atomically(os.path.realpath(path), raw, mode=stat.S_IMODE(info.st_mode),
                         owner=(info.st_uid, info.st_gid))
        return
    # Opened by the name given, so the kernel follows links such as /dev/stdout -> /proc/self/fd/1.
    _write_in_place(path, raw, shown=shown, truncate=stat.S_ISREG(info.st_mode))


def _write_in_place(target: str | os.PathLike[str], raw: bytes, *, shown: str, truncate: bool) -> None:
    """Open what is there and write into it: the same inode, so devices, FIFOs and hard links stay."""
    try:
        fd = os.open(target, os.O_WRONLY | (os.O_TRUNC if truncate else 0))
    except OSError as err:
        raise GovlintError(err.strerror or str(err), path=shown) from None
    try:
        view = memoryview(raw)
        while view:
            view = view[os.write(fd, view):]
        if truncate:
            os.fsync(fd)
    except OSError as err:
        raise GovlintError(err.strerror or str(err), path=shown) from None
    finally:
        os.close(fd)
