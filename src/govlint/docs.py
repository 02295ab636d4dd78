"""A rule's documentation, generated from its metadata: `govlint explain` and docs/RULES.md."""
from __future__ import annotations

import textwrap

from typing import Sequence

from govlint.rules.model import Rule


def _levels_of(rule: Rule) -> tuple[Sequence[str], Sequence[str]]:
    """(levels, profiles) a rule is documented under: its pack's, or for a plugin's rule, those its
    metadata names."""
    ladder = getattr(rule.meta, "ladder", None)
    if ladder is not None:
        return ladder.names, ladder.profile_names
    return list(rule.meta.levels), list(rule.meta.profiles)


def _ladder_of(rules: Sequence[Rule]) -> tuple[Sequence[str], str | None]:
    """(levels, default profile) of a list of rules: the packs' (registry.run_ladder)."""
    from govlint.rules.registry import run_ladder

    ladder = run_ladder(rules)
    if ladder is not None:
        return ladder.names, ladder.default_profile
    return list(dict.fromkeys(name for rule in rules for name in rule.meta.levels)), None


def explain_rule(rule: Rule) -> str:
    meta = rule.meta
    wrap = lambda text: textwrap.fill(" ".join(text.split()), width=88)  # noqa: E731
    lines = [f"{meta.code} {meta.name}: {meta.title}", ""]
    lines += ["Why it matters", textwrap.indent(wrap(meta.rationale), "  "), ""]
    lines += ["Criterion", textwrap.indent(wrap(meta.criterion.text), "  "),
              f"  Source: {meta.criterion.source}" + (f" ({meta.criterion.url})" if meta.criterion.url else ""), ""]
    lines.append("Requirement per level (weight %g)" % meta.weight)
    names, declared = _levels_of(rule)
    default = declared[0] if declared else None
    # The default profile, then each profile that changes something for this rule.
    profiles = [*([default] if default else []), *[p for p in meta.profiles if p != default]]
    for profile in profiles:
        levels = meta.requirements(profile)
        lines.append(f"  profile {profile:<10}" + "  ".join(f"{lvl}: {levels.get(lvl, 'not-applicable')}" for lvl in names))
    lines.append("")
    if meta.looked_for:
        lines += ["What satisfies it", textwrap.indent(wrap(meta.looked_for), "  "), ""]
    lines += ["What to add", textwrap.indent(wrap(meta.remediation), "  ")]
    if meta.example:
        lines += ["", "Example", textwrap.indent(meta.example.rstrip(), "  ")]
    if meta.passes or meta.fails:
        lines += ["", "Read alone as a governance document, it finds the PASS texts and none of the FAIL ones"]
        lines += [_example_line("PASS", text) for text in meta.passes]
        lines += [_example_line("FAIL", text) for text in meta.fails]
    probes = probes_of(rule)
    if probes:
        lines += ["", "How it reads (its probes, defined once in the pack and shared by rules)"]
        for probe in probes:
            lines.append(textwrap.indent(wrap(f"{probe.name}: {probe.about}" if probe.about else probe.name), "  "))
            lines += [f"    PASS  {text}" for text in probe.passes] + [f"    FAIL  {text}" for text in probe.fails]
    lines += ["", f"Defined in {meta.origin or meta.pack}."]
    return "\n".join(lines)


def _example_line(verdict: str, text: str) -> str:
    """One example of a rule, its lines after the first indented under it."""
    first, *rest = text.strip().splitlines() or [""]
    return "\n".join([f"  {verdict}  {first}", *(f"        {line}" if line.strip() else "" for line in rest)])


def probes_of(rule: Rule) -> list:
    """The probes a YAML rule's checks name (not the bare vocabularies), in the order they appear."""
    seen: dict[int, object] = {}

    def visit(check: object) -> None:
        for name in ("groups", "none", "heading", "not_heading", "not_heading_unless", "mentions", "links", "find",
                     "filled"):
            value = getattr(check, name, None) or []
            for entry in value:
                for probe in entry if isinstance(entry, (list, tuple)) else [entry]:
                    if getattr(probe, "slots", None) is not None and (probe.about or probe.any_of):
                        seen.setdefault(id(probe), probe)
        for _, item in getattr(check, "items", None) or []:
            visit(item)

    for check in getattr(rule, "checks", None) or []:
        visit(check)
    return list(seen.values())


_REQUIREMENT_WORDS = {"not-applicable": "not required"}


def rules_table(rules: list[Rule], *, profile: str) -> str:
    """`govlint rules`: one row per rule under a header, what each level asks of it in words."""
    names, _ = _ladder_of(rules)
    head = f"{'code':<6} {'rule':<24} {'weight':>6}  " + "".join(f"{lvl:<13}" for lvl in names) + "title"
    lines = [head]
    for rule in rules:
        meta = rule.meta
        levels = meta.requirements(profile)
        need = "".join(f"{_REQUIREMENT_WORDS.get(levels.get(lvl, 'not-applicable'), levels.get(lvl, '')):<13}"
                       for lvl in names)
        lines.append(f"{meta.code:<6} {meta.name:<24} {meta.weight:>6g}  {need}{meta.title}")
    lines += ["", textwrap.fill(f"Profile {profile}. required: the level is not met unless the rule passes (or "
                                "is waived); recommended: counts towards the score only; advisory: forthcoming "
                                "guidance, shown but not required yet. `govlint explain CODE` tells more.", width=100)]
    return "\n".join(lines) + "\n"


CATALOGUE_MARKER = "<!-- The catalogue below is generated by `python -m govlint.docs`; do not edit it by hand. -->"


def rules_markdown(rules: list[Rule]) -> str:
    """The catalogue part of docs/RULES.md: every rule's documentation on one page."""
    names, default = _ladder_of(rules)
    out = [CATALOGUE_MARKER, "", "## The rules", ""]
    out += ["| code | name | weight | " + " | ".join(names) + " |", "|---|---|---|" + "---|" * len(names)]
    for rule in rules:
        levels = rule.meta.requirements(default or "")
        out.append(f"| {rule.meta.code} | [{rule.meta.name}](#{rule.meta.code.lower()}-{rule.meta.name}) | "
                   f"{rule.meta.weight:g} | " + " | ".join(levels.get(lvl, "not-applicable") for lvl in names) + " |")
    for rule in rules:
        out += ["", f"### {rule.meta.code} {rule.meta.name}", "", "```text", explain_rule(rule), "```"]
    return "\n".join(out) + "\n"


def write_rules_page(path: str, rules: list[Rule]) -> None:
    """Keep the hand-written authoring guide above the marker; regenerate the catalogue below it."""
    from pathlib import Path

    page = Path(path)
    text = page.read_text(encoding="utf-8") if page.exists() else "# govlint rules\n\n"
    guide = text.split(CATALOGUE_MARKER, 1)[0].rstrip() + "\n\n"
    page.write_text(guide + rules_markdown(rules), encoding="utf-8")


if __name__ == "__main__":
    import sys

    from govlint.errors import GovlintError
    from govlint.rules.registry import load_rules

    try:
        rules = load_rules()
    except GovlintError as err:  # a pack being edited: one line, and the page is left as it was
        sys.exit(f"docs: error: {err}")
    write_rules_page(sys.argv[1] if len(sys.argv) > 1 else "docs/RULES.md", rules)
