"""Markdown into the section tree, through markdown-it-py's token stream."""
from __future__ import annotations

import re

from markdown_it import MarkdownIt

from govlint import frontmatter
from govlint.document import TreeBuilder

_PARSER: MarkdownIt | None = None
_TAG = re.compile(r"<[^>]{0,200}>")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
# Containers whose inline content becomes one block each.
_ITEM_KIND = {"list_item_open": "item", "blockquote_open": "quote"}


def _parser() -> MarkdownIt:
    global _PARSER
    if _PARSER is None:
        # linkify off, html on: we read text, never render it. Tables carry maintainer lists.
        _PARSER = MarkdownIt("commonmark", {"html": True}).enable("table")
    return _PARSER


def inline_text(token, links: list, line: int) -> str:
    """Plain text of an inline token, soft line breaks kept so sentences keep their lines."""
    parts: list[str] = []
    current_line = line
    link_stack: list[tuple[str, int]] = []
    for child in token.children or ():
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
            current_line += 1
        elif kind == "link_open":
            link_stack.append((str(child.attrs.get("href", "")), len(parts)))
        elif kind == "link_close" and link_stack:
            href, start = link_stack.pop()
            links.append(_link(href, "".join(parts[start:]), current_line))
        elif kind == "image":
            parts.append(child.content)
        elif kind == "html_inline":
            if child.content.lower().startswith("<br"):
                parts.append(" ")
    return "".join(parts)


def _link(href: str, text: str, line: int):
    from govlint.document import Link
    return Link(href=href, text=" ".join(text.split()), line=line)


def build_markdown(text: str) -> TreeBuilder:
    builder = TreeBuilder()
    # Front matter is metadata: blanked line for line, so line numbers below it hold.
    tokens = _parser().parse(frontmatter.blank(text))
    containers: list[str] = []  # open list items / block quotes, innermost last
    list_leads: list[str] = []  # the sentence introducing each open list
    row: list[str] = []
    row_line = 0
    table_header = ""  # the header row of the open table: each row is read with it
    in_header = False
    pending_heading: int | None = None
    heading_level = 0  # the level of the last real heading, under which a bold-only line nests
    colon_title = ""  # a bold title ending in a colon, until the next block
    for index, token in enumerate(tokens):
        kind = token.type
        line = token.map[0] + 1 if token.map else 0
        if kind == "heading_open":
            pending_heading = heading_level = int(token.tag[1])
        elif kind in ("bullet_list_open", "ordered_list_open"):
            # Right under a bold title that ends in a colon ("**Grounds for Removal:**"), the title
            # introduces the list as a sentence ending in a colon would.
            lead = builder.last_sentence_of_current() or colon_title
            list_leads.append(lead if lead.rstrip().endswith(":") else "")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_leads.pop() if list_leads else None
        elif kind in _ITEM_KIND:
            containers.append(_ITEM_KIND[kind])
        elif kind in ("list_item_close", "blockquote_close"):
            containers.pop() if containers else None
        elif kind == "thead_open":
            in_header, table_header = True, ""
        elif kind == "thead_close":
            in_header = False
        elif kind == "tr_open":
            row, row_line = [], line
        elif kind == "tr_close":
            text = " | ".join(c for c in row if c)
            if in_header:
                # "Name | GitHub | Affiliation | Area" says nothing by itself: each row below is
                # read with it, as a list item is read with the sentence that introduced its list.
                table_header = text
            else:
                builder.block("row", text, row_line, row_line, lead=table_header)
        elif kind == "inline":
            end = token.map[1] if token.map else line
            content = inline_text(token, builder.links, line)
            colon_title = ""
            if pending_heading is not None:
                builder.heading(content, pending_heading, line)
                pending_heading = None
            elif tokens[index - 1].type in ("th_open", "td_open"):
                row.append(content.strip())
            elif not containers and _is_pseudo_heading(tokens, index):
                # "**Off-boarding Criteria**" alone on a line titles what follows, like a heading.
                builder.heading(content, heading_level + 1, line)
                colon_title = content if content.rstrip().endswith(":") else ""
            elif containers and containers[-1] == "item" and _is_anchor_link(token):
                # A table of contents entry ("- [Code of Conduct](#code-of-conduct)") says nothing
                # itself: the section it points to does.
                continue
            else:
                _add_block(builder, containers, list_leads, content, line, end)
        elif kind == "html_block":
            _html_block(builder, token.content, line)
        elif kind == "code_block" and _is_indented_prose(token.content):
            # A charter pasted with its indentation ("    iii. A Committer may be removed by a
            # majority ...") is an indented code block to Markdown, but prose to its readers.
            colon_title = ""
            end = token.map[1] if token.map else line
            text = "\n".join(part.strip() for part in token.content.rstrip("\n").split("\n"))
            _add_block(builder, containers, list_leads, text, line, end)
    return builder


def _add_block(builder: TreeBuilder, containers: list[str], list_leads: list[str], text: str,
               line: int, end: int) -> None:
    """A paragraph, or the innermost open list item or quote, read with its list's lead."""
    block_kind = containers[-1] if containers else "paragraph"
    lead = list_leads[-1] if block_kind == "item" and list_leads else ""
    builder.block(block_kind, text, line, end, lead=lead)


_SENTENCE_END = re.compile(r"[a-z]{2,}[.!?](?:\s|$)")
_ENUMERATOR = re.compile(r"[ivxlcdm]+\.|[a-z0-9]\.|\(?[a-z0-9]+\)")  # "iii.", "a.", "(2)"


def _is_indented_prose(content: str) -> bool:
    """An indented block that reads as sentences, not code or commands: a sentence ending in a
    full stop, and nearly every word plain letters (no options, paths, names_with_underscores or
    operators)."""
    words = content.split()
    if len(words) < 8 or not _SENTENCE_END.search(content):
        return False
    plain = sum(1 for w in words if w.strip(".,;:!?\"'()’“”").replace("-", "").replace("’", "").isalpha()
                or w.strip(".,;:()").isdigit() or _ENUMERATOR.fullmatch(w))
    return plain >= 0.9 * len(words)


def _is_anchor_link(token) -> bool:
    """An inline that is nothing but one link to a place in the same document."""
    children = [c for c in token.children or () if not (c.type in ("text", "softbreak") and not c.content.strip())]
    return (len(children) >= 2 and children[0].type == "link_open" and children[-1].type == "link_close"
            and str(children[0].attrs.get("href", "")).startswith("#")
            and not any(c.type in ("link_open", "link_close") for c in children[1:-1]))


def _is_pseudo_heading(tokens, index: int) -> bool:
    """A paragraph that is one short bold phrase, not ending in a full stop ("**Removal:**" alone
    over a list titles it; "**Note:** text" is one paragraph with more than the bold in it)."""
    token = tokens[index]
    if tokens[index - 1].type != "paragraph_open":
        return False
    children = [c for c in token.children or () if not (c.type == "text" and not c.content.strip())]
    if len(children) < 3 or children[0].type != "strong_open" or children[-1].type != "strong_close":
        return False
    if any(c.type in ("strong_open", "strong_close", "softbreak", "hardbreak") for c in children[1:-1]):
        return False
    text = "".join(c.content for c in children[1:-1]).strip()
    return 0 < len(text.split()) <= 8 and not text.endswith((".", "!", "?"))


def _html_block(builder: TreeBuilder, content: str, line: int) -> None:
    """Keep HTML comments (suppressions live there) and the visible text of other HTML."""
    # Stop at the last "-->": each "<!--" after it would search to the end, quadratic in the block.
    last = content.rfind("-->")
    end = last + 3 if last >= 0 else 0
    newlines = counted = 0  # counted as the comments go, not from the start for each one
    for match in _COMMENT.finditer(content, 0, end):
        newlines += content.count("\n", counted, match.start())
        counted = match.start()
        builder.comments.append((line + newlines, match.group(1).strip()))
    rest = content[end:]
    unclosed = rest.find("<!--")  # a comment never closed hides the rest of the block, as in HTML
    visible = _TAG.sub(" ", _COMMENT.sub(" ", content[:end]) + (rest if unclosed < 0 else rest[:unclosed]))
    if visible.strip():
        builder.block("paragraph", visible, line, line + content.count("\n"))
