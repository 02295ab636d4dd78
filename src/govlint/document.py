"""One parsed document: a section tree of blocks and sentences, each with its line number.

Every document is parsed once, here; rules only query the result. Markdown goes through
markdown-it-py; reStructuredText, AsciiDoc and plain text are read as text with their own
heading conventions (see ``plaintext.py``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
# Pages read as text whose tags are markup (given by path: discovery does not pick them).
MARKUP_SUFFIXES = (".html", ".htm", ".xhtml", ".xml", ".eex", ".erb")


@dataclass(eq=False)
class Link:
    href: str
    text: str
    line: int


@dataclass(eq=False)
class Sentence:
    text: str  # whitespace folded, markup removed
    line: int  # 1-based line where the sentence starts
    block: Block

    @property
    def section(self) -> Section:
        return self.block.section


@dataclass(eq=False)
class Block:
    """A paragraph, list item, table row or similar unit of running text."""

    kind: str  # "paragraph", "item", "row", "quote"
    text: str
    line: int
    end_line: int
    section: Section
    lead: str = ""  # for list items: the sentence that introduced the list ("... if they:")
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(eq=False)
class Section:
    heading: str
    level: int  # 0 for the document's root, 1-6 for headings
    line: int
    parent: Section | None = None
    children: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    end_line: int = 0

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    def all_blocks(self) -> Iterator[Block]:
        """The section's own blocks, then those of its subsections, in document order."""
        for section in self.walk():
            yield from section.blocks

    @property
    def headings(self) -> list[str]:
        """The heading path from the top of the document down to this section."""
        out: list[str] = []
        node: Section | None = self
        while node is not None and node.level > 0:
            out.append(node.heading)
            node = node.parent
        return out[::-1]

    @cached_property
    def text(self) -> str:
        return " ".join(b.text for b in self.all_blocks())

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(eq=False)
class Document:
    path: str  # as reports show it
    kind: str
    text: str
    root: Section
    links: list[Link]
    format: str  # "markdown", "rst", "asciidoc", "text"
    origin: str = "discovered"
    url_for: object = None  # callable(line) -> str | None, set by discovery for remote documents
    comments: list[tuple[int, str]] = field(default_factory=list)  # HTML comments (line, text)
    # The target a review read it from (that source's label); "" outside a review, and for a document
    # of another repository that a link reached.
    repository: str = ""

    @cached_property
    def sections(self) -> list[Section]:
        return list(self.root.walk())

    @cached_property
    def blocks(self) -> list[Block]:
        return list(self.root.all_blocks())

    @cached_property
    def sentences(self) -> list[Sentence]:
        return [s for b in self.blocks for s in b.sentences]

    @cached_property
    def line_count(self) -> int:
        return self.text.count("\n") + (0 if self.text.endswith("\n") or not self.text else 1)

    def url(self, line: int | None = None) -> str | None:
        return self.url_for(line) if callable(self.url_for) else None


# --- sentences -----------------------------------------------------------------------------

_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "approx.", "incl.", "no.", "mr.", "ms.", "dr.", "inc.", "cf.", "a.k.a.")
# A whole word only: "CNCF." ends a sentence even though it ends in "cf.".
_ABBREVIATION_END = re.compile(r"(?:^|[\s(\[])(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS) + r")$", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]”’]*\s+(?=[\"'“(\[*_]?[A-Z0-9])")
_WS = re.compile(r"\s+")
# A paragraph numbered as an item of a list written without list markup, as charters and bylaws
# are: "a) ...", "(b) ...", "(iv) ...", "(2) ..." (not "1." or "a.": Markdown reads the first as
# a list, and the second opens sentences too).
_LETTERED = re.compile(r"\s*(?:\(?[a-z]\)|\((?:[ivx]+|\d{1,2})\)|[ivx]+\))\s+\S")


# A paragraph that stops mid-sentence, continued by the next (a page converted from PDF or Word with
# a blank line after every line: "may remove any Director who misses" / "three consecutive
# meetings"): a line of words (four or more) that ends in no stop, and the next opens in lower
# case, or it ends on a word that cannot end a sentence (a preposition, an article, a conjunction,
# an auxiliary) or a comma.
_OPEN_END = re.compile(r"(?:[,\-\u2013\u2014]|\b(?:of|the|a|an|to|and|or|nor|but|by|with|for|in|on|at|from|as|into|than|per|"
                       r"that|which|who|whom|whose|shall|may|must|will|can|should|be|is|are|its|their|his|her|our))$",
                       re.I)
_STOPS = (".", "!", "?", ":", ";")
_INITIAL = re.compile(r"\b[A-Z]\.$")
# How far back from a candidate end the abbreviation tests look: more than the longest
# abbreviation and the character before it, so a long block is never read again from its start.
_LOOKBACK = 16


def split_sentences(block: Block) -> list[Sentence]:
    """Split a block's text into sentences, keeping the line each starts on. Linear in the block's
    length: each candidate end is tested on the few characters before it, and lines are counted
    on from the previous sentence, never from the top."""
    text = block.text
    out: list[Sentence] = []
    start = 0
    lines = _LineCount(text, block.line)
    for match in _SENTENCE_END.finditer(text):
        before = text[max(start, match.start() - _LOOKBACK):match.start()].rstrip()
        if _ABBREVIATION_END.search(before) or _INITIAL.search(before):
            continue
        _add_sentence(out, block, text, start, match.start(), lines)
        start = match.end()
    _add_sentence(out, block, text, start, len(text), lines)
    return out


class _LineCount:
    """The line of an offset in a text, for offsets that only grow: each newline is counted once."""

    def __init__(self, text: str, first_line: int) -> None:
        self._text = text
        self._offset = 0
        self._line = first_line

    def at(self, offset: int) -> int:
        self._line += self._text.count("\n", self._offset, offset)
        self._offset = offset
        return self._line


def _add_sentence(out: list[Sentence], block: Block, text: str, start: int, end: int, lines: _LineCount) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    offset = start + (len(chunk) - len(chunk.lstrip()))
    out.append(Sentence(text=_WS.sub(" ", stripped), line=lines.at(offset), block=block))


# --- building the tree ---------------------------------------------------------------------


class TreeBuilder:
    """Collects headings and blocks in document order and nests them into sections."""

    def __init__(self) -> None:
        self.root = Section(heading="", level=0, line=1)
        self._current = self.root
        self.links: list[Link] = []
        self.comments: list[tuple[int, str]] = []
        # The paragraph a next paragraph may continue, its text's parts and its last line; its
        # sentences are split when it is sealed, so a chain of continued paragraphs is read once.
        self._open: Block | None = None
        self._parts: list[str] = []
        self._last_line = 0

    def heading(self, text: str, level: int, line: int) -> None:
        self._seal()
        parent = self._current
        while parent.level >= level and parent.parent is not None:
            parent = parent.parent
        if parent.level >= level:
            parent = self.root
        section = Section(heading=_WS.sub(" ", text).strip(), level=level, line=line, parent=parent)
        parent.children.append(section)
        self._current = section

    def block(self, kind: str, text: str, line: int, end_line: int, *, lead: str = "") -> Block | None:
        if not text.strip():
            return None
        if kind == "paragraph" and self._continues(text, line):
            return self._continue(text, line, end_line)
        self._seal()
        paragraph = kind == "paragraph"
        if paragraph and _LETTERED.match(text):
            lead = self._lettered_lead()
            kind = "item" if lead else kind
        block = Block(kind=kind, text=text, line=line, end_line=max(line, end_line), section=self._current, lead=lead)
        self._current.blocks.append(block)
        if paragraph:
            self._open, self._parts, self._last_line = block, [text], line + text.count("\n")
        else:
            block.sentences = split_sentences(block)
        return block

    def _continues(self, text: str, line: int) -> bool:
        """Whether a paragraph carries on the sentence the open paragraph broke off (_OPEN_END)."""
        block = self._open
        if block is None or line - self._last_line > 2 or _LETTERED.match(text):
            return False
        tail = self._parts[-1].rstrip()
        if tail.endswith(_STOPS) or tail.count(" ") < 3:  # a broken line is a line of words
            return False
        head = text.lstrip()
        return head[:1].islower() or _OPEN_END.search(tail[-12:]) is not None

    def _continue(self, text: str, line: int, end_line: int) -> Block:
        block = self._open
        assert block is not None
        self._parts.append("\n" * max(line - self._last_line, 1) + text)  # each part on its own line
        self._last_line = line + text.count("\n")
        block.end_line = max(block.end_line, end_line, self._last_line)
        return block

    def _seal(self) -> None:
        """Split the open paragraph into sentences: nothing continues it any more."""
        block = self._open
        if block is not None:
            if len(self._parts) > 1:
                block.text = "".join(self._parts)
            block.sentences = split_sentences(block)
            self._open, self._parts = None, []

    def _lettered_lead(self) -> str:
        """The lead of a paragraph that opens with a letter or a number in parentheses ("b) Prolonged
        absence ..."): the sentence ending in a colon that the paragraphs so numbered follow, as a
        list item's ("... may be demoted under any of these circumstances:"); none without one."""
        blocks = self._current.blocks
        previous = blocks[-1] if blocks else None
        if previous is not None and previous.kind == "item" and previous.lead and _LETTERED.match(previous.text):
            return previous.lead
        last = self.last_sentence_of_current()
        return last if last.rstrip().endswith(":") else ""

    def last_sentence_of_current(self) -> str:
        self._seal()
        blocks = self._current.blocks
        if blocks and blocks[-1].sentences:
            return blocks[-1].sentences[-1].text
        return ""

    def finish(self, total_lines: int) -> Section:
        self._seal()
        _close(self.root, total_lines)
        return self.root


def _close(section: Section, end: int) -> int:
    """Set each section's end line: the line before the next sibling heading."""
    for index, child in enumerate(section.children):
        next_line = section.children[index + 1].line - 1 if index + 1 < len(section.children) else end
        _close(child, next_line)
    section.end_line = end
    return end


def parse(text: str, *, path: str, kind: str, origin: str = "discovered") -> Document:
    """Parse a document's text by its file suffix into a Document."""
    lower = path.lower()
    if lower.endswith(MARKDOWN_SUFFIXES) or "." not in lower.rsplit("/", 1)[-1] and text.lstrip().startswith("#"):
        from govlint.markdown import build_markdown
        builder, fmt = build_markdown(text), "markdown"
    else:
        from govlint.plaintext import build_plaintext
        fmt = "rst" if lower.endswith((".rst", ".rest")) else "asciidoc" if lower.endswith((".adoc", ".asciidoc")) else "text"
        builder = build_plaintext(text, fmt, markup=lower.endswith(MARKUP_SUFFIXES))
    total = text.count("\n") + 1
    root = builder.finish(total)
    return Document(path=path, kind=kind, text=text, root=root, links=builder.links, format=fmt,
                    origin=origin, comments=builder.comments)
