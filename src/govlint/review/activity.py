"""--activity: observed against documented. Observing finds each listed maintainer's newest commit;
judging compares those dates with the project's own inactivity rule ("no activity for six months
... emeritus") and raises the finding ``activity`` (``ACTIVITY_RULE``) for the inactive.

Observed where the history is: a remote repository through the GitHub commits endpoint (one request
per maintainer and repository, ``GitHubSource.last_commit``, cached like every other response,
matched by login), a checkout through ``git log`` (history.py, matched by name and address). The
two steps are apart so that an observation recorded once (benchmarks/record_activity.py) is judged
by the same code as one made now.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from govlint.review.history import NO_MATCH, HistoryUnavailable, Observed, Person
from govlint.review.model import HIGH, Activity, Finding, MaintainerActivity, Quote
from govlint.rules.model import DocumentSet
from govlint.rules.words import DURATION

ACTIVITY_RULE = "activity"  # the stable id of the finding (a draft's Finding.rule), documented in docs/REVIEW.md
DEFAULT_PERIOD_DAYS = 365  # when the documents state no inactivity period
_RULE_KINDS = frozenset({"governance", "ladder", "charter", "steering", "community", "maintainers", "contributing",
                         "given", "linked"})


@dataclass(frozen=True)
class Observations:
    """What was observed: where, each maintainer's newest commit, and notes on what could not be read."""

    repositories: tuple[str, ...] = ()  # what was read; empty when nothing could be
    maintainers: tuple[Observed, ...] = ()
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"repositories": list(self.repositories),
                "maintainers": {m.handle: {"last_commit": m.last_commit, "matched_by": m.matched_by}
                                for m in self.maintainers}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Observations:
        """An observation written by ``to_dict`` (a recorded one)."""
        people = data.get("maintainers") or {}
        return cls(repositories=tuple(str(r) for r in data.get("repositories") or ()),
                   maintainers=tuple(Observed(handle=str(handle).lower(),
                                              last_commit=None if m.get("last_commit") is None
                                              else str(m["last_commit"]),
                                              matched_by=str(m.get("matched_by") or NO_MATCH))
                                     for handle, m in people.items()))


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


def listed_people(docs: DocumentSet) -> list[Person]:
    """The listed maintainers with a GitHub handle: their name and the addresses the lists give."""
    from govlint.maintainers import facts
    from govlint.rules.builtin.review_maintainers import roster

    emails: dict[str, set[str]] = {}
    for entry in facts(docs).entries:
        if entry.handle and entry.email:
            emails.setdefault(entry.handle.lower(), set()).add(entry.email.lower())
    people: dict[str, Person] = {}
    for entry in roster(docs).entries:
        if entry.handle and entry.handle not in people:
            name = entry.name if entry.name.lower() != entry.handle else ""
            people[entry.handle] = Person(handle=entry.handle, name=name,
                                          emails=tuple(sorted(emails.get(entry.handle, ()))))
    return list(people.values())


def observe(sources: Sequence[object], docs: DocumentSet) -> Observations:
    """Each listed maintainer's newest commit in the sources' histories: remote repositories through
    the GitHub API, checkouts through git. A source whose history cannot be read leaves a note."""
    from govlint.sources.github import GitHubSource

    people = listed_people(docs)
    found: list[list[Observed]] = []
    repositories: list[str] = []
    notes: list[str] = []
    read: set[Path] = set()
    for source in sources:
        if isinstance(source, GitHubSource):
            repositories.append(source.label)
            found.append([_remote(source, p.handle) for p in people])
            continue
        root = getattr(source, "root", None)
        label = getattr(source, "label", str(root))
        if root is None:
            continue
        try:
            observed = _checkout(Path(root), people, read=read, notes=notes, label=label)
        except HistoryUnavailable as err:
            notes.append(f"--activity: the history of {label} could not be read: {err}")
            continue
        if observed is not None:
            repositories.append(observed[0])
            found.append(observed[1])
    if not repositories and not notes:
        notes.append("--activity reads the commits of a remote repository (github:owner/repo) or of a git "
                     "checkout; no target is either, so no activity was observed")
    return Observations(repositories=tuple(repositories), maintainers=tuple(_newest(people, found)),
                        notes=tuple(notes))


def _remote(source: Any, handle: str) -> Observed:
    last = source.last_commit(handle)
    return Observed(handle=handle, last_commit=last,
                    matched_by="GitHub login" if last else "no commit found for the GitHub login")


def _checkout(folder: Path, people: Sequence[Person], *, read: set[Path], notes: list[str],
              label: str) -> tuple[str, list[Observed]] | None:
    from govlint.review import history

    top = history.work_tree(folder)
    if top is None:
        notes.append(f"--activity: {label} is not in a git checkout, so its history could not be read")
        return None
    if top in read:  # two targets in one repository: one history
        return None
    read.add(top)
    commit, shallow = history.head(top)
    if commit is None:
        notes.append(f"--activity: the git checkout of {label} has no commits")
        return None
    if shallow:
        notes.append(f"--activity: {label} is a shallow clone; commits before its depth are not seen, so a "
                     "maintainer may show as inactive who is not")
    inside = "" if top == folder.resolve() else f"in the git checkout {top}, "
    where = f"{label} ({inside}git history at {commit[:12]}; matched by name and address, a checkout has no logins)"
    return where, history.match(people, history.identities(top, commit))


def _newest(people: Sequence[Person], found: Sequence[Sequence[Observed]]) -> list[Observed]:
    """One observation per person: the newest commit over every repository read."""
    out = []
    for index, person in enumerate(people):
        seen = [obs[index] for obs in found]
        dated = [o for o in seen if o.last_commit]
        if dated:
            out.append(max(dated, key=lambda o: o.last_commit or ""))
        elif seen:
            out.append(seen[0])
        else:
            out.append(Observed(handle=person.handle, last_commit=None, matched_by=NO_MATCH))
    return out


def _months(days: int) -> str:
    months = round(days / 30)
    return f"{months} month{'s' if months != 1 else ''}" if days >= 60 else f"{days} days"


def _inactive(last: str | None, *, today: dt.date, period: int) -> bool:
    return last is None or (today - dt.date.fromisoformat(last)).days > period


def judge(observed: Observations, docs: DocumentSet, *,
          today: dt.date) -> tuple[Activity | None, tuple[Finding, ...]]:
    """The observation against the documented rule (12 months when none is documented), and the
    finding ``activity`` when some listed maintainers are inactive by it."""
    from govlint.rules.builtin.review_maintainers import roster

    if not observed.repositories:
        return None, ()
    rule = documented_period(docs)
    period = rule[0] if rule else DEFAULT_PERIOD_DAYS
    where = (f"the documented rule, “{rule[1].text}” ({rule[1].path}:{rule[1].line})" if rule
             else f"no documented inactivity period; {_months(period)} is used")
    maintainers = tuple(MaintainerActivity(handle=m.handle, last_commit=m.last_commit,
                                           inactive=_inactive(m.last_commit, today=today, period=period),
                                           matched_by=m.matched_by) for m in observed.maintainers)
    year = sum(1 for m in maintainers if _inactive(m.last_commit, today=today, period=DEFAULT_PERIOD_DAYS))
    inactive = [m for m in maintainers if m.inactive]
    summary = (f"{year} of {len(maintainers)} listed maintainers show no commit in 12 months; "
               f"{len(inactive)} show none in {_months(period)} ({where})")
    activity = Activity(repositories=observed.repositories, period_days=period, period_source=where,
                        maintainers=maintainers, summary=summary)
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
                      rule=ACTIVITY_RULE, area="Maintainer List")
    return activity, (finding,)
