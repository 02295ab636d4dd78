"""Runs the selected rules over a target's documents and applies the profile and waivers.

Waivers come from the configuration or from inline comments in a Markdown document,
``<!-- govlint-disable RULE reason -->``; both need a reason. A proposal ``govlint fix`` wrote
from a template keeps the rules it addresses partial while its placeholders are left unfilled.

The rules of a user pack (``--rule-pack``, a configuration's ``rule_packs:``) run their value
patterns under a deadline (rules/regex_safety.py); one that runs past it is reported as an error
for that rule, and every other rule still runs.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple, Sequence

from govlint.config import Waiver
from govlint.patterns import lazy
from govlint.report import ERROR, FAIL, NOT_APPLICABLE, NOT_REQUIRED, PARTIAL, PASS, WAIVED, Evidence, RuleResult
from govlint.rules.model import DocumentSet, Finding, Rule

if TYPE_CHECKING:
    from govlint.rules.regex_safety import PatternBudget

_BUILTIN_ORIGIN = "govlint:"  # the built-in packs' rules come from "govlint:rules/<pack>"


def run_rules(rules: Sequence[Rule], docs: DocumentSet, *, profile: str, target_level: str | None = None,
              waivers: Sequence[Waiver] = (), today: dt.date | None = None,
              budget: PatternBudget | None = None) -> tuple[list[RuleResult], list[str]]:
    """One result per rule, in rule order, and the warnings raised on the way (expired waivers).
    ``budget``: the matching time the user packs' patterns may take (default: regex_safety's)."""
    from govlint.rules.lexicon import remembering

    with remembering():  # the rules share every scan of the target's texts, however many there are
        return _run_rules(rules, docs, profile=profile, target_level=target_level, waivers=waivers, today=today,
                          budget=budget)


def _run_rules(rules: Sequence[Rule], docs: DocumentSet, *, profile: str, target_level: str | None,
               waivers: Sequence[Waiver], today: dt.date | None,
               budget: PatternBudget | None) -> tuple[list[RuleResult], list[str]]:
    today = today or dt.date.today()
    warnings: list[str] = []
    results = []
    inline = inline_waivers(docs)
    unfilled = unfilled_proposals(docs)
    warnings += unmatched_waivers(waivers, rules)
    for item in inline:
        if not item.reason:
            warnings.append(f"{item.where}: govlint-disable {item.rule} gives no reason, so {item.rule} is not "
                            f"waived; write <!-- govlint-disable {item.rule} the reason -->")
        elif not any(_names(item.rule, rule.meta.code, rule.meta.name) for rule in rules):
            warnings.append(f"{item.where}: govlint-disable names {item.rule!r}, which matches no rule that ran")
    for rule in rules:
        meta = rule.meta
        if meta.origin and not meta.origin.startswith(_BUILTIN_ORIGIN):
            if budget is None:
                from govlint.rules.regex_safety import PatternBudget
                budget = PatternBudget()
            finding = _check_user_rule(rule, docs, budget)
        else:
            finding = rule.check(docs)
        finding = _held_partial(finding, [u for key, found in unfilled.items()
                                          if _names(key, meta.code, meta.name) for u in found])
        levels = meta.requirements(profile)
        status, message, waiver_note = finding.status, finding.message, None
        if target_level and levels.get(target_level) == NOT_REQUIRED and status != ERROR:
            status = NOT_APPLICABLE
            message = f"not applicable at the {target_level} level"
        waiver = _waiver_for(meta.code, meta.name, waivers, today)
        if waiver is not None:
            if waiver.expired(today):
                waiver_note = f"waiver expired on {waiver.expires.isoformat()} and no longer applies: {waiver.reason}"
                warnings.append(f"{meta.name}: {waiver_note}")
            else:
                status, waiver_note = WAIVED, waiver.reason
                message = f"waived: {waiver.reason}" + (f" (until {waiver.expires})" if waiver.expires else "")
        if status != WAIVED:
            comment = next((w for w in inline if w.reason and _names(w.rule, meta.code, meta.name)), None)
            if comment is not None:
                status, waiver_note = WAIVED, comment.reason
                message = f"waived in {comment.where}: {comment.reason}"
        results.append(_result(rule, finding, status, message, levels, waiver_note))
    return results, warnings


def _check_user_rule(rule: Rule, docs: DocumentSet, budget: PatternBudget) -> Finding:
    """A user pack's rule, its patterns under the deadline: an error for this rule if they run past it."""
    from govlint.rules.regex_safety import PatternError

    try:
        with budget.applied():
            return rule.check(docs)
    except PatternError as err:
        return Finding(status=ERROR, message=f"could not be evaluated: {err} (in {rule.meta.origin})")


class InlineWaiver(NamedTuple):
    """A ``<!-- govlint-disable RULE reason -->`` comment; ``reason`` is empty when none was given."""

    rule: str
    reason: str
    where: str  # path:line


_DISABLE = lazy(r"^govlint-disable\s+(\S+)\s*(.*)$", re.S)


def inline_waivers(docs: DocumentSet) -> list[InlineWaiver]:
    out = []
    for doc in docs:
        for line, text in doc.comments:
            match = _DISABLE.match(text.strip())
            if match:
                out.append(InlineWaiver(rule=match.group(1), reason=" ".join(match.group(2).split()),
                                        where=f"{doc.path}:{line}"))
    return out


class Unfilled(NamedTuple):
    """A placeholder left in a proposal govlint fix wrote (`<two-thirds>`): a decision not yet taken."""

    rule: str
    placeholder: str
    path: str
    line: int
    text: str  # the line it is on


# The comment govlint fix writes above a proposal made from a template:
# <!-- govlint fix: ... Fill in
#      GL101, GL104: `<two-thirds>`
#      GL106: `<one week>`, `<seven days>`
#      then delete this comment. -->
_PROPOSAL = lazy(r"^govlint fix:.*?\bfill in\b(.*)$", re.S | re.I)
_PROPOSAL_ITEM = lazy(r"([\w.-]+(?:[ \t]*,[ \t]*[\w.-]+)*):[ \t]*((?:`[^`\n]+`(?:[ \t]*,[ \t]*)?)+)")
_CORE = lazy(r"<[^<>\n]+>")


def unfilled_proposals(docs: DocumentSet) -> dict[str, list[Unfilled]]:
    """Rule (code or name) -> the placeholders still in the text below each govlint fix proposal
    comment, up to the next heading or proposal comment."""
    out: dict[str, list[Unfilled]] = {}
    for doc in docs:
        markers = [(line, match.group(1)) for line, text in doc.comments
                   if (match := _PROPOSAL.match(text.strip()))]
        if not markers:
            continue
        lines = doc.text.split("\n")
        stops = sorted({s.line for s in doc.sections if s.level > 0} | {line for line, _ in markers})
        for line, items in markers:
            start = next((n for n in range(line, len(lines) + 1) if "-->" in lines[n - 1]), line)  # the comment's end
            end = next((stop for stop in stops if stop > start), len(lines) + 1)
            body = [(n, lines[n - 1]) for n in range(start + 1, end)]
            for rules, listed in _PROPOSAL_ITEM.findall(items):
                for placeholder in re.findall(r"`([^`\n]+)`", listed):
                    core = _CORE.search(placeholder)
                    where = next(((n, text) for n, text in body if core and core.group(0) in text), None)
                    for rule in (r.strip() for r in rules.split(",")):
                        if where is not None:
                            out.setdefault(rule, []).append(Unfilled(rule=rule, placeholder=placeholder,
                                                                     path=doc.path, line=where[0], text=where[1]))
    return out


def _held_partial(finding: Finding, unfilled: Sequence[Unfilled]) -> Finding:
    """A finding made partial while a proposal for the rule still has placeholders to fill in."""
    if not unfilled or finding.status not in (PASS, PARTIAL, FAIL):
        return finding
    names = ", ".join(dict.fromkeys(f"`{u.placeholder}`" for u in unfilled))
    first = unfilled[0]
    # First, as "missing: ...", the part every reporter shows for a partial result.
    note = f"missing: a decision in place of {names} ({first.path}:{first.line}, a proposal govlint fix added)"
    places = tuple(Evidence(path=u.path, line=u.line, text=" ".join(u.text.split())) for u in unfilled)
    return replace(finding, status=PARTIAL, message=f"{note}; {finding.message}" if finding.message else note,
                   near_miss=tuple(dict.fromkeys(places))[:3] + finding.near_miss)


def _names(key: str, code: str, name: str) -> bool:
    return key == name or key.upper() == code.upper()


def _waiver_for(code: str, name: str, waivers: Sequence[Waiver], today: dt.date) -> Waiver | None:
    """The waiver that applies to a rule: one still in force, else an expired one (to say so)."""
    named = [w for w in waivers if _names(w.rule, code, name)]
    return next((w for w in named if not w.expired(today)), named[0] if named else None)


def unmatched_waivers(waivers: Sequence[Waiver], rules: Sequence[Rule]) -> list[str]:
    """Warnings for configured waivers that name no rule that ran: a waiver names one rule, by code
    or name, so a code prefix or a typo would otherwise waive nothing without a word."""
    out = []
    for waiver in waivers:
        if any(_names(waiver.rule, rule.meta.code, rule.meta.name) for rule in rules):
            continue
        if any(rule.meta.code.upper().startswith(waiver.rule.upper()) for rule in rules):
            out.append(f"waiver for {waiver.rule!r} waives nothing: a waiver names one rule by its code or name, "
                       "not a code prefix")
        else:
            out.append(f"waiver for {waiver.rule!r} waives nothing: it matches no rule that ran")
    return out


def _result(rule: Rule, finding: Finding, status: str, message: str, levels: dict[str, str],
            waiver: str | None) -> RuleResult:
    meta = rule.meta
    return RuleResult(code=meta.code, name=meta.name, title=meta.title, status=status, weight=meta.weight,
                      level=levels, message=message, evidence=finding.evidence, near_miss=finding.near_miss,
                      looked_for=meta.looked_for, remediation=meta.remediation, criterion=meta.criterion,
                      waiver=waiver)
