"""Telling a secret from a name, so that a token given where a name belongs is never printed.

``--token-env`` takes the NAME of an environment variable. Given the token itself (``--token-env
ghp_...``), govlint used to say "$ghp_... is not set" in the report's warnings, which CI uploads.
"""
from __future__ import annotations

import re

# The prefixes GitHub gives its tokens: classic and fine-grained personal, OAuth, user-to-server,
# server-to-server and refresh tokens.
TOKEN_PREFIXES = ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")
# What to say instead of repeating the value.
NOT_A_NAME = ("--token-env takes the NAME of an environment variable (such as GITHUB_TOKEN), not a token; "
              "what was given is not shown")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}")
# A run of 20 or more letters and digits that mixes both reads as random, not as words.
_RANDOM_RUN = re.compile(r"[A-Za-z0-9]{20,}")


def looks_like_secret(value: str) -> bool:
    """True for a known token prefix or a long run of mixed letters and digits (a key, a hash)."""
    if value.startswith(TOKEN_PREFIXES):
        return True
    return any(re.search(r"[A-Za-z]", run) and re.search(r"[0-9]", run) for run in _RANDOM_RUN.findall(value))


def is_variable_name(value: str) -> bool:
    """An environment variable's name, as a shell writes one, that does not look like a secret."""
    return bool(_NAME.fullmatch(value)) and not looks_like_secret(value)
