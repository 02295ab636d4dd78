"""`checklist`: several named elements, each a `probes` check; pass when enough are present,
partial when some are, and the message names the ones missing.

An item takes any `probes` option (its own `scope`, `heading`, `context`, `anaphora`, `value`...),
overriding the checklist's shared ones. Evidence follows the order of the items, so the element
a reader would quote first belongs first."""
from __future__ import annotations

from typing import Any, Mapping

from govlint.report import FAIL, PARTIAL, PASS
from govlint.rules.kinds._common import Outcome
from govlint.rules.kinds.probing import ProbeCheck
from govlint.rules.model import DocumentSet


class ChecklistCheck:
    def __init__(self, spec: Mapping[str, Any], language: Any = None) -> None:
        shared = {k: spec[k] for k in ("documents", "heading", "not_heading", "not_heading_unless", "scope",
                                       "context", "anaphora", "negation") if k in spec}
        self.items = [(item["name"], ProbeCheck({**shared, **{k: v for k, v in item.items() if k != "name"}}, language))
                      for item in spec["items"]]
        self.pass_at = int(spec.get("pass_at", len(self.items)))
        self.partial_at = int(spec.get("partial_at", 1))

    def run(self, docs: DocumentSet) -> Outcome:
        present, missing, ev, near = [], [], [], []
        for name, check in self.items:
            outcome = check.run(docs)
            if outcome.passed:
                present.append(name)
                ev.append(outcome.evidence[0])
            else:
                missing.append(name)
                near.extend(outcome.near_miss[:1])
        count = len(present)
        status = PASS if count >= self.pass_at else PARTIAL if count >= self.partial_at else FAIL
        message = f"{count} of {len(self.items)} elements"
        if present:
            message += f"; found: {', '.join(present)}"
        if missing:
            message += f"; missing: {', '.join(missing)}"
        return Outcome(status, ev if status != FAIL else [], near_miss=near[:2], message=message)


def build(spec: Mapping[str, Any], language: Any = None) -> ChecklistCheck:
    return ChecklistCheck(spec, language)
