"""The `govlint` command's entry point (and `python -m govlint`'s): the CLI with the cyclic garbage
collector off.

A run is short, and nearly everything it allocates is freed by reference counting as soon as it
is done with; the collector's passes over the objects that imports create cost about 7 ms of a
130 ms cold check. It is switched off here, before the CLI and its libraries are imported, and
not in `govlint.cli`, so that a program or test suite that imports govlint keeps its collector.
Commands that may run long or hold many targets switch it back on (`cli.collect_garbage`).
"""
from __future__ import annotations

import gc

gc.disable()

from govlint.cli import main  # noqa: E402 - after the collector is off

__all__ = ["main"]
