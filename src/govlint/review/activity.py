"""--activity: observed against documented. For each listed maintainer with a GitHub handle, the
date of their newest commit in the project's repositories (one request per maintainer and
repository, ``GitHubSource.last_commit``, cached like every other response), compared with the
project's own inactivity rule ("no activity for six months ... emeritus").

Only remote targets can be observed; a checkout's history is not the project's.
"""
from __future__ import annotations

import datetime as dt
from typing import Sequence

from govlint.review.model import HIGH, Activity, Finding, MaintainerActivity, Quote
from govlint.rules.model import DocumentSet
from govlint.rules.words import DURATION

DEFAULT_PERIOD_DAYS = 365  # when the documents state no inactivity period
_RULE_KINDS = frozenset({"governance", "ladder", "charter", "steering", "community", "maintainers", "contributing",
                         "given", "linked"})


def documented_period(docs: DocumentSet) -> tuple[int, Quote] | None:
    """The documented inactivity period in days, and the sentence stating it."""
    from govlint.rules.builtin.review_language import matches, scan

    stated = []
    for doc, sentence in docs.sentences(_RULE_KINDS):
        found = scan(sentence.text)
        for match in matches("inactivity-period", found):
            days = [t.value for t in found.tokens[match.first_token:match.last_token] if t.kind == DURATION and t.value]
            if days:
                quote = Quote(doc.path, sentence.line, sentence.text, doc.url(sentence.line))
                stated.append((int(days[0]), quote, "maintain" in sentence.text.lower()))
    # The maintainers' rule, where the documents state one for reviewers or members too.
    best = next((s for s in stated if s[2]), stated[0] if stated else None)
    return (best[0], best[1]) if best else None


def _months(days: int) -> str:
    months = round(days / 30)
    return f"{months} month{'s' if months != 1 else ''}" if days >= 60 else f"{days} days"


def observe(sources: Sequence[object], docs: DocumentSet, *, remote: object = None,
            today: dt.date) -> tuple[Activity | None, tuple[Finding, ...]]:
    """The maintainers' last commits in the remote sources, and a finding when some are inactive by
    the project's own rule."""
    from govlint.rules.builtin.review_maintainers import roster
    from govlint.sources.github import GitHubSource

    repositories = [s for s in sources if isinstance(s, GitHubSource)]
    if not repositories:
        return None, ()
    handles = list(dict.fromkeys(e.handle for e in roster(docs).entries if e.handle))
    rule = documented_period(docs)
    period = rule[0] if rule else DEFAULT_PERIOD_DAYS
    where = (f"the documented rule, “{rule[1].text}” ({rule[1].path}:{rule[1].line})" if rule
             else f"no documented inactivity period; {_months(period)} is used")
    observed = []
    for handle in handles:
        dates = [d for d in (repo.last_commit(handle) for repo in repositories) if d]
        last = max(dates) if dates else None
        inactive = last is None or (today - dt.date.fromisoformat(last)).days > period
        observed.append(MaintainerActivity(handle=handle, last_commit=last, inactive=inactive))
    year = sum(1 for m in observed if m.last_commit is None
               or (today - dt.date.fromisoformat(m.last_commit)).days > DEFAULT_PERIOD_DAYS)
    inactive = [m for m in observed if m.inactive]
    summary = (f"{year} of {len(observed)} listed maintainers show no commit in 12 months; "
               f"{len(inactive)} show none in {_months(period)} ({where})")
    activity = Activity(repositories=tuple(r.label for r in repositories), period_days=period,
                        period_source=where, maintainers=tuple(observed), summary=summary)
    if not inactive:
        return activity, ()
    evidence = [rule[1]] if rule else []
    found = roster(docs)
    for m in inactive[:3]:
        entry = next((e for e in found.entries if e.handle == m.handle), None)
        if entry is not None:
            doc = found.docs.get(entry.path)
            evidence.append(Quote(entry.path, entry.line, entry.text, doc.url(entry.line) if doc else None))
    names = ", ".join(f"@{m.handle} ({m.last_commit or 'no commit found'})" for m in inactive[:8])
    finding = Finding(title="Inactive maintainers", importance=HIGH,
                      description=f"{summary}. Inactive by the rule: {names}.", evidence=tuple(evidence),
                      links=tuple(dict.fromkeys(q.path for q in evidence)),
                      remediation="Move inactive maintainers to emeritus as the governance says (or confirm "
                                  "they are active in ways commits do not show, and say so in the list).",
                      rule=None, area="Maintainer List")
    return activity, (finding,)
