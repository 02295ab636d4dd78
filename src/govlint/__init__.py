"""govlint: a governance-compliance linter for open-source projects."""
from __future__ import annotations

__version__ = "0.1.0"
