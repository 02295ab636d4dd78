"""A pack's examples as tests: every probe's and every rule's PASS and FAIL texts, checked.

A probe's examples are sentences the probe must (PASS) or must not (FAIL) find. A rule's are texts
read alone as a project's only governance document, through the whole pipeline (parse, rules,
status): the rule must find each PASS text (pass or partial) and none of its FAIL texts. A text
that opens with a heading is the document as written; any other sits under "# Governance" and
"## Maintainers", where a sentence of a governance document most often stands.

`govlint rules --test` runs them for the built-in packs and any pack given, so an author who
changes a vocabulary sees at once which of the pack's own examples it broke; the test suite runs
them for the built-in packs.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from govlint.rules.model import Rule

# Where a rule's example is put when it brings no heading of its own.
_FRAME = "# Governance\n\n## Maintainers\n\n"


@dataclass(frozen=True)
class WrongExample:
    """An example its probe or rule gets wrong."""

    origin: str  # the pack file
    owner: str  # "probe NAME" or "rule CODE NAME"
    expected: str  # "pass" or "fail"
    text: str
    got: str = ""  # the rule's status, for a rule's example

    def describe(self) -> str:
        what = "PASS example not found" if self.expected == "pass" else "FAIL example found"
        status = f" (status {self.got})" if self.got else ""
        return f"{self.origin}: {self.owner}: {what}{status}: {self.text!r}"


def probe_examples_wrong(languages: Iterable[tuple[str, object]]) -> list[WrongExample]:
    """Each probe's examples that it gets wrong, for (pack origin, Language) pairs."""
    return [WrongExample(origin, f"probe {name}", expected, text)
            for origin, language in languages
            for name, probe in language.probes.items()  # type: ignore[attr-defined]
            for expected, text in probe.wrong_examples(language.lexicon)]  # type: ignore[attr-defined]


def rule_examples_wrong(rules: Sequence[Rule]) -> list[WrongExample]:
    """Each rule's examples that it gets wrong, each read alone through the whole pipeline."""
    from govlint.api import lint
    from govlint.config import Config

    wrong = []
    everything = list(rules)  # the rule runs as it would among all of them
    with tempfile.TemporaryDirectory(prefix="govlint-examples-") as folder:
        path = Path(folder) / "GOVERNANCE.md"
        for rule in rules:
            meta = rule.meta
            for expected, texts in (("pass", meta.passes), ("fail", meta.fails)):
                for text in texts:
                    path.write_text(document_of(text), encoding="utf-8")
                    report = lint(files=[str(path)], root=folder, config=Config(), rules=everything,
                                  select_rules=[meta.code])
                    result = report.result(meta.name)
                    status = result.status if result is not None else "not run"
                    if (status in ("pass", "partial")) != (expected == "pass"):
                        wrong.append(WrongExample(meta.origin or meta.pack, f"rule {meta.code} {meta.name}",
                                                  expected, text, status))
    return wrong


def document_of(text: str) -> str:
    """The governance document a rule's example is read as."""
    return text if text.lstrip().startswith("#") else _FRAME + text.strip() + "\n"


def languages_of(rules: Sequence[Rule]) -> list[tuple[str, object]]:
    """(pack origin, Language) of each pack the YAML rules among ``rules`` come from, once each."""
    seen: dict[int, tuple[str, object]] = {}
    for rule in rules:
        language = getattr(rule, "language", None)
        if language is not None:
            seen.setdefault(id(language), (rule.meta.origin or rule.meta.pack, language))
    return list(seen.values())


def count_examples(rules: Sequence[Rule], languages: Iterable[tuple[str, object]]) -> int:
    """How many examples there are to check."""
    probes = sum(len(p.passes) + len(p.fails) for _, lang in languages
                 for p in lang.probes.values())  # type: ignore[attr-defined]
    return probes + sum(len(r.meta.passes) + len(r.meta.fails) for r in rules)
