"""The maintainer lists, counted: who is listed, with which affiliation, in which area; and the
OWNERS / CODEOWNERS files beside them. Four checks of the review pack read them:
maintainer-affiliations, maintainer-diversity, maintainers-per-area and owners-agree.

``roster()`` takes the entries govlint.maintainers reads (maintainer files in every common format,
Prow OWNERS and CODEOWNERS). Where that module finds no current maintainer, the review's own
reader below (``_own_roster``) is asked: it also reads lists of reference-style links
("* [Jane Doe] (Acme)" with "[Jane Doe]: https://github.com/jane"), a steering committee's page
of members ("## Jane Doe / Affiliation: X / GitHub: @jane") and Prow OWNERS ``admins``.
Entries under an emeritus, alumni or former heading are not current maintainers.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from govlint.document import Document
from govlint.report import FAIL, NOT_APPLICABLE, PARTIAL, PASS
from govlint.rules.model import DocumentSet, Finding, evidence

LIST_KINDS = frozenset({"maintainers", "maintainers-data"})
# A steering committee's page lists its members too ("## Jane Doe / Affiliation: X / GitHub: @jane").
MEMBER_PAGE_KINDS = frozenset({"steering"})
_FIELD = re.compile(r"^\s*[*-]?\s*\**(affiliation|company|employer|organi[sz]ation|github|email)\**\s*:\**\s*(.+)$", re.I)
_HANDLE = re.compile(r"(?<![\w.@/])@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))(?![\w-]*/)\b")
_GITHUB_PROFILE = re.compile(r"github\.com/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/?(?:$|[)\s\]#?])", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PAST = re.compile(r"emerit|alumni|former|retired|past|inactive|previous", re.I)
# Handles of teams and groups, not people ("@cert-manager-maintainers", "@org/team").
_TEAM_HANDLE = re.compile(r"(?:^|-)(?:maintainers?|team|teams|admins?|owners?|reviewers?|approvers?|leads?|committers?|"
                          r"members|bots?|community|core|steering|security|everyone)$", re.I)
_MAX_NAME_WORDS = 6
_LESSER = re.compile(r"reviewer|approver|\bmembers?\b|contributor|triage", re.I)
_COLUMNS = {
    "name": re.compile(r"^(?:full\s+)?name$|maintainer|person|^who$|^member", re.I),
    "handle": re.compile(r"github|handle|user(?:name)?|login|^id$|gh", re.I),
    "email": re.compile(r"e-?mail|contact", re.I),
    "affiliation": re.compile(r"affiliation|company|employer|organi[sz]ation|^org$|employment", re.I),
    "area": re.compile(r"area|scope|responsib|component|focus|project|repo|sig|domain", re.I),
}
_OWNERS_KEY = re.compile(r"^\s*(admins|approvers|reviewers|emeritus_approvers|emeritus_reviewers)\s*:\s*$")
_OWNERS_ITEM = re.compile(r"^\s*-\s*([A-Za-z0-9][\w-]*)\s*(?:#.*)?$")
_CODEOWNERS_HANDLE = re.compile(r"(?<![\w.])@([A-Za-z0-9][\w-]*)(?!/)\b")
_INDEPENDENT = re.compile(r"^(?:independent|none|self|self-employed|n/?a|-|individual)$", re.I)
_NOISE = re.compile(r"\[([^\]]*)\]\([^)]*\)|<[^>]*>|https?://\S+")


@dataclass(frozen=True)
class Entry:
    name: str
    handle: str  # lower case, without @; "" when none
    affiliation: str
    area: str  # the heading the entry sits under
    path: str
    line: int
    text: str

    @property
    def key(self) -> str:
        return self.handle or self.name.lower()


@dataclass
class Roster:
    entries: list[Entry] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    owners: dict[str, set[str]] = field(default_factory=dict)  # OWNERS/CODEOWNERS path -> handles
    docs: dict[str, Document] = field(default_factory=dict)
    areas: set[str] = field(default_factory=set)  # every heading an entry sits under, repeated entries too
    listed: set[str] = field(default_factory=set)  # handles a maintainer list names, in any current role
    lines: dict[str, set[int]] = field(default_factory=dict)  # list file -> lines naming anyone
    reader: str = "govlint.maintainers"


def _column(header: list[str], what: str) -> int | None:
    for index, title in enumerate(header):
        if _COLUMNS[what].search(title.strip(" *_`")):
            return index
    return None


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.split("|")]


def _handle_of(text: str) -> str:
    for pattern in (_HANDLE, _GITHUB_PROFILE):
        for match in pattern.finditer(text):
            if not _TEAM_HANDLE.search(match.group(1)):
                return match.group(1).lower()
    return ""


def _clean(text: str) -> str:
    return " ".join(_NOISE.sub(lambda m: m.group(1) or "", text).replace("*", "").replace("`", "").split())


def _from_row(doc: Document, block, area: str) -> Entry | None:
    header, cells = _cells(block.lead), _cells(block.text)
    columns = {what: _column(header, what) for what in _COLUMNS}
    if columns["name"] is None and columns["handle"] is None:
        return None
    pick = {what: cells[index] if index is not None and index < len(cells) else "" for what, index in columns.items()}
    handle = _handle_of(pick["handle"]) or (pick["handle"].strip(" @*`").lower() if pick["handle"] else "")
    handle = handle if re.fullmatch(r"[a-z0-9][\w-]*", handle or "-") else _handle_of(block.text)
    name = _clean(pick["name"]) or handle
    if not name:
        return None
    return Entry(name=name, handle=handle, affiliation=_clean(pick["affiliation"]), area=area or _clean(pick["area"]),
                 path=doc.path, line=block.line, text=block.text)


def _from_item(doc: Document, text: str, line: int, area: str, links: tuple[str, ...] = ()) -> Entry | None:
    from govlint.rules.builtin.review_contacts import classify

    # "* [Jane Doe] (Acme)" with "[Jane Doe]: https://github.com/jane" below: the link names the handle.
    handle = _handle_of(text) or next((h for h in (_handle_of(href + " ") for href in links) if h), "")
    emails = _EMAIL.findall(text)
    if not handle and (not emails or all(classify(e) for e in emails)):
        return None  # a line naming only a mailing list or a team's address is no person
    if len(text.split()) > 30:
        return None  # prose that mentions a handle, not an entry
    rest = _EMAIL.sub(" ", _HANDLE.sub(" ", _clean(text)))
    parts = [p.strip(" -–—,:;") for p in re.split(r"[,(|)–—]|\s-\s|\s/\s", rest)]
    parts = [p for p in parts if p and not p.lower().startswith(("github", "email", "slack"))]
    name = parts[0] if parts else handle
    affiliation = parts[1] if len(parts) > 1 else ""
    if len(name.split()) > _MAX_NAME_WORDS:
        return None  # a sentence, not a name
    return Entry(name=name, handle=handle, affiliation=affiliation, area=area, path=doc.path, line=line, text=text)


def _from_person_section(doc: Document, section) -> Entry | None:
    """A section named for a person, its fields as lines ("Affiliation: Purdue University", "GitHub: @x")."""
    fields: dict[str, str] = {}
    for block in section.blocks:
        for line in block.text.splitlines():
            match = _FIELD.match(line)
            if match:
                fields.setdefault(match.group(1).lower(), match.group(2).strip())
    handle = _handle_of(fields.get("github", "")) or fields.get("github", "").strip(" @").lower()
    if not handle and "email" not in fields:
        return None
    affiliation = next((fields[k] for k in ("affiliation", "company", "employer", "organization", "organisation")
                        if k in fields), "")
    affiliation = re.sub(r"\s*\((?:academia|industry|end user|vendor)\)\s*$", "", affiliation, flags=re.I)
    return Entry(name=section.heading, handle=handle, affiliation=_clean(affiliation), area="", path=doc.path,
                 line=section.line, text=section.heading)


def _area(headings: list[str]) -> str:
    return " > ".join(headings[1:]) if len(headings) > 1 else ""


def _past(headings: list[str]) -> bool:
    return any(_PAST.search(h) for h in headings)


def _read_owners(doc: Document) -> set[str]:
    handles: set[str] = set()
    if doc.kind == "codeowners":
        for line in doc.text.splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                handles.update(h.lower() for h in _CODEOWNERS_HANDLE.findall(line))
        return handles
    current = None
    for line in doc.text.splitlines():
        key = _OWNERS_KEY.match(line)
        if key:
            current = key.group(1)
            continue
        item = _OWNERS_ITEM.match(line)
        if item and current in ("admins", "approvers", "reviewers"):
            handles.add(item.group(1).lower())
        elif line.strip() and not line.startswith((" ", "-", "#")):
            current = None
    return handles


def _is_owners(doc: Document) -> bool:
    name = doc.path.rsplit("/", 1)[-1]
    return doc.kind == "codeowners" or name in ("OWNERS", "OWNERS_ALIASES")


def _from_csv(doc: Document) -> list[Entry]:
    rows = list(csv.reader(io.StringIO(doc.text)))
    if not rows:
        return []
    header = rows[0]
    columns = {what: _column(header, what) for what in _COLUMNS}
    out = []
    for number, row in enumerate(rows[1:], start=2):
        def cell(what: str) -> str:
            index = columns[what]
            return row[index].strip() if index is not None and index < len(row) else ""
        handle = cell("handle").lstrip("@").lower()
        name = cell("name") or handle
        if name:
            out.append(Entry(name=name, handle=handle, affiliation=cell("affiliation"), area=cell("area"),
                             path=doc.path, line=number, text=",".join(row)))
    return out


def roster(docs: DocumentSet) -> Roster:
    """Every current maintainer the lists name, and the owners files: govlint.maintainers' reading,
    or this module's own when that one finds no current maintainer. Memoised on the DocumentSet."""
    memo = getattr(docs, "memo", None)
    if memo is not None and "review-roster" in memo:
        return memo["review-roster"]
    found = _from_facts(docs)
    if not found.entries:
        own = _own_roster(docs)
        if own.entries:
            found = own
    if memo is not None:
        memo["review-roster"] = found
    return found


def _from_facts(docs: DocumentSet) -> Roster:
    from govlint.maintainer_formats import CODEOWNERS, EMERITUS, LIST, OWNERS
    from govlint.maintainers import facts

    known = facts(docs)
    by_path = {d.path: d for d in docs.documents}
    found = Roster(files=list(known.sources))
    for e in known.maintainers:
        found.entries.append(Entry(name=e.name or e.handle, handle=e.handle.lower(), affiliation=e.affiliation,
                                   area=e.areas[0] if e.areas else "", path=e.source, line=e.line, text=e.text))
    for e in known.entries:
        if e.team or e.role == EMERITUS or not e.handle:
            continue
        if e.origin in (OWNERS, CODEOWNERS):
            found.owners.setdefault(e.source, set()).add(e.handle.lower())
        elif e.origin == LIST:
            found.listed.add(e.handle.lower())
    for e in known.entries:
        if e.origin == LIST:
            found.lines.setdefault(e.source, set()).add(e.line)
            if e.source not in found.files and e.role != EMERITUS:
                found.files.append(e.source)
    if known.from_owners_only:
        found.listed = set()  # no maintainer list: the owners files are the list, nothing to agree with
    else:
        found.listed.update(e.handle for e in found.entries if e.handle)
    found.areas = {a for e in known.maintainers for a in e.areas}
    found.docs = {p: by_path[p] for p in {*found.files, *found.owners} if p in by_path}
    return found


def _own_roster(docs: DocumentSet) -> Roster:
    """The review's own reading of the lists (see the module's docstring)."""
    found = Roster(reader="review")
    seen: set[str] = set()

    def add(entry: Entry | None) -> None:
        if entry is None:
            return
        found.areas.add(entry.area)
        found.lines.setdefault(entry.path, set()).add(entry.line)
        if entry.key not in seen:
            seen.add(entry.key)
            found.entries.append(entry)
            return
        # Listed twice (MAINTAINERS.md and a CSV): the listing with an affiliation says more.
        for index, known in enumerate(found.entries):
            if known.key == entry.key and not known.affiliation and entry.affiliation:
                found.entries[index] = entry

    for doc in docs.documents:
        if _is_owners(doc):
            found.owners[doc.path] = _read_owners(doc)
            found.docs[doc.path] = doc
            continue
        if doc.kind in MEMBER_PAGE_KINDS:
            people = [e for e in (_from_person_section(doc, sec) for sec in doc.sections[1:]) if e is not None]
            people += [e for e in (_from_row(doc, b, _area(b.section.headings)) for b in doc.blocks
                                   if b.kind == "row" and b.lead and not _past(b.section.headings)) if e is not None]
            if people:
                found.files.append(doc.path)
                found.docs[doc.path] = doc
            for entry in people:
                add(entry)
            continue
        if doc.kind not in LIST_KINDS:
            continue
        found.files.append(doc.path)
        found.docs[doc.path] = doc
        if doc.path.lower().endswith((".csv", ".tsv")):
            for entry in _from_csv(doc):
                add(entry)
            continue
        for section in doc.sections[1:]:
            if not _past(section.headings):
                add(_from_person_section(doc, section))
        for block in doc.blocks:
            headings = block.section.headings
            if _past(headings):
                continue
            if _FIELD.match(block.text.splitlines()[0] if block.text else ""):
                continue  # a field of a person's section, read above
            if block.kind == "row" and block.lead:
                add(_from_row(doc, block, _area(headings)))
            elif block.kind == "item":
                links = tuple(link.href for link in doc.links if block.line <= link.line <= block.end_line)
                add(_from_item(doc, block.text, block.line, _area(headings), links))
            else:
                for offset, line in enumerate(block.text.splitlines()):
                    add(_from_item(doc, line, block.line + offset, _area(headings)))
    # A list that also names reviewers or approvers ("## Reviewers" under "## Maintainers"): the
    # maintainers are the people not listed under a lesser role.
    lesser = [e for e in found.entries if _LESSER.search(e.area)]
    if lesser and len(lesser) < len(found.entries):
        found.entries = [e for e in found.entries if not _LESSER.search(e.area)]
    if not found.entries:  # a project whose only list is a Prow OWNERS file: its approvers
        for path, handles in found.owners.items():
            if found.docs[path].kind != "codeowners":
                for handle in sorted(handles):
                    add(Entry(name=handle, handle=handle, affiliation="", area="", path=path, line=1, text=handle))
    found.listed = {e.handle for e in found.entries if e.handle and e.path not in found.owners}
    return found


def check_affiliations(docs: DocumentSet) -> Finding:
    """maintainer-affiliations: every listed maintainer has an affiliation."""
    entries = roster(docs).entries
    if not entries:
        return Finding(status=NOT_APPLICABLE, message="no maintainer list was read")
    with_affiliation = [e for e in entries if e.affiliation]
    without = [e for e in entries if not e.affiliation]
    message = f"{len(with_affiliation)} of {len(entries)} listed maintainers have an affiliation"
    if not without:
        return Finding(status=PASS, message=message, evidence=tuple(evidence(_doc(docs, e), e.line, e.text)
                                                                    for e in entries[:2]))
    quotes = tuple(evidence(_doc(docs, e), e.line, e.text) for e in without[:3])
    return Finding(status=PARTIAL if with_affiliation else FAIL, message=message, evidence=quotes if with_affiliation
                   else (), near_miss=() if with_affiliation else quotes)


def _doc(docs: DocumentSet, entry: Entry) -> Document:
    return next(d for d in docs.documents if d.path == entry.path)


def employers(entries: list[Entry]) -> dict[str, list[Entry]]:
    """Affiliation -> entries; each independent maintainer is an organisation of their own."""
    out: dict[str, list[Entry]] = {}
    for entry in entries:
        if not entry.affiliation:
            continue
        key = entry.affiliation.strip().lower()
        if _INDEPENDENT.match(key):
            key = f"independent ({entry.key})"
        out.setdefault(key, []).append(entry)
    return out


def check_diversity(docs: DocumentSet) -> Finding:
    """maintainer-diversity: maintainers come from more than one organisation, none holding a majority."""
    entries = roster(docs).entries
    by_employer = employers(entries)
    if not by_employer:
        return Finding(status=NOT_APPLICABLE, message="no maintainer affiliation is listed")
    counted = sum(len(v) for v in by_employer.values())
    name, members = max(by_employer.items(), key=lambda item: (len(item[1]), item[0]))
    share = len(members) / counted
    message = (f"{len(by_employer)} organisation(s) among {counted} maintainers with an affiliation; the largest, "
               f"{members[0].affiliation}, has {len(members)} ({share:.0%})")
    quotes = tuple(evidence(_doc(docs, e), e.line, e.text) for e in members[:2])
    if len(by_employer) == 1:
        return Finding(status=FAIL, message=message, near_miss=quotes)
    return Finding(status=PARTIAL if share > 0.5 else PASS, message=message, evidence=quotes)


_PROSE_HEADING = re.compile(r"becom|respons|process|how |adding|removing|removal|emerit|alumni|contact|overview|about|"
                            r"governance|election|nominat|inactiv|term|duties|expectation|introduction|purpose|"
                            r"see also|reference|history|acknowledg|credits|faq", re.I)
_EMPTY_AREA_WORDS = 40


def _own_words(section) -> int:
    return sum(len(b.text.split()) for b in section.blocks if b.section is section)


def check_areas(docs: DocumentSet) -> Finding:
    """maintainers-per-area: every part of the project a maintainer list names has a maintainer.

    A part is a section of a maintainer list, below its title, that names no one while other
    sections of the list do; a section about the role or the process ("Becoming a maintainer")
    or one of prose (more than a few lines) is no part."""
    found = roster(docs)
    files = [p for p in found.files if p in found.docs and found.docs[p].kind == "maintainers"
             and not p.lower().endswith((".csv", ".tsv"))]
    if not files:
        return Finding(status=NOT_APPLICABLE, message="no maintainer list was read")
    empty = []
    for path in files:
        doc = found.docs[path]
        named = found.lines.get(path, set())

        def names_someone(section) -> bool:
            end = section.end_line or section.line
            return any(section.line <= line <= end for line in named)

        parts = [sec for sec in doc.sections if sec.level >= 2 and not _past(sec.headings)]
        if not any(names_someone(sec) for sec in parts):
            continue  # a list not split into parts
        for section in parts:
            if names_someone(section) or _PROSE_HEADING.search(section.heading):
                continue
            if any(names_someone(child) for child in parts if child.line > section.line
                   and child.line <= (section.end_line or section.line)):
                continue
            if _own_words(section) <= _EMPTY_AREA_WORDS:
                empty.append((doc, section))
    if not empty:
        return Finding(status=PASS, message=f"{len(found.entries)} maintainers listed; every part named has one")
    names = ", ".join(s.heading for _, s in empty[:6])
    return Finding(status=FAIL, message=f"parts of the project with no listed maintainer: {names}",
                   evidence=tuple(evidence(d, s.line, s.heading) for d, s in empty[:3]))


def check_owners(docs: DocumentSet) -> Finding:
    """owners-agree: the OWNERS / CODEOWNERS files name the people the maintainer lists name."""
    found = roster(docs)
    owners_files = {p: h for p, h in found.owners.items() if h}
    listed = found.listed
    if not owners_files or not listed:
        return Finding(status=NOT_APPLICABLE, message="no OWNERS or CODEOWNERS file beside a maintainer list")
    owners = set().union(*owners_files.values())
    unknown = sorted(owners - listed)
    roots = [(p, h) for p, h in owners_files.items() if p.rsplit("/", 1)[-1] == "OWNERS" and p.count("/") <= 1]
    disagree = len(roots) > 1 and len({frozenset(h) for _, h in roots}) > 1
    parts = []
    if unknown:
        parts.append(f"{len(unknown)} of {len(owners)} people in {', '.join(owners_files)} are in no maintainer list: "
                     + ", ".join("@" + h for h in unknown[:8]))
    if disagree:
        parts.append(f"the OWNERS files disagree: {', '.join(p for p, _ in roots)}")
    quotes = tuple(evidence(found.docs[p], 1, p) for p in list(owners_files)[:3] if p in found.docs)
    if not parts:
        return Finding(status=PASS, message=f"the {len(owners)} people in the ownership files are all listed maintainers",
                       evidence=quotes)
    status = FAIL if len(unknown) * 3 > len(owners) or (disagree and unknown) else PARTIAL
    return Finding(status=status, message="; ".join(parts), evidence=quotes)
