"""Facts a review counts from the files rather than reads from prose: the maintainer lists."""
from __future__ import annotations

from govlint.review.model import MaintainerFacts
from govlint.rules.model import DocumentSet


def maintainer_facts(docs: DocumentSet) -> MaintainerFacts:
    """How many maintainers the lists name, how many with an affiliation, and the largest employer's share."""
    from govlint.rules.builtin.review_maintainers import roster

    found = roster(docs)
    entries = found.entries
    employers: dict[str, int] = {}
    for entry in entries:
        if entry.affiliation:
            employers[entry.affiliation] = employers.get(entry.affiliation, 0) + 1
    affiliated = sum(employers.values())
    largest = max(employers.items(), key=lambda item: (item[1], item[0])) if employers else None
    return MaintainerFacts(count=len(entries), files=tuple(found.files), with_affiliation=affiliated,
                           organisations=len(employers), largest_employer=largest[0] if largest else None,
                           largest_share=round(largest[1] / affiliated, 3) if largest else None)
