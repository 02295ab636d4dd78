"""Which documents link which: governance-interlinked (the governance documents link each other and
the code of conduct) and community-linked (each repository's README leads to the governance).

Reviewers report "governance files are not generally interlinked, nor do they seem to refer to
each other at all" and "the governance documentation is not currently linked in the main repo".
A link counts when it leads to another document that was read: a relative path, or a GitHub
URL to the same file in a repository that was read (``github.com/org/community/blob/main/GOVERNANCE.md``
leads to ``github:org/community/GOVERNANCE.md``, or to a checkout given as ``community``).
A README leads to the governance through a governance document, the community repository (its
root, a folder of it, or a file of it that is governance by its name: not its roadmap.md), or a
contributor guide read that links one of those; a README's link does not make the governance
documents interlinked. ``link_graph()`` is what `govlint review` shows under Discoverability.
section-links checks that a link to a section of another document read ("Active Subprojects are
listed [here](/README.md#subprojects)") finds that section: a list the governance points to that is
not there is not listed.
"""
from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from govlint.candidates import classify
from govlint.document import Document
from govlint.report import FAIL, NOT_APPLICABLE, PARTIAL, PASS
from govlint.rules.model import DocumentSet, Finding, evidence
from govlint.sources.base import split_href

CORE_KINDS = frozenset({"governance", "ladder", "charter", "steering", "elections"})
README_KIND = "project-readme"
_GITHUB_FILE = re.compile(r"^https?://(?:www\.)?github\.com/([^/]+)/([^/]+)/(?:blob|tree|raw)/[^/]+/(.+)$", re.I)
_GITHUB_REPO = re.compile(r"^https?://(?:www\.)?github\.com/([^/#?]+)/([^/#?]+)/?(?:[#?].*)?$", re.I)
_CNCF_COC = re.compile(r"cncf/foundation/[^\s)]*code-of-conduct|cncf\.io/[^\s)]*conduct", re.I)
_COMMUNITY_REPO = re.compile(r"^(?:community|governance|\.github|project|org|docs|website)$", re.I)


def _index(docs: DocumentSet) -> dict[str, Document]:
    return {d.path: d for d in docs.documents}


def resolve(doc: Document, href: str, index: dict[str, Document]) -> Document | None:
    """The read document a link leads to, if any."""
    href = href.strip()
    match = _GITHUB_FILE.match(href)
    if match:
        owner, repo, path = match.group(1), match.group(2), match.group(3).split("#", 1)[0].split("?", 1)[0]
        path = path.rstrip("/")
        for candidate in (f"github:{owner}/{repo}/{path}", f"{repo}/{path}", path):
            for name in (candidate, f"{candidate}/README.md"):
                if name in index and index[name] is not doc:
                    return index[name]
        return None
    scheme, target = split_href(href)
    if scheme or not target:
        return None
    base = posixpath.dirname(doc.path)
    joined = posixpath.normpath(posixpath.join(base, target.lstrip("/")) if not target.startswith("/")
                                else target.lstrip("/"))
    for name in (joined, f"{joined}/README.md", f"{joined}/readme.md"):
        found = index.get(name)
        if found is not None and found is not doc:
            return found
    return None


def link_graph(docs: DocumentSet) -> list[tuple[Document, Document, int]]:
    """(document, document it links to, line) for every link between two documents read."""
    index = _index(docs)
    edges, seen = [], set()
    for doc in docs.documents:
        for link in doc.links:
            target = resolve(doc, link.href, index)
            if target is not None and (doc.path, target.path) not in seen:
                seen.add((doc.path, target.path))
                edges.append((doc, target, link.line))
    return edges


def links_cncf_coc(doc: Document) -> bool:
    return any(_CNCF_COC.search(link.href) for link in doc.links)


def check_interlinked(docs: DocumentSet) -> Finding:
    """governance-interlinked: every governance document is linked with the others, and the code of conduct too."""
    core = [d for d in docs.documents if d.kind in CORE_KINDS]
    if not core:
        return Finding(status=NOT_APPLICABLE, message="no governance document was read")
    # A README's link makes nothing interlinked: the governance documents are to link each other
    # (cloudevents: "also linked from the main spec README", and still "not generally interlinked").
    edges = [(a, b, line) for a, b, line in link_graph(docs) if a.kind != README_KIND]
    connected = {a.path for a, _b, _ in edges} | {b.path for _a, b, _ in edges}
    isolated = [d for d in core if d.path not in connected]
    coc_links = [(a, line) for a, b, line in edges if a.kind in CORE_KINDS and b.kind == "code-of-conduct"]
    coc_links += [(d, link.line) for d in core for link in d.links if _CNCF_COC.search(link.href)]
    quotes = tuple(evidence(a, line, line_text(a, line)) for a, _b, line in edges if a.kind in CORE_KINDS)[:3]
    parts = []
    if isolated:
        parts.append(f"linked with no other document: {', '.join(d.path for d in isolated)}")
    if not coc_links:
        parts.append("no governance document links the code of conduct")
    if not parts:
        return Finding(status=PASS, message=f"{len(core)} governance document(s), all linked; the code of conduct "
                                            f"is linked from {coc_links[0][0].path}", evidence=quotes)
    status = FAIL if len(isolated) == len(core) and not coc_links else PARTIAL
    near = tuple(evidence(d, 1, d.root.children[0].heading if d.root.children else d.path) for d in isolated[:3])
    return Finding(status=status, message="; ".join(parts), evidence=quotes if status == PARTIAL else (),
                   near_miss=near)


def _repository(path: str) -> str:
    """The repository part of a document's path: '' for the main one, 'github:o/r' or a label."""
    if path.startswith("github:"):
        return "/".join(path.split("/", 2)[:2])
    return posixpath.dirname(path) if path.rsplit("/", 1)[-1].lower().startswith("readme") else ""


_GOVERNANCE_KINDS = CORE_KINDS | {"community", "maintainers", "contributing"}


def _governance_file(path: str) -> bool:
    """Whether a file of a community repository that was not read is, by its name, part of the
    governance: GOVERNANCE.md, a charter, the maintainers; the repository's front page (its root
    README), or a folder's README by the folder's name ("steering/README.md")."""
    parts = [p for p in path.split("#", 1)[0].split("?", 1)[0].strip("/").split("/") if p]
    if not parts:
        return True
    if parts[-1].lower().startswith(("readme", "index.")):
        return len(parts) == 1 or classify(f"{parts[-2]}.md") in _GOVERNANCE_KINDS
    return classify("/".join(parts)) in _GOVERNANCE_KINDS


def _leads_to_governance(doc: Document, index: dict[str, Document], *, through_guide: bool = True) -> bool:
    """Whether a document links the governance: a governance document, the community repository
    (its root, a folder, a file of its governance), or a contributor guide read that does."""
    for link in doc.links:
        href = link.href.strip()
        if "governance" in href.lower():
            return True
        target = resolve(doc, link.href, index)
        if target is not None:
            if target.kind == "contributing":
                # The guide leads on only if it links the governance itself (kubeedge's links the website).
                if through_guide and target is not doc and _leads_to_governance(target, index, through_guide=False):
                    return True
            elif target.kind in _GOVERNANCE_KINDS:
                return True
            continue  # a document read that is not the governance (a roadmap, a security policy)
        repo = _GITHUB_REPO.match(href)
        if repo and _COMMUNITY_REPO.match(repo.group(2)):
            return True  # the community repository itself
        file = _GITHUB_FILE.match(href)
        if file and _COMMUNITY_REPO.match(file.group(2)) and (
                "/tree/" in href.lower() or _governance_file(file.group(3))):
            return True  # a folder of it, or a file of its governance (not its roadmap.md)
    return False


def check_community_linked(docs: DocumentSet) -> Finding:
    """community-linked: each repository's README leads to the governance (a governance document or
    the community repository)."""
    readmes = [d for d in docs.documents if d.kind == README_KIND]
    if not readmes:
        return Finding(status=NOT_APPLICABLE, message="no README was read")
    index = _index(docs)
    linked = [d for d in readmes if _leads_to_governance(d, index)]
    unlinked = [d for d in readmes if d not in linked]
    if not unlinked:
        return Finding(status=PASS, message=f"the README of every repository read leads to the governance "
                                            f"({', '.join(d.path for d in readmes)})",
                       evidence=tuple(_link_quote(d, index) for d in linked[:3]))
    main = next((d for d in readmes if _repository(d.path) == ""), readmes[0])
    status = FAIL if main in unlinked else PARTIAL
    return Finding(status=status, message=f"no link to the governance or the community repository in: "
                                          f"{', '.join(d.path for d in unlinked)}",
                   evidence=tuple(_link_quote(d, index) for d in linked[:3]),
                   near_miss=tuple(evidence(d, 1, _title(d)) for d in unlinked[:3]))


def _first_link_line(doc: Document, index: dict[str, Document]) -> int:
    for link in doc.links:
        target = resolve(doc, link.href, index)
        if target is not None or "governance" in link.href.lower() or _GITHUB_REPO.match(link.href.strip()):
            return link.line
    return 1


def _link_quote(doc: Document, index: dict[str, Document]):
    line = _first_link_line(doc, index)
    return evidence(doc, line, line_text(doc, line))


def line_text(doc: Document, line: int) -> str:
    """The words of a document's line, as a quote."""
    lines = doc.text.splitlines()
    return lines[line - 1].strip() if 0 < line <= len(lines) and lines[line - 1].strip() else doc.path


def _title(doc: Document) -> str:
    return doc.root.children[0].heading if doc.root.children else doc.path


# A GitHub line anchor (#L10, #L10-L20) names no section.
_LINE_ANCHOR = re.compile(r"^L\d+(?:C\d+)?(?:-L\d+(?:C\d+)?)?$")
# Anchors written into a Markdown document: <a name="x">, <a id="x">, <h2 id="x">, {#x}.
_HTML_ANCHOR = re.compile(r"""<[a-z][a-z0-9]*\b[^>]*?\b(?:name|id)\s*=\s*["']([^"']+)["']""", re.I)
_ATTRIBUTE_ANCHOR = re.compile(r"\{#([^\s}]+)\}")
_MARKDOWN = (".md", ".markdown", ".mdown")


def heading_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, characters other than letters, digits, spaces,
    hyphens and underscores dropped, each space a hyphen."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(doc: Document) -> frozenset[str]:
    """Every section anchor of a Markdown document (a repeated heading gets -1, -2, ... as on GitHub)."""
    seen: dict[str, int] = {}
    out = set()
    for section in doc.sections:
        if section.level == 0 or not section.heading:
            continue
        base = heading_anchor(section.heading)
        count = seen.get(base, 0)
        seen[base] = count + 1
        out.add(base if count == 0 else f"{base}-{count}")
    out.update(a.lower() for a in _HTML_ANCHOR.findall(doc.text))
    out.update(a.lower() for a in _ATTRIBUTE_ANCHOR.findall(doc.text))
    return frozenset(out)


def _sentence_of(doc: Document, link) -> str:
    """The sentence that holds a link (its line's text when no sentence is found)."""
    text = link.text.strip()
    for sentence in doc.sentences:
        if sentence.line <= link.line <= sentence.block.end_line and text and text in sentence.text:
            return sentence.text
    return line_text(doc, link.line)


def _fragment(href: str) -> str:
    return unquote(href.strip().split("#", 1)[1]).strip() if "#" in href else ""


def check_section_links(docs: DocumentSet) -> Finding:
    """section-links: every link from one document read to a section of another (a Markdown file
    read, ``GOVERNANCE.md#voting``) finds a heading or anchor of that name there."""
    index = _index(docs)
    known: dict[str, frozenset[str]] = {}
    reached, broken = [], []
    for doc in docs.documents:
        for link in doc.links:
            fragment = _fragment(link.href)
            if not fragment or _LINE_ANCHOR.match(fragment):
                continue
            target = resolve(doc, link.href, index)
            if target is None or target.format != "markdown" or not target.path.lower().endswith(_MARKDOWN):
                continue
            if target.path not in known:
                known[target.path] = anchors(target)
            quote = evidence(doc, link.line, _sentence_of(doc, link))
            if fragment.lower() in known[target.path]:
                reached.append(quote)
            else:
                broken.append((quote, f"{doc.path}:{link.line} \"{link.text.strip()}\" links {target.path}#{fragment}, "
                                      f"which has no such section"))
    if not reached and not broken:
        return Finding(status=NOT_APPLICABLE, message="no link to a section of another document read")
    if not broken:
        return Finding(status=PASS, message=f"{len(reached)} link(s) to sections of other documents, each found",
                       evidence=tuple(reached[:3]))
    where = "; ".join(text for _, text in broken[:4])
    return Finding(status=FAIL, message=f"links to sections that are not there (what they point to is not where "
                                        f"they say): {where}", near_miss=tuple(q for q, _ in broken[:3]))
