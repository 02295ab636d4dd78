"""Which files of a source are governance documents, and which documents they link to.

Discovery reads names and links only; it decodes and parses each document once and hands the
parsed documents to the engine.
"""
from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from govlint.document import Document, parse
from govlint.sources.base import External, Source, UnreadableFile

DOCUMENT_SUFFIXES = (".md", ".markdown", ".mdown", ".rst", ".txt", ".adoc", ".asciidoc", "")

# File-name stems (lower case, separators folded to "_") and the kind of document they name.
_KIND_BY_STEM: tuple[tuple[str, str], ...] = (
    ("governance", "governance"), ("project_governance", "governance"), ("decision_making", "governance"),
    ("contributor_ladder", "ladder"), ("contributor_roles", "ladder"), ("community_roles", "ladder"),
    ("community_membership", "ladder"), ("membership", "ladder"), ("roles", "ladder"),
    ("charter", "charter"), ("steering", "steering"), ("election", "elections"),
    ("maintainers", "maintainers"), ("owners", "maintainers"), ("committers", "maintainers"),
    ("code_of_conduct", "code-of-conduct"), ("conduct", "code-of-conduct"), ("coc", "code-of-conduct"),
    ("contributing", "contributing"), ("security", "security"),
)
# Folders that hold governance at any depth, and top-level folders where governance files live.
_GOVERNANCE_DIRS = frozenset({"governance", "steering", "community", "charter", "charters"})
_TOP_DIRS = frozenset({"docs", "doc", ".github", "community", "governance", "project", "documentation",
                       "steering", "contributing"})
# Kinds whose files in a big monorepo appear in every folder: only trusted near the root.
_ROOT_ONLY_KINDS = frozenset({"maintainers", "contributing", "security", "code-of-conduct"})
_SKIP_DIRS = frozenset({"test", "tests", "testdata", "fixtures", "examples", "example", "vendor",
                        "third_party", "node_modules", "site-packages", "changelog", "changelogs"})
# Kinds whose links are followed, and the words that make a link worth following.
_FOLLOW_FROM = frozenset({"governance", "ladder", "charter", "steering", "elections", "readme", "maintainers",
                          "given", "linked", "community"})
_GOVERNANCE_WORDS = re.compile(
    r"govern|maintain|ladder|role|charter|elect|steer|committee|council|conduct|remov|member|owner|"
    r"contributor|decision|vot(?:e|ing)|escalat|conflict|emeritus|leader|tsc\b|board|policy|polic|process",
    re.I)
_README = re.compile(r"^readme(\.(md|markdown|rst|txt|adoc))?$", re.I)

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


def classify(path: str) -> str | None:
    """The kind of document a path names, or None when the name says nothing about governance."""
    name = path.rsplit("/", 1)[-1]
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    if f".{suffix.lower()}" not in DOCUMENT_SUFFIXES and suffix:
        return None
    folded = re.sub(r"[-_ .]+", "_", stem.lower()).strip("_")
    for prefix, kind in _KIND_BY_STEM:
        if folded == prefix or folded.startswith(prefix + "_") or (folded.startswith(prefix) and len(prefix) > 5):
            return kind
    if folded.endswith("_charter") or folded.endswith("_governance"):
        return "charter" if folded.endswith("charter") else "governance"
    return None


def candidate_kind(path: str) -> str | None:
    """The kind of a file found by walking a checkout, when its name and place make it a candidate."""
    parts = path.split("/")
    folders = [p.lower() for p in parts[:-1]]
    if any(f in _SKIP_DIRS for f in folders) or len(parts) > 6:
        return None
    kind = classify(path)
    in_governance_dir = any(f in _GOVERNANCE_DIRS for f in folders)
    if kind is None:
        suffix = "." + parts[-1].rsplit(".", 1)[-1].lower() if "." in parts[-1] else ""
        if in_governance_dir and suffix in (".md", ".markdown", ".rst", ".adoc"):
            return "community" if "community" in folders and "governance" not in folders else "governance"
        return None
    if not folders:
        return kind
    if kind in _ROOT_ONLY_KINDS:
        return kind if len(folders) == 1 and folders[0] in _TOP_DIRS else None
    return kind if folders[0] in _TOP_DIRS or in_governance_dir else None


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
                doc = parse(text, path=shown, kind=kind, origin=origin)
            except RecursionError:  # a parser that recurses per level of nesting, on thousands of levels
                self.result.warnings.append(f"{shown}: nested too deeply to read; skipped")
                continue
            doc.url_for = _url_maker(source, path)
            if kind != "readme":
                self.result.documents.append(doc)
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


def starting_points(files: Sequence[str]) -> list[tuple[str, str]]:
    """(path, kind) of every file discovery starts from: candidates by name and place, then the README."""
    found = [(path, kind) for path in files for kind in (candidate_kind(path),) if kind]
    found += [(path, "readme") for path in files if "/" not in path and _README.match(path)]
    return found


def discover(source: Source, *, given: Sequence[str] = (), extra: Sequence[str] = (),
             max_depth: int = MAX_LINK_DEPTH, max_documents: int = MAX_DOCUMENTS) -> Discovery:
    """The governance documents of a source.

    With ``given`` paths, those documents are read as given (and what they link to), and
    nothing else is discovered. ``extra`` paths (from the configuration) are always added.
    """
    walker = _Walker(source, max_depth=max_depth, max_documents=max_documents)
    if given:
        for path in given:
            walker.add(source, path, classify(path) or "governance", "given", 0)
    else:
        files = source.list_files()
        for path, kind in starting_points(files):
            walker.add(source, path, kind, "discovered", 0)
            walker.result.candidates.append((path, kind))
    for path in extra:
        walker.add(source, path, classify(path) or "governance", "config", 0)
    result = walker.run()
    if not given and not any(d.kind in ("governance", "charter", "steering") for d in result.documents):
        for fallback in _fallbacks(source):
            more = discover(fallback, max_depth=max_depth, max_documents=max_documents)
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
