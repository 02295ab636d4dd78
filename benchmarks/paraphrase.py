#!/usr/bin/env python3
"""Does a rule find its concept whatever the wording, and stay quiet on look-alikes?

    python benchmarks/paraphrase.py [--split dev|holdout|all] [--show] [--json]

Scores `benchmarks/paraphrase/set.yaml` (see its README): real evidence passages, three
meaning-preserving rewrites each and two near-misses each, for the ten labelled concepts. Each
text is linted alone, as a GOVERNANCE.md holding the passage under its heading, with only the
concept's rule selected; "found" means pass or partial. Prints, per concept and split, recall on
the originals and on the rewrites, and the share of near-misses found (false positives), then
recall by kind of rewrite. Tune on `dev` only; `holdout` measures. `--show` lists every miss and
false positive of the split shown.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))  # run from a checkout without installing

import yaml  # noqa: E402

from govlint.api import lint  # noqa: E402
from govlint.config import Config  # noqa: E402
from govlint.errors import GovlintError  # noqa: E402
from govlint.rules.registry import load_rules  # noqa: E402

SET = HERE / "paraphrase" / "set.yaml"
CONCEPT_RULE = {"escalation_external": "escalation-path"}


def rule_name(concept: str) -> str:
    return CONCEPT_RULE.get(concept, concept.replace("_", "-"))


def found(text: str, heading: str, rule: str, *, rules, work: Path) -> bool:
    path = work / "GOVERNANCE.md"
    path.write_text(f"# Governance\n\n## {heading}\n\n{text.strip()}\n", encoding="utf-8")
    report = lint(files=[str(path)], root=str(work), config=Config(), rules=rules, select_rules=[rule])
    result = report.result(rule)
    return bool(result and result.found)


def evaluate(split: str) -> dict:
    passages = yaml.safe_load(SET.read_text(encoding="utf-8"))["passages"]
    rules = load_rules()
    rows = []
    with tempfile.TemporaryDirectory(prefix="govlint-paraphrase-") as tmp:
        work = Path(tmp)
        for passage in passages:
            if split != "all" and passage["split"] != split:
                continue
            rule = rule_name(passage["concept"])
            heading = passage.get("heading") or "Governance"
            texts = [("original", "original", passage["original"], heading, True)]
            texts += [("rewrite", r["kind"], r["text"], heading, True) for r in passage["rewrites"]]
            texts += [("near-miss", n["why"], n["text"], n.get("heading") or heading, False)
                      for n in passage["near_misses"]]
            for role, kind, text, where, expected in texts:
                rows.append({"id": passage["id"], "concept": passage["concept"], "split": passage["split"],
                             "role": role, "kind": kind, "expected": expected, "heading": where, "text": text,
                             "found": found(text, where, rule, rules=rules, work=work)})
    return {"split": split, "rows": rows}


def _share(rows: list[dict]) -> str:
    if not rows:
        return "    -"
    return f"{sum(r['found'] for r in rows) / len(rows):5.2f}"


def render(result: dict, show: bool) -> str:
    rows = result["rows"]
    by_concept: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_concept[row["concept"]].append(row)
    out = [f"paraphrase set, split {result['split']}: {len({r['id'] for r in rows})} passages",
           f"{'concept':<24}{'originals':>10}{'rewrites':>10}{'near-miss FP':>14}"]
    for concept, items in sorted(by_concept.items()):
        out.append(f"{concept:<24}{_share([r for r in items if r['role'] == 'original']):>10}"
                   f"{_share([r for r in items if r['role'] == 'rewrite']):>10}"
                   f"{_share([r for r in items if r['role'] == 'near-miss']):>14}")
    out.append(f"{'all':<24}{_share([r for r in rows if r['role'] == 'original']):>10}"
               f"{_share([r for r in rows if r['role'] == 'rewrite']):>10}"
               f"{_share([r for r in rows if r['role'] == 'near-miss']):>14}")
    kinds: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if row["role"] == "rewrite":
            kinds[row["kind"]].append(row)
    out.append("rewrite recall by kind: " + ", ".join(f"{k} {_share(v).strip()}" for k, v in sorted(kinds.items())))
    if show:
        for row in rows:
            if row["found"] != row["expected"]:
                what = "missed" if row["expected"] else "false positive"
                out.append(f"\n- {row['id']} {row['role']} ({row['kind']}): {what}\n  ## {row['heading']}\n  "
                           + "\n  ".join(row["text"].strip().splitlines()))
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "holdout", "all"), default="dev")
    parser.add_argument("--show", action="store_true", help="list every miss and false positive")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    try:
        result = evaluate(args.split)
    except GovlintError as err:  # a built-in pack being edited
        print(f"paraphrase: error: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(render(result, args.show))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
