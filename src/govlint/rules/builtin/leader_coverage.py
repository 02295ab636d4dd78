"""leader-coverage: every leadership body the documents define has a removal path.

Too relational for a YAML kind: it first finds the bodies the documents define (a steering
committee, a TSC, a maintainers council, the maintainers), then, for each, a removal rule that
names that body (as the one removed, not the one removing) or sits in a section whose headings
do. The message names each body without one.
"""
from __future__ import annotations

import re
from functools import lru_cache


from govlint.report import FAIL, NOT_APPLICABLE, PARTIAL, PASS
from govlint.resources import builtin_packs
from govlint.rules.matching import find, has_placeholder, section_context, units
from govlint.rules.model import DocumentSet, Finding, evidence
from govlint.errors import RulePackError
from govlint.rules.loader import VOCABULARIES
from govlint.rules.yaml_rule import expand_vocabulary
from govlint.yamlio import load_yaml

# Canonical body name -> how the documents refer to it or to one of its members.
BODIES: dict[str, re.Pattern[str]] = {
    "Technical Steering Committee": re.compile(r"\btechnical\s+steering\s+committee\b|\bTSC\b", re.I),
    "Steering Committee": re.compile(r"(?<!technical )\bsteering\s+(?:committee|council)\b|\b[A-Z]SC\b(?<!TSC)", re.I),
    "Governing Board": re.compile(r"\bgoverning\s+board\b", re.I),
    "Maintainers Council": re.compile(r"\bmaintainers?'?\s+council\b|\bcore\s+council\b", re.I),
    "Core Maintainers": re.compile(r"\bcore\s+(?:maintainers?|team|developers?)\b", re.I),
    "Maintainers": re.compile(r"\bmaintainers?\b|\bcommitters?\b", re.I),
}
# The removal language is the cncf pack's own vocabulary (removal of a person, not of code; by a
# vote, a body or for cause; not inactivity alone; not a company-representation cap), so this
# check and the removal rules agree on what a removal is. The fallback serves a pack without it.
_FALLBACK_REMOVAL = (r"\b(?:remov(?:e|ed|als?|ing)|demot\w+|expel\w*|expulsion|eject\w*|revok\w+|revocation|"
                     r"no[- ]confidence|relieved?\s+of|dismiss\w*|oust\w*|recall\w*|impeach\w*|suspen\w+)\b")


@lru_cache(maxsize=1)
def _language() -> dict[str, re.Pattern[str]]:
    vocabulary = dict(VOCABULARIES.get("cncf", {}))  # filled when the registry loaded the pack
    if not vocabulary:
        try:
            for pack in builtin_packs():
                data = load_yaml(pack.read_text(encoding="utf-8"), path=pack.name, error=RulePackError) or {}
                if data.get("pack") == "cncf":
                    vocabulary = expand_vocabulary(data.get("vocabulary") or {})
        except (OSError, ValueError, RulePackError):
            vocabulary = {}

    def word(name: str, fallback: str) -> re.Pattern[str]:
        return re.compile(vocabulary.get(name, fallback), re.I)

    removal = vocabulary.get("removal", _FALLBACK_REMOVAL)
    if "changed_by_vote" in vocabulary:
        removal = f"(?:{removal})|(?:{vocabulary['changed_by_vote']})"
    cause = vocabulary.get("cause_re", r"violat\w*|misconduct|code\s+of\s+conduct|breach\w*|\btrust")
    inactive = vocabulary.get("inactive_re", r"\binactiv\w*|\bunresponsive")
    return {
        "removal": re.compile(removal, re.I),
        "involuntary": word("involuntary", r"vot\w*|majority|violat\w*|misconduct|decid\w*"),
        "company_cap": word("company_cap", r"\brepresentation\b"),
        "inactivity_only": re.compile(f"^(?!.*(?:{cause})).*(?:{inactive})", re.I),
        "inactive_heading": word("inactive_heading", r"inactiv|emeritus|off-?boarding"),
        "cause": re.compile(f"(?:{cause})|involuntar", re.I),
    }


# A body counts as defined when it is mentioned at least this often (a passing mention is not a body).
_MIN_MENTIONS = 2


def _defined_bodies(docs: DocumentSet) -> dict[str, tuple]:
    mentions: dict[str, list] = {}
    for doc, sentence in docs.sentences():
        text = sentence.text
        for name, pattern in BODIES.items():
            if pattern.search(text) and not _claimed_by_longer(name, text):
                mentions.setdefault(name, []).append((doc, sentence))
    return {name: found[0] for name, found in mentions.items() if len(found) >= _MIN_MENTIONS}


def _claimed_by_longer(name: str, text: str) -> bool:
    """'Core Maintainers' in a sentence is not also a mention of 'Maintainers'."""
    if name != "Maintainers":
        return False
    stripped = BODIES["Core Maintainers"].sub(" ", BODIES["Maintainers Council"].sub(" ", text))
    return not BODIES["Maintainers"].search(stripped)


def _removal_for(docs: DocumentSet, pattern: re.Pattern[str]):
    """The first removal for cause of someone the body ``pattern`` names: in the removal phrase
    itself (its subject for "A Steering Committee member may be removed"), in the sentence that
    introduced its list, or in a removal heading it sits under."""
    lang = _language()
    for unit in units(docs, "sentence", None, anaphora=True):
        text = unit.text
        if has_placeholder(text):
            continue
        if unit.headings and lang["inactive_heading"].search(unit.headings) \
                and not lang["cause"].search(section_context(unit)):
            continue
        removal = find(lang["removal"], text)
        if removal is None or not find(lang["involuntary"], text):
            continue
        if lang["company_cap"].search(text) or lang["inactivity_only"].search(text):
            continue
        if _names_the_removed(pattern, unit, removal) or pattern.search(unit.headings):
            sentence = unit.sentences[0]
            return unit.doc, sentence
    return None


_REMOVE_VERB = re.compile(r"\s*\S*\b(?:remov|demot|expel|eject|revok|dismiss|suspend|reliev|oust|recall|"
                                  r"impeach|kick|strip|rescind|mov)", re.I)
_AGENT = re.compile(r"\b(?:by|through|via|with|upon|if|when|unless|for)\b|[,;:.]", re.I)


def _names_the_removed(pattern: re.Pattern[str], unit, removal: re.Match[str]) -> bool:
    """The body is named as the one removed: in the removal phrase, the few words before a
    passive one ("Steering Committee member may be removed") or after a verb ("forcefully remove
    a current Maintainer"), but not as the agent ("by a vote of the maintainers", "the TSC may
    remove ...")."""
    text = unit.text
    own = unit.parts[-1].start if unit.parts else 0
    if removal.start() < own:  # the removal is in the list's lead or an earlier sentence
        return bool(pattern.search(text[:removal.end()]))
    after = text[removal.end():]
    cut = _AGENT.search(after)
    after_words = (after[:cut.start()] if cut else after).split()[:5]
    phrase = removal.group(0) + " " + " ".join(after_words)
    if not _REMOVE_VERB.match(removal.group(0)):
        phrase = " ".join(text[own:removal.start()].split()[-3:]) + " " + phrase
    return bool(pattern.search(phrase))


def check(docs: DocumentSet) -> Finding:
    bodies = _defined_bodies(docs)
    if not bodies:
        return Finding(status=NOT_APPLICABLE, message="no leadership body is defined in the documents")
    covered, uncovered, ev, near = [], [], [], []
    for name in bodies:
        found = _removal_for(docs, BODIES[name])
        if found:
            covered.append(name)
            ev.append(evidence(found[0], found[1].line, found[1].text))
        else:
            uncovered.append(name)
            doc, sentence = bodies[name]
            near.append(evidence(doc, sentence.line, sentence.text))
    status = PASS if not uncovered else PARTIAL if covered else FAIL
    message = f"bodies defined: {', '.join(bodies)}"
    if uncovered:
        message += f"; no removal path for: {', '.join(uncovered)}"
    return Finding(status=status, message=message, evidence=tuple(ev[:3]), near_miss=tuple(near[:3]))
