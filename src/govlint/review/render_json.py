"""The draft as JSON (schemas/review.schema.json), for the audit and other tools."""
from __future__ import annotations

import json

from govlint.review.model import Draft


def render(draft: Draft) -> str:
    return json.dumps(draft.to_dict(), indent=2, ensure_ascii=False) + "\n"
