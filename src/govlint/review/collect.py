"""The documents a review reads: every target's governance documents (as `govlint check` finds
them), and the files a reviewer also opens that a check does not read as governance: each
repository's README, its CODEOWNERS, and maintainer data files (a maintainers CSV).

Those extra files get kinds of their own (``project-readme``, ``codeowners``,
``maintainers-data``), which no rule of the cncf pack reads, so the review's rules see them and a
check's results do not change. Every document is listed with the exact version read: the commit
of a remote repository, and the SHA-256 of the text read.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from govlint.document import Document
from govlint.review.model import SourceDocument
from govlint.sources.base import Source, UnreadableFile

README_KIND, CODEOWNERS_KIND, MAINTAINERS_DATA_KIND = "project-readme", "codeowners", "maintainers-data"
_README = re.compile(r"^readme(\.(md|markdown|rst|txt|adoc))?$", re.I)
_CODEOWNERS = ("CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS")
_MAINTAINER_DATA = re.compile(r"^(?:\.github/)?[\w.-]*(?:maintainers?|owners|committers)[\w.-]*\.(?:csv|tsv)$", re.I)
_COMMIT_IN_URL = re.compile(r"/blob/([0-9a-f]{40})/")


@dataclass
class Collected:
    """What a review read, from every target."""

    documents: list[Document] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    external_links: list[str] = field(default_factory=list)

    @property
    def primary(self) -> Source:
        return self.sources[0]

    def provenance(self) -> tuple[SourceDocument, ...]:
        return tuple(_provenance(doc) for doc in self.documents)


def collect(sources: Sequence[Source], *, max_depth: int) -> Collected:
    """The documents of ``sources``; the first is the project's main repository, the others its
    other repositories (a community repository, sub-projects), whose paths carry their label. Each
    document a target holds itself records that target's label (``Document.repository``)."""
    from govlint.discover import discover

    out = Collected(sources=list(sources))
    seen: set[str] = set()
    for index, source in enumerate(sources):
        found = discover(source, max_depth=max_depth)
        out.warnings.extend(found.warnings)
        out.warnings.extend(getattr(source, "warnings", ()))
        out.external_links.extend(u for u in found.external_links if u not in out.external_links)
        prefix = "" if index == 0 else f"{source.label}/"
        for doc in [*found.documents, *_extra_documents(source, out.warnings)]:
            if not _labelled(doc.path):  # the target's own file, not one a link reached in another repository
                doc.repository = source.label
                doc.path = prefix + doc.path
            if doc.path in seen:  # a document two targets both reach (linked, and given)
                continue
            seen.add(doc.path)
            out.documents.append(doc)
    return out


def _labelled(path: str) -> bool:
    """A path discovery already prefixed with another source's label (``github:o/r/GOVERNANCE.md``)."""
    return path.startswith(("github:", "https:", "http:"))


def _extra_documents(source: Source, warnings: list[str]) -> list[Document]:
    files = source.list_files()
    wanted: list[tuple[str, str]] = [(p, README_KIND) for p in files if "/" not in p and _README.match(p)][:1]
    present = set(files)
    wanted += [(p, CODEOWNERS_KIND) for p in _CODEOWNERS if p in present]
    wanted += [(p, MAINTAINERS_DATA_KIND) for p in files if _MAINTAINER_DATA.match(p)]
    docs = []
    for path, kind in wanted:
        doc = _read(source, path, kind, warnings)
        if doc is not None:
            docs.append(doc)
    return docs


def _read(source: Source, path: str, kind: str, warnings: list[str]) -> Document | None:
    from govlint.discover import decode, parse_document

    try:
        text = decode(source.read_bytes(path))
    except UnreadableFile as err:
        warnings.append(f"{path}: {err}; skipped")
        return None
    # CODEOWNERS opens with "# comments" and a CSV is rows: both are read as plain text, never Markdown.
    plain = kind in (CODEOWNERS_KIND, MAINTAINERS_DATA_KIND)
    doc = parse_document(text, path=f"{path}.txt" if plain else path, kind=kind, origin="read for the review")
    doc.path = path
    if source.url_for(path, None) is not None:
        doc.url_for = lambda line, _source=source, _path=path: _source.url_for(_path, line)
    return doc


def _provenance(doc: Document) -> SourceDocument:
    url = doc.url(None)
    commit = None
    if url:
        match = _COMMIT_IN_URL.search(url)
        commit = match.group(1) if match else None
    return SourceDocument(path=doc.path, kind=doc.kind, origin=doc.origin, lines=doc.line_count,
                          sha256=hashlib.sha256(doc.text.encode("utf-8")).hexdigest(), commit=commit, url=url)


def project_name(source: Source, target: str) -> str:
    """A project's name as a draft shows it: the repository's name, or the checkout's folder."""
    label = getattr(source, "label", target)
    if label.startswith("github:"):
        return label.split("/", 1)[-1].split("@", 1)[0].split("/", 1)[0]
    root = getattr(source, "root", None)
    return Path(root).name if root is not None else Path(target).resolve().name
