"""plaintext.py: an HTML or XML page given by path is read as text whose block tags end its
paragraphs and whose tags are markup, not words (real pages from the labelled sets)."""
from __future__ import annotations

from conftest import FIXTURES
from govlint.discover import parse_document

GODOT = FIXTURES / "corpus-fresh10" / "godotengine__godot-website" / "pages" / "governance.html"
BYLAWS = FIXTURES / "corpus-fresh15" / "erlef__website" / "lib" / "erlef_web" / "templates" / "page" / "bylaws.html.eex"
PRIVACY_CG = FIXTURES / "corpus-fresh32" / "privacycg__privacycg.github.io" / "charter.html"


def _page(path):
    return parse_document(path.read_text(encoding="utf-8"), path=path.name, kind="given", origin="given")


def test_html_headings_are_sections_and_paragraphs_are_blocks_on_their_own_lines():
    doc = _page(GODOT)
    titles = [section.heading for section in doc.sections]
    assert "The Board of Directors" in titles and "Legal status" in titles
    [block] = [b for b in doc.blocks if b.text.startswith("The Godot Foundation is led by the Board")]
    assert block.line == 31  # the paragraph's own line, under <p> on line 30
    assert "<" not in block.text and "join." in block.text


def test_tags_are_dropped_without_gluing_words_and_entities_become_characters():
    doc = _page(GODOT)
    text = " ".join(b.text for b in doc.blocks)
    assert "the Godot Foundation, a non-profit organization" in text  # an inline <a> leaves no gap
    assert "<p>" not in text and "&amp;" not in text


def test_paragraphs_with_no_blank_line_between_them_are_separate_blocks():
    doc = _page(BYLAWS)
    sections = [b.text for b in doc.blocks if b.text.startswith("Section 1.")]
    assert [s.split(".")[0] for s in sections[:3]] == ["Section 1", "Section 1", "Section 1"]
    assert len(sections) >= 3 and all("Section 2.1" not in s for s in sections)
    assert "Bylaws of the Erlang Ecosystem Foundation (EEF) (Version 1.1)" in [s.heading for s in doc.sections]



def test_a_pages_style_sheet_is_not_read_and_the_lines_after_it_hold():
    """A W3C charter page opens with a <style> block: its CSS is no sentence a rule could quote."""
    doc = _page(PRIVACY_CG)
    assert not any("max-width" in s.text or "border-collapse" in s.text for s in doc.sentences)
    [remove] = [s for s in doc.sentences if s.text.startswith("The Chairs may override Editors")]
    assert remove.line == 539
