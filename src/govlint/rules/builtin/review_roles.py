"""The contributor ladder, read as a reviewer reads it: which roles the documents define, whether
each says what it takes to hold it, and which roles are used (in a maintainer list, a heading)
but defined nowhere.

Three checks share the reading: ladder-roles (more than one role), role-qualifications (each role
with its qualifications) and roles-defined-where-used ("core maintainers exist but are
undefined"). A role is defined where a governance document gives it a heading ("## Reviewer",
"Becoming a Maintainer"), a row of a roles table, or a sentence that says what it is ("Approvers
are responsible for ..."). The role words are the review pack's ``ladder-role`` vocabulary.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from govlint.document import Document, Section
from govlint.report import FAIL, NOT_APPLICABLE, PARTIAL, PASS
from govlint.rules.builtin.review_language import holds, longest, phrase, scan
from govlint.rules.model import DocumentSet, Finding, evidence

DEFINING_KINDS = frozenset({"ladder", "governance", "community", "charter", "steering", "elections", "contributing",
                            "given", "linked"})
LISTING_KINDS = frozenset({"maintainers", "maintainers-data"})
# Roles that are not steps of a contributor ladder.
_NOT_LADDER = ("emeritus", "admin", "administr", "manag", "ambassador", "mentor")
# Roles too general to be "used but undefined" (everyone is a contributor).
_GENERIC = ("contributor", "member", "emeritus", "owner", "team member", "communiti member")


@dataclass
class Role:
    key: str  # normalized words ("core maintainer")
    name: str  # as a document writes it ("Core Maintainers")
    doc: Document
    line: int
    text: str
    sections: list[Section] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)


# Words that qualify a role without making it another one: a "project maintainer" is a maintainer.
_MODIFIERS = frozenset({"project", "organ", "organiz", "org", "communiti", "new"})


def _key(words: str) -> str:
    parts = words.split()
    while len(parts) > 1 and parts[0] in _MODIFIERS:
        parts = parts[1:]
    return " ".join(parts)


def _roles_in(text: str) -> list[tuple[str, str]]:
    """(key, words as written) of each role named in a text."""
    found = scan(text)
    out = []
    for _name, span in longest(found, ("ladder-role",)):
        words = text[found.tokens[span[0]].start:found.tokens[span[1] - 1].end]
        out.append((_key(phrase(found, span)), " ".join(words.split())))
    return out


def _is_role_table(header: str) -> bool:
    first = header.split("|", 1)[0]
    return bool(first.strip()) and scan(first).has("role-table-header")


def defined_roles(docs: DocumentSet) -> dict[str, Role]:
    """Every role the governance documents define, by key, first definition first."""
    roles: dict[str, Role] = {}

    def add(key: str, name: str, doc: Document, line: int, text: str) -> Role:
        role = roles.get(key)
        if role is None:
            role = roles[key] = Role(key, name, doc, line, text)
        return role

    for doc in docs.of_kinds(DEFINING_KINDS):
        for section in doc.sections[1:]:
            for key, name in _roles_in(section.heading):
                add(key, name, doc, section.line, section.heading).sections.append(section)
        for block in doc.blocks:
            if block.kind == "row" and block.lead and _is_role_table(block.lead):
                first = block.text.split("|", 1)[0]
                for key, name in _roles_in(first)[:1]:
                    add(key, name, doc, block.line, block.text).rows.append(block.text)
            elif block.sentences:
                sentence = block.sentences[0].text
                named = _roles_in(" ".join(sentence.split()[:4]))
                if named and holds("definition-verb", " ".join(sentence.split()[:6])) \
                        and sentence.split()[0].lower() in ("a", "an", "the", named[0][1].split()[0].lower()):
                    key, name = named[0]
                    if key not in roles:
                        add(key, name, doc, block.sentences[0].line, sentence)
    return roles


def _ladder(roles: dict[str, Role]) -> list[Role]:
    return [r for r in roles.values() if not any(word in r.key for word in _NOT_LADDER)]


def check_ladder(docs: DocumentSet) -> Finding:
    """ladder-roles: the ladder defines more than one role (three or more pass)."""
    ladder = _ladder(defined_roles(docs))
    names = ", ".join(r.name for r in ladder) or "none"
    quotes = tuple(evidence(r.doc, r.line, r.text) for r in ladder[:3])
    if len(ladder) >= 3:
        return Finding(status=PASS, message=f"{len(ladder)} roles defined: {names}", evidence=quotes)
    if len(ladder) == 2:
        return Finding(status=PARTIAL, message=f"only two roles defined: {names}", evidence=quotes)
    return Finding(status=FAIL, message=f"the ladder defines {'only ' + names if ladder else 'no role'}",
                   near_miss=quotes)


def _qualified(role: Role) -> bool:
    texts = [f"{s.heading} {s.text}" for s in role.sections] + role.rows
    return any(holds("role-qualified", text) for text in texts)


def check_qualifications(docs: DocumentSet) -> Finding:
    """role-qualifications: every role beyond contributor says what it takes to hold it."""
    roles = [r for r in _ladder(defined_roles(docs)) if r.key != "contributor" and (r.sections or r.rows)]
    if not roles:
        return Finding(status=NOT_APPLICABLE, message="no role beyond contributor is defined")
    qualified = [r for r in roles if _qualified(r)]
    lacking = [r for r in roles if r not in qualified]
    message = f"qualifications stated for {len(qualified)} of {len(roles)} roles"
    if lacking:
        message += f"; none for: {', '.join(r.name for r in lacking)}"
    status = PASS if not lacking else PARTIAL if qualified else FAIL
    quotes = tuple(evidence(r.doc, r.line, r.text) for r in (qualified if status == PASS else lacking)[:3])
    return Finding(status=status, message=message, evidence=quotes if status != FAIL else (),
                   near_miss=quotes if status == FAIL else ())


def used_roles(docs: DocumentSet) -> dict[str, tuple[str, Document, int, str]]:
    """Roles a maintainer list or a heading uses as a title: key -> (name, doc, line, text)."""
    used: dict[str, tuple[str, Document, int, str]] = {}
    for doc in docs.of_kinds(LISTING_KINDS):
        for section in doc.sections[1:]:
            if section.level == 1:
                continue  # the list's own title ("# Maintainers") uses no role as a title
            for key, name in _roles_in(section.heading):
                used.setdefault(key, (name, doc, section.line, section.heading))
        for block in doc.blocks:
            if block.kind == "row" and block.lead:
                header = [c.strip() for c in block.lead.split("|")]
                cells = [c.strip() for c in block.text.split("|")]
                for column, title in enumerate(header):
                    if column < len(cells) and scan(title).has("role-table-header"):
                        for key, name in _roles_in(cells[column]):
                            used.setdefault(key, (name, doc, block.line, block.text))
    for doc in docs.of_kinds(DEFINING_KINDS | LISTING_KINDS):
        for sentence in doc.sentences:
            for key, name in _roles_in(sentence.text):
                # A title written as one ("Core Maintainers", "Tech Lead"): two words or more, capitalized.
                if len(name.split()) >= 2 and all(w[:1].isupper() for w in name.split()):
                    used.setdefault(key, (name, doc, sentence.line, sentence.text))
    return {k: v for k, v in used.items() if not any(k == g or k.startswith(g + " ") for g in _GENERIC)}


def check_used_roles(docs: DocumentSet) -> Finding:
    """roles-defined-where-used: every role used as a title is defined in a governance document."""
    used = used_roles(docs)
    if not used:
        return Finding(status=NOT_APPLICABLE, message="no role is used as a title")
    defined = defined_roles(docs)
    missing = {k: v for k, v in used.items() if k not in defined}
    if not missing:
        return Finding(status=PASS, message=f"every role used is defined: {', '.join(v[0] for v in used.values())}",
                       evidence=tuple(evidence(r.doc, r.line, r.text) for r in list(defined.values())[:3]))
    quotes = tuple(evidence(doc, line, text) for _name, doc, line, text in list(missing.values())[:3])
    names = ", ".join(v[0] for v in missing.values())
    return Finding(status=FAIL if len(missing) == len(used) else PARTIAL,
                   message=f"used but defined in no governance document: {names}", evidence=quotes)
