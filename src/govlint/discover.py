"""Which files of a source are governance documents, and which documents they link to.

Discovery goes by names and places (candidates.py), by the titles of a budgeted few files whose
first bytes it reads, and by links; it decodes and parses each document once and hands the parsed
documents to the engine. When it finds nothing, its first warning says so and names the likeliest files.
"""
from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Sequence

from govlint import frontmatter
from govlint.candidates import (DOCUMENT_SUFFIXES, HEAD_BYTES, PROBE_FILES, candidate_kind, classify,
                                kind_from_titles, likely_candidates, probe_candidates)
from govlint.language import not_english
from govlint.report import NOTHING_FOUND
from govlint.sources.base import External, Source, UnreadableFile

if TYPE_CHECKING:  # the parser is imported when a document is parsed: a warm check only lists files
    from govlint.document import Document

__all__ = ["DOCUMENT_SUFFIXES", "Discovery", "candidate_kind", "classify", "decode", "discover", "starting_points"]

# Folders that hold governance at any depth: a linked file there is worth following.
_GOVERNANCE_DIRS = frozenset({"governance", "steering", "community", "charter", "charters"})
# Kinds whose links are followed, and the words that make a link worth following.
_FOLLOW_FROM = frozenset({"governance", "ladder", "charter", "steering", "elections", "readme", "maintainers",
                          "given", "linked", "community"})
_GOVERNANCE_WORDS = re.compile(
    r"govern|maintain|ladder|role|charter|elect|steer|committee|council|conduct|remov|member|owner|"
    r"contributor|decision|vot(?:e|ing)|escalat|conflict|emeritus|leader|tsc\b|board|policy|polic|process",
    re.I)
_README = re.compile(r"^readme(\.(md|markdown|rst|txt|adoc))?$", re.I)
# ES module lines of an MDX page (import/export): code, not prose.
_MDX_CODE = re.compile(r"^(?:import|export)\s.*$", re.M)

MAX_LINK_DEPTH = 2
MAX_DOCUMENTS = 100
# A line this long is not prose (minified HTML, an inline image, generated data), and regexes run
# over one long run of text can cost its length squared: such lines are left out, with a warning.
MAX_LINE_CHARS = 10_000


@dataclass
class Discovery:
    documents: list[Document] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    external_links: list[str] = field(default_factory=list)
    # Relative links of the primary source that led nowhere: a file created there later changes
    # what discovery reads, so the result cache checks they still lead nowhere.
    missing_links: list[tuple[str, str]] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)
    read: list[str] = field(default_factory=list)  # primary-source paths read or tried, for the result cache


def decode(raw: bytes) -> str:
    """Text of a document; raises UnreadableFile for binary or undecodable content."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16").replace("\r\n", "\n")
        except UnicodeDecodeError:
            raise UnreadableFile("invalid UTF-16 text") from None
    if b"\x00" in raw[:8192]:
        raise UnreadableFile("binary file (contains NUL bytes)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise UnreadableFile(f"not UTF-8 text (invalid byte at offset {err.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def drop_long_lines(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with every line over MAX_LINE_CHARS emptied (so line numbers hold), and the
    (line number, length) of each line left out."""
    if len(text) <= MAX_LINE_CHARS:
        return text, []
    lines = text.split("\n")
    dropped = [(number, len(line)) for number, line in enumerate(lines, start=1) if len(line) > MAX_LINE_CHARS]
    if not dropped:
        return text, []
    for number, _length in dropped:
        lines[number - 1] = ""
    return "\n".join(lines), dropped


class _Walker:
    """Reads documents breadth-first from starting points, following governance links."""

    def __init__(self, primary: Source, *, max_depth: int, max_documents: int) -> None:
        self.primary = primary
        self.max_depth = max_depth
        self.max_documents = max_documents
        self.result = Discovery()
        self._seen: set[tuple[int, str]] = set()
        self._queue: deque[tuple[Source, str, str, str, int]] = deque()

    def add(self, source: Source, path: str, kind: str, origin: str, depth: int) -> None:
        key = (id(source), path)
        if key not in self._seen:
            self._seen.add(key)
            self._queue.append((source, path, kind, origin, depth))

    def display(self, source: Source, path: str) -> str:
        return path if source is self.primary else f"{source.label}/{path}"

    def run(self) -> Discovery:
        while self._queue:
            source, path, kind, origin, depth = self._queue.popleft()
            if len(self.result.documents) >= self.max_documents:
                self.result.warnings.append(f"stopped after {self.max_documents} documents; {path} and others not read")
                break
            shown = self.display(source, path)
            if source is self.primary:
                self.result.read.append(path)
            try:
                text = decode(source.read_bytes(path))
            except UnreadableFile as err:
                self.result.warnings.append(f"{shown}: {err}; skipped")
                continue
            text, dropped = drop_long_lines(text)
            if dropped:
                (first, length), more = dropped[0], len(dropped) - 1
                self.result.warnings.append(
                    f"{shown}:{first}: a line of {length:,} characters was left out (longer than {MAX_LINE_CHARS:,})"
                    + (f", and {more} more such line{'s' if more > 1 else ''}" if more else ""))
            try:
                doc = parse_document(text, path=shown, kind=kind, origin=origin)
            except RecursionError:  # a parser that recurses per level of nesting, on thousands of levels
                self.result.warnings.append(f"{shown}: nested too deeply to read; skipped")
                continue
            doc.url_for = _url_maker(source, path)
            if kind == "readme" and depth == 0:
                # A README titled "Project Governance" is the governance document, not a pointer to it.
                titled = kind_from_titles(_title(doc, text), (), title_only=True)
                if titled:
                    doc.kind, doc.origin = titled, "discovered by its title"
            if doc.kind != "readme":
                self.result.documents.append(doc)
                language = not_english(text)
                if language:
                    self.result.warnings.append(
                        f"{shown}: written in {language}, it seems; govlint reads English only, so what it "
                        "reports missing may be in this document")
            if kind in _FOLLOW_FROM and depth < self.max_depth:
                self._follow(source, path, shown, doc, depth)
        return self.result

    def _follow(self, source: Source, path: str, shown: str, doc: Document, depth: int) -> None:
        for link in doc.links:
            target = source.resolve_link(path, link.href)
            if target is None:
                if source is self.primary and (path, link.href) not in self.result.missing_links:
                    self.result.missing_links.append((path, link.href))
                continue
            worth = _GOVERNANCE_WORDS.search(f"{link.href} {link.text}")
            if isinstance(target, External):
                if worth and target.url not in self.result.external_links:
                    self.result.external_links.append(target.url)
                continue
            kind = classify(target.path) or "linked"
            in_gov_dir = any(p.lower() in _GOVERNANCE_DIRS for p in target.path.split("/")[:-1])
            suffix_ok = _has_document_suffix(target.path)
            if suffix_ok and (worth or in_gov_dir or kind != "linked") and kind not in ("readme",):
                self.add(target.source, target.path, kind, f"linked from {shown}", depth + 1)


def _has_document_suffix(path: str) -> bool:
    name = path.rsplit("/", 1)[-1].lower()
    return "." not in name or any(name.endswith(s) for s in DOCUMENT_SUFFIXES if s)


def _url_maker(source: Source, path: str):
    if source.url_for(path, None) is None:
        return None
    return lambda line: source.url_for(path, line)


def parse_document(text: str, *, path: str, kind: str, origin: str) -> Document:
    """Parse a document, its front matter blanked line for line (metadata, never prose)."""
    from govlint.document import parse

    text = frontmatter.blank(text)
    if path.lower().endswith(".mdx"):
        # MDX is Markdown with JSX: its import/export lines are code. document.parse picks the
        # parser by suffix and knows no .mdx, so the page is parsed under a .md name.
        doc = parse(_MDX_CODE.sub("", text), path=path[:-1], kind=kind, origin=origin)
        doc.path = path
        return doc
    return parse(text, path=path, kind=kind, origin=origin)


def _title(doc: Document, text: str) -> str | None:
    """The document's title: the front matter's, else its first top-level heading."""
    return frontmatter.title(text) or (doc.root.children[0].heading if doc.root.children else None)


def starting_points(files: Sequence[str], *, probe_files: int = PROBE_FILES) -> list[tuple[str, str]]:
    """(path, kind) of every file discovery starts from: candidates by name and place, then the README,
    then the files whose heads it reads to judge them by their title (kind "probe")."""
    found = [(path, kind) for path in files for kind in (candidate_kind(path),) if kind]
    taken = {path for path, _kind in found}
    found += [(path, "readme") for path in files if "/" not in path and _README.match(path)]
    found += [(path, "probe") for path in probe_candidates(files, limit=probe_files, candidates=taken)]
    return found


def head_kind(source: Source, path: str) -> str | None:
    """The kind a file's title or top-level headings say it is, read from its first HEAD_BYTES;
    None when they say nothing about governance or the file cannot be read."""
    try:
        reader = getattr(source, "read_head", None)
        raw = reader(path, HEAD_BYTES) if callable(reader) else source.read_bytes(path)[:HEAD_BYTES]
    except UnreadableFile:
        return None
    if len(raw) >= HEAD_BYTES:  # cut inside a line, maybe inside a character: keep whole lines
        raw = raw[: raw.rfind(b"\n") + 1] or raw
    try:
        text = decode(raw)
    except UnreadableFile:
        return None
    try:
        doc = parse_document(text, path=path, kind="probe", origin="probe")
    except RecursionError:
        return None
    top = doc.root.children
    if len(top) == 1:  # one heading over the whole page is its title: the sections below it are the top level
        top = top + top[0].children
    return kind_from_titles(_title(doc, text), [section.heading for section in top])


def discover(source: Source, *, given: Sequence[str] = (), extra: Sequence[str] = (),
             max_depth: int = MAX_LINK_DEPTH, max_documents: int = MAX_DOCUMENTS) -> Discovery:
    """The governance documents of a source.

    With ``given`` paths, those documents are read as given (and what they link to), and
    nothing else is discovered. ``extra`` paths (from the configuration) are always added.
    When nothing at all is found, the first warning says so and names the likeliest files.
    """
    result = _discover(source, given=given, extra=extra, max_depth=max_depth, max_documents=max_documents)
    if not given and not extra and not result.documents:
        unreadable = [p for p, kind in result.candidates if kind not in ("probe", "readme")]
        likely = likely_candidates(source.list_files())
        if unreadable:
            advice = f": {', '.join(unreadable[:3])} could not be read (see the warnings below)"
        elif likely:
            advice = (f"; governance-like files at {', '.join(likely)}: give them as paths or under `documents:` "
                      "in .govlint.yaml")
        else:
            advice = (", and no file's name suggests one: give the documents as paths or under `documents:` in "
                      ".govlint.yaml")
        result.warnings.insert(0, NOTHING_FOUND + advice)
    return result


def _discover(source: Source, *, given: Sequence[str], extra: Sequence[str], max_depth: int,
              max_documents: int) -> Discovery:
    walker = _Walker(source, max_depth=max_depth, max_documents=max_documents)
    if given:
        for path in given:
            walker.add(source, path, classify(path) or "governance", "given", 0)
    else:
        points = starting_points(source.list_files(), probe_files=getattr(source, "probe_files", PROBE_FILES))
        walker.result.candidates.extend(points)
        for path, kind in points:
            if kind != "probe":
                walker.add(source, path, kind, "discovered", 0)
        for path in (path for path, kind in points if kind == "probe"):
            if source is walker.primary:
                walker.result.read.append(path)  # its head decided: the result cache checks it is unchanged
            titled = head_kind(source, path)
            if titled:
                walker.add(source, path, titled, "discovered by its title", 0)
    for path in extra:
        walker.add(source, path, classify(path) or "governance", "config", 0)
    result = walker.run()
    if not given and not any(d.kind in ("governance", "charter", "steering") for d in result.documents):
        for fallback in _fallbacks(source):
            more = _discover(fallback, given=(), extra=(), max_depth=max_depth, max_documents=max_documents)
            for doc in more.documents:
                doc.path = f"{fallback.label}/{doc.path}" if not doc.path.startswith(fallback.label) else doc.path
                doc.origin = f"{doc.origin} in {fallback.label} (fallback)"
            result.documents.extend(more.documents)
            result.warnings.extend(more.warnings)
            if more.documents:
                break
    return result


def _fallbacks(source: Source) -> Iterable[Source]:
    method = getattr(source, "fallback_sources", None)
    return method() if callable(method) else ()
