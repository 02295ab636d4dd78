"""Reading the people a project lists in its prose documents: Markdown and plain-text tables
(columns recognised by their headers, in any order), bullet lists, "Name <email>" lines and names
alone, with the words that say a list's role. Data files (OWNERS, CODEOWNERS, CSV, TOML, the Linux
format) are in maintainer_files.py; maintainers.py combines both into facts. Table cells are read
from the document's own text at the line its tree gives (the tree keeps a row's text, not its columns).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from govlint.patterns import lazy


# Roles a record can have. "code-owner" comes from CODEOWNERS, "steering" from a steering committee
# or council list, "contributor" from member or contributor lists.
MAINTAINER, REVIEWER, EMERITUS, STEERING, CONTRIBUTOR, CODE_OWNER = (
    "maintainer", "reviewer", "emeritus", "steering", "contributor", "code-owner")
# Where a record came from: a list a reader is meant to read, a prow OWNERS file, CODEOWNERS.
LIST, OWNERS, CODEOWNERS = "list", "owners", "codeowners"


@dataclass
class Person:
    """One person (or team) as one line of one document lists them."""

    name: str = ""
    handle: str = ""  # GitHub login, without "@"
    email: str = ""
    affiliation: str = ""
    areas: list[str] = field(default_factory=list)
    role: str = MAINTAINER
    path: str = ""
    line: int = 0
    text: str = ""  # the source line, for evidence
    origin: str = LIST
    team: bool = False  # an @org/team or a prow alias, not one person


@dataclass
class Owned:
    """A path (CODEOWNERS pattern, OWNERS folder or filter) and the owners it names, as written."""

    path: str
    owners: list[str]
    source: str
    line: int


# --- words ------------------------------------------------------------------------------------

_EMERITUS = re.compile(r"emerit|alumn|former|\bpast\b|retired|inactive|previous|hall of fame|stepped down|"
                       r"\bthanks?\b|\bthank you\b", re.I)
_REVIEWER = re.compile(r"\breviewers?\b|\btriag\w*|\bshepherds?\b", re.I)
_MAINTAINER = re.compile(r"maintainers?\b|maintainer|\bcommitters?\b|\bapprovers?\b|\bowners?\b|\bcore (?:team|"
                         r"developers?|members?)\b|\bleads?\b|\badmins?\b|\badministrators?\b|\bmaintained by\b|"
                         r"\bproject team\b|\bteam members?\b", re.I)
_STEERING = re.compile(r"\bsteering\b|\btsc\b|\btechnical (?:oversight|advisory)\b|\bcouncil\b|\bcommittee\b|"
                       r"\bboard\b|\bchairs?\b", re.I)
_CONTRIBUTOR = re.compile(r"\bcontributors?\b|\bmembers?\b|\bcommunity managers?\b|\bfriends\b", re.I)
# Headings about maintainers that do not list them ("Becoming a maintainer", "Maintainer duties").
_NOT_A_LIST = re.compile(r"responsib|dut(?:y|ies)|becom|process|nominat|remov|\badd|promot|expectation|criteri|"
                         r"requirement|\bhow\b|\bwhat\b|\bwhy\b|election|guideline|privilege|onboard|offboard|"
                         r"lifecycle|\broles?\b|ladder|decision|conduct|overview|about|vot(?:e|ing)|meeting|"
                         r"communicat|contact us|escalat|conflict|policy|procedure|charter|term\b|\bfaq\b", re.I)
# A cell, segment or column value that names a role rather than a scope.
_ROLE_VALUE = lazy(r"^(?:(?:core|senior|project|community|lead|sub-?project|tech(?:nical)?|co-?|"
                   r"org|repo|release|chief|primary|voting|non[- ]voting)\s*)*"
                   r"(?:maintainers?|reviewers?|approvers?|committers?|leads?|owners?|triagers?|emerit\w*|"
                   r"alumn\w*|representatives?|chairs?|members?|admins?|administrators?|inactive|active|"
                   r"voting|non[- ]voting|tsc|steering)(?:\s*\(.*\))?$", re.I)
_PLACEHOLDER = lazy(r"^(?:-+|—|–|n/?a|none|tbd|tba|\[?todo\b.*|\?+|vacant|open|x|\.\.\.|seeking\b.*|"
                    r"to be (?:announced|determined).*|<[^>]*>|your (?:name|handle|company).*|"
                    r"projectname.*)$", re.I)
_INDEPENDENT = lazy(r"^(?:independent|individual|self|self[- ]employed|freelancer?|unaffiliated|"
                    r"personal|no affiliation|private)$", re.I)
# Segments of a list item that are neither a name nor an affiliation.
_NOISE = lazy(r"^(?:he/him|she/her|they/them|\w+/\w+|non[- ]?voting|voting|on leave|chair|co-?chair|"
              r"lead|emeritus|inactive|active|utc[+-]?\d*|[a-z]{2,5}t)$", re.I)


def role_in(text: str) -> str | None:
    """The role a heading, list lead or column header names, if any. "Emeritus" wins wherever it
    stands ("Emeritus approvers"); otherwise the role named first ("The committee will consist of
    the three most active committers" lists a committee; "Maintainers council" maintainers)."""
    if not text:
        return None
    if _EMERITUS.search(text):
        return EMERITUS
    found = [(m.start(), role) for pattern, role in ((_REVIEWER, REVIEWER), (_MAINTAINER, MAINTAINER),
                                                    (_STEERING, STEERING), (_CONTRIBUTOR, CONTRIBUTOR))
             for m in [pattern.search(text)] if m]
    return min(found)[1] if found else None


def list_role(text: str) -> str | None:
    """The role of a heading or lead that introduces a list of people ("Current maintainers",
    "Emeritus"), or None for one about the role itself ("Maintainer responsibilities")."""
    if not text or (_NOT_A_LIST.search(text) and not _EMERITUS.search(text)):
        return None
    return role_in(text)


# --- inline text ------------------------------------------------------------------------------

_GITHUB_PROFILE = re.compile(
    r"(?:https?://)*(?:www\.)?github\.com/(?:orgs/[\w.-]+/people/)?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/?$", re.I)
_NOT_LOGINS = frozenset({"orgs", "sponsors", "apps", "features", "topics", "about", "settings", "pulls", "issues",
                         "marketplace", "explore", "notifications", "login", "join", "enterprise", "collections"})
EMAIL = lazy(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
_AT_HANDLE = lazy(r"(?<![\w@./`-])@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))(/[\w.-]+)?(?![\w@-])")
_INLINE_LINK = lazy(r"!?\[([^\]\n]{0,200})\]\(\s*<?([^)\s>]{0,400})>?(?:\s+\"[^\"\n]{0,200}\")?\s*\)")
_REF_LINK = re.compile(r"\[([^\]\n]{1,200})\]\[([^\]\n]{0,200})\]")
_SHORTCUT_LINK = re.compile(r"\[([^\]\n]{1,200})\](?![(\[:])")
_AUTOLINK = lazy(r"<((?:https?://|mailto:)[^>\s]{1,400}|[\w.+-]{1,64}@[\w.-]{1,200})>")
_TAG = lazy(r"<[^>\n]{0,300}>")
_EMPHASIS = lazy(r"\*\*|__|`|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)")
_REF_DEFINITION = re.compile(r"^\s{0,3}\[([^\]\n]{1,200})\]:\s*<?(\S{1,400}?)>?(?:\s+.*)?$")
_SEPARATORS = lazy(r"\s+[-–—|/]\s+|[,;()\[\]{}]|\s+[-–—]$|^[-–—]\s+|:\s+|\s+at\s+(?=[A-Z])")


def login_of(href: str) -> str | None:
    """The GitHub login a profile URL names ("https://github.com/jdoe"), or None."""
    found = _GITHUB_PROFILE.search(href.strip().split("?", 1)[0].split("#", 1)[0])
    if found and found.group(1).lower() not in _NOT_LOGINS:
        return found.group(1)
    return None


@dataclass
class _Inline:
    text: str  # markup removed, link texts kept
    links: list[tuple[str, str]]  # (text, href)


def _inline(raw: str, refs: dict[str, str]) -> _Inline:
    links: list[tuple[str, str]] = []

    def keep(match: re.Match[str], href: str | None) -> str:
        text = match.group(1)
        if href is None:
            return match.group(0)
        links.append((text.strip(), href))
        return text

    text = _INLINE_LINK.sub(lambda m: keep(m, m.group(2)), raw)
    text = _REF_LINK.sub(lambda m: keep(m, refs.get((m.group(2) or m.group(1)).strip().lower(), "")), text)
    text = _SHORTCUT_LINK.sub(lambda m: keep(m, refs.get(m.group(1).strip().lower(), "")), text)
    text = _AUTOLINK.sub(lambda m: (links.append((m.group(1), m.group(1))), m.group(1))[1], text)
    text = re.sub(r"(?i)<br\s*/?>", ", ", text)
    text = _TAG.sub(" ", text)
    text = _EMPHASIS.sub("", text)
    return _Inline(text=" ".join(text.replace("\\|", "|").split()), links=links)


@dataclass
class _Contact:
    handles: list[str]
    teams: list[str]
    emails: list[str]
    name_links: list[str]  # texts of profile links that are a name, not the login
    rest: str  # the text with every contact taken out


def _contacts(inline: _Inline) -> _Contact:
    handles: list[str] = []
    teams: list[str] = []
    emails: list[str] = []
    names: list[str] = []
    rest = inline.text
    for text, href in inline.links:
        login = login_of(href)
        if login:
            handles.append(login)
            bare = text.lstrip("@").strip()
            if bare.lower() == login.lower() or not bare or text.strip().startswith("@"):
                rest = rest.replace(text, " ", 1)
            elif not EMAIL.fullmatch(bare) and not login_of(bare):
                names.append(text)
            continue
        if href.lower().startswith("mailto:"):
            emails.append(href[7:].split("?", 1)[0])
            if EMAIL.fullmatch(text.strip()) or not text.strip():
                rest = rest.replace(text, " ", 1)
    for match in EMAIL.finditer(rest):
        emails.append(match.group(0))
    rest = EMAIL.sub(" ", rest)
    rest = re.sub(r"(?i)\bmailto:", " ", rest)
    for match in _AT_HANDLE.finditer(rest):
        if match.group(2):
            teams.append(f"{match.group(1)}{match.group(2)}")
        else:
            handles.append(match.group(1))
    rest = _AT_HANDLE.sub(" ", rest)
    rest = re.sub(r"(?i)(?:https?://)*(?:www\.)?github\.com/[\w./-]*", " ", rest)
    return _Contact(handles=_unique(handles), teams=_unique(teams), emails=_unique(emails), name_links=names,
                    rest=rest)


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(value.lower(), value)
    return list(seen.values())


def _segments(text: str) -> list[str]:
    out = []
    for part in _SEPARATORS.split(text):
        part = part.strip(" \t.:*_-–—'\"`#>")
        if part and re.search(r"\w", part):
            out.append(part)
    return out


_NAME = lazy(r"^[^\d\s@<>|=/\\][^@<>|=/\\]{0,60}$")


# Words of a sentence, never of a person's name.
_PROSE_WORDS = frozenset({"or", "by", "the", "at", "to", "and", "is", "are", "with", "for", "of", "in", "on", "be",
                          "can", "may", "will", "should", "must", "please", "via", "contact", "email", "mail",
                          "send", "reach", "reached", "see", "list", "mailing", "team", "individually", "our",
                          "your", "this", "that", "we", "you", "it", "as", "an", "a", "from", "if", "all"})


def looks_like_name(text: str, *, strict: bool = False) -> bool:
    """A person's name: a few words, no sentence words; ``strict`` (a line of a paragraph) also
    wants each word capitalised, as names are ("Jane van der Berg", "叶坚白")."""
    words = text.split()
    if not (_NAME.match(text) and 0 < len(words) <= 6) or _ROLE_VALUE.match(text) or _NOISE.match(text) \
            or _PLACEHOLDER.match(text) or any(w.lower() in _PROSE_WORDS for w in words):
        return False
    if strict:
        return all(w[0].isupper() or not w[0].isascii() or w.lower() in ("van", "von", "der", "de", "da", "la", "le",
                                                                       "di", "del", "dos", "du", "ter", "ten")
                   for w in words)
    return True


def independent(affiliation: str) -> bool:
    """"Independent", "self-employed", "none": an affiliation that names no employer."""
    return bool(_INDEPENDENT.match(affiliation.strip()))


def empty(value: str) -> bool:
    value = value.strip(" *_`")
    return not value or bool(_PLACEHOLDER.match(value))


# --- one entry of a list or a line ------------------------------------------------------------

_LABELLED = lazy(r"\b(company|affiliation|employer|organi[sz]ation|org|area|areas|focus|scope|"
                 r"responsibilit(?:y|ies)|components?)\s*:\s*([^,;()]+)", re.I)
# Prose is no entry: an item with more words than this outside its contacts is a sentence.
_MAX_ENTRY_WORDS = 14


def person_from_text(raw: str, refs: dict[str, str], *, strict: bool) -> Person | None:
    """One person from a list item or a line ("Jane Doe (@jdoe), Acme", "[Jane Doe](github) - Acme",
    "Jane Doe <jane@example.org>"): name first, then the affiliation, then areas. ``strict`` (a line
    of a paragraph) asks for a name followed by its contact, nothing else."""
    inline = _inline(raw, refs)
    contact = _contacts(inline)
    if not contact.handles and not contact.emails:
        return None
    if not _starts_with_person(inline.text, contact):
        return None
    labelled = {k.lower(): v.strip() for k, v in _LABELLED.findall(contact.rest)}
    rest = _LABELLED.sub(" ", contact.rest)
    if len(rest.split()) > _MAX_ENTRY_WORDS:
        return None
    segments = _segments(rest)
    role = None
    kept = []
    for segment in segments:
        if _NOISE.match(segment) or _ROLE_VALUE.match(segment):
            if _EMERITUS.search(segment):
                role = EMERITUS
            continue
        kept.append(segment)
    name = contact.name_links[0] if contact.name_links else ""
    if name:
        kept = [s for s in kept if s.lower() != name.lower()]
    elif kept and looks_like_name(kept[0], strict=strict):
        name = kept.pop(0)
    if strict and (not name or len(kept) > 1):
        return None
    if any(len(k.split()) > 6 or _SENTENCE_WORDS.intersection(k.lower().split()) for k in kept):
        return None
    affiliation = next((v for k, v in labelled.items() if k.startswith(("comp", "affil", "empl", "org"))), "")
    areas = [v for k, v in labelled.items() if not k.startswith(("comp", "affil", "empl", "org"))]
    if not affiliation and kept:
        affiliation = kept.pop(0)
    areas += kept
    return Person(name=name, handle=contact.handles[0] if contact.handles else "",
                  email=contact.emails[0] if contact.emails else "", affiliation=affiliation,
                  areas=[a for a in areas if not empty(a)], role=role or MAINTAINER)


# Words that make a segment of a list item a sentence, not an affiliation or an area.
_SENTENCE_WORDS = frozenset({"have", "has", "had", "is", "are", "was", "were", "be", "been", "to", "will", "can",
                             "may", "must", "should", "please", "send", "see", "as", "per", "via", "if", "when",
                             "your", "you", "we", "they", "their", "our", "this", "that", "these", "it", "not",
                             "who", "which", "would", "could", "does", "do"})


def _starts_with_person(text: str, contact: _Contact) -> bool:
    """An entry starts with the person: their name, their handle or their address, not with
    "Ensure your sponsors are @mentioned" or "Send an email to ...". """
    head = text.lstrip(" *_-[(\"'`>#")
    first = head.split()[0].strip(",;:()[]") if head.split() else ""
    if not first:
        return False
    if first.startswith("@") or EMAIL.match(first) or first.lower() in {h.lower() for h in contact.handles}:
        return True
    if any(head.startswith(n) for n in contact.name_links):
        return True
    word = first.rstrip(".")
    return (word[:1].isupper() or not word[:1].isascii() or word[:1].isdigit()) \
        and word.lower() not in _PROSE_WORDS and word.lower() not in _SENTENCE_WORDS \
        and not re.match(r"(?i)^\w+ing$", word)


# --- tables -----------------------------------------------------------------------------------

_DELIMITER = lazy(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _cells(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", body)]


def column_field(header: str) -> tuple[str, str | None] | None:
    """What a column holds, from its header ("GitHub ID" -> handle), and the role a person column's
    header names ("Reviewers" -> reviewer); None for a column govlint does not read."""
    h = " ".join(re.sub(r"[*_`#:]", " ", header).lower().split())
    if not h:
        return None
    if re.search(r"permission|access|\bteams?\b|\broles?\b|\brepo|\borg", h):
        pass  # "GitHub permission", "GitHub team": about access, not a person's login
    elif re.search(r"github|handle|user ?name|login|\bgh\b|^id$|slack", h):
        return "handle", None
    if re.search(r"^(?:\w+ )?profiles?$", h):
        return "profile", None  # "Profile": the links in it name a login, its other words do not
    if re.search(r"e-?mail|^contact", h):
        return "email", None
    if re.search(r"affiliat|compan|employ|organi[sz]ation|^org\b|employer|vendor", h):
        return "affiliation", None
    if re.search(r"^(?:status|active|current|state)$", h):
        return "status", None
    # A column of paths or repositories ("OWNERS files", "Repos") is what people own, not people.
    if re.search(r"\barea|responsib|scope|focus|component|sub-?project|^projects?$|repositor|\brepos?$|domain|"
                 r"expertise|^maintains|^owns|^sigs?$|module|^containers?$|^source$|\bpaths?$|\bdirector(?:y|ies)$|"
                 r"\bfiles?$|\bfolders?$", h):
        return "area", None
    if re.search(r"^(?:project |community )?roles?$|^position$|^title$|^type$", h):
        return "role", None
    if re.search(r"^(?:first|given) names?$", h):
        return "first", None
    if re.search(r"^(?:last|family|sur) ?names?$", h):
        return "last", None
    if re.search(r"^(?:full |display )?names?\b|name/alias|^who$|^people$|^person$", h):
        return "person", role_in(h)
    role = role_in(h)
    if role:
        return "person", role
    return None


@dataclass
class Table:
    header_line: int  # 1-based
    fields: list[tuple[str, str | None] | None]


def tables(lines: list[str], skip: set[int]) -> Iterator[tuple[Table, int, list[str]]]:
    """(table, 1-based line, cells) for every row of every pipe table in ``lines`` that has a
    person or handle column; lines in ``skip`` (0-based, fenced code) are not read."""
    index = 0
    while index < len(lines) - 1:
        if index in skip or "|" not in lines[index] or not _DELIMITER.match(lines[index + 1]) \
                or "-" not in lines[index + 1]:
            index += 1
            continue
        fields = [column_field(_inline(c, {}).text) for c in _cells(lines[index])]
        if not any(f and f[0] == "person" for f in fields) and any(f and f[0] == "handle" for f in fields) \
                and fields and fields[0] is None and _inline(_cells(lines[index])[0], {}).text.strip():
            # "Releaser | GitHub ID | Affiliation": people, but the header does not say maintainers.
            fields[0] = ("person", CONTRIBUTOR)
        table = Table(header_line=index + 1, fields=fields)
        useful = any(f and f[0] in ("person", "handle") for f in fields)
        row = index + 2
        while row < len(lines) and "|" in lines[row] and lines[row].strip() and row not in skip:
            if useful and not _DELIMITER.match(lines[row]):
                yield table, row + 1, _cells(lines[row])
            row += 1
        index = row


def people_from_row(table: Table, cells: list[str], refs: dict[str, str]) -> list[Person]:
    """The people one table row lists: a person column may hold one person or several ("@a, @b"),
    and every other column applies to each of them."""
    people: list[Person] = []
    shared = Person()
    handles: list[str] = []
    emails: list[str] = []
    status = ""
    first = last = ""
    for spec, cell in zip(table.fields, cells):
        if spec is None or empty(_inline(cell, refs).text):
            continue
        kind, role = spec
        inline = _inline(cell, refs)
        if kind == "person":
            found = _people_in_cell(inline, role)
            people.extend(found)
        elif kind == "handle":
            contact = _contacts(inline)
            handles += contact.handles or [w.lstrip("@") for w in inline.text.split()
                                           if re.fullmatch(r"@?[A-Za-z0-9][\w-]{0,38}", w)][:1]
            emails += contact.emails
        elif kind in ("email", "profile"):
            contact = _contacts(inline)
            emails += contact.emails
            handles += contact.handles
        elif kind == "affiliation":
            shared.affiliation = inline.text
        elif kind == "area":
            roles, scopes = _roles_and_scopes(inline.text)
            shared.role = roles or shared.role
            shared.areas += scopes
        elif kind == "role":
            shared.role = _value_role(inline.text) or shared.role
        elif kind == "status":
            status = inline.text
        elif kind == "first":
            first = inline.text
        elif kind == "last":
            last = inline.text
    if not people and (handles or emails or first or last):
        people = [Person(name=" ".join(n for n in (first, last) if n))]
    if len(people) == 1:
        person = people[0]
        person.handle = person.handle or (handles[0] if handles else "")
        person.email = person.email or (emails[0] if emails else "")
    for person in people:
        person.affiliation = person.affiliation or shared.affiliation
        person.areas = person.areas + [a for a in shared.areas if a not in person.areas]
        if shared.role != MAINTAINER and person.role == MAINTAINER:
            person.role = shared.role
        if status and re.search(r"^(?:no|false|inactive|emerit\w*|alumn\w*|former|retired)\b", status, re.I):
            person.role = EMERITUS
    return [p for p in people if p.name or p.handle or p.email]


def _roles_and_scopes(value: str) -> tuple[str | None, list[str]]:
    """A responsibilities cell split into the role it names and the scopes it names:
    "Administrator, Maintainer" is a role, "Maintainer/Community" a role and a scope."""
    roles, scopes = [], []
    for part in re.split(r"\s*[,/&;]\s*|\s+and\s+", value):
        if not part.strip():
            continue
        (roles if _ROLE_VALUE.match(part.strip()) else scopes).append(part.strip())
    role = next((r for r in (_value_role(r) for r in roles) if r), None) if roles else None
    return role, ([value] if scopes and len(scopes) == len([p for p in re.split(r"\s*[,/&;]\s*|\s+and\s+", value)
                                                            if p.strip()]) else scopes)


def _value_role(value: str) -> str | None:
    role = role_in(value)
    return role if role in (REVIEWER, EMERITUS) else MAINTAINER if role else None


def _people_in_cell(inline: _Inline, role: str | None) -> list[Person]:
    contact = _contacts(inline)
    base_role = role or MAINTAINER
    if len(contact.handles) > 1 or (len(contact.name_links) > 1):
        # "@a, @b" or "[Jane Doe], [John Roe]": several people in one cell.
        out = []
        for text, href in inline.links:
            login = login_of(href)
            if login:
                name = text if text.lstrip("@").lower() != login.lower() else ""
                out.append(Person(name=name, handle=login, role=base_role))
        linked = {p.handle.lower() for p in out}
        out += [Person(handle=h, role=base_role) for h in contact.handles if h.lower() not in linked]
        return out
    segments = [s for s in _segments(contact.rest) if not _NOISE.match(s)]
    name = contact.name_links[0] if contact.name_links else (segments[0] if segments else "")
    if name and _ROLE_VALUE.match(name) and not contact.handles:
        return []
    handles = contact.handles
    nickname = _NICKNAME.search(contact.rest) if not handles else None
    if nickname:
        # "Renu Yarday (renuy)", "Hung-Ying Tai(hydai)": a login in brackets after the name.
        handles = [nickname.group(1)]
    return [Person(name=name, handle=handles[0] if handles else "",
                   email=contact.emails[0] if contact.emails else "", role=base_role)]


# A lower-case login in brackets after a name in a name column; "(Alibaba)", "(Red Hat)" are employers.
_NICKNAME = lazy(r"^[^()]*\w\s*\(([a-z0-9][a-z0-9-]{1,38})\)")


# --- Markdown and plain-text documents --------------------------------------------------------


def fenced_lines(lines: list[str]) -> set[int]:
    """0-based numbers of the lines inside fenced code blocks (and the fences)."""
    out: set[int] = set()
    fence = ""
    for index, line in enumerate(lines):
        stripped = line.lstrip()
        if fence:
            out.add(index)
            if stripped.startswith(fence):
                fence = ""
        elif stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            out.add(index)
    return out


def reference_links(lines: list[str]) -> dict[str, str]:
    refs = {}
    for line in lines:
        if line.lstrip().startswith("["):
            found = _REF_DEFINITION.match(line)
            if found:
                refs.setdefault(found.group(1).strip().lower(), found.group(2))
    return refs


_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(\S.*)$")


def _resolves_to_contact(line: str, refs: dict[str, str]) -> bool:
    """A line whose reference-style link ("* [Jane Doe] (Acme)" with "[Jane Doe]: https://github.com/jane"
    further down) resolves to a GitHub profile or an address: it holds a contact."""
    if "[" not in line or not refs:
        return False
    labels = [m.group(2) or m.group(1) for m in _REF_LINK.finditer(line)]
    labels += [m.group(1) for m in _SHORTCUT_LINK.finditer(line)]
    hrefs = [refs.get(label.strip().lower(), "") for label in labels]
    return any(login_of(h) or h.lower().startswith("mailto:") for h in hrefs)


def items_and_lines(lines: list[str], skip: set[int], in_table: set[int],
                    refs: dict[str, str] | None = None) -> Iterator[tuple[int, str, bool, str]]:
    """(1-based line, text, is a list item, the sentence that introduced its list) for every line
    outside tables and code that may hold a person: one with a handle, an address or a profile
    link, inline or through a reference definition (``refs``)."""
    refs = refs or {}
    lead = ""
    previous_blank = True
    for index, line in enumerate(lines):
        if index in skip or index in in_table:
            previous_blank = True
            continue
        stripped = line.strip()
        if not stripped:
            previous_blank = True
            continue
        item = _ITEM.match(line)
        if "@" not in line and "github.com" not in line.lower() and not _resolves_to_contact(line, refs):
            # No handle, address or profile link: no person, but it may introduce a list.
            if not item and (previous_blank or stripped.endswith(":")):
                lead = stripped if stripped.endswith(":") else ""
            previous_blank = False
            continue
        if item:
            yield index + 1, item.group(1), True, lead
        else:
            if previous_blank or stripped.endswith(":"):
                lead = stripped if stripped.endswith(":") else ""
            yield index + 1, stripped, False, lead
        previous_blank = False


def bare_names(lines: list[str], skip: set[int], in_table: set[int],
               headings: set[int]) -> Iterator[tuple[int, str, str, str]]:
    """(1-based line, name, lead, affiliation) of names listed without any contact ("Ruth Abernathy"
    one a line, "- Kenji Morimoto", "* Kenji Morimoto (Acme Corp)"): only runs of two or more such
    lines, every line of the run a name, so a short line of prose is never taken for a person."""
    run: list[tuple[int, str, str, str]] = []
    lead = ""
    for index, line in enumerate(lines + [""]):
        stripped = line.strip()
        if index in skip or index in in_table or (index + 1) in headings:
            if len(run) >= 2:
                yield from run
            run = []
            continue
        if not stripped:
            if run and not _ITEM.match(lines[run[-1][0] - 1]):
                if len(run) >= 2:
                    yield from run
                run = []
            continue
        item = _ITEM.match(line)
        text = _inline(item.group(1) if item else stripped, {}).text
        if "@" not in line and "](" not in line:
            name, affiliation = _name_and_employer(text)
            if _bare_name(name):
                run.append((index + 1, name, lead, affiliation))
                continue
        if len(run) >= 2:
            yield from run
        run = []
        if not item:
            lead = stripped if stripped.endswith(":") else ""
    if len(run) >= 2:  # a list that ends the document
        yield from run


# "Kenji Morimoto (Acme Corp)": a name and, in brackets, an employer (capitalised: "(kmori)" is a login).
_WITH_EMPLOYER = lazy(r"^(?P<name>[^()]+?)\s*\((?P<org>[^()a-z][^()]{0,60})\)$")


def _name_and_employer(text: str) -> tuple[str, str]:
    """(name, affiliation) of a contactless entry: the employer in brackets after a name, if any."""
    found = _WITH_EMPLOYER.match(text.strip())
    if found is None:
        return text, ""
    org = found.group("org").strip()
    if role_in(org) or _NOISE.match(org) or _PLACEHOLDER.match(org):
        return text, ""
    return found.group("name").strip(), org


def _bare_name(text: str) -> bool:
    return 1 < len(text.split()) <= 5 and not re.search(r"[\d:;,.!?@()]", text) and not role_in(text) \
        and looks_like_name(text, strict=True)
