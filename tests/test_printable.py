"""printable(): the one helper every human-readable output passes document text through."""
from __future__ import annotations

import pytest

from govlint.printable import markdown_cell, markdown_code, printable


@pytest.mark.parametrize("raw, shown", [
    ("Maintainers vote.", "Maintainers vote."),
    ("a \x1b[31mred\x1b[0m word", "a red word"),  # colours
    ("\x1b[2Jcleared", "cleared"),  # clear screen
    ("\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\", "click"),  # OSC 8 link, ST-terminated
    ("\x1b]0;title\x07text", "text"),  # window title, BEL-terminated
    ("\x9b2J8-bit", "8-bit"),  # C1 CSI
    ("\x1bPdevice\x1b\\after", "after"),  # DCS string
    ("\x1bc", ""),  # reset
    ("lone \x1b", "lone "),
    ("cr\roverwrite", "croverwrite"),
    ("nul\x00 del\x7f next-line\x85 rlo\u202e", "nul\ufffd del\ufffd next-line\ufffd rlo\ufffd"),
    ("tab\tand\nnewline", "tab\tand\nnewline"),
])
def test_printable(raw, shown):
    assert printable(raw) == shown


def test_markdown_cell_is_literal_text_on_one_line():
    assert markdown_cell("[a](https://x) **b** `c` <i> & |\n~d~ _e_\x1b[2J") == \
        r"\[a\](https://x) \*\*b\*\* \`c\` &lt;i&gt; &amp; \| \~d\~ \_e\_"


def test_markdown_code_fences_whatever_backticks_it_holds():
    assert markdown_code("docs/GOVERNANCE.md:3") == "`docs/GOVERNANCE.md:3`"
    assert markdown_code("a`b``c") == "```a`b``c```"
    assert markdown_code("`x") == "`` `x ``"
