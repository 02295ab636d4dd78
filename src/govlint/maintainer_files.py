"""Maintainer files that are data rather than prose: prow OWNERS and OWNERS_ALIASES, CODEOWNERS,
CSV (maintainers.csv, containerd's quoted lines), Docker's TOML MAINTAINERS and the Linux
MAINTAINERS format. Each reader turns one document into ``Person`` and ``Owned`` records, with
the column and role vocabulary of maintainer_formats.py.
"""
from __future__ import annotations

import csv
import re

from govlint.document import Document
from govlint.errors import GovlintError
from govlint.maintainer_formats import (CODEOWNERS, CODE_OWNER, CONTRIBUTOR, EMAIL, EMERITUS, MAINTAINER, OWNERS,
                                        REVIEWER, STEERING, Owned, Person, Table, column_field, list_role, login_of,
                                        looks_like_name, people_from_row, role_in)
from govlint.patterns import lazy
from govlint.yamlio import load_yaml


class _Unreadable(GovlintError):
    pass


def read_owners(doc: Document, aliases: dict[str, list[str]]) -> tuple[list[Person], list[Owned]]:
    """A prow OWNERS file: approvers are maintainers, reviewers reviewers, emeritus_approvers
    emeritus, of the file's folder (or of each ``filters:`` pattern in it)."""
    try:
        data = load_yaml(doc.text, path=doc.path, error=_Unreadable)
    except _Unreadable:
        return [], []
    if not isinstance(data, dict):
        return [], []
    folder = doc.path.rsplit("/", 1)[0] + "/" if "/" in doc.path else "/"
    lines = doc.text.split("\n")
    people: list[Person] = []
    owned: list[Owned] = []
    scopes = [(folder, data)]
    filters = data.get("filters")
    if isinstance(filters, dict):
        scopes += [(folder if pattern == ".*" else f"{folder}{pattern}", spec)
                   for pattern, spec in filters.items() if isinstance(spec, dict)]
    for path, spec in scopes:
        names: list[str] = []
        for key, role in (("approvers", MAINTAINER), ("reviewers", REVIEWER), ("emeritus_approvers", EMERITUS)):
            values = spec.get(key)
            if not isinstance(values, list):
                continue
            for value in values:
                if not isinstance(value, str) or not value.strip():
                    continue
                value = value.strip().lstrip("@")
                line = _line_of(lines, value)
                if role != EMERITUS:
                    names.append(value)
                members = aliases.get(value.lower())
                if members is not None:
                    people += [Person(handle=m, role=role, path=doc.path, line=line, text=lines[line - 1].strip(),
                                      origin=OWNERS, areas=[path]) for m in members]
                else:
                    people.append(Person(handle=value, role=role, path=doc.path, line=line, origin=OWNERS,
                                         text=lines[line - 1].strip(), areas=[path], team=_alias_like(value)))
        if names or (spec is data and not isinstance(filters, dict)):
            owned.append(Owned(path=path, owners=names, source=doc.path, line=1))
    return people, owned


def _alias_like(name: str) -> bool:
    return bool(re.search(r"approvers|reviewers|maintainers|committee|team|leads|owners|admins|^sig-|^wg-", name, re.I))


def _line_of(lines: list[str], value: str) -> int:
    pattern = re.compile(rf"(?:^|[\s\-\[,'\"]){re.escape(value)}(?:$|[\s,\]'\"#])", re.I)
    return next((n for n, line in enumerate(lines, 1) if pattern.search(line)), 1)


def read_aliases(doc: Document) -> dict[str, list[str]]:
    """A prow OWNERS_ALIASES file: alias -> handles."""
    try:
        data = load_yaml(doc.text, path=doc.path, error=_Unreadable)
    except _Unreadable:
        return {}
    aliases = data.get("aliases") if isinstance(data, dict) else None
    if not isinstance(aliases, dict):
        return {}
    return {str(k).lower(): [str(v).lstrip("@") for v in (vals or []) if isinstance(v, str)]
            for k, vals in aliases.items() if isinstance(vals, list)}


def read_codeowners(doc: Document) -> tuple[list[Person], list[Owned]]:
    """CODEOWNERS: each line a path pattern and its owners (@user, @org/team, e-mail)."""
    people: list[Person] = []
    owned: list[Owned] = []
    for number, line in enumerate(doc.text.split("\n"), 1):
        text = line.split("#", 1)[0].strip() if not line.lstrip().startswith("\\#") else line.strip()
        if not text or text.startswith("["):  # a GitLab section header
            continue
        parts = text.split()
        pattern, owners = parts[0], parts[1:]
        owned.append(Owned(path=pattern, owners=[o.lstrip("@") for o in owners], source=doc.path, line=number))
        for owner in owners:
            if owner.startswith("@"):
                team = "/" in owner
                people.append(Person(handle=owner[1:], role=CODE_OWNER, path=doc.path, line=number, text=line.strip(),
                                     origin=CODEOWNERS, areas=[pattern], team=team))
            elif EMAIL.fullmatch(owner):
                people.append(Person(email=owner, role=CODE_OWNER, path=doc.path, line=number, text=line.strip(),
                                     origin=CODEOWNERS, areas=[pattern]))
    return people, owned


_LINUX_TAG = lazy(r"^([A-Z]):\s*(.*)$")


def is_linux_style(lines: list[str]) -> bool:
    tagged = sum(1 for line in lines[:400] if re.match(r"^[MPR]:\s*\S", line))
    return tagged >= 2 and any(re.match(r"^[SFL]:\s*\S", line) for line in lines[:400])


def read_linux(doc: Document, lines: list[str]) -> list[Person]:
    """The Linux MAINTAINERS format: a title line, then M: (maintainer, "Name <mail>"), R: (reviewer),
    P: (a person, old style, with its M: mail below), F: (files) and others, blocks apart by blank lines."""
    people: list[Person] = []
    title = ""
    block: list[Person] = []
    files: list[str] = []

    def close() -> None:
        for person in block:
            person.areas = [a for a in [title] + files if a]
        people.extend(block)

    pending_name: Person | None = None
    for number, line in enumerate(lines, 1):
        tag = _LINUX_TAG.match(line)
        if not line.strip():
            close()
            title, block, files, pending_name = "", [], [], None
            continue
        if not tag:
            if not block and not files:
                title = line.strip()
            continue
        letter, value = tag.group(1), tag.group(2).strip()
        if letter == "F":
            files.append(value)
        elif letter in ("M", "R", "P"):
            role = REVIEWER if letter == "R" else MAINTAINER
            found = EMAIL.search(value)
            name = value[:found.start()].strip(" <\"'") if found else value
            if letter == "P" or not found:
                pending_name = Person(name=name, role=role, path=doc.path, line=number, text=line.strip())
                if letter == "P":
                    block.append(pending_name)
                continue
            if pending_name is not None and not name:
                pending_name.email = found.group(0)
                pending_name = None
                continue
            block.append(Person(name=name, email=found.group(0), role=role, path=doc.path, line=number,
                                text=line.strip()))
    close()
    return [p for p in people if p.email or p.name]


def read_csv(doc: Document) -> list[Person]:
    """A CSV file with a header row (``maintainers.csv``: "Name,GitHub,Company")."""
    rows = list(csv.reader(doc.text.split("\n")))
    header_at = next((i for i, row in enumerate(rows) if row and sum(column_field(c) is not None for c in row) >= 2),
                     None)
    if header_at is None:
        return _headerless_csv(doc, rows)
    table = Table(header_line=header_at + 1, fields=[column_field(c) for c in rows[header_at]])
    lines = doc.text.split("\n")
    people = []
    for index in range(header_at + 1, len(rows)):
        for person in people_from_row(table, rows[index], {}):
            person.path, person.line, person.text = doc.path, index + 1, lines[index].strip()
            people.append(person)
    return people


_QUOTED_ROW = lazy(r"^\s*\"[^\"\n]*\"\s*,|^\s*[^,\s][^,\n]*,\s*@?[\w-]+\s*,\s*[\w.+-]+@")


def _headerless_csv(doc: Document, rows: list[list[str]]) -> list[Person]:
    lines = doc.text.split("\n")
    return [p for index, row in enumerate(rows) for p in [_csv_person(row, doc, index + 1, lines[index])] if p]


def _csv_person(row: list[str], doc: Document, line: int, text: str, header: list | None = None) -> Person | None:
    """One person from a CSV row, by the header when there is one, else by what each cell holds."""
    if header:
        table = Table(header_line=0, fields=header)
        found = people_from_row(table, row, {})
        person = found[0] if len(found) == 1 else None
    else:
        person = Person()
        for cell in (c.strip() for c in row):
            if not cell:
                continue
            if EMAIL.fullmatch(cell):
                person.email = person.email or cell
            elif re.fullmatch(r"@[A-Za-z0-9][\w-]{0,38}", cell) or login_of(cell):
                person.handle = person.handle or login_of(cell) or cell[1:]
            elif not person.name and looks_like_name(cell) and (" " in cell or not person.handle):
                person.name = cell
        if not (person.email or person.handle):
            return None
    if person is None:
        return None
    person.path, person.line, person.text = doc.path, line, text.strip()
    return person


def csv_lines(doc: Document, lines: list[str]) -> list[Person]:
    """containerd's MAINTAINERS and CSV pasted into a Markdown file: quoted comma-separated lines,
    with a "# GitHub ID, Name, Email address" comment as the header and "# REVIEWERS" as a role."""
    people: list[Person] = []
    header: list | None = None
    role = MAINTAINER
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("#"):
            comment = stripped.lstrip("#").strip()
            if comment.count(",") >= 1:
                fields = [column_field(c) for c in comment.split(",")]
                if sum(f is not None for f in fields) >= 2:
                    header = fields
                    continue
            role = list_role(comment) or role
            continue
        if not _QUOTED_ROW.match(line):
            continue
        row = next(csv.reader([stripped]), [])
        person = _csv_person(row, doc, index + 1, line, header)
        if person is not None:
            if person.role == MAINTAINER:
                person.role = role
            people.append(person)
    return people


_TOML_TABLE = lazy(r"^\s*\[([^\[\]]+)\]\s*$")
_TOML_PAIR = lazy(r"^\s*(\"[^\"]+\"|[\w-]+)\s*=\s*\"([^\"]*)\"\s*$")
_TOML_STRING = lazy(r"\"([^\"]*)\"")


def is_toml_people(lines: list[str]) -> bool:
    return any(re.match(r"^\s*\[people\.", line) for line in lines)


def read_toml(doc: Document, lines: list[str]) -> list[Person]:
    """Docker's TOML MAINTAINERS: ``[people.<key>]`` tables (Name, Email, GitHub) and ``[Org...]``
    groups whose ``people = [...]`` arrays say each person's role and subsystem."""
    people: dict[str, Person] = {}
    groups: list[tuple[list[str], list[str]]] = []  # (table path, keys)
    path: list[str] = []
    collecting: list[str] | None = None
    for number, line in enumerate(lines, 1):
        if collecting is not None:
            collecting += _TOML_STRING.findall(line)
            if "]" in line:
                groups.append((path, collecting))
                collecting = None
            continue
        table = _TOML_TABLE.match(line)
        if table:
            path = [p.strip().strip('"') for p in re.findall(r'"[^"]*"|[^.]+', table.group(1))]
            if len(path) == 2 and path[0] == "people":
                people[path[1].lower()] = Person(path=doc.path, line=number, text=line.strip())
            continue
        stripped = line.split("#", 1)[0]
        if re.match(r"^\s*people\s*=\s*\[", stripped):
            collecting = _TOML_STRING.findall(stripped)
            if "]" in stripped.split("[", 1)[1]:
                groups.append((path, collecting))
                collecting = None
            continue
        pair = _TOML_PAIR.match(stripped)
        if not pair:
            continue
        key, value = pair.group(1).strip('"'), pair.group(2)
        if len(path) == 2 and path[0] == "people" and path[1].lower() in people:
            person = people[path[1].lower()]
            lowered = key.lower()
            if lowered == "name":
                person.name = value
            elif lowered == "email":
                person.email = value
            elif lowered == "github":
                person.handle = value
            elif lowered in ("company", "affiliation", "employer", "organization"):
                person.affiliation = value
        elif path and path[0].lower() == "org":
            groups.append((path + [key], [value]))
    out: list[Person] = []
    seen: set[str] = set()
    for group_path, keys in groups:
        names = [p for p in group_path[1:] if p.lower() not in ("org", "subsystem", "subsystems")]
        role = next((r for r in (role_in(n) for n in reversed(names)) if r), MAINTAINER)
        role = MAINTAINER if role in (STEERING, CONTRIBUTOR) else role
        area = next((n for n in reversed(names) if not role_in(n)), "")
        for key in keys:
            person = people.get(key.lower())
            if person is None:
                continue
            seen.add(key.lower())
            out.append(Person(name=person.name, handle=person.handle or key, email=person.email,
                              affiliation=person.affiliation, areas=[area] if area else [], role=role,
                              path=person.path, line=person.line, text=person.text))
    out += [p for key, p in people.items() if key not in seen]
    return out
