"""The closed set of YAML rule kinds. Each module builds a check from a rule's `check:` mapping and
the pack's Language (its words and probes, probes.py).

A new kind is a new module here, an entry in KINDS, and its shape in schemas/rule.schema.json.
"""
from __future__ import annotations

from govlint.rules.kinds import absent, checklist, document, plugin, probing, section

KINDS = {
    "probes": probing.build,
    "checklist": checklist.build,
    "section": section.build,
    "document": document.build,
    "absent": absent.build,
    "plugin": plugin.build,
}
