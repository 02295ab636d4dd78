"""What a rule is: its metadata, the contract its check fulfils, and what a check returns."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping, Protocol, runtime_checkable

from govlint.document import Document, Section, Sentence
from govlint.report import Criterion, Evidence

if TYPE_CHECKING:
    from govlint.levels import Ladder

# Document kinds a rule reads unless it names its own: codes of conduct and security policies
# talk about "removal" and "reports" of other things than project leadership.
DEFAULT_DOCUMENT_KINDS = frozenset({"governance", "ladder", "charter", "maintainers", "steering", "elections",
                                    "contributing", "community", "readme", "linked", "given"})


@dataclass(frozen=True)
class RuleMeta:
    """Everything a user reads about a rule; the same text drives `govlint explain` and the docs."""

    code: str
    name: str
    title: str
    rationale: str
    criterion: Criterion
    weight: float
    levels: Mapping[str, str]  # level -> requirement under the default profile
    remediation: str
    example: str = ""
    looked_for: str = ""
    # Texts it must find and near misses it must not (the pack's `pass:` and `fail:`), each read
    # alone as a governance document: documentation for `govlint explain`, and tests (examples.py).
    passes: tuple[str, ...] = ()
    fails: tuple[str, ...] = ()
    profiles: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # profile -> level overrides
    pack: str = "cncf"
    origin: str = ""  # the rule pack file or plugin that defined it
    # Its pack's levels and profiles; None for a plugin's rule, which joins whichever ladder runs.
    ladder: Ladder | None = field(default=None, compare=False, repr=False)

    def requirements(self, profile: str) -> dict[str, str]:
        out = dict(self.levels)
        out.update(self.profiles.get(profile, {}))
        return out


@dataclass(frozen=True)
class Finding:
    """What a check concluded. The engine adds the rule's metadata, profile and waivers."""

    status: str  # pass, partial, fail, not-applicable
    message: str = ""
    evidence: tuple[Evidence, ...] = ()
    near_miss: tuple[Evidence, ...] = ()


@runtime_checkable
class Rule(Protocol):
    """A YAML rule and a Python plugin rule look the same to the engine."""

    meta: RuleMeta

    def check(self, docs: DocumentSet) -> Finding:
        ...


class DocumentSet:
    """The documents of one target, with the queries rules share."""

    def __init__(self, documents: Iterable[Document]) -> None:
        self.documents = list(documents)
        self.memo: dict[object, object] = {}  # derived views rules share (units of a scope, ...)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def of_kinds(self, kinds: frozenset[str] | None) -> list[Document]:
        kinds = kinds or DEFAULT_DOCUMENT_KINDS
        return [d for d in self.documents if d.kind in kinds]

    def sections(self, kinds: frozenset[str] | None = None) -> Iterator[tuple[Document, Section]]:
        for doc in self.of_kinds(kinds):
            for section in doc.sections:
                yield doc, section

    def sentences(self, kinds: frozenset[str] | None = None) -> Iterator[tuple[Document, Sentence]]:
        for doc in self.of_kinds(kinds):
            for sentence in doc.sentences:
                yield doc, sentence


def evidence(doc: Document, line: int, text: str, *, limit: int = 300) -> Evidence:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return Evidence(path=doc.path, line=line, text=text, url=doc.url(line))
