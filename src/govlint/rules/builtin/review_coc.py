"""coc-single: one code of conduct across the project's repositories.

Reviewers made "harmonize the Code of Conduct across the project" a must-fix item when a main
repository and a community repository each had their own ("Karmada currently has two CoCs, it
would be helpful to clarify which they are using"). Each code of conduct read is identified as
the CNCF's (linked or copied, with the version a copy states), the Contributor Covenant (with its
version), or the project's own text; more than one identity is a conflict. A short file that names no
code but links another code of conduct ("Please refer to our [Community Code of Conduct](...)") adopts
that one: it is what the rule's remediation asks for, and conflicts with nothing.
"""
from __future__ import annotations

import hashlib
import re

from govlint.document import Document
from govlint.report import FAIL, NOT_APPLICABLE, PASS
from govlint.rules.model import DocumentSet, Finding, evidence

_CNCF = re.compile(r"\bCNCF\b|Cloud Native Computing Foundation|cncf/foundation", re.I)
_COVENANT = re.compile(r"Contributor\s+Covenant", re.I)
_VERSION = re.compile(r"\bversion\s+(\d+(?:\.\d+)+)|\bv(\d+(?:\.\d+)+)\b", re.I)
# A file that adopts another's code by reference is short: a copy is pages long.
_REFERENCE_LINES = 40
_POINTER_WORDS = 60
_COC_FILE = re.compile(r"code[-_ ]?of[-_ ]?conduct[^/]*$", re.I)


def identity(doc: Document) -> str:
    """What code of conduct a document is: "CNCF Code of Conduct", "Contributor Covenant 2.1", or its own."""
    text = doc.text
    version = _VERSION.search(text)
    number = (version.group(1) or version.group(2)) if version else None
    copy = doc.line_count > _REFERENCE_LINES
    if _CNCF.search(text) or any(_CNCF.search(link.href) for link in doc.links):
        if copy and _CNCF.search(text[:2000]) and not _COVENANT.search(text[:600]):
            return f"CNCF Code of Conduct{' ' + number if number else ''} (a copy)"
        if not copy:
            return "CNCF Code of Conduct"
    if _COVENANT.search(text):
        return f"Contributor Covenant{' ' + number if number else ''}"
    if _CNCF.search(text):
        return "CNCF Code of Conduct"
    return f"its own code ({hashlib.sha256(' '.join(text.split()).encode()).hexdigest()[:8]})"


def is_pointer(doc: Document) -> bool:
    """A few words that name no code of conduct and link one kept elsewhere (kubeedge's CODE_OF_CONDUCT.md)."""
    if len(doc.text.split()) > _POINTER_WORDS or _CNCF.search(doc.text) or _COVENANT.search(doc.text):
        return False
    return any(_COC_FILE.search(link.href.split("#")[0].rstrip("/")) and not _CNCF.search(link.href)
               for link in doc.links)


def _same(a: str, b: str) -> bool:
    """A link to the CNCF code and a copy of it are the same code (a copy's version is its own)."""
    return a.split(" (")[0].startswith("CNCF Code of Conduct") and b == "CNCF Code of Conduct" or a == b


def check(docs: DocumentSet) -> Finding:
    codes = [d for d in docs.documents if d.kind == "code-of-conduct"]
    if not codes:
        return Finding(status=NOT_APPLICABLE, message="no code of conduct document was read")
    # A pointer adopts the code it links; the codes themselves are compared.
    compared = [d for d in codes if not is_pointer(d)] or codes
    found: list[tuple[str, Document]] = []
    for doc in compared:
        name = identity(doc)
        if not any(_same(name, other) or _same(other, name) for other, _ in found):
            found.append((name, doc))
    quotes = tuple(evidence(d, 1, d.root.children[0].heading if d.root.children else d.path) for _, d in found[:3])
    if len(found) == 1:
        return Finding(status=PASS, message=f"one code of conduct: {found[0][0]} ({len(codes)} file(s))",
                       evidence=quotes)
    return Finding(status=FAIL, evidence=quotes,
                   message="different codes of conduct: " + "; ".join(f"{name} ({d.path})" for name, d in found))
