"""YAML (``---``) and TOML (``+++``) front matter at the top of a page: metadata, never prose.

Static-site generators (Hugo, Jekyll, Docusaurus, Awestruct) put it before the text. Parsed as
Markdown it would read as a heading (``title: Governance`` above ``---`` is a setext heading) or as
sentences, and a rule would quote ``title: Governance`` as evidence. It is blanked line for line,
so every line number after it stays right; its ``title`` is still there for discovery to classify
the file by.
"""
from __future__ import annotations

import re

from govlint.patterns import lazy

_MAX_LINES = 200  # a front matter block is a few lines; an opening "---" with no close nearby is a rule
_YAML_KEY = lazy(r"^[A-Za-z_][\w.-]*\s*:(?:\s|$)")
_TOML_KEY = lazy(r"^(?:[A-Za-z_][\w.-]*\s*=|\[[\w.-]+\])")
_TITLE = lazy(r"^title\s*[:=]\s*(.*?)\s*$", re.I)


def split(text: str) -> tuple[list[str], int]:
    """The front matter's lines (without the fences) and how many lines it takes, fences included;
    ([], 0) when the text does not open with front matter."""
    if not text.startswith(("---", "+++")):
        return [], 0
    lines = text.split("\n", _MAX_LINES + 1)
    fence = lines[0].rstrip()
    if fence not in ("---", "+++"):
        return [], 0
    closers = ("---", "...") if fence == "---" else ("+++",)
    key = _YAML_KEY if fence == "---" else _TOML_KEY
    for index in range(1, min(len(lines), _MAX_LINES + 1)):
        if lines[index].rstrip() in closers:
            body = lines[1:index]
            if body and not any(key.match(line) for line in body):
                return [], 0  # "---" around ordinary text: two thematic breaks, not metadata
            return body, index + 1
    return [], 0


def blank(text: str) -> str:
    """The text with its front matter, fences included, replaced by empty lines."""
    _body, count = split(text)
    if not count:
        return text
    rest = text.split("\n", count)
    return "\n" * count + (rest[count] if len(rest) > count else "")


def title(text: str) -> str | None:
    """The ``title`` the front matter gives the page, unquoted; None when it gives none."""
    body, _count = split(text)
    for line in body:
        match = _TITLE.match(line)
        if match:
            value = match.group(1).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            return value or None
    return None
