"""Regular expressions compiled on their first use.

Most of govlint's patterns serve documents a check may not hold (maintainer tables, CODEOWNERS,
reStructuredText, front matter, a file with an address in it), and compiling every one of them at
import cost ~15 ms of each start-up (benchmarks/startup.py). A pattern made with ``lazy`` is
compiled when one of its methods is first asked for; from then on its methods are the compiled
pattern's own, so a call costs what it always did.
"""
from __future__ import annotations

import re
from typing import Any

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """``re.compile(pattern, flags)``, made when first used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        # Reached only for what the instance does not hold yet: the methods, until the first compile.
        compiled = re.compile(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self.flags!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern compiled on its first use (see the module's docs)."""
    return LazyPattern(pattern, flags)
