"""Front matter (YAML ``---`` or TOML ``+++`` at the top of a page) is metadata, never prose (issue 14)."""
from __future__ import annotations

import pytest

from govlint import frontmatter
from govlint.document import parse

HUGO = "---\ntitle: \"Governance\"\nweight: 10\n---\n\n# Project governance\n\nThe maintainers decide by majority vote.\n"


def test_markdown_front_matter_is_not_a_heading_nor_a_sentence_and_lines_hold():
    doc = parse(HUGO, path="content/governance.md", kind="governance")
    headings = [(s.heading, s.line) for s in doc.root.walk() if s.level]
    assert headings == [("Project governance", 6)]  # not "title: "Governance"" from the setext underline
    assert [(s.text, s.line) for s in doc.sentences] == [("The maintainers decide by majority vote.", 8)]
    assert not any("title" in s.text for s in doc.sentences)


@pytest.mark.parametrize("text, title", [
    (HUGO, "Governance"),
    ("+++\ntitle = 'Code of Conduct'\ndraft = false\n+++\nText\n", "Code of Conduct"),
    ("---\nlayout: page\n...\n# Text\n", None),
    ("---\n---\nText\n", None),
])
def test_title_and_blanking(text, title):
    assert frontmatter.title(text) == title
    count = frontmatter.split(text)[1]
    assert frontmatter.blank(text) == "\n" * count + text.split("\n", count)[-1]  # same lines, metadata emptied


@pytest.mark.parametrize("text", [
    "---\n\nSome text between two rules.\n\n---\n\nMore text.\n",  # thematic breaks, not metadata
    "---\ntitle: never closed\n\n" + "Line\n" * 300,
    "# Title\n---\ntitle: x\n---\n",  # not at the very top
])
def test_text_that_only_looks_like_front_matter_is_left_alone(text):
    assert frontmatter.split(text) == ([], 0)
    assert frontmatter.blank(text) == text
