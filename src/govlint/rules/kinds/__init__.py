"""The closed set of YAML rule kinds. Each module builds a check from a rule's `check:` mapping.

A new kind is a new module here, an entry in KINDS, and its shape in schemas/rule.schema.json.
"""
from __future__ import annotations

from govlint.rules.kinds import absent, checklist, document, phrases, plugin, probing, section

KINDS = {
    "document": document.build,
    "section": section.build,
    "phrases": phrases.build,
    "extract": phrases.build,  # phrases plus a `value` to find and quote back
    "checklist": checklist.build,
    "absent": absent.build,
    "plugin": plugin.build,
    "probes": probing.build,
}
# The kinds that read the pack's words and probes (they are built with its Language).
WORD_KINDS = frozenset({"probes", "checklist"})
