#!/usr/bin/env python3
"""How far two careful readers agree, and govlint beside them: the ceiling of issue 12's targets.

    python benchmarks/label_agreement.py [SECOND_READING] [--json]

SECOND_READING (default: tests/fixtures/label-agreement/second-reading.yaml) holds a second,
independent reading of cases taken at random from the labelled sets under tests/fixtures/, in the
format of their labels.yaml, by readers who never ran govlint and never saw the first labels. Each
case is found in the set whose labels.yaml names it.

For each concept, over the cases both readings decide (neither null):

  agree      the share of cases the two readings give the same answer;
  kappa      Cohen's kappa (agreement beyond what the two readers' rates of "true" give by chance);
  F1 2nd     the second reading scored against the first as govlint is scored (the first as truth):
             what a reader who never erred by their own lights would score, the noise in the labels;
  F1 govlint govlint against the first reading, on the same cases;
  F1 vs 2nd  govlint against the second reading.

A concept with no positive in either reading is left out of the macro averages (F1 is undefined).
"""
from __future__ import annotations

import argparse
import json
import sys
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "tests" / "fixtures"
DEFAULT = FIXTURES / "label-agreement" / "second-reading.yaml"
sys.path.insert(0, str(HERE))

import accuracy  # noqa: E402  (benchmarks/accuracy.py: the concepts, the rule names, the lint of a case)

_NOT_CONCEPTS = ("evidence", "notes", "strength")


@lru_cache(maxsize=1)
def first_readings() -> dict[str, tuple[Path, dict]]:
    """Every labelled case under tests/fixtures: its folder and its first labels (read once; not to be changed)."""
    found = {}
    for labels_file in sorted(FIXTURES.glob("corpus-*/labels.yaml")):
        for case, label in (yaml.safe_load(labels_file.read_text(encoding="utf-8")) or {}).items():
            found[case] = (labels_file.parent / case, label)
    return found


def _f1(pairs: list[tuple[bool, bool]]) -> float | None:
    """F1 of the second of each pair against the first; None when neither has a positive."""
    tp = sum(1 for a, b in pairs if a and b)
    fp = sum(1 for a, b in pairs if b and not a)
    fn = sum(1 for a, b in pairs if a and not b)
    if tp + fp + fn == 0:
        return None
    return 2 * tp / (2 * tp + fp + fn)


def _kappa(pairs: list[tuple[bool, bool]]) -> float | None:
    n = len(pairs)
    if not n:
        return None
    observed = sum(1 for a, b in pairs if a == b) / n
    pa, pb = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return None if chance == 1 else (observed - chance) / (1 - chance)


def found_by_govlint(case_dir: Path, names: list[str], rules: list) -> dict[str, bool]:
    report = accuracy.lint_case(case_dir, names, rules)
    return {name: bool(report.result(name) and report.result(name).found) for name in names}


def compare(second_file: Path) -> dict:
    second = yaml.safe_load(second_file.read_text(encoding="utf-8")) or {}
    first = first_readings()
    missing = sorted(set(second) - set(first))
    if missing:
        raise SystemExit(f"{second_file}: no labelled set holds {', '.join(missing)}")
    concepts = [k for k in next(iter(second.values())) if k not in _NOT_CONCEPTS]
    names = [accuracy.rule_name(c) for c in concepts]
    rows = {c: {"humans": [], "govlint": [], "govlint_vs_second": []} for c in concepts}
    rules = accuracy.load_rules()
    for case in sorted(second):
        case_dir, label = first[case]
        got = found_by_govlint(case_dir, names, rules)
        for concept, name in zip(concepts, names):
            a, b = label.get(concept), second[case].get(concept)
            if a is not None and b is not None:
                rows[concept]["humans"].append((bool(a), bool(b)))
            if a is not None:
                rows[concept]["govlint"].append((bool(a), got[name]))
            if b is not None:
                rows[concept]["govlint_vs_second"].append((bool(b), got[name]))
    table = {}
    for concept, r in rows.items():
        pairs = r["humans"]
        table[concept] = {
            "cases": len(pairs),
            "agree": round(sum(1 for a, b in pairs if a == b) / len(pairs), 3) if pairs else None,
            "kappa": None if _kappa(pairs) is None else round(_kappa(pairs), 3),
            "f1_second": None if _f1(pairs) is None else round(_f1(pairs), 3),
            "f1_govlint": None if _f1(r["govlint"]) is None else round(_f1(r["govlint"]), 3),
            "f1_govlint_vs_second": None if _f1(r["govlint_vs_second"]) is None
            else round(_f1(r["govlint_vs_second"]), 3),
        }

    def mean(key: str) -> float | None:
        values = [t[key] for t in table.values() if t[key] is not None]
        return round(sum(values) / len(values), 3) if values else None

    macro = {key: mean(key) for key in ("agree", "kappa", "f1_second", "f1_govlint", "f1_govlint_vs_second")}
    return {"cases": len(second), "concepts": table, "macro": macro}


def _cell(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("second", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = compare(args.second)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['cases']} cases read twice")
    print(f"{'concept':24s} {'cases':>5s} {'agree':>6s} {'kappa':>6s} {'F1 2nd':>7s} {'F1 govlint':>11s} {'vs 2nd':>7s}")
    for concept, t in result["concepts"].items():
        print(f"{concept:24s} {t['cases']:5d} {_cell(t['agree']):>6s} {_cell(t['kappa']):>6s} "
              f"{_cell(t['f1_second']):>7s} {_cell(t['f1_govlint']):>11s} {_cell(t['f1_govlint_vs_second']):>7s}")
    m = result["macro"]
    print(f"{'macro average':24s} {'':5s} {_cell(m['agree']):>6s} {_cell(m['kappa']):>6s} {_cell(m['f1_second']):>7s} "
          f"{_cell(m['f1_govlint']):>11s} {_cell(m['f1_govlint_vs_second']):>7s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
