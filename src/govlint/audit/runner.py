"""The audit loop: each selected project linted on a thread pool, one results line as each finishes.

A project is linted against its own maturity (its report's target level); the report's verdicts
for every level show its readiness for the next. A project that cannot be audited (a repository
that is missing, rate limited after the HTTP client's retries and waits, or unreadable) gets an
error record and the audit goes on. Nothing here prints: a Listener hears about progress.
"""
from __future__ import annotations

import datetime as dt
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from govlint import __version__
from govlint.errors import EXIT_ERROR, EXIT_OK, EXIT_TARGET_NOT_MET, GovlintError, InputError, SourceError, UsageError
from govlint.audit.projects import Project, ProjectList, load_projects, shard
from govlint.audit.results import (
    ERROR,
    FORMAT,
    MANIFEST_FILE,
    RESULT,
    RESULTS_FILE,
    ResultsWriter,
    check_output_folder,
    read_manifest,
    read_results,
    repair,
    write_json_atomically,
)

DEFAULT_JOBS = 8  # network-bound: most of a project's time is spent waiting for the API
EXIT_INTERRUPTED = 130


@dataclass(frozen=True)
class AuditOptions:
    jobs: int = DEFAULT_JOBS
    resume: bool = False
    retry_errors: bool = False  # with resume: audit again the projects whose last record is an error
    shard: tuple[int, int] | None = None  # (I, N), 1-based
    profile: str | None = None
    select_rules: tuple[str, ...] = ()
    ignore_rules: tuple[str, ...] = ()
    rule_packs: tuple[str, ...] = ()
    remote: Any = None  # govlint.api.RemoteOptions; Any keeps this module's import light
    force: bool = False  # write into an --out folder that holds other files
    reviews: bool = False  # also draft each project's governance review (govlint review) into its record


class Listener:
    """What the runner tells whoever shows progress. Methods are called from worker threads."""

    def begin(self, *, total: int, done: int, errors: int) -> None: ...

    def started(self, project: Project) -> None: ...

    def finished(self, project: Project, record: dict[str, Any]) -> None: ...

    def end(self) -> None: ...


@dataclass
class AuditOutcome:
    out: Path
    selected: int = 0
    skipped: int = 0  # finished by an earlier run (--resume)
    audited: int = 0  # finished by this run
    results: int = 0  # selected projects whose last record is a result
    errors: list[tuple[str, str]] = field(default_factory=list)  # (project, reason), last records
    unmet: int = 0  # results that do not meet their own maturity level
    interrupted: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def pending(self) -> int:
        return self.selected - self.results - len(self.errors)

    def exit_code(self, *, strict: bool = False) -> int:
        """130 interrupted, 2 when any project has no result, 1 (with ``strict``) when any project
        does not meet its own level, else 0."""
        if self.interrupted:
            return EXIT_INTERRUPTED
        if self.errors or self.pending:
            return EXIT_ERROR
        if strict and self.unmet:
            return EXIT_TARGET_NOT_MET
        return EXIT_OK


def run_audit(projects_file: str | Path, out: str | Path, *, options: AuditOptions = AuditOptions(),
              listener: Listener | None = None, stop: threading.Event | None = None) -> AuditOutcome:
    """Audit the projects of ``projects_file`` (or one shard of them) into ``out``."""
    listener = listener or Listener()
    stop = stop or threading.Event()
    if options.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if options.retry_errors and not options.resume:
        raise UsageError("--retry-errors needs --resume")
    from govlint.rules.registry import load_rules, run_ladder, select

    rules = load_rules(extra_packs=list(options.rule_packs))  # once, and before any project starts
    ladder = run_ladder(rules)
    if ladder is None:
        raise UsageError("no rule pack declares levels (a pack's top-level `levels:`)")
    project_list = load_projects(projects_file, levels=ladder.names)
    selected = shard(project_list.projects, *options.shard) if options.shard else list(project_list.projects)
    _check_remote_options(selected, options)
    out = Path(out)
    check_output_folder(out, force=options.force)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UsageError(f"cannot create the output folder ({err.strerror or err})", path=str(out)) from None
    results_path = out / RESULTS_FILE
    manifest = _manifest(project_list, selected, options)
    _check_resumable(out, manifest, options)

    # Options every project shares are checked now: a typo is one usage error, not an error per project.
    select(rules, select=options.select_rules, ignore=options.ignore_rules)
    if options.profile is not None:
        ladder.check_profile(options.profile)
    outcome = AuditOutcome(out=out, selected=len(selected))
    with ResultsWriter(results_path) as writer:
        dropped = repair(results_path)
        if dropped:
            outcome.warnings.append(f"{results_path}: dropped an unfinished last line ({dropped} bytes) "
                                    "left by an interrupted audit")
        previous = read_results(results_path)
        if previous.bad_lines:
            outcome.warnings.append(f"{results_path}: ignored {len(previous.bad_lines)} unreadable line(s): "
                                    f"{', '.join(map(str, previous.bad_lines[:5]))}")
        write_json_atomically(out / MANIFEST_FILE, manifest)
        latest = previous.latest()
        names = {p.name for p in selected}
        finished = {name for name, record in latest.items() if name in names
                    and (record["status"] == RESULT or not options.retry_errors)}
        pending = [p for p in selected if p.name not in finished]
        outcome.skipped = len(selected) - len(pending)
        listener.begin(total=len(selected), done=outcome.skipped,
                       errors=sum(1 for n in finished if latest[n]["status"] == ERROR))

        def work(project: Project) -> dict[str, Any] | None:
            if stop.is_set():
                return None
            listener.started(project)
            record = audit_project(project, rules=rules, options=options)
            writer.append(record)
            listener.finished(project, record)
            return record

        with ThreadPoolExecutor(max_workers=options.jobs, thread_name_prefix="govlint-audit") as pool:
            futures = [pool.submit(work, p) for p in pending]
            try:
                for future in as_completed(futures):
                    if future.result() is not None:
                        outcome.audited += 1
            except KeyboardInterrupt:
                # Projects in flight finish and are written; the rest wait for --resume.
                stop.set()
                outcome.interrupted = True
                for future in futures:
                    future.cancel()
            except BaseException:
                stop.set()  # a results file that cannot be written ends the audit
                for future in futures:
                    future.cancel()
                raise
        listener.end()
        if stop.is_set():
            outcome.interrupted = True
    final = read_results(results_path).latest()
    for project in selected:
        record = final.get(project.name)
        if record is None:
            continue
        if record["status"] == RESULT:
            outcome.results += 1
            if project.maturity and not record["report"]["levels"][project.maturity]["met"]:
                outcome.unmet += 1
        else:
            outcome.errors.append((project.name, record.get("error", "")))
    return outcome


def _manifest(project_list: ProjectList, selected: Sequence[Project], options: AuditOptions) -> dict[str, Any]:
    chosen = {p.name for p in selected}
    return {
        "format": FORMAT,
        "govlint_version": __version__,
        "projects_file": project_list.path,
        "projects_digest": project_list.digest,
        "shard": f"{options.shard[0]}/{options.shard[1]}" if options.shard else None,
        "profile": options.profile,
        "projects": [{**p.to_dict(), "index": p.index, "selected": p.name in chosen} for p in project_list.projects],
    }


def _check_resumable(out: Path, manifest: dict[str, Any], options: AuditOptions) -> None:
    existing = read_manifest(out)
    has_results = (out / RESULTS_FILE).exists() and (out / RESULTS_FILE).stat().st_size > 0
    if not options.resume:
        if existing is not None or has_results:
            raise UsageError("already holds an audit: pass --resume to finish it, or choose another --out",
                             path=str(out))
        return
    if existing is None:
        if has_results:
            raise UsageError(f"has {RESULTS_FILE} but no {MANIFEST_FILE}: not a govlint audit folder", path=str(out))
        return
    if existing.get("projects_digest") != manifest["projects_digest"]:
        raise UsageError("the projects file has changed since this audit started; --resume needs the same "
                         "projects (start a new audit in another --out)", path=str(out))
    if existing.get("shard") != manifest["shard"]:
        raise UsageError(f"this audit was shard {existing.get('shard') or 'none'}; --resume it with the same --shard",
                         path=str(out))


# --------------------------------------------------------------------------------------------------
# One project

def audit_project(project: Project, *, rules: Sequence[Any], options: AuditOptions) -> dict[str, Any]:
    """The results line for one project: its complete report, or the reason it has none."""
    from dataclasses import replace

    from govlint.api import lint, open_source
    from govlint.audit.combine import cited_only, combine, open_rules
    from govlint.audit.projects import EVERY_REPOSITORY_RULES

    started = time.monotonic()
    record: dict[str, Any] = {"project": project.name, "display_name": project.display_name,
                              "index": project.index, "maturity": project.maturity,
                              "repositories": [r.to_dict() for r in project.repositories]}
    reports, audited = [], []

    def read(repo: Any, select_rules: Sequence[str], ignore_rules: Sequence[str]) -> Any:
        _check_supported(repo.lint_target)
        source = open_source(repo.lint_target, remote=options.remote)
        try:
            return lint(source, level=project.maturity, profile=options.profile, select_rules=select_rules,
                        ignore_rules=ignore_rules, rules=rules)
        finally:
            close = getattr(source, "close", None)
            if close is not None:
                close()

    try:
        for repo in project.audited:
            report = read(repo, options.select_rules, options.ignore_rules)
            reports.append(report)
            audited.append({"name": repo.name, "url": repo.url, "target": report.target, "commit": report.commit,
                            "score": report.score, "rating": report.rating, "level_met": report.level_met})
        report = combine(reports)
        # The maintainer list may sit in a repository outside the governance check set.
        notes = []
        for repo in project.other_repositories:
            wanted = open_rules(report, EVERY_REPOSITORY_RULES)
            if not wanted:
                break
            try:
                extra = cited_only(read(repo, wanted, ()), wanted)
            except GovlintError as err:
                notes.append(f"{repo.url}: not read for {', '.join(wanted)}: {err}")
                continue
            reports.append(extra)
            audited.append({"name": repo.name, "url": repo.url, "target": extra.target, "commit": extra.commit,
                            "rules": list(wanted)})
            report = combine(reports)
        if notes:
            report = replace(report, warnings=(*report.warnings, *notes))
        if options.reviews:
            _review_into(record, project, options)
    except GovlintError as err:
        record.update(status=ERROR, error=str(err), error_kind=_kind(err))
    except Exception as err:  # noqa: BLE001 - one broken project must not end the audit
        record.update(status=ERROR, error=f"internal error: {type(err).__name__}: {err}", error_kind="internal")
    else:
        record.update(status=RESULT, audited=audited, report=report.to_dict())
    record.update(finished_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                  seconds=round(time.monotonic() - started, 3), govlint_version=__version__)
    return record


def _review_into(record: dict[str, Any], project: Project, options: AuditOptions) -> None:
    """The project's draft review (for the level after its own), as JSON in its record; a project whose
    review cannot be drafted keeps its report and says why."""
    from govlint.review import draft
    from govlint.review.levels import level_applied_for

    targets = [r.lint_target for r in project.audited]  # its governance repositories, as the audit reads them
    try:
        review = draft(targets, level=level_applied_for(project.maturity, project.levels), profile=options.profile,
                       remote=options.remote, name=project.display_name or project.name)
    except GovlintError as err:
        record["review_error"] = str(err)
    else:
        record["review"] = review.to_dict()


def _check_remote_options(selected: Sequence[Project], options: AuditOptions) -> None:
    """A bad --api-url is one usage error up front, not the same error for every project."""
    from govlint.api import is_remote

    def remote(target: str) -> bool:
        try:
            return is_remote(target)
        except GovlintError:  # a malformed target is that project's error, later
            return False

    api_url = getattr(options.remote, "api_url", None)
    if api_url and any(remote(r.lint_target) for p in selected for r in p.audited):
        from govlint.sources.http import resolve_api_url

        resolve_api_url(api_url)


def _check_supported(url: str) -> None:
    from govlint.api import is_remote

    if "://" in url and not is_remote(url):
        raise InputError("only GitHub repositories (or github:owner/repo with --api-url) and local paths "
                         "can be audited", path=url)


def _kind(err: GovlintError) -> str:
    """A short class of failure, for the summary: not-found, rate-limit, remote, input or error."""
    if isinstance(err, SourceError):
        if getattr(err, "status", None) in (404, 410, 422) or "not found" in str(err):
            return "not-found"
        if "rate limit" in str(err).lower():
            return "rate-limit"
        return "remote"
    if isinstance(err, InputError):
        return "input"
    return "error"
