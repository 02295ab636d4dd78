"""The errors govlint reports to users: one line each, with the exit code they map to."""
from __future__ import annotations

EXIT_OK = 0
EXIT_TARGET_NOT_MET = 1
EXIT_ERROR = 2


class GovlintError(Exception):
    """An error a user can act on. ``str(err)`` is the one line the CLI prints."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class UsageError(GovlintError):
    """A bad command line: unknown rule, level or format, conflicting options."""


class ConfigError(GovlintError):
    """A broken .govlint.yaml or [tool.govlint] table."""


class RulePackError(GovlintError):
    """A rule pack that is not valid YAML or breaks schemas/rule.schema.json."""


class InputError(GovlintError):
    """A target that cannot be read: missing path, unreadable file."""


class SourceError(GovlintError):
    """A remote source failed: not found, rate limited, network error, bad response."""
