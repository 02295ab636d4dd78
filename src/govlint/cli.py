"""The command line: options in, one call into govlint.api, a rendered report out, an exit code.

Exit codes: 0 ok, 1 target not met (level or --fail-under), 2 usage, configuration or input error.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from govlint import __version__
from govlint.errors import EXIT_ERROR, EXIT_OK, EXIT_TARGET_NOT_MET, GovlintError, UsageError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="govlint: lint a project's governance documents against the CNCF moving-levels criteria.",
                  context_settings={"help_option_names": ["-h", "--help"]})


def _error(message: str) -> None:
    from govlint.printable import printable  # messages name files and projects a checkout chose

    typer.echo(f"govlint: error: {printable(message)}", err=True)


def _version(value: bool) -> None:
    if value:
        from govlint.rules.plugins import plugin_names

        plugins = ", ".join(plugin_names()) or "none"
        typer.echo(f"govlint {__version__} (Python {sys.version.split()[0]}; rule plugins: {plugins})")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Show the version and loaded rule plugins, then exit.")) -> None:
    """govlint: governance-compliance linting for open-source projects."""


def _split(values: Optional[List[str]]) -> list[str]:
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def _targets(paths: list[str]) -> tuple[list[str], list[str]]:
    """(checkouts and remote targets, each its own report; document files, together one report)."""
    from govlint.api import is_remote

    targets, files = [], []
    for path in paths:
        if is_remote(path) or Path(path).is_dir() or not Path(path).exists():
            targets.append(path)
        else:
            files.append(path)
    return targets, files


@app.command()
def check(
    paths: Optional[List[str]] = typer.Argument(None, help="Checkouts, documents, or github:owner/repo[@ref] (default: .)."),
    format: str = typer.Option("text", "--format", "-f", help="Output format: text, concise, json, markdown, sarif, github, junit, badge."),
    output: Optional[List[str]] = typer.Option(None, "--output", "-o", help="Write the report to FILE instead of stdout; FORMAT=FILE writes that format too (repeatable: -o sarif=govlint.sarif -o markdown=summary.md)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only each report's summary line, and nothing when it is clean; --output files are still written."),
    level: Optional[str] = typer.Option(None, "--level", help="Target level, one the rule packs declare (built in: sandbox, incubating, graduated); exit 1 when not met."),
    fail_under: Optional[float] = typer.Option(None, "--fail-under", help="Exit 1 when the score is below this."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Rules to run: codes, code prefixes or names (comma-separated)."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Rules to skip: codes, code prefixes or names."),
    profile: Optional[str] = typer.Option(None, "--profile", help="A profile the rule packs declare (built in: toc, the default: the TOC's expectations; templates: current application templates only)."),
    config: Optional[Path] = typer.Option(None, "--config", help="A .govlint.yaml or pyproject.toml to use instead of the checkout's."),
    rule_pack: Optional[List[str]] = typer.Option(None, "--rule-pack", help="An extra YAML rule pack (repeatable)."),
    root: Optional[Path] = typer.Option(None, "--root", help="The checkout that holds documents given by path (default: their git top level)."),
    api_url: Optional[str] = typer.Option(None, "--api-url", envvar="GOVLINT_GITHUB_API_URL", help="GitHub API base URL (GitHub Enterprise or a compatible server)."),
    token_env: Optional[str] = typer.Option(None, "--token-env", help="Read the GitHub token from this environment variable (default GITHUB_TOKEN, then GH_TOKEN)."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", envvar="GOVLINT_CACHE_DIR", help="Cache folder (HTTP responses, results of unchanged local checks)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not use the caches (HTTP responses; results of unchanged local checks)."),
    follow_external: bool = typer.Option(False, "--follow-external", help="Also fetch governance linked on other hosts (plain HTTPS, size-capped)."),
    timeout: Optional[float] = typer.Option(None, "--timeout", help="Give up on a remote target after this many seconds of requests, retries and waits (default 300; one response at most 120)."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Force colour on or off (default: when writing to a terminal)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Do not shorten evidence in the text report."),
    default_fail_under: Optional[float] = typer.Option(None, "--default-fail-under", help="Exit 1 when the score is below this, unless a level or fail_under is set (command line or configuration); the pre-commit hook uses 50."),
) -> None:
    """Lint governance documents and report which moving-levels criteria are met."""
    from govlint.api import RemoteOptions, default_gate, lint
    from govlint.checkcache import CheckCache
    from govlint.reporters import FORMATS, RenderOptions, parse_output, render
    from govlint.reporters._summary import quiet_lines
    from govlint.report import ERROR

    if format not in FORMATS:
        raise UsageError(f"unknown format {format!r}: choose one of {', '.join(FORMATS)}")
    outputs = [parse_output(value, format) for value in output or ()]
    for _, file, _ in outputs:
        if not file:
            raise UsageError("--output needs a file name")
        if Path(file).is_dir():
            raise UsageError("is a directory; --output takes a file name", path=file)
    if config is not None and not config.is_file():
        raise UsageError(f"{config}: no such configuration file")
    remote = RemoteOptions(api_url=api_url, token_env=token_env, cache_dir=str(cache_dir) if cache_dir else None,
                           no_cache=no_cache, follow_external=follow_external, timeout=timeout)
    cache = None if no_cache else CheckCache(cache_dir / "checks" if cache_dir else None)
    common = dict(config_path=str(config) if config else None, level=level, profile=profile,
                  select_rules=_split(select), ignore_rules=_split(ignore), rule_packs=list(rule_pack or ()),
                  fail_under=fail_under, remote=remote, cache=cache)
    targets, files = _targets(list(paths or ["."]))
    reports, errors = [], []
    jobs = [("files", files)] if files else []
    jobs += [("target", t) for t in targets]
    for kind, job in jobs:
        try:
            if kind == "files":
                reports.append(lint(files=job, root=str(root) if root else None, **common))
            else:
                reports.append(lint(job, **common))
        except UsageError:
            raise
        except GovlintError as err:
            errors.append(str(err))
    reports = [default_gate(r, default_fail_under) for r in reports]
    if reports:
        from govlint.files import write_into

        if quiet:
            text = quiet_lines(reports)
        elif any(plain for _, _, plain in outputs):
            text = ""
        else:
            text = render(format, reports, RenderOptions(color=color, verbose=verbose))
        sys.stdout.write(text)
        sys.stdout.flush()
        for name, file, _ in outputs:  # each file on its own: one that cannot be written spoils no other
            try:
                write_into(file, render(name, reports, RenderOptions(color=False, verbose=verbose)))
            except GovlintError as err:
                errors.append(str(err))
    # A rule that could not be evaluated (a user pack's pattern past its deadline) is in the report
    # already written; it is also an error of the run.
    errors += [f"{report.target}: rule {r.code} ({r.name}) {r.message}"
               for report in reports for r in report.results if r.status == ERROR]
    for message in errors:
        _error(message)
    if errors:
        raise typer.Exit(EXIT_ERROR)
    failed = [r for r in reports if not r.target_met]
    raise typer.Exit(EXIT_TARGET_NOT_MET if failed else EXIT_OK)




@app.command("rules")
def list_rules(
    rule_pack: Optional[List[str]] = typer.Option(None, "--rule-pack", help="Include an extra YAML rule pack."),
    profile: Optional[str] = typer.Option(None, "--profile", help="Show requirements under this profile (default: the packs' first, toc for the built-in ones)."),
    format: str = typer.Option("text", "--format", "-f", help="text or json."),
    test: bool = typer.Option(False, "--test", help="Check every probe's and rule's PASS and FAIL examples, of the built-in packs and those given; exit 1 if one is wrong."),
) -> None:
    """List the rules with their codes, weights and what each level asks."""
    from govlint.rules.registry import load_rules, run_ladder

    rules = load_rules(extra_packs=list(rule_pack or ()))
    if test:
        _test_examples(rules)
        return
    ladder = run_ladder(rules)
    if ladder is not None:
        if profile is not None:
            ladder.check_profile(profile)
        profile = profile or ladder.default_profile
    profile = profile or ""
    if format == "json":
        import json

        data = [{"code": r.meta.code, "name": r.meta.name, "title": r.meta.title, "weight": r.meta.weight,
                 "levels": r.meta.requirements(profile), "pack": r.meta.pack} for r in rules]
        typer.echo(json.dumps(data, indent=2))
        return
    if format != "text":
        raise UsageError(f"unknown format {format!r} for `govlint rules`: choose text or json")
    from govlint.docs import rules_table

    typer.echo(rules_table(rules, profile=profile), nl=False)


def _test_examples(rules: list) -> None:
    from govlint.examples import count_examples, languages_of, probe_examples_wrong, rule_examples_wrong
    from govlint.printable import printable
    from govlint.review import review_rules

    rules = [*rules, *review_rules(rules)]
    languages = languages_of(rules)
    wrong = probe_examples_wrong(languages) + rule_examples_wrong(rules)
    total = count_examples(rules, languages)
    for example in wrong:
        typer.echo(printable(example.describe()))
    if wrong:
        typer.echo(f"{len(wrong)} of {total} examples wrong", err=True)
        raise typer.Exit(EXIT_TARGET_NOT_MET)
    typer.echo(f"All {total} examples hold ({len(languages)} packs, {len(rules)} rules).")


@app.command()
def explain(rule: str = typer.Argument(..., help="A rule code or name, e.g. GL103 or vote-of-no-confidence."),
            rule_pack: Optional[List[str]] = typer.Option(None, "--rule-pack", help="Include an extra YAML rule pack.")) -> None:
    """Print one rule's documentation: what it checks, why, its criterion and what to add."""
    from govlint.docs import explain_rule
    from govlint.review import review_rules
    from govlint.rules.registry import find_rule, load_rules

    # The opt-in review pack's rules (GL3xx, `govlint review`) are explained like every other.
    rules = load_rules(extra_packs=list(rule_pack or ()))
    typer.echo(explain_rule(find_rule([*rules, *review_rules(rules)], rule)))


# ==== govlint review (issue 15): a thin wrapper over govlint.review ================================

@app.command()
def review(
    targets: List[str] = typer.Argument(..., help="The project's main repository (a checkout or github:owner/repo), then its other repositories (a community repository, sub-projects)."),
    level: Optional[str] = typer.Option(None, "--level", help="The maturity level applied for (built in: sandbox, incubating, graduated): what blocks it is a Critical Item."),
    format: str = typer.Option("markdown", "--format", "-f", help="markdown (the review's layout) or json (schemas/review.schema.json)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the draft to FILE instead of stdout."),
    activity: bool = typer.Option(False, "--activity", help="Each listed maintainer's last commit, against the project's documented inactivity rule: from GitHub for a remote target (one request per maintainer and repository, cached), from git log for a checkout (matched by name and address)."),
    name: Optional[str] = typer.Option(None, "--name", help="The project's name in the draft (default: the repository's or folder's name)."),
    profile: Optional[str] = typer.Option(None, "--profile", help="templates (default for a review: the application templates and the review guide) or toc (also the TOC's leadership expectations, as blockers)."),
    config: Optional[Path] = typer.Option(None, "--config", help="A .govlint.yaml or pyproject.toml to use instead of the checkout's."),
    rule_pack: Optional[List[str]] = typer.Option(None, "--rule-pack", help="An extra YAML rule pack (repeatable)."),
    api_url: Optional[str] = typer.Option(None, "--api-url", envvar="GOVLINT_GITHUB_API_URL", help="GitHub API base URL (GitHub Enterprise or a compatible server)."),
    token_env: Optional[str] = typer.Option(None, "--token-env", help="Read the GitHub token from this environment variable (default GITHUB_TOKEN, then GH_TOKEN)."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", envvar="GOVLINT_CACHE_DIR", help="HTTP cache folder."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not use the HTTP cache."),
    follow_external: bool = typer.Option(False, "--follow-external", help="Also fetch governance linked on other hosts (plain HTTPS, size-capped)."),
) -> None:
    """Draft a TAG Contributor Strategy governance review of a project, from its documents.

    The draft says it is a draft for a reviewer; every finding quotes its evidence by file and line.
    """
    from govlint.api import RemoteOptions
    from govlint.review import draft
    from govlint.review import render_json, render_markdown

    renderers = {"markdown": render_markdown.render, "json": render_json.render}
    if format not in renderers:
        raise UsageError(f"unknown format {format!r} for `govlint review`: choose markdown or json")
    if output is not None and output.is_dir():
        raise UsageError("is a directory; --output takes a file name", path=str(output))
    if config is not None and not config.is_file():
        raise UsageError(f"{config}: no such configuration file")
    remote = RemoteOptions(api_url=api_url, token_env=token_env, cache_dir=str(cache_dir) if cache_dir else None,
                           no_cache=no_cache, follow_external=follow_external)
    result = draft(targets, level=level, profile=profile, remote=remote, config_path=str(config) if config else None,
                   rule_packs=list(rule_pack or ()), activity=activity, name=name)
    text = renderers[format](result)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        from govlint.files import write_into

        write_into(str(output), text)
    raise typer.Exit(EXIT_OK)

# ==== end of govlint review =======================================================================


# ==== govlint fix (issue 6): a thin wrapper over govlint.fix =======================================

@app.command()
def fix(
    path: Path = typer.Argument(Path("."), help="The checkout to fix (default: .)."),
    write: bool = typer.Option(False, "--write", help="Apply the safe fixes instead of printing them as a diff."),
    unsafe: bool = typer.Option(False, "--unsafe", help="With --write, also write the policy proposals."),
    level: Optional[str] = typer.Option(None, "--level", help="Target level, as for check."),
    profile: Optional[str] = typer.Option(None, "--profile", help="A profile the rule packs declare (built in: toc, the default, or templates)."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Rules to fix: codes, code prefixes or names."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Rules to leave alone."),
    config: Optional[Path] = typer.Option(None, "--config", help="A .govlint.yaml or pyproject.toml to use instead of the checkout's."),
    rule_pack: Optional[List[str]] = typer.Option(None, "--rule-pack", help="An extra YAML rule pack (repeatable)."),
) -> None:
    """Print the fixes for failing rules as a unified diff; --write applies the safe ones.

    Safe fixes change no policy (a link to the code of conduct, the project's name where a
    template left PROJECTNAME). Policy proposals, in the project's own terms with placeholders
    for its decisions, follow under a "review with your maintainers" header; --write --unsafe
    writes them too. The diff goes to stdout, what it fixes to stderr.
    """
    from govlint.config import load_config
    from govlint.fix import REVIEW_HEADER, plan_fixes, summary

    plan = plan_fixes(path, config=load_config(config) if config else None, level=level, profile=profile,
                      select_rules=_split(select), ignore_rules=_split(ignore), rule_packs=list(rule_pack or ()))
    if write:
        for written in plan.write(unsafe=unsafe):
            typer.echo(f"wrote {written}")
        if plan.proposals and not unsafe:  # what --write left out, to review
            sys.stdout.write(REVIEW_HEADER + "".join(change.diff() for change in plan.proposals))
    else:
        sys.stdout.write(plan.diff())
    sys.stdout.flush()
    typer.echo(summary(plan, written=("all" if unsafe else "safe") if write else None).rstrip("\n"), err=True)

# ==== end of govlint fix ==========================================================================


# ==== govlint audit (issue 5): thin wrappers over govlint.audit ====================================

@app.command()
def audit(
    projects: Path = typer.Argument(..., help="A CLOMonitor-style projects YAML, or a text file of github:owner/repo, URLs or paths (one per line, optionally followed by a maturity)."),
    out: Path = typer.Option(Path("govlint-audit"), "--out", "-o", help="Output folder: results.jsonl, summary.json, summary.md, index.html."),
    jobs: int = typer.Option(8, "--jobs", "-j", help="Projects audited at once (worker threads)."),
    resume: bool = typer.Option(False, "--resume", help="Continue an audit in --out: skip the projects it already finished."),
    retry_errors: bool = typer.Option(False, "--retry-errors", help="With --resume: audit again the projects that ended in an error."),
    shard: Optional[str] = typer.Option(None, "--shard", help="Audit only shard I of N (e.g. 2/4), for a CI matrix; merge with audit-merge."),
    compare: Optional[Path] = typer.Option(None, "--compare", help="An earlier audit's output folder: report what changed since."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when a project does not meet its own maturity level."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress output (the closing summary line is still printed)."),
    profile: Optional[str] = typer.Option(None, "--profile", help="A profile the rule packs declare (built in: toc, the default, or templates)."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Rules to run: codes, code prefixes or names."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Rules to skip."),
    rule_pack: Optional[List[str]] = typer.Option(None, "--rule-pack", help="An extra YAML rule pack (repeatable)."),
    api_url: Optional[str] = typer.Option(None, "--api-url", envvar="GOVLINT_GITHUB_API_URL", help="GitHub API base URL (GitHub Enterprise or a compatible server)."),
    token_env: Optional[str] = typer.Option(None, "--token-env", help="Read the GitHub token from this environment variable (default GITHUB_TOKEN, then GH_TOKEN)."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="HTTP cache folder."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not use the HTTP cache."),
    follow_external: bool = typer.Option(False, "--follow-external", help="Also fetch governance linked on other hosts (plain HTTPS, size-capped)."),
    force: bool = typer.Option(False, "--force", help="Write into an --out folder that holds other files (its summary.md, index.html and projects/ are replaced)."),
    timeout: Optional[float] = typer.Option(None, "--timeout", help="Give up on one repository after this many seconds of requests, retries and waits (default 300; one response at most 120)."),
    reviews: bool = typer.Option(False, "--reviews", help="Also draft each project's governance review (govlint review, for the level after its own) into projects/<name>.review.md, linked from the dashboard."),
) -> None:
    """Audit many projects: each against its own maturity level and the next, with a summary and a dashboard.

    Exit codes: 0 every project has a result, 1 (--strict) a project does not meet its own level,
    2 a project could not be audited (see the summary) or a usage error, 130 interrupted.
    """
    from govlint.api import RemoteOptions
    from govlint.audit import AuditOptions, run
    from govlint.audit.progress import listener_for
    from govlint.audit.projects import parse_shard

    options = AuditOptions(
        jobs=jobs, resume=resume, retry_errors=retry_errors, shard=parse_shard(shard) if shard else None,
        profile=profile, select_rules=tuple(_split(select)), ignore_rules=tuple(_split(ignore)),
        rule_packs=tuple(rule_pack or ()), force=force, reviews=reviews,
        remote=RemoteOptions(api_url=api_url, token_env=token_env, cache_dir=str(cache_dir) if cache_dir else None,
                             no_cache=no_cache, follow_external=follow_external, timeout=timeout))
    outcome = run(projects, out, options=options, listener=listener_for(quiet=quiet), compare_with=compare)
    _audit_report(outcome)
    raise typer.Exit(outcome.exit_code(strict=strict))


@app.command("audit-merge")
def audit_merge(
    outs: List[Path] = typer.Argument(..., help="Output folders of `govlint audit --shard` runs."),
    out: Path = typer.Option(..., "--out", "-o", help="A new folder for the merged results and summaries."),
    compare: Optional[Path] = typer.Option(None, "--compare", help="An earlier audit's output folder: report what changed since."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when a project does not meet its own maturity level."),
    force: bool = typer.Option(False, "--force", help="Write into an --out folder that holds other files or another merge."),
) -> None:
    """Merge shard outputs into one results file, summary and dashboard (exit codes as for audit)."""
    from govlint.audit import merge_audits

    outcome = merge_audits(outs, out, compare_with=compare, force=force)
    _audit_report(outcome)
    raise typer.Exit(outcome.exit_code(strict=strict))


def _audit_report(outcome) -> None:
    from govlint.printable import printable

    for warning in outcome.warnings:
        typer.echo(f"govlint: warning: {printable(warning)}", err=True)
    for name, reason in outcome.errors:
        _error(f"project {name}: {reason}")
    parts = [f"{outcome.results} of {outcome.selected} projects audited"]
    if outcome.errors:
        parts.append(f"{len(outcome.errors)} could not be audited")
    if outcome.pending:
        parts.append(f"{outcome.pending} not audited yet" + (" (continue with --resume)" if outcome.interrupted else ""))
    if outcome.skipped:
        parts.append(f"{outcome.skipped} finished earlier")
    parts.append(f"{outcome.unmet} below their own level")
    typer.echo(f"{'; '.join(parts)}. Summary: {outcome.out / 'summary.md'}, dashboard: {outcome.out / 'index.html'}")

# ==== end of govlint audit ========================================================================


def _click_exceptions():
    """click's exception classes: vendored inside typer since 0.26, the click package before."""
    try:
        from typer._click import exceptions
    except ImportError:
        from click import exceptions
    return exceptions


def _app_for(args: list[str]) -> typer.Typer:
    """The app holding only the command a run names first: typer builds every command it holds on
    each run (about 10 ms for all seven, 5 for one), and a run uses one. Help, --version or an
    unknown name get the whole app."""
    from copy import copy

    name = args[0] if args else None
    chosen = [c for c in app.registered_commands
              if (c.name or c.callback.__name__.replace("_", "-")) == name]
    if not chosen:
        return app
    one = copy(app)
    one.registered_commands = chosen
    return one


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; every error a user can cause ends as one line and exit code 2."""
    args = sys.argv[1:] if argv is None else argv
    try:
        code = _app_for(args)(args=args, prog_name="govlint", standalone_mode=False)
        return code if isinstance(code, int) else EXIT_OK
    except typer.Exit as done:
        return done.exit_code
    except GovlintError as err:
        _error(str(err))
        return err.exit_code
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except Exception as err:  # click's usage errors and anything unexpected
        click_errors = _click_exceptions()
        if isinstance(err, click_errors.UsageError):
            _error(err.format_message())
            return EXIT_ERROR
        if isinstance(err, getattr(click_errors, "Abort", typer.Abort)):
            _error("aborted")
            return EXIT_ERROR
        if os.environ.get("GOVLINT_DEBUG"):
            raise
        _error(f"internal error: {type(err).__name__}: {err} (set GOVLINT_DEBUG=1 for a traceback, and please report it)")
        return EXIT_ERROR
