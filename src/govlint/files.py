"""Writing files so that a reader never sees half of one: a temporary file beside the target,
flushed to disk, then renamed over it."""
from __future__ import annotations

import os
import threading
from pathlib import Path

from govlint.errors import GovlintError


def write_atomically(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Replace ``path`` with ``data`` in one step; a failure is a GovlintError naming the file."""
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
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise GovlintError(err.strerror or str(err), path=str(path)) from None
