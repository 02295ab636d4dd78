"""``govlint audit-merge``: the output folders of shards (a CI matrix) into one audit.

Every input must be an audit of the same projects (the manifests' digests agree). A project found
in several inputs keeps its result over an error, then its latest record. Shards of N that are
missing are named, and their projects count as not audited.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Sequence

from govlint.errors import UsageError
from govlint.audit.projects import parse_shard
from govlint.audit.results import (
    MANIFEST_FILE,
    RESULT,
    RESULTS_FILE,
    check_output_folder,
    ordered,
    read_manifest,
    read_results,
    write_json_atomically,
    write_text_atomically,
)
from govlint.audit.runner import AuditOutcome


def merge_outputs(outs: Sequence[str | Path], out: str | Path, *, previous: dict[str, dict[str, Any]] | None = None,
                  compared_with: str | None = None, force: bool = False) -> AuditOutcome:
    from govlint.audit.summary import run_info, write_outputs

    if not outs:
        raise UsageError("audit-merge needs at least one audit output folder")
    out = Path(out)
    inputs = [Path(o) for o in outs]
    if any(_same(out, i) for i in inputs):
        raise UsageError("--out must be a new folder, not one of the inputs", path=str(out))
    check_output_folder(out, force=force)
    existing = read_manifest(out) if out.is_dir() and not force else None
    if existing is not None and "merged_from" not in existing:
        raise UsageError("already holds an audit; merge into a new folder", path=str(out))
    manifests = []
    for folder in inputs:
        manifest = read_manifest(folder)
        if manifest is None:
            raise UsageError(f"no {MANIFEST_FILE}: not the output folder of govlint audit", path=str(folder))
        manifests.append(manifest)
    digests = {m["projects_digest"] for m in manifests}
    if len(digests) > 1:
        raise UsageError("these audits cover different projects files; merge only shards of one audit")
    if existing is not None and existing.get("projects_digest") not in digests:
        raise UsageError("already holds a merge of another projects file; merge into a new folder, or pass --force",
                         path=str(out))

    outcome = AuditOutcome(out=out)
    selected: set[str] = set()
    records: dict[str, dict[str, Any]] = {}
    for folder, manifest in zip(inputs, manifests):
        chosen = {p["name"] for p in manifest["projects"] if p.get("selected", True)}
        selected |= chosen
        read = read_results(folder / RESULTS_FILE)
        if read.torn_tail or read.bad_lines:
            outcome.warnings.append(f"{folder / RESULTS_FILE}: ignored an unfinished or unreadable line")
        for name, record in read.latest().items():
            if name in chosen and _better(record, records.get(name)):
                records[name] = record
    outcome.warnings += _missing_shards(manifests)
    base = manifests[0]
    if any(m.get("shard") for m in manifests):
        # Shards together stand for the whole projects file: a missing shard's projects are pending.
        selected = {p["name"] for p in base["projects"]}

    manifest = {**base, "shard": None, "merged_from": [str(i) for i in inputs],
                "projects": [{**p, "selected": p["name"] in selected} for p in base["projects"]]}
    out.mkdir(parents=True, exist_ok=True)
    write_text_atomically(out / RESULTS_FILE, "".join(
        json.dumps(r, ensure_ascii=True, separators=(",", ":")) + "\n" for r in ordered(records.values())))
    write_json_atomically(out / MANIFEST_FILE, manifest)
    write_outputs(out, manifest=manifest, latest=records, previous=previous,
                  run=run_info(sources=[str(i / RESULTS_FILE) for i in inputs],
                               shards=[m.get("shard") for m in manifests], compared_with=compared_with))

    outcome.selected = len(selected)
    for entry in base["projects"]:
        record = records.get(entry["name"])
        if entry["name"] not in selected or record is None:
            continue
        if record["status"] == RESULT:
            outcome.results += 1
            maturity = entry.get("maturity")
            if maturity and not record["report"]["levels"][maturity]["met"]:
                outcome.unmet += 1
        else:
            outcome.errors.append((entry["name"], record.get("error", "")))
    if outcome.pending:
        outcome.warnings.append(f"{outcome.pending} project(s) have no record in these audits")
    return outcome


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _better(record: dict[str, Any], than: dict[str, Any] | None) -> bool:
    if than is None:
        return True
    if (record["status"] == RESULT) != (than["status"] == RESULT):
        return record["status"] == RESULT
    return str(record.get("finished_at", "")) >= str(than.get("finished_at", ""))


def _missing_shards(manifests: Sequence[dict[str, Any]]) -> list[str]:
    shards = [m.get("shard") for m in manifests if m.get("shard")]
    if not shards:
        return []
    counts = {parse_shard(s)[1] for s in shards}
    if len(counts) > 1:
        return [f"these audits were split differently ({', '.join(sorted(set(shards)))})"]
    count = counts.pop()
    have = {parse_shard(s)[0] for s in shards}
    missing = [f"{i}/{count}" for i in range(1, count + 1) if i not in have]
    return [f"missing shard{'s' if len(missing) > 1 else ''} {', '.join(missing)}"] if missing else []

