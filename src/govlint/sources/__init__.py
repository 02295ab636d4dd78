"""Where documents come from: a local checkout, or a remote repository."""
from __future__ import annotations

from govlint.sources.base import External, Located, Source, UnreadableFile

__all__ = ["External", "Located", "Source", "UnreadableFile"]
