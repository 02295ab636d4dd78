"""The programmatic entry point the CLI, the tests and the audit share.

    >>> from govlint.api import lint
    >>> report = lint(".")            # a checkout
    >>> report.score, report.level_met

lint() resolves the target to a source, discovers and parses the documents, runs the rules,
scores them and returns a Report. It never prints and never exits.
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from govlint import __version__
from govlint.config import Config, find_config, load_config
from govlint.discover import MAX_LINK_DEPTH
from govlint.errors import ConfigError, InputError, UsageError
from govlint.report import ERROR, DocumentInfo, Report
from govlint.checkcache import CheckCache
from govlint.sources.base import Source

# The rule engine, its regexes and the parsers are imported only when a report is computed,
# so that a check answered from the result cache starts fast.
if TYPE_CHECKING:
    from govlint.rules.model import DocumentSet, Rule


@dataclass(frozen=True)
class RemoteOptions:
    """How to reach a remote forge (GitHub or a GitHub-compatible server)."""

    api_url: str | None = None
    token_env: str | None = None
    cache_dir: str | None = None
    no_cache: bool = False
    follow_external: bool = False
    timeout: float | None = None  # seconds for everything one target asks of the network (--timeout)

    def __post_init__(self) -> None:
        if self.timeout is not None and not 0 < self.timeout < float("inf"):
            raise UsageError(f"--timeout {self.timeout:g}: give a positive number of seconds")
        from govlint.secrets import NOT_A_NAME, is_variable_name

        if self.token_env is not None and not is_variable_name(self.token_env):
            # Never repeat what was given: it may be the token itself.
            raise UsageError(NOT_A_NAME)


def is_remote(target: str) -> bool:
    if not target.startswith(("github:", "https://", "http://")):
        return False
    from govlint.sources.github import parse_github_target

    return parse_github_target(target) is not None


def open_source(target: str, *, remote: RemoteOptions | None = None, record_digests: bool = False) -> Source:
    """A Source for a target string: a remote repository, or a checkout on disk (which keeps the
    digest of every file it reads, with ``record_digests``, for the result cache)."""
    if is_remote(target):
        from govlint.sources.github import open_github_source

        remote = remote or RemoteOptions()
        return open_github_source(target, api_url=remote.api_url, token_env=remote.token_env,
                                  cache_dir=remote.cache_dir, no_cache=remote.no_cache,
                                  follow_external=remote.follow_external, timeout=remote.timeout)
    from govlint.sources.local import LocalSource

    path = Path(target)
    if not path.exists():
        raise InputError("no such file or directory", path=target)
    if not path.is_dir():
        raise InputError("not a directory", path=target)
    return LocalSource(path, label=target, record_digests=record_digests)


def checkout_root(files: Sequence[str]) -> Path:
    """The checkout that holds documents given by path: git's top level, else their common folder.

    The folders are taken from the paths as given (made absolute, never resolved): a given file that
    is a symlink must not move the root to wherever it points.
    """
    folders = [os.path.dirname(os.path.abspath(f)) for f in files]
    common = Path(os.path.commonpath(folders))
    try:
        out = subprocess.run(["git", "-C", str(common), "rev-parse", "--show-toplevel"], capture_output=True,
                             text=True, timeout=5, check=False)
        if out.returncode == 0 and out.stdout.strip():
            return Path(out.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    return common


def _given_paths(files: Sequence[str], root: Path) -> tuple[list[str], list[str]]:
    """(each given file's path inside ``root``, the files as given that resolve outside it).

    The path inside the checkout comes from the file's folder (resolved: a checkout may be reached
    through a symlinked folder) and its own name, so a symlink stays the checkout's path it was
    given as; then what it points to must be inside ``root`` too.
    """
    inside, outside = [], []
    for name in files:
        full = Path(os.path.abspath(name))
        folder = full.parent.resolve()
        if folder != root and root not in folder.parents:
            outside.append(name)
            continue
        rel = (folder / full.name).relative_to(root).as_posix()
        real = (root / rel).resolve()
        if real != root and root not in real.parents:
            outside.append(name)
            continue
        inside.append(rel)
    return inside, outside


def resolve_settings(config: Config, *, level: str | None, profile: str | None,
                     rules: Sequence[Rule]) -> tuple[str | None, str]:
    """The level and profile of a run (the option, else the configuration's, else the default
    profile), each one the loaded packs declare (levels.py)."""
    from govlint.rules.registry import run_ladder

    ladder = run_ladder(rules)
    if ladder is None:
        raise UsageError("no rule pack declares levels (a pack's top-level `levels:`)")
    if level is not None:
        ladder.check_level(level)
    if profile is not None:
        ladder.check_profile(profile)
    try:  # a configuration's own level and profile, checked against the packs it runs with
        if level is None and config.level is not None:
            ladder.check_level(config.level, path=config.path)
        if profile is None and config.profile is not None:
            ladder.check_profile(config.profile, path=config.path)
    except UsageError as err:
        raise ConfigError(str(err)) from None
    return level or config.level, profile or config.profile or ladder.default_profile


def lint(target: str | os.PathLike[str] | Source = ".", *, files: Sequence[str] = (), root: str | None = None,
         config: Config | None = None, config_path: str | None = None, level: str | None = None,
         profile: str | None = None, select_rules: Sequence[str] = (), ignore_rules: Sequence[str] = (),
         rule_packs: Sequence[str] = (), remote: RemoteOptions | None = None, rules: Sequence[Rule] | None = None,
         max_depth: int = MAX_LINK_DEPTH, today: dt.date | None = None, cache: CheckCache | None = None,
         fail_under: float | None = None) -> Report:
    """Lint one target: a checkout path, a remote target string, or a Source.

    ``files`` lints those documents (paths as given on the command line, read from ``root``, which
    defaults to their checkout) instead of discovering them. The checkout's own configuration is
    read unless ``config`` (or a ``config_path`` to read) is given. With a ``cache``, a local check
    whose inputs are all unchanged is answered from it (see checkcache.py).
    """
    if fail_under is not None and not 0 <= fail_under <= 100:  # also refuses nan, which compares as neither
        raise UsageError(f"--fail-under {fail_under}: takes a score from 0 to 100")
    caching = cache is not None and config is None and rules is None
    if files:
        for name in files:
            if not Path(name).exists():
                raise InputError("no such file or directory", path=name)
            if Path(name).is_dir():
                raise InputError("is a directory; give documents or a single checkout", path=name)
        base = Path(root).resolve() if root else checkout_root(files)
        from govlint.sources.local import LocalSource

        local = LocalSource(base, label=str(root or base), record_digests=caching)
        source: Source = local
        given, refused = _given_paths(files, local.root)
        if not given:
            raise InputError("resolves outside the checkout; nothing left to check", path=refused[0])
        label = ", ".join(str(f) for f in files)
    elif isinstance(target, (str, os.PathLike)):
        label = str(target)
        source = open_source(label, remote=remote, record_digests=caching)
        given, refused = [], []
    else:
        source, label, given, refused = target, target.label, [], []
    today = today or dt.date.today()
    root_dir = getattr(source, "root", None)
    from_checkout = False  # a configuration found in the checkout names paths only inside it
    if config is None and config_path is None and root_dir is not None:
        found = find_config(root_dir)
        config_path = str(found) if found else None
        from_checkout = found is not None
    # Only a source that reports the digests of what it read can have its report cached.
    digests = getattr(source, "digests", None)
    cached = caching and root_dir is not None and isinstance(digests, dict)
    if cached:
        key = cache.key(root=str(root_dir), label=label, given=given, level=level, profile=profile,
                        select=list(select_rules), ignore=list(ignore_rules),
                        rule_packs=[str(Path(p).resolve()) for p in rule_packs], max_depth=max_depth,
                        today=today.isoformat(), fail_under=fail_under)
        hit = cache.lookup(key, source, config_path=config_path)
        if hit is not None:
            return hit
    # The configuration and rule packs are hashed before they are read: a file replaced in between
    # leaves an entry that does not match either, never one that matches what was not read.
    hashed = _digests([config_path, *rule_packs]) if cached else {}
    if config is None:
        config = load_config(config_path, checkout=root_dir if from_checkout else None) if config_path else Config()
    if cached:
        hashed.update(_digests(config.rule_packs))
    from govlint.discover import discover
    from govlint.rules.model import DocumentSet
    from govlint.rules.registry import load_rules, select

    if rules is None:
        rules = load_rules(extra_packs=[*config.rule_packs, *rule_packs])
    level, profile = resolve_settings(config, level=level, profile=profile, rules=rules)
    chosen = select(rules, select=[*config.select, *select_rules], ignore=[*config.ignore, *ignore_rules])
    found_docs = discover(source, given=given, extra=config.documents, max_depth=max_depth)
    warnings = [*(f"{name}: resolves outside the checkout; not read" for name in refused), *found_docs.warnings,
                *getattr(source, "warnings", ())]
    report = build_report(chosen, DocumentSet(found_docs.documents), target=label, profile=profile, level=level,
                          config=config, warnings=warnings, external_links=found_docs.external_links,
                          commit=getattr(source, "commit", None), today=today,
                          fail_under=fail_under if fail_under is not None else config.fail_under,
                          not_run=[r for r in rules if r not in chosen])
    # A deadline missed once may be met next time: a report with an error is not kept.
    if cached and all(path in digests for path in found_docs.read) and not any(r.status == ERROR for r in report.results):
        cache.store(key, report, candidates=None if given else found_docs.candidates,
                    documents={path: digests[path] for path in found_docs.read}, files=hashed,
                    missing_links=found_docs.missing_links, config_path=config_path)
    return report


def default_gate(report: Report, fail_under: float | None) -> Report:
    """The report held to ``fail_under`` when nothing else gates it: no target level and no
    fail_under of its own (the pre-commit hook's default, --default-fail-under)."""
    if fail_under is None or report.target_level is not None or report.fail_under is not None:
        return report
    from dataclasses import replace

    return replace(report, fail_under=fail_under)


def _digests(paths: Sequence[str | None]) -> dict[str, str | None]:
    from govlint.checkcache import digest_file

    return {str(Path(p).absolute()): digest_file(p) for p in paths if p}


def build_report(rules: Sequence[Rule], docs: DocumentSet, *, target: str, profile: str, level: str | None,
                 config: Config, warnings: Sequence[str] = (), external_links: Sequence[str] = (),
                 commit: str | None = None, today: dt.date | None = None,
                 fail_under: float | None = None, not_run: Sequence[Rule] = ()) -> Report:
    """The report of ``rules`` over ``docs``; ``not_run`` are the rules left out (--select, --ignore),
    whose absence leaves the levels that require them not assessed."""
    from govlint.engine import run_rules
    from govlint.rules.registry import run_ladder
    from govlint.scoring import level_met, rating, score, verdicts

    ladder = run_ladder([*rules, *not_run])
    results, rule_warnings = run_rules(rules, docs, profile=profile, target_level=level, waivers=config.waivers,
                                       today=today)
    value = score(results)
    levels = verdicts(results, [(r.meta.name, r.meta.requirements(profile)) for r in not_run],
                      levels=ladder.names if ladder is not None else None)
    documents = tuple(DocumentInfo(path=d.path, kind=d.kind, origin=d.origin, lines=d.line_count, url=d.url(None))
                      for d in docs)
    return Report(target=target, profile=profile, govlint_version=__version__, documents=documents,
                  results=tuple(results), score=value, rating=rating(value), levels=tuple(levels),
                  level_met=level_met(levels), target_level=level, warnings=(*warnings, *rule_warnings),
                  external_links=tuple(external_links), commit=commit, fail_under=fail_under,
                  ladder=ladder.pack if ladder is not None and not ladder.builtin else None)


