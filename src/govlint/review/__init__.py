"""`govlint review`: a draft of the governance review TAG Contributor Strategy writes by hand.

    >>> from govlint.review import draft
    >>> d = draft(["."], level="incubating")
    >>> d.assessment.status, [a.coverage for a in d.areas]

    collect.py          the documents: every target's governance, READMEs, CODEOWNERS, maintainer data
    model.py            the draft as plain dataclasses (Draft.to_dict() is schemas/review.schema.json)
    areas.py            the Documentation Content table: Complete / Partial / Missing / Unknown per area
    findings.py         rule results as the Findings Table, ranked
    build.py            the draft: status by its stated rule, description, discoverability
    activity.py         --activity: maintainers' last commits (observe) against the documented inactivity rule (judge)
    history.py          a checkout's commits by name and address, from git log
    render_markdown.py  the draft in the published reviews' layout
    render_json.py      the draft as JSON

The review runs the cncf pack and the opt-in review pack (rules/review.yaml) over the documents.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from govlint.errors import InputError, UsageError

if TYPE_CHECKING:
    from govlint.api import RemoteOptions
    from govlint.review.activity import Observations
    from govlint.review.model import Draft
    from govlint.rules.model import Rule

__all__ = ["REVIEW_PROFILE", "draft", "review_rules"]

REVIEW_PROFILE = "templates"


def review_rules(rules: Sequence[Rule] = ()) -> list[Rule]:
    """The rules of the opt-in review pack, on the levels of the built-in ``rules`` it joins
    (load_rules()); it declares none of its own."""
    from govlint.resources import opt_in_pack
    from govlint.rules.loader import builtin_pack, pack_rules

    pack = opt_in_pack("review.yaml")
    ladder = next((r.meta.ladder for r in rules if r.meta.ladder is not None and r.meta.ladder.builtin), None)
    data, language = builtin_pack(pack)
    return pack_rules(data, origin=f"govlint:rules/{pack.name}", validate=False, inherit=ladder, language=language)


def _open(target: str, *, primary: bool, remote: RemoteOptions | None):
    from govlint.api import is_remote, open_source
    from govlint.sources.local import LocalSource

    if is_remote(target) or primary:
        return open_source(target, remote=remote)
    path = Path(target)
    if not path.is_dir():
        raise InputError("no such directory", path=target)
    return LocalSource(path, label=path.resolve().name)  # its documents show as <folder>/<path>


def draft(targets: Sequence[str], *, level: str | None = None, profile: str | None = None,
          remote: RemoteOptions | None = None, config_path: str | None = None, rule_packs: Sequence[str] = (),
          today: dt.date | None = None, activity: bool = False, name: str | None = None,
          max_depth: int | None = None, recorded_activity: Observations | None = None) -> Draft:
    """The draft review of a project: ``targets[0]`` is its main repository (a checkout or
    github:owner/repo), the others its other repositories (a community repository, sub-projects).

    ``activity``: observe each listed maintainer's newest commit (activity.py); ``recorded_activity``:
    judge an observation made earlier instead (benchmarks/record_activity.py)."""
    from govlint.api import build_report, resolve_settings
    from govlint.config import Config, find_config, load_config
    from govlint.discover import MAX_LINK_DEPTH
    from govlint.review.build import build_draft
    from govlint.review.collect import collect, project_name
    from govlint.review.facts import maintainer_facts
    from govlint.rules.model import DocumentSet
    from govlint.rules.registry import load_rules, run_ladder, select

    if not targets:
        raise UsageError("give the project's repository (a checkout or github:owner/repo)")
    today = today or dt.date.today()
    sources = []
    try:
        for index, target in enumerate(targets):
            sources.append(_open(str(target), primary=index == 0, remote=remote))
        primary = sources[0]
        root = getattr(primary, "root", None)
        if config_path:
            config = load_config(config_path)
        else:
            found = find_config(root) if root is not None else None
            config = load_config(str(found), checkout=root) if found else Config()
        # A review holds a project to the application templates and the review guide (profile
        # "templates"); the TOC's forthcoming leadership expectations are findings, not blockers.
        loaded = load_rules(extra_packs=[*config.rule_packs, *rule_packs])
        rules = [*loaded, *review_rules(loaded)]
        ladder = run_ladder(rules)  # a pack with levels of its own has no "templates" (levels.py)
        default = REVIEW_PROFILE if ladder is not None and REVIEW_PROFILE in ladder.profile_names else None
        level, profile = resolve_settings(config, level=level, profile=profile or default, rules=rules)
        chosen = select(rules, select=list(config.select), ignore=list(config.ignore))
        collected = collect(sources, max_depth=max_depth if max_depth is not None else MAX_LINK_DEPTH)
        docs = DocumentSet(collected.documents)
        commit = getattr(primary, "commit", None)
        report = build_report(chosen, docs, target=str(targets[0]), profile=profile, level=level, config=config,
                              warnings=collected.warnings, external_links=collected.external_links, commit=commit,
                              today=today, not_run=[r for r in rules if r not in chosen])
        facts = maintainer_facts(docs)
        observed, observed_findings = None, ()
        if activity or recorded_activity is not None:
            from govlint.review.activity import judge, observe

            observations = recorded_activity if recorded_activity is not None else observe(sources, docs)
            collected.warnings.extend(observations.notes)
            observed, observed_findings = judge(observations, docs, today=today)
        return build_draft(project=name or project_name(primary, str(targets[0])), targets=[str(t) for t in targets],
                           level=level, report=report, docs=docs, documents=collected.provenance(),
                           maintainers=facts, date=today.isoformat(), labels=[s.label for s in sources[1:]],
                           activity=observed, activity_findings=observed_findings,
                           warnings=[*report.warnings, *collected.warnings[len(report.warnings):]])
    finally:
        for source in sources:
            close = getattr(source, "close", None)
            if close is not None:
                close()
