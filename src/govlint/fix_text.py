"""The text govlint fix proposes: templates filled with the project's own bodies, roles and terms.

The terms come from the parsed documents: the leadership bodies are the ones the rule
leader-coverage finds (one detection, shared), and each is written as the project writes it
("Steering Council", "committers"). Decisions the maintainers must take stay placeholders
(`` `<two-thirds>` ``, `` `<N> months` ``), and every vote in one proposal set has the same base.
"""
from __future__ import annotations

import re
import textwrap
from collections import Counter
from dataclasses import dataclass

from govlint.rules.model import DocumentSet

# Decisions a template leaves to the maintainers; the text between < and > is the usual choice.
THRESHOLD = "`<two-thirds>`"
MAJORITY = "`<a simple majority>`"
PERIOD = "`<N> months`"
REPLY = "`<one week>`"
WINDOW = "`<seven days>`"
CAP = "`<one third>`"
CONDUCT_ADDRESS = "`<a private email address>`"
PLACEHOLDER = re.compile(r"`(<[^`<>\n]+>[^`\n]*)`")

CNCF_CODE_OF_CONDUCT = "https://github.com/cncf/foundation/blob/main/code-of-conduct.md"

# The order a project's leadership is looked for in: the first defined body leads.
_LEAD_ORDER = ("Technical Steering Committee", "Steering Committee", "Maintainers Council", "Core Maintainers",
               "Maintainers", "Governing Board")
_PEOPLE = re.compile(r"(?:maintainer|committer|developer)s?$", re.I)


@dataclass(frozen=True)
class Terms:
    """The project's own words for what the templates name."""

    project: str | None = None
    lead: str = "maintainers"  # the body that leads, as the project writes it ("Technical Steering Committee")
    member_word: str = "maintainer"  # the project's word for a maintainer ("committer")
    others: tuple[str, ...] = ()  # the other bodies defined, as the project writes them
    conduct_email: str | None = None
    conduct_document: str | None = None  # the project's code of conduct, a path in the checkout
    spelled: tuple[tuple[str, str], ...] = ()  # (leader-coverage's name for a body, the project's)

    @property
    def led_by_people(self) -> bool:
        """Led by its maintainers (or core maintainers), not by a committee."""
        return bool(_PEOPLE.search(self.lead))

    @property
    def the_lead(self) -> str:
        return f"the {self.lead}"

    @property
    def lead_member(self) -> str:
        return _singular(self.lead) if self.led_by_people else f"{self.lead} member"

    @property
    def lead_members(self) -> str:
        return self.lead if self.led_by_people else f"{self.lead} members"

    @property
    def members(self) -> str:
        return f"{self.member_word}s"

    @property
    def vote(self) -> str:
        """The one vote base of a proposal set: every removal vote is counted against it."""
        return f"{THRESHOLD} of all {self.lead_members}, not counting the person concerned"

    @property
    def removable(self) -> str:
        """Who a vote of no confidence can remove: a maintainer and a member of each body."""
        people = [self.member_word] + [_member_of(b) for b in (self.lead, *self.others)
                                        if _member_of(b) != self.member_word]
        people = list(dict.fromkeys(people))
        return _article(" or ".join(people) if len(people) < 3 else ", ".join(people[:-1]) + " or " + people[-1])

    @property
    def community(self) -> str:
        return f"the {self.project} community" if self.project else "the community"


def _singular(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") else noun


def _member_of(body: str) -> str:
    return _singular(body) if _PEOPLE.search(body) else f"{body} member"


def _article(phrase: str) -> str:
    return ("An " if phrase[:1].lower() in "aeiou" else "A ") + phrase


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def find_terms(docs: DocumentSet, *, project: str | None, conduct_email: str | None,
               conduct_document: str | None) -> Terms:
    """The bodies the documents define (leader-coverage's detection), written the project's way."""
    from govlint.rules.builtin.leader_coverage import BODIES, _defined_bodies

    defined = _defined_bodies(docs)
    ordered = [name for name in _LEAD_ORDER if name in defined]
    text = "\n".join(sentence.text for _doc, sentence in docs.sentences())
    member_word = _member_word(text)
    spelled = {name: _abbreviated(_as_written(BODIES[name], text, fallback=name), text) for name in ordered}
    if "Maintainers" in spelled:
        spelled["Maintainers"] = member_word + "s"
    lead = spelled[ordered[0]] if ordered else member_word + "s"
    # CNCF's Governing Board is named in many projects' documents without being one of their bodies.
    others = tuple(spelled[name] for name in ordered[1:] if spelled[name] != lead and name != "Governing Board")
    return Terms(project=project, lead=lead, member_word=member_word, others=others, conduct_email=conduct_email,
                 conduct_document=conduct_document, spelled=tuple(spelled.items()))


def _member_word(text: str) -> str:
    counts = Counter(m.group(1).lower() for m in re.finditer(r"\b(maintainer|committer)s?\b", text, re.I))
    return "committer" if counts["committer"] > counts["maintainer"] else "maintainer"


def _as_written(pattern: re.Pattern[str], text: str, *, fallback: str) -> str:
    """The body's name as the documents most often spell it out (not an abbreviation such as TSC)."""
    spellings = Counter(" ".join(m.group(0).split()) for m in pattern.finditer(text))
    spelled_out = [(count, name) for name, count in spellings.items() if " " in name]
    if not spelled_out:
        return fallback
    best = max(spelled_out)[1]
    if _PEOPLE.search(best):  # people, not a committee: "core maintainers" in running text
        return best.lower()
    if best[:1].islower():  # "steering council" in running text is the Steering Council
        best = " ".join(word.capitalize() for word in best.split())
    return re.sub(r"s$", "", best) if best.endswith(("Committees", "Councils")) else best


def _abbreviated(name: str, text: str) -> str:
    """The abbreviation the documents define for a body and go on to use ("... Committee (TSC)")."""
    match = re.search(re.escape(name) + r"\s*\(([A-Z]{2,6})\)", text, re.I)
    if match and len(re.findall(rf"\b{match.group(1)}\b", text)) >= 3:
        return match.group(1)
    return name


# --- the templates ------------------------------------------------------------------------------


def template(rule: str, terms: Terms, *, uncovered: tuple[str, ...] = ()) -> str | None:
    """The proposal for one rule, by its name, in the project's terms; None for a rule with no template."""
    t = terms
    lead, Lead, member, members = t.the_lead, _cap(t.the_lead), t.lead_member, t.lead_members
    people = t.led_by_people
    project = f"the {t.project} project" if t.project else "this project"
    texts = {
        "governance-doc":
            f"This document describes the governance of {project}: its roles, how decisions are made, and how "
            f"{t.members} are added and removed.",
        "leadership-defined":
            f"{Lead} lead the project. They are responsible for the project's roadmap, its releases, its governance "
            f"and resolving conflicts." if people else
            f"{Lead} is the project's governing body. It is responsible for the project's roadmap, its governance, "
            f"and resolving conflicts the {t.members} cannot.",
        "decision-making":
            f"Decisions are made by lazy consensus. When consensus cannot be reached, any {member} may call a vote; "
            f"a decision passes with {MAJORITY} of all {members}.",
        "vendor-neutrality":
            f"No single employer may account for more than {CAP} of the {members}. {_cap(members)} represent "
            f"themselves, not their employers." if people else
            f"No single company may hold more than {CAP} of the {t.lead} seats. Members represent themselves, not "
            f"their employers.",
        "roles-defined":
            f"A contributor becomes a {t.member_word} after being nominated by a {member} and approved by "
            f"{MAJORITY} of all {members}.",
        "inactivity-policy":
            f"{_cap(t.members)} with no contributions or reviews for {PERIOD} are moved to emeritus status after a "
            f"{member} has contacted them. Emeritus {t.members} may return by asking {lead}.",
        "restorative-step":
            f"Before a vote of no confidence, two {members} meet privately with the person concerned to explain the "
            f"concern and agree on how to correct it; a vote is called only if that fails.",
        "removal-process":
            f"A {t.member_word} may be removed for violating the Code of Conduct or for persistently failing their "
            f"responsibilities, by a vote of {t.vote}.",
        "vote-of-no-confidence":
            f"{t.removable} may be removed by a vote of no confidence, called by any {member} and seconded by "
            f"another, passing with {t.vote}.",
        "removal-procedure":
            f"Any {member} may call a vote of no confidence with a written statement of reasons in a GitHub issue, "
            f"seconded by another {member}. The community is notified; the person concerned may reply within "
            f"{REPLY}; the vote stays open for {WINDOW} and removal is effective immediately.",
        "removal-threshold": f"Removal requires {t.vote}.",
        "recusal":
            f"The person concerned does not vote and is not counted in the threshold. If fewer than three {members} "
            f"remain eligible, the matter is escalated to the CNCF TOC.",
        "leader-coverage": " ".join(
            f"{_article(_member_of(body))} may be removed by a vote of no confidence of {lead}, passing with "
            f"{t.vote}." for body in uncovered) or None,
        "conflict-resolution":
            f"Disagreements that cannot be resolved on the pull request are brought to {lead}, who decide by "
            f"{MAJORITY} of all {members}." if people else
            f"Disagreements that cannot be resolved on the pull request are escalated to the {t.members}; if they "
            f"cannot resolve it, {lead} decides and its decision is final.",
        "escalation-path":
            f"If {lead} cannot resolve a conflict, or it involves a {member}, any party may escalate it to the CNCF "
            f"TOC at cncf-private-toc@lists.cncf.io.",
        "leadership-principles":
            f"{_cap(t.members)} follow the CNCF Technical Leadership Principles. {Lead} "
            f"{'are' if people else 'is'} responsible for responding when they are not followed, and "
            f"{'escalate' if people else 'escalates'} to the CNCF TOC if needed.",
        "coc-reporting":
            f"Report Code of Conduct incidents to {t.conduct_email or CONDUCT_ADDRESS}, read by two {members}. "
            f"Reports about a {member} go to the CNCF Code of Conduct Committee at conduct@cncf.io.",
    }
    return texts.get(rule)


def uncovered_bodies(message: str, terms: Terms) -> tuple[str, ...]:
    """The bodies leader-coverage names without a removal path, as the project writes them."""
    match = re.search(r"no removal path for: (.+?)(?:$| ·)", message)
    if not match:
        return ()
    spelled = dict(terms.spelled)
    names = [part.strip() for part in match.group(1).split(",")]
    return tuple(dict.fromkeys(terms.members if name == "Maintainers" else spelled.get(name, name) for name in names))


def conduct_link(terms: Terms, *, from_path: str) -> str:
    """A sentence that links the project's code of conduct (or the CNCF's) from a document."""
    if terms.conduct_document:
        target = _relative(terms.conduct_document, from_path)
        return f"All members of {terms.community} follow the [Code of Conduct]({target})."
    return f"All members of {terms.community} follow the [CNCF Code of Conduct]({CNCF_CODE_OF_CONDUCT})."


def _relative(target: str, from_path: str) -> str:
    import posixpath

    return posixpath.relpath(target, posixpath.dirname(from_path) or ".")


def maintainer_table(names: tuple[str, ...]) -> str:
    """A maintainers table: the people the project lists elsewhere, or one row to fill in."""
    header = "| Name | GitHub | Affiliation | Area |\n|------|--------|-------------|------|"
    cells = "| `<@handle>` | `<employer, or independent>` | `<area of responsibility>` |"
    rows = [f"| {name} {cells}" for name in names] or [f"| `<name>` {cells}"]
    return "\n".join([header, *rows])


def placeholders(text: str) -> tuple[str, ...]:
    """The placeholders in a text, each once, in order: "<two-thirds>", "<N> months"."""
    return tuple(dict.fromkeys(m.group(1) for m in PLACEHOLDER.finditer(text)))


def wrap(text: str, width: int = 96) -> str:
    """A paragraph wrapped at ``width``, never inside a placeholder or a link."""
    protected = re.sub(r"`[^`]*`|\[[^\]]*\]\([^)]*\)", lambda m: m.group(0).replace(" ", "\0"), text)
    lines = textwrap.wrap(protected, width=width, break_long_words=False, break_on_hyphens=False)
    return "\n".join(line.replace("\0", " ") for line in lines)
