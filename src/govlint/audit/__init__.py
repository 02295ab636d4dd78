"""Audit many projects at once: ``govlint audit PROJECTS`` and ``govlint audit-merge OUT...``.

    projects.py   the projects file (CLOMonitor YAML or a plain list) and --shard
    runner.py     the thread pool: one lint per project, a results line as each finishes, --resume
    results.py    OUT/results.jsonl (append, fsync, repair) and OUT/audit.json (what the audit covers)
    combine.py    one report for a project whose governance spans several repositories
    compare.py    --compare: what changed since an earlier audit
    summary.py    OUT/summary.json, OUT/summary.md
    dashboard.py  OUT/index.html and OUT/projects/*.html
    progress.py   the progress bar (or one line per project when stderr is not a terminal)

``run`` and ``merge_audits`` are what the CLI calls; both return an AuditOutcome whose ``exit_code`` is
the command's.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from govlint.audit.runner import AuditOptions, AuditOutcome, Listener

__all__ = ["AuditOptions", "AuditOutcome", "Listener", "run", "merge_audits"]


def run(projects_file: str | Path, out: str | Path, *, options: AuditOptions = AuditOptions(),
        listener: Listener | None = None, compare_with: str | Path | None = None) -> AuditOutcome:
    """Audit, then write the summaries (also after an interruption, covering what finished)."""
    from govlint.audit.compare import load_previous
    from govlint.audit.results import RESULTS_FILE, read_manifest, read_results
    from govlint.audit.runner import run_audit
    from govlint.audit.summary import run_info, write_outputs

    previous = load_previous(compare_with) if compare_with else None  # a bad --compare fails up front
    outcome = run_audit(projects_file, out, options=options, listener=listener)
    manifest = read_manifest(out)
    assert manifest is not None
    write_outputs(out, manifest=manifest, latest=read_results(Path(out) / RESULTS_FILE).latest(), previous=previous,
                  run=run_info(sources=[str(Path(out) / RESULTS_FILE)], shards=[manifest.get("shard")],
                               compared_with=str(compare_with) if compare_with else None))
    return outcome


def merge_audits(outs: Sequence[str | Path], out: str | Path, *, compare_with: str | Path | None = None,
                 force: bool = False) -> AuditOutcome:
    """Merge the output folders of shards (or of any audits of the same projects file) into ``out``."""
    from govlint.audit.compare import load_previous
    from govlint.audit.merge import merge_outputs

    previous = load_previous(compare_with) if compare_with else None
    return merge_outputs(outs, out, previous=previous,
                         compared_with=str(compare_with) if compare_with else None, force=force)
