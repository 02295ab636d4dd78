"""Text from documents, packs and projects files made safe to show: the one helper every
human-readable output uses (text, Markdown, GitHub annotations, JUnit, the audit's summary.md and
dashboard, and govlint's own messages on stderr).

A GOVERNANCE.md is written by whoever wrote the checkout. Quoted as evidence it must not clear the
screen (``ESC[2J``), recolour the terminal, retitle the window, hide a link behind innocent text
(OSC 8), rewrite the line it is on (a carriage return) or reorder what is shown (bidirectional
overrides). Escape sequences are removed whole; any other control character becomes U+FFFD.
Tab and newline stay: each format decides how to lay out lines.
"""
from __future__ import annotations

import re

from govlint.patterns import lazy

# Whole escape sequences, in their 7-bit (ESC x) and 8-bit (C1) forms.
_SEQUENCE = lazy(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, ESC[2J
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # OSC: window titles, OSC 8 hyperlinks
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?"  # any other escape (ESC c resets the terminal), or a lone ESC
)
# C0 but tab and newline, DEL, C1, and the bidirectional embeddings, overrides and isolates.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_REPLACEMENT = "\ufffd"


def printable(text: str) -> str:
    """``text`` without escape sequences and control characters (but tab and newline)."""
    if not _CONTROL.search(text):
        return text
    text = _SEQUENCE.sub("", text)
    return _CONTROL.sub(lambda m: "" if m.group() == "\r" else _REPLACEMENT, text)


# Characters Markdown (CommonMark and GitHub's extensions) gives a meaning to inside a line.
_MARKDOWN = re.compile(r"([\\`*_\[\]|~])")


def markdown_cell(text: str) -> str:
    """Printable text as literal Markdown on one line, safe in a table cell: no emphasis, links,
    images, code spans or raw HTML from a document or a project's name."""
    text = " ".join(printable(str(text)).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN.sub(r"\\\1", text)


def markdown_code(text: str) -> str:
    """Printable text as a Markdown code span, backticks and all, whatever backticks it holds."""
    text = " ".join(printable(str(text)).split())
    runs = [len(run) for run in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
