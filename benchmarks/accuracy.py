#!/usr/bin/env python3
"""Rule accuracy against a labelled corpus of real governance documents.

    python benchmarks/accuracy.py [CORPUS_DIR [LABELS_FILE]] [--json] [--quiet]

Each case folder's documents are passed to govlint as explicit paths (discovery is judged
elsewhere); a rule counts as "found" when its status is pass or partial. Prints, per rule, true
and false positives and negatives, precision, recall and F1, a macro average, and every
disagreement with govlint's evidence (or near-miss) beside the label's.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))  # run from a checkout without installing

import yaml  # noqa: E402

from govlint.api import lint  # noqa: E402
from govlint.config import Config  # noqa: E402
from govlint.errors import GovlintError  # noqa: E402
from govlint.rules.registry import load_rules  # noqa: E402

DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"
# Label concept -> rule name, where they differ beyond dashes.
CONCEPT_RULE = {"escalation_external": "escalation-path"}
SKIP_FILES = {"SOURCE.txt"}


def rule_name(concept: str) -> str:
    return CONCEPT_RULE.get(concept, concept.replace("_", "-"))


def case_documents(case_dir: Path) -> list[str]:
    return sorted(str(p) for p in case_dir.rglob("*") if p.is_file() and p.name not in SKIP_FILES)


def lint_case(case_dir: Path, names: list[str], rules: list):
    """govlint's report on one labelled case: its documents given by path, the case folder as root."""
    return lint(files=case_documents(case_dir), root=str(case_dir), config=Config(), rules=rules, select_rules=names)


def evaluate(corpus: Path, labels_file: Path) -> dict:
    labels = yaml.safe_load(labels_file.read_text(encoding="utf-8"))
    rules = load_rules()
    concepts = [k for k in next(iter(labels.values())) if k not in ("evidence", "notes", "strength")]
    names = [rule_name(c) for c in concepts]
    counts = {n: {"tp": 0, "fp": 0, "fn": 0, "tn": 0} for n in names}
    disagreements = []
    for case, label in sorted(labels.items()):
        case_dir = corpus / case
        if not case_documents(case_dir):
            disagreements.append({"case": case, "rule": "*", "problem": "no documents in the case folder"})
            continue
        report = lint_case(case_dir, names, rules)
        for concept, name in zip(concepts, names):
            expected = label.get(concept)
            if expected is None:
                continue
            result = report.result(name)
            found = bool(result and result.found)
            key = ("tp" if expected else "fp") if found else ("fn" if expected else "tn")
            counts[name][key] += 1
            if found != bool(expected):
                quoted = (result.evidence or result.near_miss) if result else ()
                label_ev = (label.get("evidence") or {}).get(concept) or {}
                disagreements.append({
                    "case": case, "rule": name, "label": bool(expected), "govlint": result.status if result else None,
                    "govlint_evidence": [f"{e.path}:{e.line}: {e.text}" for e in quoted[:2]],
                    "label_evidence": f"{label_ev.get('file')}:{label_ev.get('line')}: {label_ev.get('quote')}"
                    if label_ev else "", "message": result.message if result else "",
                })
    table = {}
    for name, c in counts.items():
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[name] = {**c, "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}
    macro = {k: round(sum(t[k] for t in table.values()) / len(table), 3) for k in ("precision", "recall", "f1")}
    return {"rules": table, "macro": macro, "disagreements": disagreements, "cases": len(labels)}


def print_text(result: dict, *, quiet: bool) -> None:
    if not quiet:
        for d in result["disagreements"]:
            print(f"- {d['case']} · {d['rule']}: label {d.get('label')}, govlint {d.get('govlint')}"
                  f"{' — ' + d['message'] if d.get('message') else ''}")
            for line in d.get("govlint_evidence", []):
                print(f"    govlint: {line[:220]}")
            if d.get("label_evidence"):
                print(f"    label:   {d['label_evidence'][:220]}")
        print()
    print(f"{'rule':24} {'tp':>3} {'fp':>3} {'fn':>3} {'tn':>3} {'prec':>6} {'recall':>6} {'f1':>6}")
    for name, t in result["rules"].items():
        print(f"{name:24} {t['tp']:3} {t['fp']:3} {t['fn']:3} {t['tn']:3} {t['precision']:6.3f} {t['recall']:6.3f} {t['f1']:6.3f}")
    m = result["macro"]
    print(f"{'macro average':24} {'':15} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f}")
    print(f"{len(result['disagreements'])} disagreements over {result['cases']} cases")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("labels", nargs="?")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--quiet", action="store_true", help="the table only, without the disagreements")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus)
    labels = Path(args.labels) if args.labels else corpus / "labels.yaml"
    if not labels.is_file():
        print(f"accuracy: {labels}: no labels file", file=sys.stderr)
        return 2
    try:
        result = evaluate(corpus, labels)
    except GovlintError as err:  # a built-in pack being edited
        print(f"accuracy: error: {err}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
    else:
        print_text(result, quiet=args.quiet)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
