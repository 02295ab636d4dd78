"""body-lifecycle: every leadership body the documents define says how one joins it and how one is
removed or replaced: the maintainers, a steering committee or TSC, the administrators, the
security response team, a code of conduct committee.

Reviewers ask this body by body ("how members of the security team get appointed and replaced",
"document the TSC lifecycle"). A body counts as defined when it is named twice; a sentence about
joining or leaving is credited to the body it names nearest the act, on the side the voice puts it
("members are elected by the TSC" is about members; "the maintainers appoint a security team" is
about the team), or to the body its section's heading names. An office of a body ("the TSC may elect
a TSC Chair, who will serve until their resignation or replacement") is not the body: its holder's
election or replacement says nothing of how one joins or leaves the body itself. When two documents
disagree on how a body is chosen (appointed in one, elected in another), the check says so.

``bodies()`` is what `govlint review` describes in its Governance Description.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from govlint.document import Document
from govlint.report import FAIL, NOT_APPLICABLE, PARTIAL, PASS
from govlint.rules.builtin.review_language import longest, matches, scan
from govlint.rules.lexicon import Scan
from govlint.rules.matching import has_placeholder, units
from govlint.rules.model import DocumentSet, Finding, evidence

BODIES: tuple[tuple[str, str], ...] = (
    ("Maintainers", "body-maintainers"), ("Steering Committee", "body-steering"),
    ("Technical Steering Committee", "body-tsc"), ("Administrators", "body-admins"),
    ("Security Response Team", "body-security"), ("Code of Conduct Committee", "body-conduct"))
_VOCABULARIES = tuple(v for _, v in BODIES)
_NAME = {v: n for n, v in BODIES}
KINDS = frozenset({"governance", "ladder", "charter", "steering", "elections", "community", "maintainers", "security",
                   "code-of-conduct", "contributing", "given", "linked"})
_MIN_MENTIONS = 2
# Stems of the words that say how a body is chosen or left, rather than in passing.
_CHOOSING = frozenset({"elect", "appoint", "nomin", "promot", "becom", "select", "remov", "revok", "expel", "replac",
                       "rotat", "recal", "impeach", "demot"})
# Stems of a decision in the same sentence ("upon consensus of the maintainers, the new maintainer is added").
_DECIDING = frozenset({"vote", "consensus", "consensu", "major", "unanim", "supermajor"})
_BE = frozenset({"be", "is", "are", "was", "were", "been", "get", "got", "becom"})


@dataclass
class Said:
    doc: Document
    line: int
    text: str
    family: str = ""  # for joining: "elected", "appointed" or ""
    strong: bool = False  # said with a word of choosing (elect, appoint, nominate, promote, become)


@dataclass
class BodyFacts:
    name: str
    first: Said
    mentions: int = 0
    joins: list[Said] = field(default_factory=list)
    leaves: list[Said] = field(default_factory=list)

    def best(self, said: list[Said]) -> Said | None:
        """The sentence a reader would quote: the first said with a word of choosing, else the first."""
        return next((s for s in said if s.strong), said[0] if said else None)

    def conflict(self) -> tuple[Said, Said] | None:
        """Two documents that disagree on how the body is chosen (one says appointed, the other elected)."""
        by_doc: dict[str, set[str]] = {}
        first: dict[tuple[str, str], Said] = {}
        for said in self.joins:
            if said.family:
                by_doc.setdefault(said.doc.path, set()).add(said.family)
                first.setdefault((said.doc.path, said.family), said)
        only = {path: next(iter(families)) for path, families in by_doc.items() if len(families) == 1}
        for path_a, family_a in only.items():
            for path_b, family_b in only.items():
                if path_a < path_b and family_a != family_b:
                    return first[(path_a, family_a)], first[(path_b, family_b)]
        return None


_PASSIVE_REACH = 6  # tokens between a passive verb and the body it is about
_RELATIVE = frozenset({"who", "whom", "whose", "which"})  # "the maintainers review who is assigned": not them


def _named(found: Scan) -> list[tuple[str, tuple[int, int]]]:
    """(body vocabulary, span) of the bodies a text names, not counting a foundation's own
    ("the CNCF Code of Conduct Committee")."""
    foundation = found.spans("cncf-prefix")
    return [(name, span) for name, span in longest(found, _VOCABULARIES)
            if not any(end <= span[0] and span[0] - end <= 2 for _start, end in foundation)]


def _offices(found: Scan, named: list[tuple[str, tuple[int, int]]]) -> dict[tuple[int, int], int]:
    """The named bodies that name an office of the body, not the body ("the TSC Chair", "the chair
    of the Steering Committee"): each span with the token where the office's name ends."""
    tokens = found.tokens
    offices: dict[tuple[int, int], int] = {}
    for start, end in found.spans("body-office"):
        for _name, span in named:
            if span[1] == start:  # "TSC Chair"
                offices[span] = end
            elif end <= span[0] and [t.norm for t in tokens[end:span[0]]] in (["of"], ["of", "the"]):
                offices[span] = span[1]  # "chair of the TSC"
    return offices


def _in_office_clause(found: Scan, act: tuple[int, int], offices: dict[tuple[int, int], int]) -> bool:
    """Whether the act lies in a relative clause about an office ("a TSC Chair, who will serve until
    their resignation"): a relative pronoun right after the office's name, before the act."""
    tokens = found.tokens
    for end in offices.values():
        after = end + 1 if end < len(tokens) and tokens[end].norm == "," else end
        if after < act[0] and tokens[after].norm in _RELATIVE:
            return True
    return False


def _subject(found: Scan, act: tuple[int, int], named: list[tuple[str, tuple[int, int]]]) -> str | None:
    """The body an act of joining or leaving is about, by voice: before a passive verb ("members
    are elected"), after an active one ("the maintainers appoint a team"), either side of a noun
    ("the election of the TSC", "TSC elections"). None when it is about an office of the body
    ("the TSC elects a TSC Chair"; "the TSC Chair, who serves until replaced")."""
    offices = _offices(found, named)
    if offices and _in_office_clause(found, act, offices):
        return None
    named = [("" if span in offices else name, span) for name, span in named]
    before = [(act[0] - span[1], name) for name, span in named if span[1] <= act[0]]
    after = [(span[0] - act[1], name) for name, span in named if span[0] >= act[1]]
    word = found.text[found.tokens[act[0]].start:found.tokens[act[1] - 1].end].lower()
    if word.endswith(("ion", "ions", "ment", "ments", "al", "als")):
        side = before + after
    elif any(t.norm in _BE for t in found.tokens[max(0, act[0] - 2):act[0]]):
        # "members of the TSC are elected", not "the maintainers review who is assigned".
        side = [(act[0] - span[1], name) for name, span in named if span[1] <= act[0]
                and act[0] - span[1] <= _PASSIVE_REACH
                and not any(t.norm in _RELATIVE for t in found.tokens[span[1]:act[0]])]
    else:
        side = after
    return (min(side)[1] or None) if side else None


def _act(found: Scan, match, vocabulary: str) -> tuple[int, int] | None:
    for span in found.spans(vocabulary):
        if match.first_token <= span[0] < match.last_token:
            return span
    return None


def _family(found: Scan, act: tuple[int, int]) -> str:
    for family, vocabulary in (("elected", "elect-family"), ("appointed", "appoint-family")):
        if any(s <= act[0] < e or act[0] <= s < act[1] for s, e in found.spans(vocabulary)):
            return family
    return ""


def bodies(docs: DocumentSet) -> list[BodyFacts]:
    """The bodies the documents define, with what they say about joining and leaving each."""
    facts: dict[str, BodyFacts] = {}
    for unit in units(docs, "sentence", KINDS):
        if has_placeholder(unit.text):
            continue
        found = scan(unit.text)
        named = _named(found)
        heading_bodies = [v for v, _ in _named(scan(unit.headings))] if unit.headings else []
        sentence = unit.sentences[0]
        for vocabulary, _span in named:
            body = facts.get(vocabulary)
            if body is None:
                body = facts[vocabulary] = BodyFacts(_NAME[vocabulary], Said(unit.doc, sentence.line, sentence.text))
            body.mentions += 1
        for probe, act_words, attr in (("joins-body", "join-act", "joins"), ("leaves-body", "leave-act", "leaves")):
            for match in matches(probe, found):
                act = _act(found, match, act_words)
                if act is None:
                    continue
                about = _subject(found, act, named) if named else (heading_bodies[-1] if heading_bodies else None)
                if about is None or about not in facts:
                    continue
                family = _family(found, act) if attr == "joins" else ""
                strong = (bool(family) or found.tokens[act[0]].norm in _CHOOSING
                          or any(t.norm in _DECIDING for t in found.tokens))
                said = Said(unit.doc, sentence.line, sentence.text, family, strong)
                getattr(facts[about], attr).append(said)
    return [b for b in facts.values() if b.mentions >= _MIN_MENTIONS]


def check(docs: DocumentSet) -> Finding:
    found = bodies(docs)
    if not found:
        return Finding(status=NOT_APPLICABLE, message="no leadership body is defined in the documents")
    gaps, quotes, near = [], [], []
    worst = PASS
    for body in found:
        lacks = [what for what, said in (("how one joins", body.joins), ("how one is removed or replaced", body.leaves))
                 if not said]
        if lacks:
            gaps.append(f"{body.name}: not said {' nor '.join(lacks)}")
            near.append(evidence(body.first.doc, body.first.line, body.first.text))
            worst = FAIL if len(lacks) == 2 else (PARTIAL if worst == PASS else worst)
        else:
            best = body.best(body.joins)
            quotes.append(evidence(best.doc, best.line, best.text))
        conflict = body.conflict()
        if conflict:
            a, b = conflict
            gaps.append(f"the documents disagree on how the {body.name} is chosen: {a.family} "
                        f"({a.doc.path}:{a.line}), {b.family} ({b.doc.path}:{b.line})")
            quotes += [evidence(a.doc, a.line, a.text), evidence(b.doc, b.line, b.text)]
            worst = PARTIAL if worst == PASS else worst
    names = ", ".join(b.name for b in found)
    message = f"bodies defined: {names}" + (f"; {'; '.join(gaps)}" if gaps else "; each says how one joins and leaves")
    return Finding(status=worst, message=message, evidence=tuple(quotes[:3]), near_miss=tuple(near[:3]))
