"""Who receives reports: conduct reports (coc-receiver) and vulnerability reports
(security-contact), and whether that is a defined team with an address the project controls or one
person's mailbox.

Reviewers flag "directs folks to report CoC incidents to kubeedge@gmail.com, but unclear who that
is" and "the security file currently lists a personal email as a point of contact". An address
is the project's when it is a mailing list, or its local part names a role (security@, conduct@,
maintainers@); it is a person's when it is at a free mail provider or names no role.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from govlint.document import Document
from govlint.report import FAIL, NOT_APPLICABLE, PARTIAL, PASS
from govlint.rules.builtin.review_language import holds
from govlint.rules.model import DocumentSet, Finding, evidence

_EMAIL = re.compile(r"(?<![\w.+-])([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)")
FREE_MAIL = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com", "me.com",
    "aol.com", "protonmail.com", "proton.me", "gmx.de", "gmx.net", "yandex.ru", "mail.ru", "163.com", "126.com",
    "qq.com", "foxmail.com", "sina.com", "naver.com"})
_ROLE = re.compile(
    r"(?:^|[-_.+])(?:security|secure|psirt|vuln\w*|cve|maintainers?|team|private|report\w*|conduct|coc|abuse|"
    r"admins?|administrators?|contact|info|help|support|steering|tsc|toc|cncf|oss|opensource|dev|devs|community|"
    r"moderat\w*|committee|council|owners?|project|core|leads?|board|incidents?|safety|trust|hello|governance|"
    r"disclosure|response|announce)(?:$|[-_.+])", re.I)
_LIST_DOMAIN = re.compile(r"^(?:lists?\.|groups\.)|(?:^|\.)(?:googlegroups\.com|groups\.io)$", re.I)
_ADVISORY_LINK = re.compile(r"/security/advisories|/security/policy|huntr\.(?:dev|com)|hackerone\.com|bugcrowd\.com",
                            re.I)
CONDUCT_KINDS = frozenset({"code-of-conduct"})
SECURITY_KINDS = frozenset({"security"})
_SECTION_KINDS = frozenset({"governance", "ladder", "charter", "steering", "community", "contributing", "maintainers",
                            "project-readme", "given", "linked"})


@dataclass(frozen=True)
class Contact:
    what: str  # the address, team or link as written
    controlled: bool
    doc: Document
    line: int
    text: str


def classify(address: str) -> bool:
    """Whether an address is the project's (a list, or a role's mailbox) rather than one person's."""
    local, _, domain = address.lower().rpartition("@")
    if _LIST_DOMAIN.search(domain):
        return True
    if domain in FREE_MAIL:
        return False
    return bool(_ROLE.search(local))


def _sentences(docs: DocumentSet, kinds: frozenset[str], heading_words: tuple[str, ...]):
    """Sentences of documents of ``kinds``, and of other documents' sections whose headings name the topic."""
    for doc in docs.documents:
        whole = doc.kind in kinds
        if not whole and doc.kind not in _SECTION_KINDS:
            continue
        for sentence in doc.sentences:
            if whole or any(word in " ".join(sentence.section.headings).lower() for word in heading_words):
                yield doc, sentence


def _contacts(docs: DocumentSet, kinds: frozenset[str], heading_words: tuple[str, ...], *, teams: bool,
              links: bool) -> list[Contact]:
    out: list[Contact] = []
    for doc, sentence in _sentences(docs, kinds, heading_words):
        text = sentence.text
        for match in _EMAIL.finditer(text):
            address = match.group(0)
            out.append(Contact(address, classify(address), doc, sentence.line, text))
        if teams and (holds("conduct-fallback", text) or holds("report-receiver", text) and not _EMAIL.search(text)):
            out.append(Contact(" ".join(text.split()[:12]), True, doc, sentence.line, text))
        if links and holds("private-channel", text) and not _EMAIL.search(text):
            out.append(Contact(" ".join(text.split()[:12]), True, doc, sentence.line, text))
    if links:
        for doc in docs.documents:
            if doc.kind in kinds or doc.kind in _SECTION_KINDS:
                for link in doc.links:
                    if _ADVISORY_LINK.search(link.href):
                        out.append(Contact(link.href, True, doc, link.line, link.text or link.href))
    return out


def _judge(found: list[Contact], *, topic: str) -> Finding:
    controlled = [c for c in found if c.controlled]
    personal = [c for c in found if not c.controlled]
    if controlled:
        return Finding(status=PASS, message=f"{topic} go to {controlled[0].what}",
                       evidence=tuple(evidence(c.doc, c.line, c.text) for c in controlled[:3]))
    if personal:
        names = ", ".join(dict.fromkeys(c.what for c in personal))
        return Finding(status=PARTIAL, message=f"{topic} go to a personal mailbox ({names}), not a team with an "
                                               "address the project controls",
                       evidence=tuple(evidence(c.doc, c.line, c.text) for c in personal[:3]))
    return Finding(status=FAIL, message=f"the documents do not say where {topic} go")


def check_conduct(docs: DocumentSet) -> Finding:
    """coc-receiver: conduct reports go to a defined team with an address the project controls."""
    has_conduct = any(d.kind in CONDUCT_KINDS for d in docs.documents) or any(
        "conduct" in " ".join(s.section.headings).lower() for _d, s in docs.sentences())
    if not has_conduct:
        return Finding(status=NOT_APPLICABLE, message="no code of conduct was read")
    found = _contacts(docs, CONDUCT_KINDS, ("conduct", "coc"), teams=True, links=False)
    if not found:
        adopted = _adopted_cncf_code(docs)
        if adopted is not None:
            doc, line, text = adopted
            return Finding(status=PASS, evidence=(evidence(doc, line, text),),
                           message="no receiver is named in the project's documents; the CNCF Code of Conduct it "
                                   "adopts sends reports to the CNCF Code of Conduct Committee")
    return _judge(found, topic="conduct reports")


def _adopted_cncf_code(docs: DocumentSet):
    """Where a document adopts the CNCF Code of Conduct by linking it: (document, line, the line's words)."""
    from govlint.rules.builtin.review_links import line_text, links_cncf_coc

    for doc in docs.documents:
        if links_cncf_coc(doc):
            line = next(link.line for link in doc.links if "cncf" in link.href.lower() and "conduct" in link.href.lower())
            return doc, line, line_text(doc, line)
    return None


def check_security(docs: DocumentSet) -> Finding:
    """security-contact: vulnerabilities are reported privately, to an address or channel the project controls."""
    found = _contacts(docs, SECURITY_KINDS, ("security", "vulnerab"), teams=False, links=True)
    if not found and not any(d.kind in SECURITY_KINDS for d in docs.documents):
        return Finding(status=FAIL, message="no security policy was found (SECURITY.md or a security section)")
    return _judge(found, topic="vulnerability reports")
