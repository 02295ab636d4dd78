"""reStructuredText, AsciiDoc and plain text into the section tree, by their heading conventions.

Not a full parser: enough structure for governance prose (headings, paragraphs, list items,
links), which is all the rules look at.
"""
from __future__ import annotations

import html
import re

from govlint.document import Link, TreeBuilder
from govlint.patterns import lazy

_ADORNMENT = re.compile(r"^([=\-~^\"'`#*+_:.])\1{2,}\s*$")
_ASCIIDOC_HEADING = lazy(r"^(={1,6})\s+(\S.*)$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(\S.*?)\s*#*\s*$")
_ITEM = re.compile(r"^(\s*)([-*+•]|#\.|\d+[.)]|[a-zA-Z][.)]|\.{1,5}|\*{1,5})\s+(\S.*)$")
_RST_LINK = lazy(r"`([^`<]*?)\s*<([^>`]+)>`_{1,2}")
_RST_DOC_ROLE = lazy(r":doc:`(?:([^`<]*?)\s*<([^>`]+)>|([^`]+))`")
_RST_ROLE = lazy(r":[a-z:+-]+:`(?:([^`<]*?)\s*<[^>`]+>|([^`]+))`")
_ADOC_LINK = lazy(r"(?:link:|xref:)?((?:https?://|\.{0,2}/)?[\w./#%-]+\.(?:adoc|md|rst|txt|html)(?:#[\w-]*)?|https?://\S+?)\[([^\]]*)\]")
_URL = re.compile(r"https?://[^\s<>`\]\)]+")
_INLINE_MARKUP = re.compile(r"\*\*|``|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")
# HTML or XML read as text (a page given by path): its block tags separate its paragraphs, which
# need no blank line between them, and its tags are markup, not words. A block tag is any tag but
# the inline ones, so an XML page's own elements separate paragraphs as HTML's <p> does.
_INLINE = r"(?:a|strong|em|b|i|u|span|code|small|sup|sub|abbr|cite|q|mark)\b"
_INLINE_TAG = re.compile(rf"</?{_INLINE}[^>]*>", re.I)
_BLOCK_TAG = re.compile(rf"^\s*</?(?!{_INLINE})[A-Za-z][\w:.-]*\b[^>]*>", re.I)
_BLOCK_END = re.compile(rf"</(?!{_INLINE})[A-Za-z][\w:.-]*>\s*$", re.I)
_HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)</h\1>\s*$", re.I)
_TAG = re.compile(r"<[^>]*>")
# What a browser never shows: a page's style sheets and scripts.
_HIDDEN_OPEN = re.compile(r"<(style|script)\b", re.I)


def _blank_hidden(text: str) -> str:
    """The page with its <style> and <script> elements blanked line for line, so CSS and code are
    not read as sentences and every line number after them holds. One pass: each element's end is
    looked for once, and a name found unclosed is not looked for again (a page of thousands of
    unclosed "<script" tags would otherwise be read to its end once for each)."""
    lower = text.lower()
    chunks: list[str] = []
    position = 0
    unclosed: set[str] = set()
    for match in _HIDDEN_OPEN.finditer(text):
        name = match.group(1).lower()
        if match.start() < position or name in unclosed:
            continue
        close = lower.find("</" + name, match.end())
        end = lower.find(">", close) if close >= 0 else -1
        if end < 0:
            unclosed.add(name)  # left as it is, as an unclosed element was before
            continue
        end += 1
        chunks += [text[position:match.start()], "\n" * text.count("\n", match.start(), end)]
        position = end
    chunks.append(text[position:])
    return "".join(chunks)


def build_plaintext(text: str, fmt: str, *, markup: bool = False) -> TreeBuilder:
    """The section tree of a reStructuredText, AsciiDoc or plain-text document; ``markup``: the
    text is an HTML or XML page, whose block tags end paragraphs and whose tags are dropped."""
    builder = TreeBuilder()
    lines = (_blank_hidden(text) if markup else text).split("\n")
    styles: list[tuple[str, bool]] = []  # rst adornment styles in order of first use
    para: list[str] = []
    para_line = 0
    para_kind = "paragraph"
    list_lead = ""
    # Items that end in a colon introduce the deeper items after them ("... qualify for removal
    # for:" then "....  Violation of the Code of Conduct."), as a nested list's parent item does in
    # Markdown: (depth, lead) from the outermost in.
    item_leads: list[tuple[tuple[int, int], str]] = []
    item_depth = (0, 0)
    in_directive = False

    def flush() -> None:
        nonlocal para, para_kind, list_lead
        if para:
            raw = "\n".join(para)
            content = _clean(raw, fmt, builder.links, para_line)
            stripped = content.rstrip()
            if para_kind == "paragraph":
                builder.block("paragraph", content, para_line, para_line + len(para) - 1)
                list_lead = stripped.rsplit("\n", 1)[-1] if stripped.endswith(":") else ""
                item_leads.clear()
            else:
                while item_leads and item_leads[-1][0] >= item_depth:
                    item_leads.pop()
                lead = item_leads[-1][1] if item_leads else list_lead
                builder.block("item", content, para_line, para_line + len(para) - 1, lead=lead)
                if stripped.endswith(":"):
                    item_leads.append((item_depth, " ".join(stripped.split())))
        para = []
        para_kind = "paragraph"

    index = 0
    while index < len(lines):
        line = lines[index]
        number = index + 1
        stripped = line.strip()
        # A directive or comment body (rst) is indented under its marker: skip it.
        if in_directive:
            if stripped and not line[:1].isspace():
                in_directive = False
            else:
                index += 1
                continue
        if fmt == "rst" and stripped.startswith(".."):
            flush()
            directive = stripped[2:].strip()
            if "::" in directive and directive.split("::", 1)[1].strip() and not directive.startswith("_"):
                _clean(directive.split("::", 1)[1], fmt, builder.links, number)
            in_directive = True
            index += 1
            continue
        if markup:
            html_heading = _HTML_HEADING.match(line)
            if html_heading:
                flush()
                builder.heading(_clean(_text_of(html_heading.group(2)), fmt, builder.links, number),
                                int(html_heading.group(1)), number)
                index += 1
                continue
            if _BLOCK_TAG.match(line):
                flush()
            words = _text_of(line)
            if not words:
                flush()
                index += 1
                continue
            if not para:
                para_line = number
            para.append(words)
            if _BLOCK_END.search(line):
                flush()
            index += 1
            continue
        heading = _heading(lines, index, fmt, styles)
        if heading:
            flush()
            title, level, consumed = heading
            builder.heading(_clean(title, fmt, builder.links, number), level, number)
            index += consumed
            continue
        if not stripped or _ADORNMENT.match(line):
            flush()
            index += 1
            continue
        item = _ITEM.match(line)
        if item and (fmt != "text" or not para or para_kind == "item"):
            flush()
            para_kind, para_line = "item", number
            item_depth = _depth(item.group(1), item.group(2))
            para.append(item.group(3))
        else:
            if not para:
                para_line = number
            para.append(stripped)
        index += 1
    flush()
    return builder


def _text_of(markup: str) -> str:
    """A line of HTML or XML as its words: tags become spaces, entities their characters."""
    return " ".join(html.unescape(_TAG.sub(" ", _INLINE_TAG.sub("", markup))).split())


def _depth(indent: str, marker: str) -> tuple[int, int]:
    """How deep a list item sits: its indentation, then its marker's length where the marker is
    repeated to nest (AsciiDoc's ". / .. / ...", "* / **")."""
    repeated = len(marker) if set(marker) <= {"."} or set(marker) <= {"*"} else 1
    return len(indent.expandtabs(4)), repeated


def _heading(lines: list[str], index: int, fmt: str, styles: list[tuple[str, bool]]):
    """(title, level, lines consumed) when a heading starts at ``index``."""
    line = lines[index]
    if fmt == "asciidoc":
        match = _ASCIIDOC_HEADING.match(line)
        if match:
            return match.group(2), len(match.group(1)), 1
    if fmt == "text":
        match = _MD_HEADING.match(line)
        if match:
            return match.group(2), len(match.group(1)), 1
    stripped = line.strip()
    nxt = lines[index + 1] if index + 1 < len(lines) else ""
    after = lines[index + 2] if index + 2 < len(lines) else ""
    # Overlined title: ===== / Title / =====
    over = _ADORNMENT.match(line)
    if over and nxt.strip() and _ADORNMENT.match(after) and after.strip()[0] == over.group(1):
        return nxt.strip(), _level(styles, (over.group(1), True)), 3
    under = _ADORNMENT.match(nxt)
    if stripped and not over and under and len(nxt.strip()) >= min(len(stripped), 3) \
            and not line[:1].isspace() and not _ITEM.match(line):
        return stripped, _level(styles, (under.group(1), False)), 2
    return None


def _level(styles: list[tuple[str, bool]], style: tuple[str, bool]) -> int:
    if style not in styles:
        styles.append(style)
    return min(styles.index(style) + 1, 6)


def _clean(raw: str, fmt: str, links: list[Link], line: int) -> str:
    """Markup removed, links recorded; newlines kept so sentence lines stay right."""
    def record(href: str, text: str, offset: int) -> None:
        links.append(Link(href=href.strip(), text=" ".join(text.split()), line=line + raw.count("\n", 0, offset)))

    text = raw
    if fmt == "rst":
        for match in _RST_DOC_ROLE.finditer(text):
            target = match.group(2) or match.group(3)
            href = target.strip()
            if not href.endswith((".rst", ".txt", ".md")):
                href += ".rst"
            record(href, match.group(1) or target, match.start())
        for match in _RST_LINK.finditer(text):
            record(match.group(2), match.group(1) or match.group(2), match.start())
        text = _RST_LINK.sub(lambda m: m.group(1) or m.group(2), text)
        text = _RST_ROLE.sub(lambda m: (m.group(1) or m.group(2) or "").strip(), text)
        text = re.sub(r"`([^`]+)`_{0,2}", r"\1", text)
    elif fmt == "asciidoc":
        for match in _ADOC_LINK.finditer(text):
            record(match.group(1), match.group(2) or match.group(1), match.start())
        text = _ADOC_LINK.sub(lambda m: m.group(2) or m.group(1), text)
    seen = {link.href for link in links}
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(".,;:")
        if url not in seen:
            record(url, url, match.start())
    return _INLINE_MARKUP.sub("", text)
