"""Who a project lists as its maintainers, and the facts reviewers check about that list.

``facts(docs)`` reads every document discovery gave (maintainer files in every common format; see
maintainer_formats.py) into ``Entry`` records and computes what a governance review asks: how many
maintainers, how many with an affiliation, a contact and an area, the largest employer's share,
the organisations, paths in OWNERS/CODEOWNERS with no listed maintainer, and handles the owners
files and the maintainer list disagree on. Plain data, no verdicts: rules decide what is enough.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

from govlint.document import Document, Section
from govlint import maintainer_files as files
from govlint import maintainer_formats as fmt
from govlint.maintainer_formats import (CODE_OWNER, CODEOWNERS, CONTRIBUTOR, EMERITUS, LIST, MAINTAINER, OWNERS,
                                        REVIEWER, STEERING, Owned, Person)

__all__ = ["CODE_OWNER", "CONTRIBUTOR", "EMERITUS", "MAINTAINER", "REVIEWER", "STEERING", "Employer", "Entry",
           "MaintainerFacts", "PathOwners", "entries", "facts"]

# Documents that list other people than the project's maintainers (security contacts, conduct
# committees): never read for a maintainer list.
_NOT_LISTS = frozenset({"code-of-conduct", "security"})


@dataclass(frozen=True)
class Entry:
    """One person (or team) a document lists, with where it lists them."""

    name: str = ""
    handle: str = ""  # GitHub login, without "@"
    email: str = ""
    affiliation: str = ""
    areas: tuple[str, ...] = ()
    role: str = MAINTAINER  # maintainer, reviewer, emeritus, steering, contributor, code-owner
    source: str = ""  # the document's path
    line: int = 0
    text: str = ""  # the line that lists them
    origin: str = LIST  # list (a maintainer list), owners (prow OWNERS), codeowners
    team: bool = False  # an @org/team or prow alias

    @property
    def contact(self) -> str:
        return f"@{self.handle}" if self.handle else self.email

    @property
    def label(self) -> str:
        return self.name or self.contact or "?"

    @property
    def keys(self) -> tuple[str, ...]:
        """What identifies the person across files: login, e-mail, name (folded)."""
        out = []
        if self.handle:
            out.append("gh:" + self.handle.lower())
        if self.email:
            out.append("mail:" + self.email.lower())
        if self.name:
            out.append("name:" + " ".join(self.name.casefold().split()))
        return tuple(out)


@dataclass(frozen=True)
class PathOwners:
    """A path a CODEOWNERS pattern or an OWNERS file covers, and the owners it names."""

    path: str
    owners: tuple[str, ...]
    source: str
    line: int


@dataclass(frozen=True)
class Employer:
    name: str
    count: int
    share: float  # of the maintainers whose affiliation is given


@dataclass(frozen=True)
class MaintainerFacts:
    entries: tuple[Entry, ...]  # everything read, from every document, before merging
    maintainers: tuple[Entry, ...]  # the current maintainer list, one entry per person
    reviewers: tuple[Entry, ...]
    emeritus: tuple[Entry, ...]
    owned_paths: tuple[PathOwners, ...]
    sources: tuple[str, ...]  # the documents the maintainer list comes from
    from_owners_only: bool  # no maintainer list: the maintainers are the OWNERS approvers
    with_name: int
    with_contact: int
    with_affiliation: int
    with_area: int
    largest_employer: Employer | None
    organisations: int  # distinct employers, each independent maintainer counted as one
    unowned_paths: tuple[PathOwners, ...]  # paths with no owner, or none of them a listed person
    owners_not_listed: tuple[str, ...]  # handles in OWNERS/CODEOWNERS not in the list
    listed_not_owners: tuple[str, ...]  # listed maintainers' handles in no OWNERS/CODEOWNERS
    others: tuple[Entry, ...] = field(default=())  # steering and contributor lists

    @property
    def count(self) -> int:
        return len(self.maintainers)


# --- reading ----------------------------------------------------------------------------------


def _name_of(doc: Document) -> str:
    return doc.path.rsplit("/", 1)[-1]


def _format(doc: Document) -> str:
    """Which reader a document needs, by its name first and then its text."""
    name = _name_of(doc)
    lower = name.lower()
    if name == "OWNERS" or lower == "owners.yaml":
        return "owners"
    if name == "OWNERS_ALIASES":
        return "aliases"
    if lower == "codeowners":
        return "codeowners"
    if lower.endswith(".csv"):
        return "csv"
    return "text"


def entries(docs: Iterable[Document]) -> tuple[list[Entry], list[PathOwners]]:
    """Every person and owned path the documents list."""
    docs = [d for d in docs if d.kind not in _NOT_LISTS]
    aliases: dict[str, list[str]] = {}
    for doc in docs:
        if _format(doc) == "aliases":
            aliases.update(files.read_aliases(doc))
    people: list[Person] = []
    owned: list[Owned] = []
    for doc in docs:
        kind = _format(doc)
        if kind == "owners":
            found, paths = files.read_owners(doc, aliases)
            people += found
            owned += paths
        elif kind == "codeowners":
            found, paths = files.read_codeowners(doc)
            people += found
            owned += paths
        elif kind == "csv":
            people += files.read_csv(doc)
        elif kind == "text":
            people += _read_text(doc)
    out = [Entry(name=p.name.strip(), handle=p.handle.strip().lstrip("@"), email=p.email.strip(),
                 affiliation=_clean_affiliation(p.affiliation), areas=tuple(dict.fromkeys(a.strip() for a in p.areas
                                                                                        if a.strip())),
                 role=p.role, source=p.path, line=p.line, text=p.text, origin=p.origin, team=p.team)
           for p in people]
    return out, [PathOwners(path=o.path, owners=tuple(o.owners), source=o.source, line=o.line) for o in owned]


def _clean_affiliation(value: str) -> str:
    value = " ".join(value.split()).strip(" ,;*_`[]")
    return "" if fmt.empty(value) else value


def _read_text(doc: Document) -> list[Person]:
    """Markdown, reStructuredText and plain text: tables, list items and lines, each read with the
    heading, list lead or column header over it for its role. A maintainers file lists
    maintainers unless a heading says otherwise; in any other document only a section or list
    that says it lists people ("## Maintainers", "Approvers:") is read."""
    lines = doc.text.split("\n")
    if files.is_toml_people(lines):
        return files.read_toml(doc, lines)
    if files.is_linux_style(lines):
        return files.read_linux(doc, lines)
    is_list_doc = doc.kind == "maintainers"
    fenced = fmt.fenced_lines(lines)
    refs = fmt.reference_links(lines)
    headings = _heading_index(doc)
    out: list[Person] = []
    in_table: set[int] = set()
    for table, line, cells in fmt.tables(lines, fenced):
        in_table.update({table.header_line - 1, table.header_line, line - 1})
        context = _context(headings, line)
        header_role = next((f[1] for f in table.fields if f and f[0] == "person" and f[1]), None)
        if not (context or header_role or is_list_doc):
            continue
        for person in fmt.people_from_row(table, cells, refs):
            # A heading that says "Emeritus" or "Alumni" wins; then the column's own word
            # ("Reviewers") or the row's role column; then the heading's role.
            if context == EMERITUS:
                person.role = EMERITUS
            elif context and not header_role and person.role == MAINTAINER:
                person.role = context
            _place(person, doc, line, lines)
            person.areas += _heading_area(headings, line)
            out.append(person)
    # Tables seen, the rest line by line, outside code blocks.
    for line, text, is_item, lead in fmt.items_and_lines(lines, fenced, in_table, refs):
        lead_role = fmt.list_role(lead.rstrip(":")) if lead else None
        context = lead_role or _context(headings, line)
        if context is None and not is_list_doc:
            continue
        person = fmt.person_from_text(text, refs, strict=not is_item)
        if person is None:
            continue
        if person.role == MAINTAINER:
            person.role = context or MAINTAINER
        _place(person, doc, line, lines)
        person.areas += _heading_area(headings, line)
        out.append(person)
    if is_list_doc:
        # containerd's quoted CSV lines, or a CSV pasted into a code block of MAINTAINERS.md.
        out += files.csv_lines(doc, lines)
        # Names alone, one a line: a list with no contacts is still a list (and says what it lacks).
        heading_lines = {s.line for s in doc.sections if s.level > 0}
        read = {person.line for person in out}
        for line, name, lead, affiliation in fmt.bare_names(lines, fenced, in_table, heading_lines):
            if line in read:
                continue  # "* [Jane Doe] (Acme)" read above through its reference definition
            context = (fmt.list_role(lead.rstrip(":")) if lead else None) or _context(headings, line)
            section = _section_at(headings, line)
            if context is None and section is not None and section.level > 1:
                continue  # under "## Credits", not under the file's title
            person = Person(name=name, affiliation=affiliation, role=context or MAINTAINER)
            _place(person, doc, line, lines)
            out.append(person)
    return _dedupe_lines(out)


def _dedupe_lines(people: list[Person]) -> list[Person]:
    """A line read twice (a quoted CSV line is also a line) counts once: the first reading."""
    seen: set[tuple[str, int, str]] = set()
    out = []
    for person in people:
        key = (person.path, person.line, (person.handle or person.email or person.name).lower())
        if key not in seen:
            seen.add(key)
            out.append(person)
    return out


def _place(person: Person, doc: Document, line: int, lines: list[str]) -> None:
    person.path, person.line = doc.path, line
    person.text = lines[line - 1].strip() if 0 < line <= len(lines) else ""


def _heading_index(doc: Document) -> list[Section | None]:
    """Line number -> the deepest section over it (sections come parents first, so the last to
    claim a line is the deepest); one pass, however many headings."""
    index: list[Section | None] = [None] * (doc.line_count + 2)
    for section in doc.sections:
        if section.level > 0:
            end = min(section.end_line or section.line, len(index) - 1)
            index[section.line:end + 1] = [section] * max(0, end + 1 - section.line)
    return index


def _section_at(headings: list[Section | None], line: int) -> Section | None:
    return headings[line] if 0 <= line < len(headings) else None


def _context(headings: list[Section | None], line: int) -> str | None:
    """The role the nearest heading that speaks of one gives the people listed at ``line``."""
    section = _section_at(headings, line)
    for heading in reversed(section.headings if section else []):
        role = fmt.list_role(heading)
        if role:
            return role
        if fmt.role_in(heading):  # "Maintainer responsibilities": about the role, lists no one
            return None
    return None


_GENERIC_WORDS = frozenset({"current", "active", "present", "official", "project", "projects", "all", "our", "core",
                            "list", "consolidated", "full", "senior", "primary", "existing", "new", "voting",
                            "non-voting", "other", "additional", "initial", "founding", "group", "names", "are",
                            "in", "alphabetical", "order", "sorted", "by", "a", "an", "is", "this", "these", "who",
                            "people", "individuals", "s", "here", "below", "listed"})


def _heading_area(headings: list[Section | None], line: int) -> list[str]:
    """A sub-project a heading names for the people below it ("### CLI Maintainers" -> "CLI"); not
    the document's title, and not a heading that only names the role ("Current maintainers")."""
    deepest = _section_at(headings, line)
    if deepest is None or deepest.level <= 1:
        return []
    heading = re.sub(r"\([^)]*\)", " ", deepest.heading)
    words = re.sub(r"(?i)\b(?:maintainers?|committers?|approvers?|reviewers?|owners?|emeritus|alumni|team|members?|"
                   r"leads?|and|of|for|the)\b", " ", heading)
    words = [w for w in re.sub(r"[`*_()\[\]:#&,-]", " ", words).split()
             if w.lower() not in _GENERIC_WORDS and not w.isdigit()]
    if not words or len(words) > 3 or fmt.role_in(" ".join(words)):
        return []
    return [" ".join(words)]


# --- merging and facts ------------------------------------------------------------------------


def _merge(found: Sequence[Entry]) -> list[Entry]:
    """One entry per person: entries that share a login, an e-mail or a name are combined, the
    first listing's place kept and empty fields filled from the others."""
    merged: list[dict] = []
    index: dict[str, int] = {}
    for entry in found:
        at = next((index[k] for k in entry.keys if k in index and _same(merged[index[k]], entry)), None)
        if at is None:
            at = len(merged)
            merged.append({"entry": entry, "fields": {}, "areas": dict.fromkeys(entry.areas)})
        else:
            slot = merged[at]
            for name in ("name", "handle", "email", "affiliation"):
                if getattr(entry, name) and not getattr(slot["entry"], name):
                    slot["fields"].setdefault(name, getattr(entry, name))
            slot["areas"].update(dict.fromkeys(entry.areas))
        index.update({k: at for k in entry.keys if k not in index})
    return [replace(slot["entry"], **slot["fields"], areas=tuple(slot["areas"])) for slot in merged]


def _same(slot: dict, entry: Entry) -> bool:
    """Two listings are one person unless they give different logins (two people can share a
    name) or names with no word in common (a login copied into the wrong row)."""
    handle = slot["fields"].get("handle") or slot["entry"].handle
    if handle and entry.handle and handle.lower() != entry.handle.lower():
        return False
    name = slot["fields"].get("name") or slot["entry"].name
    return not (name and entry.name and not _words(name) & _words(entry.name))


def _words(name: str) -> set[str]:
    return set(re.findall(r"\w+", name.casefold()))


def _employer_key(value: str) -> str:
    value = re.sub(r"(?i)[,.]?\s*\b(?:inc|llc|ltd|limited|corp|corporation|gmbh|co|company|s\.?a|ag|plc)\b\.?", "",
                   value)
    return " ".join(re.sub(r"[^\w\s&+-]", " ", value.casefold()).split())


def employers(maintainers: Sequence[Entry]) -> tuple[Employer | None, int]:
    """The largest employer among the maintainers whose affiliation is given, with its share of
    them, and the number of organisations (each independent maintainer counts as one)."""
    known = [e for e in maintainers if e.affiliation]
    independents = sum(1 for e in known if fmt.independent(e.affiliation))
    companies = Counter()
    shown: dict[str, str] = {}
    for entry in known:
        if fmt.independent(entry.affiliation):
            continue
        key = _employer_key(entry.affiliation)
        companies[key] += 1
        shown.setdefault(key, entry.affiliation)
    if not companies:
        return None, independents
    key, count = companies.most_common(1)[0]
    return Employer(name=shown[key], count=count, share=count / len(known)), len(companies) + independents


def facts(docs: Iterable[Document]) -> MaintainerFacts:
    """The maintainer facts of a set of documents (a DocumentSet memoises them)."""
    memo = getattr(docs, "memo", None)
    if memo is not None and "maintainer-facts" in memo:
        return memo["maintainer-facts"]
    result = _facts(list(docs))
    if memo is not None:
        memo["maintainer-facts"] = result
    return result


def _facts(docs: list[Document]) -> MaintainerFacts:
    found, owned = entries(docs)
    people = [e for e in found if not e.team]
    listed = [e for e in people if e.origin == LIST]
    from_owners = [e for e in people if e.origin == OWNERS]
    maintainers = _merge([e for e in listed if e.role == MAINTAINER])
    from_owners_only = not maintainers and any(e.role == MAINTAINER for e in from_owners)
    if from_owners_only:
        maintainers = _merge([e for e in from_owners if e.role == MAINTAINER])
    current = {k for e in maintainers for k in e.keys}
    reviewers = [e for e in _merge([e for e in listed + from_owners if e.role == REVIEWER])
                 if not current.intersection(e.keys)]
    emeritus = [e for e in _merge([e for e in listed + from_owners if e.role == EMERITUS])
                if not current.intersection(e.keys)]
    others = _merge([e for e in listed if e.role in (STEERING, CONTRIBUTOR)])
    largest, organisations = employers(maintainers)
    unowned, not_listed, not_owners = _disagreements(maintainers, reviewers, found, owned,
                                                     has_list=bool(listed) and not from_owners_only)
    return MaintainerFacts(
        entries=tuple(found), maintainers=tuple(maintainers), reviewers=tuple(reviewers), emeritus=tuple(emeritus),
        owned_paths=tuple(owned), sources=tuple(dict.fromkeys(e.source for e in maintainers)),
        from_owners_only=from_owners_only,
        with_name=sum(1 for e in maintainers if e.name), with_contact=sum(1 for e in maintainers if e.contact),
        with_affiliation=sum(1 for e in maintainers if e.affiliation),
        with_area=sum(1 for e in maintainers if e.areas), largest_employer=largest, organisations=organisations,
        unowned_paths=tuple(unowned), owners_not_listed=tuple(not_listed), listed_not_owners=tuple(not_owners),
        others=tuple(others))


def _disagreements(maintainers: Sequence[Entry], reviewers: Sequence[Entry], found: Sequence[Entry],
                   owned: Sequence[PathOwners], *, has_list: bool):
    """Paths with no listed owner, owners' handles not in the list, listed handles in no owners file."""
    listed = {e.handle.lower() for e in list(maintainers) + list(reviewers) if e.handle}
    owner_people = [e for e in found if e.origin in (OWNERS, CODEOWNERS) and not e.team and e.role != EMERITUS]
    owner_handles = {e.handle.lower(): e.handle for e in owner_people if e.handle}
    teams = {e.handle.lower() for e in found if e.team}
    unowned = []
    for path in owned:
        owners = {o.lower() for o in path.owners}
        people = owners - teams
        if not owners or (has_list and not owners & teams and not people & listed
                          and not any("@" in o for o in owners)):
            unowned.append(path)
    if not has_list or not owned:
        return unowned, [], []
    not_listed = sorted((h for k, h in owner_handles.items() if k not in listed), key=str.lower)
    not_owners = sorted((e.handle for e in maintainers if e.handle and e.handle.lower() not in owner_handles),
                        key=str.lower)
    return unowned, not_listed, not_owners
