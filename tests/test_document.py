"""The section tree: headings, blocks, sentences and links, each with its line number."""
from __future__ import annotations

import pytest

from govlint.document import parse


def _doc(fixtures, name):
    path = fixtures / "documents" / name
    return parse(path.read_text(encoding="utf-8"), path=name, kind="governance")


def test_markdown_sections_nest_by_level_with_lines(fixtures):
    doc = _doc(fixtures, "sections.md")
    headings = [(s.heading, s.level, s.line) for s in doc.sections if s.level]
    assert headings == [("Example Governance", 1, 1), ("Maintainers", 2, 5), ("Emeritus", 3, 15),
                        ("Empty heading", 2, 19), ("Links", 2, 21)]
    emeritus = next(s for s in doc.sections if s.heading == "Emeritus")
    assert emeritus.headings == ["Example Governance", "Maintainers", "Emeritus"]
    assert emeritus.parent.heading == "Maintainers"


def test_sentences_carry_their_own_line(fixtures):
    doc = _doc(fixtures, "sections.md")
    by_text = {s.text: s.line for s in doc.sentences}
    assert by_text["A maintainer may be removed by a two-thirds vote of the other maintainers."] == 8
    assert by_text["Maintainers with no activity for six months become emeritus."] == 17


def test_list_items_remember_the_sentence_that_introduced_them(fixtures):
    doc = _doc(fixtures, "sections.md")
    item = next(s for s in doc.sentences if s.text.startswith("violate the Code"))
    assert item.line == 12
    assert item.block.kind == "item"
    assert item.block.lead == "A maintainer is removed if they:"


def test_a_heading_with_nothing_under_it_has_no_text(fixtures):
    doc = _doc(fixtures, "sections.md")
    empty = next(s for s in doc.sections if s.heading == "Empty heading")
    assert empty.word_count == 0


def test_links_and_table_rows(fixtures):
    doc = _doc(fixtures, "sections.md")
    assert [(link.href, link.line) for link in doc.links] == [
        ("elections.md", 23), ("https://github.com/cncf/foundation/blob/main/code-of-conduct.md", 23)]
    row = next(b for b in doc.blocks if b.kind == "row" and "Jane" in b.text)
    assert row.text == "Jane Doe | @jane | Example Corp" and row.line == 27


def test_restructuredtext_headings_by_adornment(fixtures):
    doc = _doc(fixtures, "charter.rst")
    assert doc.format == "rst"
    assert [(s.heading, s.level, s.line) for s in doc.sections if s.level] == [
        ("Example Charter", 1, 1), ("Purpose", 2, 5), ("Removal", 3, 11)]
    assert [(link.href, link.line) for link in doc.links] == [("elections.rst", 15)]
    removal = next(s for s in doc.sentences if "removed" in s.text)
    assert removal.line == 14 and removal.section.heading == "Removal"
    items = [b for b in doc.blocks if b.kind == "item"]
    assert [b.text.replace("\n", " ") for b in items] == ["An item in a list.", "Another item continued on the next line."]


def test_asciidoc_headings_and_links(fixtures):
    doc = _doc(fixtures, "handbook.adoc")
    assert doc.format == "asciidoc"
    assert [(s.heading, s.level) for s in doc.sections if s.level] == [
        ("Project Handbook", 1), ("Decision making", 2), ("Votes", 3)]
    assert doc.links[0].href == "voting.adoc"


def test_plain_text_with_underlined_heading(fixtures):
    doc = _doc(fixtures, "MAINTAINERS.txt")
    assert [s.heading for s in doc.sections if s.level] == ["Maintainers"]
    assert "jane@example.com" in doc.sentences[0].text


def test_html_comments_are_kept_for_suppressions_and_not_read_as_text():
    doc = parse("# T\n\n<!-- govlint-disable recusal being written -->\n\nText here.\n", path="G.md", kind="governance")
    assert doc.comments == [(3, "govlint-disable recusal being written")]
    assert [s.text for s in doc.sentences] == ["Text here."]


# ---- a long paragraph: linear time, right lines ------------------------------------------------------

_LATE_PACK = """
vocabulary:
  omega: [omega clause]
rules:
  - code: LD001
    name: late-sentence
    title: The sentence at the end of a long paragraph
    rationale: r
    criterion: {text: t, source: a/b:c}
    levels: {sandbox: recommended, incubating: recommended, graduated: recommended}
    remediation: r
    check:
      kind: probes
      all: [omega]
  - code: LD002
    name: late-sentence-in-section
    title: The same, read as one section
    rationale: r
    criterion: {text: t, source: a/b:c}
    levels: {sandbox: recommended, incubating: recommended, graduated: recommended}
    remediation: r
    check:
      kind: probes
      scope: section
      all: [omega]
"""


def _long_paragraph(lines: int) -> tuple[str, int]:
    """A GOVERNANCE.md whose body is one paragraph of ``lines`` lines, and the line of its last sentence.

    It opens with one sentence that runs for a thousand lines, every line holding abbreviations
    that look like sentence ends ("e.g. Alice"), then one sentence a line, some starting mid-line."""
    out = ["# Governance", ""]
    out += [f"Eligible voters include, e.g. Alice {i}, e.g. Bob {i}, e.g. Carol {i} and i.e. Dave {i}," for i in range(1000)]
    out[-1] = out[-1].rstrip(",") + "."
    while len(out) < lines:
        n = len(out)
        out.append(f"Maintainer {n} may be removed by a two-thirds vote after {n % 9 + 2} months." if n % 3
                   else f"Votes on proposal {n} stay open for {n % 7 + 2} days. Member {n} may vote")
    out.append("by mail. The omega clause closes this paragraph.")
    return "\n".join(out) + "\n", len(out)


def _late_quotes(report: dict) -> dict:
    return {r["code"]: (r["status"], [(e["line"], e["text"]) for e in r["evidence"]]) for r in report["results"]}


def test_a_long_single_paragraph_quotes_its_last_sentence_with_its_own_line(run_cli, tmp_path):
    """The lines of issue 13's long paragraph, at a size the default suite can afford; the 2.5 MB
    run below (marked slow) is the one that would catch a return of the quadratic time."""
    import json

    text, last_line = _long_paragraph(2_000)
    (tmp_path / "GOVERNANCE.md").write_text(text, encoding="utf-8")
    (tmp_path / "late.yaml").write_text(_LATE_PACK, encoding="utf-8")
    code, out, err = run_cli("check", str(tmp_path), "--rule-pack", str(tmp_path / "late.yaml"), "--select", "LD",
                             "--format", "json", "--no-cache")
    [report] = json.loads(out)["reports"]
    quote = (last_line, "The omega clause closes this paragraph.")
    assert _late_quotes(report) == {"LD001": ("pass", [quote]), "LD002": ("pass", [quote])}, err


@pytest.mark.slow  # a 2.5 MB document through a process of its own: ~10 s
def test_a_long_single_paragraph_is_read_in_linear_time_with_the_right_lines(tmp_path):
    """Issue 13: a 5 MB paragraph took minutes in parsing alone (lines counted from the top for every
    sentence, text built by adding to a string). A 2.5 MB one now takes seconds, and the
    sentence at its end is quoted with its own line, whole sentence and section alike. The time is
    benchmarks/longdoc.py's to measure; the timeout here only catches a return of the quadratic
    behaviour (minutes), not a slow spell of a shared runner."""
    import json
    import subprocess
    import sys

    text, last_line = _long_paragraph(37_000)
    assert len(text.encode()) > 2_500_000
    (tmp_path / "GOVERNANCE.md").write_text(text, encoding="utf-8")
    (tmp_path / "late.yaml").write_text(_LATE_PACK, encoding="utf-8")
    command = [sys.executable, "-m", "govlint", "check", str(tmp_path), "--rule-pack", str(tmp_path / "late.yaml"),
               "--select", "LD", "--format", "json", "--no-cache"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    except subprocess.TimeoutExpired:
        pytest.fail("a 2.5 MB single-paragraph document took more than 120 s: quadratic again?")
    [report] = json.loads(done.stdout)["reports"]
    quote = (last_line, "The omega clause closes this paragraph.")
    assert _late_quotes(report) == {"LD001": ("pass", [quote]), "LD002": ("pass", [quote])}


def test_sentences_after_abbreviations_keep_their_lines():
    doc = parse("# T\n\nVoters, e.g. Alice and\ni.e. Bob, vote. Then\nA. Smith counts. Done.\n",
                path="GOVERNANCE.md", kind="governance")
    assert [(s.text, s.line) for s in doc.sentences] == [
        ("Voters, e.g. Alice and i.e. Bob, vote.", 3), ("Then A. Smith counts.", 4), ("Done.", 5)]


def test_asciidoc_nested_items_remember_the_item_that_introduced_them(fixtures):
    """An AsciiDoc item ending in a colon introduces the deeper items after it, as a nested list's
    parent item does in Markdown; an item back at its depth or above has its own lead again."""
    doc = _doc(fixtures, "charter.adoc")
    lead_of = {b.text: b.lead for b in doc.blocks if b.kind == "item"}
    assert lead_of["Violation of the Code of Conduct."] == "Members shall qualify for removal for:"
    assert lead_of["Unexcused absence from two consecutive meetings."] == "Members shall qualify for removal for:"
    assert lead_of["Members shall qualify for removal for:"] == "Removal:"
    assert lead_of["The committee may remove qualifying members by a majority vote of the other members."] == "Removal:"
    assert lead_of["Officers are elected every year."] == ""


def test_a_bold_title_ending_in_a_colon_heads_the_list_under_it_and_introduces_it():
    """'**Removal:**' alone over a list titles the list, and each item is read with it, as with a
    sentence ending in a colon; '**Note:** text' is one paragraph, not a title."""
    doc = parse("# Governance\n\n### Organizer\n\n**Removal:**\n\n- Requires majority vote of existing Organizers\n\n"
                "**Note:** the Chair keeps the minutes.\n",
                path="GOVERNANCE.md", kind="governance")
    item = next(b for b in doc.blocks if b.kind == "item")
    assert item.section.headings == ["Governance", "Organizer", "Removal:"]
    assert item.lead == "Removal:"
    note = next(b for b in doc.blocks if b.text.startswith("Note:"))
    assert note.kind == "paragraph" and note.section is item.section


def test_an_indented_charter_paragraph_is_read_as_prose_and_indented_code_is_not():
    """A charter pasted with its indentation is an indented code block to Markdown but prose to its
    readers: its sentences are read. Indented commands and code stay unread."""
    text = ("# Charter\n\nThe project is governed as follows.\n\n"
            "        iii. A Contributor may become a Committer by a majority approval of the\n"
            "        existing Committers. A Committer may be removed by a majority\n"
            "        approval of the other existing Committers.\n\n"
            "Install it:\n\n"
            "    pip install govlint\n    govlint check . --format json --output report.json\n")
    doc = parse(text, path="GOVERNANCE.md", kind="governance")
    sentences = [s.text for s in doc.sentences]
    assert "A Committer may be removed by a majority approval of the other existing Committers." in sentences
    removal = next(s for s in doc.sentences if s.text.startswith("A Committer may be removed"))
    assert removal.line == 6
    assert not any("pip install" in s for s in sentences)


def test_paragraphs_lettered_after_a_colon_are_the_items_of_the_sentence_that_introduced_them():
    """Charters and constitutions number their lists by hand ("a) ...", "(b) ..."), which Markdown
    reads as paragraphs: each is read with the sentence ending in a colon before them, as a list
    item is. A lettered paragraph with no such sentence before it stays a paragraph."""
    text = ("# Article 16\n\nThe Project Manager may be demoted under any of these circumstances:\n\n"
            "a) Voluntary resignation from their role.\n\nb) Prolonged absence for longer than two months.\n\n"
            "(c) A request of two Council members, confirmed by the Board.\n\n"
            "Elections follow.\n\na) Only active developers may vote.\n")
    doc = parse(text, path="CONSTITUTION.md", kind="governance")
    blocks = {b.text[:2]: b for b in doc.blocks}
    absence = next(b for b in doc.blocks if b.text.startswith("b) Prolonged"))
    assert absence.kind == "item"
    assert absence.lead == "The Project Manager may be demoted under any of these circumstances:"
    assert next(b for b in doc.blocks if b.text.startswith("(c)")).lead == absence.lead
    assert next(b for b in doc.blocks if b.text.startswith("a) Only")).kind == "paragraph"
    assert blocks["El"].kind == "paragraph"


def test_a_sentence_broken_by_blank_lines_is_read_whole_with_its_first_line(fixtures):
    """Bylaws converted from PDF put a blank line after every line, so Markdown makes each line a
    paragraph: "... may remove any Director who misses" / "three consecutive scheduled committee
    meetings ...". A paragraph that stops mid-sentence (no stop, and the next opens in lower case
    or it ends on a word no sentence ends on) is read with the next one; a paragraph that ends
    with a stop, a heading or a list between them keeps them apart."""
    path = fixtures / "corpus-fresh33" / "ucoProject__ucoproject.github.io" / "resources" / "bylaws.md"
    doc = parse(path.read_text(encoding="utf-8"), path="resources/bylaws.md", kind="governance")
    removal = next(s for s in doc.sentences if s.text.startswith("(a) Removal for Cause: The Governance Committee may "
                                                                 "remove any Director"))
    assert removal.line == 631
    assert removal.text.endswith("who misses three consecutive scheduled committee meetings or violates the "
                                 "Community Code of Conduct.")
    assert next(s for s in doc.sentences if s.text.startswith("The Governance Committee may take this action")).line == 635
    text = ("# Rules\n\nMaintainers of the project who miss\n\nthree meetings are removed.\n\nThe Board meets every "
            "month\n\nElections follow in May.\n\nNot a sentence\n\nbut a label.\n\n## Next\n\nthe end.\n")
    doc = parse(text, path="GOVERNANCE.md", kind="governance")
    assert [(s.line, s.text) for s in doc.sentences] == [
        (3, "Maintainers of the project who miss three meetings are removed."), (7, "The Board meets every month"),
        (9, "Elections follow in May."), (11, "Not a sentence"), (13, "but a label."), (17, "the end.")]


def test_a_long_chain_of_broken_paragraphs_is_read_once():
    """Every paragraph continuing the one before is one block whose sentences are split once, not
    again for each paragraph added (200,000 of them: seconds, not hours)."""
    import time

    text = "# Rules\n\n" + "a line of words of\n\n" * 200_000 + "done.\n"
    start = time.perf_counter()
    doc = parse(text, path="GOVERNANCE.md", kind="governance")
    assert time.perf_counter() - start < 30
    [block] = doc.blocks
    assert block.end_line == 400_003 and len(block.sentences) == 1 and block.sentences[0].line == 3
