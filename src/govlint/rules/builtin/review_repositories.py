"""repository-maintainers: every repository a review reads has maintainers, its own or a
project-wide list's.

CloudEvents' reviewers made "Return SDKs to maintained status" a must-fix item: "4 of 7 SDKs have
no listed maintainers", each SDK repository without a maintainer file. A count of the maintainer
lists cannot show it (GL002 counted the three SDKs' lists together), and maintainers-per-area
only sees the parts a list names. So the documents are read per repository (the target each was
read from, ``Document.repository``):

* the repository that holds the project-wide governance (a governance, charter, steering, ladder or
  elections document), or a community repository, is the governance's home, not a part to maintain;
* every other repository needs a maintainer file of its own (whatever govlint.maintainers reads:
  MAINTAINERS*, OWNERS, CODEOWNERS, a maintainers CSV, a README's Maintainers section), or another
  repository's list that covers it: an entry whose area names it, an OWNERS or CODEOWNERS path that
  names it, or a list that says it is the list of all the project's repositories ("the list of
  maintainers for all Dapr repositories").

A review of one repository has nothing to compare, and a project with no maintainer file anywhere
is GL002's finding, not one per repository.
"""
from __future__ import annotations

import re

from govlint.document import Document
from govlint.maintainer_formats import CODE_OWNER, MAINTAINER, REVIEWER
from govlint.report import FAIL, NOT_APPLICABLE, PASS, Evidence
from govlint.rules.builtin.review_links import CORE_KINDS
from govlint.rules.model import DocumentSet, Finding, evidence

_MAINTAINING = frozenset({MAINTAINER, REVIEWER, CODE_OWNER})
_GOVERNANCE_HOME = re.compile(r"^(?:community|governance|\.github)$", re.I)
# The opening of a list that is every repository's: "for all Dapr repositories", "every sub-project".
_ALL_REPOSITORIES = re.compile(r"\b(?:all|every)\b[^.\n]{0,40}?\b(?:repositor(?:y|ies)|repos?|sub-?projects?)\b", re.I)
_WORD = re.compile(r"[a-z0-9]+")


def _name(label: str) -> str:
    """A repository's name from its label: ``github:o/r@v1`` -> ``r``, ``../sdk-rust`` -> ``sdk-rust``."""
    return label.split("@", 1)[0].rstrip("/").rsplit("/", 1)[-1]


def _names(area: str, name: str) -> bool:
    """An area or path that names a repository: every word of its name ("sdk-rust": "Rust SDK")."""
    return set(_WORD.findall(name.lower())) <= set(_WORD.findall(area.lower()))


def _is_home(label: str, docs: list[Document]) -> bool:
    return bool(_GOVERNANCE_HOME.match(_name(label))) or any(d.kind in CORE_KINDS for d in docs)


def _for_all_repositories(doc: Document, first_line: int) -> bool:
    opening = "\n".join(doc.text.splitlines()[: max(first_line - 1, 0)])
    return bool(_ALL_REPOSITORIES.search(opening))


def check(docs: DocumentSet) -> Finding:
    from govlint.maintainers import facts

    by_repository: dict[str, list[Document]] = {}
    for doc in docs.documents:
        if doc.repository:
            by_repository.setdefault(doc.repository, []).append(doc)
    if len(by_repository) < 2:
        return Finding(status=NOT_APPLICABLE, message="one repository was read")
    repository_of = {d.path: d.repository for d in docs.documents}
    known = facts(docs)
    people = [e for e in known.entries if not e.team and e.role in _MAINTAINING and repository_of.get(e.source)]
    own: dict[str, list] = {}
    for entry in people:
        own.setdefault(repository_of[entry.source], []).append(entry)
    if not own:
        return Finding(status=NOT_APPLICABLE, message="no repository lists maintainers (maintainer-list says so)")
    by_path = {d.path: d for d in docs.documents}
    first_lines: dict[str, int] = {}
    for entry in people:
        first_lines[entry.source] = min(first_lines.get(entry.source, entry.line), entry.line)
    project_wide = [by_path[p] for p, line in first_lines.items() if _for_all_repositories(by_path[p], line)]

    def covered_by(label: str) -> Evidence | None:
        """A quote of another repository's list that names this one, or that is every repository's."""
        name = _name(label)
        for entry in people:
            if repository_of[entry.source] == label:
                continue
            if by_path[entry.source] in project_wide or any(_names(area, name) for area in entry.areas):
                return evidence(by_path[entry.source], entry.line, entry.text)
        for owned in known.owned_paths:
            if repository_of.get(owned.source) not in (None, label) and _names(owned.path.replace("/", " "), name) \
                    and any("/" not in owner for owner in owned.owners):
                return evidence(by_path[owned.source], owned.line, f"{owned.path} {' '.join(owned.owners)}")
        return None

    checked, unmaintained, quotes = [], [], []
    for label, held in by_repository.items():
        if _is_home(label, held):
            continue
        checked.append(label)
        if label in own:
            entry = own[label][0]
            quotes.append(evidence(by_path[entry.source], entry.line, entry.text))
            continue
        cover = covered_by(label)
        if cover is None:
            unmaintained.append((label, held[0]))
        else:
            quotes.append(cover)
    if not checked:
        return Finding(status=NOT_APPLICABLE, message="every repository read holds the project's governance")
    if not unmaintained:
        return Finding(status=PASS, message="every repository beside the governance's has maintainers, its own or "
                                            f"a project-wide list's: {', '.join(_name(label) for label in checked)}",
                       evidence=tuple(quotes[:3]))
    names = ", ".join(_name(label) for label, _ in unmaintained)
    return Finding(status=FAIL, message=f"{len(unmaintained)} of {len(checked)} repositories have no maintainer file "
                                        f"of their own and no project-wide list names them: {names}",
                   evidence=tuple(quotes[:3]),
                   near_miss=tuple(_opening(doc) for _, doc in unmaintained[:4]))


def _opening(doc: Document):
    """A repository's first document, quoted by its title."""
    heading = next((s for s in doc.sections if s.level > 0 and s.heading), None)
    return evidence(doc, heading.line, heading.heading) if heading else evidence(doc, 1, doc.path)
