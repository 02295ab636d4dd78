"""A long paragraph (issue 13 #8): a check reads a long document's many units without doing per unit
the work only a few need, and gives the same results it always did."""
from __future__ import annotations

import tracemalloc

from govlint.document import parse
from govlint.rules import matching
from govlint.rules.kinds import probing
from govlint.rules.kinds.probing import ProbeCheck
from govlint.rules.lexicon import Lexicon, remembering
from govlint.rules.model import DocumentSet
from govlint.rules.probes import build_language

_VOCABULARY = {"remove": ["remove", "expel"], "person": ["maintainer", "member"], "vote": ["vote", "ballot"],
               "quiet": ["inactive"]}
_PROBES = {"removal": {"find": ["remove", "person"], "within": 6}}


def _sentences(count: int) -> list[str]:
    neutral = "Release {n} is cut by the release team on a Tuesday."
    kinds = {1: "Maintainer {n} may be removed by a vote of the others.",
             5: "Reviewer {n} reads proposals, and nobody expels member {n}."}
    return [kinds.get(n % 10, neutral).format(n=n) for n in range(count)]


def _document(sentences: list[str]):
    return parse("# Governance\n\n" + " ".join(sentences) + "\n", path="GOVERNANCE.md", kind="governance")


def test_a_scan_put_together_from_many_sentences_shares_their_tokens():
    """A block of 3,000 sentences: its scan's tokens are those of the whole text read at once, and
    it keeps no second copy of its sentences' tokens (a 5 MB paragraph's block held a million)."""
    lexicon = Lexicon.build(_VOCABULARY)
    pieces = _sentences(3000)
    text = " ".join(pieces)
    tracemalloc.start()
    whole = lexicon._scan(text)
    whole_size, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    with remembering():
        for piece in pieces:
            lexicon.scan(piece)
        tracemalloc.start()
        joined = lexicon.scan(text, pieces)
        size, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert joined.hits == whole.hits
        assert joined.tokens == whole.tokens and len(joined.tokens) == len(whole.tokens)
        assert [joined.tokens[i] for i in (0, 7, 12_345, -1)] == [whole.tokens[i] for i in (0, 7, 12_345, -1)]
        assert joined.tokens[100:110] == whole.tokens[100:110]
        assert list(joined.tokens) == list(whole.tokens)
        for i in (0, 7, 12_345, len(whole.tokens) - 1):
            assert (joined.start(i), joined.end(i)) == (whole.tokens[i].start, whole.tokens[i].end)
            assert (joined.word(i).norm, joined.word(i).kind) == (whole.tokens[i].norm, whole.tokens[i].kind)
    assert size < whole_size / 8, f"the joined scan kept {size:,} bytes, the text read at once {whole_size:,}"


_LANGUAGE = build_language(_VOCABULARY, _PROBES)


def _check(spec: dict) -> ProbeCheck:
    return ProbeCheck(spec, _LANGUAGE)


def test_a_check_looks_only_at_the_units_its_words_reach(monkeypatch):
    """Of 3,000 sentences only those holding both a removal word and a person can match 'removal':
    the check tries those and no other (not even to ask whether one is a template's placeholder),
    and finds what it found when it tried them all."""
    docs = DocumentSet([_document(_sentences(3000))])
    tried = []
    original = matching.has_placeholder
    monkeypatch.setattr(matching, "has_placeholder", lambda text: tried.append(text) or original(text))
    check = _check({"all": ["removal", "quiet"]})  # never both: every unit is a near miss at best
    with remembering():
        outcome = check.run(docs)
    holding = [u for u in docs.memo[("units", "sentence", check.kinds, False)] if "remove" in u.text or "expel" in u.text]
    assert outcome.status == "fail" and outcome.near_miss[0].text == "Maintainer 1 may be removed by a vote of the others."
    assert 0 < len(tried) <= len(holding) == 600


def test_a_check_with_a_value_or_heading_context_still_tries_every_unit():
    """A value found alone makes a unit a near miss, so such a check cannot skip a unit by its words."""
    docs = DocumentSet([_document(_sentences(200))])
    with remembering():
        outcome = _check({"all": ["quiet"], "value": "duration"}).run(docs)
    assert outcome.status == "fail" and not outcome.near_miss


def test_negation_is_decided_once_per_match_for_the_checks_that_share_it(monkeypatch):
    """Two checks finding the same removal in 1,000 sentences ask whether it is negated once each."""
    docs = DocumentSet([_document(_sentences(1000))])
    asked = []
    original = probing.is_negated
    monkeypatch.setattr(probing, "is_negated", lambda text, *a: asked.append(a) or original(text, *a))
    with remembering():
        first = _check({"all": ["removal"]}).run(docs)
        count = len(asked)
        second = _check({"all": ["removal"], "none": ["quiet"]}).run(docs)
    assert first.status == second.status == "pass"
    assert count and len(asked) == count  # the second check's matches were the first's


def test_a_placeholder_is_found_in_any_case_and_text_without_one_is_not_searched(monkeypatch):
    """The template signs are looked for before the placeholder pattern runs on a unit."""
    examples = ["[TODO: name the maintainers]", "todo: fill in", "Run by PROJECT_NAME.", "Projectname leads",
                "{{ project.name }}", "< insert the date >", "<your-org> decides", "This Is A Template.",
                "thİs is a template", "[add members here]", "[Your First Contribution](#first)", "Plain text."]
    expected = [bool(matching.PLACEHOLDER.search(text)) for text in examples]
    assert expected == [True] * 10 + [False, False]
    assert [matching.has_placeholder.__wrapped__(text) for text in examples] == expected

    searched = []

    class Counting:
        def search(self, text):
            searched.append(text)
            return None

    monkeypatch.setattr(matching, "PLACEHOLDER", Counting())
    matching.has_placeholder.__wrapped__("Maintainer 4 may be removed by a vote of the others.")
    assert searched == []


def test_a_documents_sentence_units_are_made_once_for_every_list_that_reads_them():
    """Rules read a document's sentences in several lists (by document kinds, with or without
    anaphora); a sentence's unit is made once, so a long document's units are not made three times."""
    doc = _document(["Maintainers vote on releases.", "This requires a two-thirds majority.", "Members may leave."])
    docs = DocumentSet([doc])
    every = matching.units(docs, "sentence", None)
    governance = matching.units(docs, "sentence", frozenset({"governance"}))
    anaphora = matching.units(docs, "sentence", None, anaphora=True)
    assert [u.text for u in anaphora] == ["Maintainers vote on releases.",
                                          "Maintainers vote on releases. This requires a two-thirds majority.",
                                          "Members may leave."]
    assert all(a is b for a, b in zip(every, governance))
    assert anaphora[0] is every[0] and anaphora[2] is every[2] and anaphora[1] is not every[1]


def test_an_ellipsis_that_stands_for_the_sentence_before_is_read_with_it():
    """"If not, they will be removed upon a vote" says nothing alone: the vote is for the case the
    sentence before describes (here, inactivity), so the two are one unit, as with "This requires"."""
    doc = _document(["Inactive leaders are first asked whether they plan to return.",
                     "If not, they will be removed upon a vote by the other leaders.", "Leaders may resign."])
    units = matching.units(DocumentSet([doc]), "sentence", None, anaphora=True)
    assert [u.text for u in units][1] == ("Inactive leaders are first asked whether they plan to return. "
                                          "If not, they will be removed upon a vote by the other leaders.")
    assert [u.text for u in units][2] == "Leaders may resign."


def test_once_a_full_match_is_the_near_miss_units_ruled_out_are_not_matched_again(monkeypatch):
    """'Maintainer 7 may be removed when inactive' matches the removal and is ruled out, 500 times:
    the first is the near miss, and no later one can be found or be nearer, so none is matched."""
    sentences = [f"Maintainer {n} may be removed when inactive." for n in range(500)]
    docs = DocumentSet([_document(sentences + ["Maintainer 900 may be removed by a vote."])])
    matched = []
    original = ProbeCheck.match
    monkeypatch.setattr(ProbeCheck, "match", lambda self, unit, *a: matched.append(unit) or original(self, unit, *a))
    with remembering():
        found = _check({"all": ["removal"], "none": ["quiet"]}).run(docs)
        missed = _check({"all": ["removal", "vote"], "none": ["quiet"]}).run(DocumentSet([_document(sentences)]))
    assert found.status == "pass" and [e.text for e in found.evidence] == ["Maintainer 900 may be removed by a vote."]
    assert missed.status == "fail" and [e.text for e in missed.near_miss] == [sentences[0]]
    assert len(matched) <= 4


def test_a_check_on_a_probe_of_several_probes_tries_only_units_where_one_of_them_can_match(monkeypatch):
    """'either' is a removal or a vote on a person: 'Release 7 is removed on a Tuesday.' holds a
    removal word but no person, so it can be neither, and of 2,000 such sentences none is tried."""
    language = build_language(_VOCABULARY, {**_PROBES, "person-vote": {"find": ["vote", "person"]},
                                            "either": {"any": ["removal", "person-vote"]}})
    sentences = [f"Release {n} is removed on a Tuesday." for n in range(2000)] + ["Members may be expelled."]
    docs = DocumentSet([_document(sentences)])
    matched = []
    original = ProbeCheck.match
    monkeypatch.setattr(ProbeCheck, "match", lambda self, unit, *a: matched.append(unit) or original(self, unit, *a))
    with remembering():
        found = ProbeCheck({"all": ["either"]}, language).run(docs)
        short = ProbeCheck({"all": ["either"]}, language).run(DocumentSet([_document(sentences[-3:])]))
    assert found.status == short.status == "pass"
    assert [e.text for e in found.evidence] == [e.text for e in short.evidence] == ["Members may be expelled."]
    assert [u.text for u in matched] == ["Members may be expelled."] * 2


def test_once_a_value_alone_is_the_near_miss_only_units_holding_the_words_are_read(monkeypatch):
    """A period alone ('every six months') is a near miss; after it, of 300 sentences only the five
    that say 'inactive' could come nearer, and only those are read (not even asked for a placeholder).
    A short document is read the same way: its units that cannot match are not looked at."""
    sentences = (["Releases are cut every six months."] + _sentences(300)
                 + [f"Maintainer {n} is inactive." for n in range(5)])
    docs = DocumentSet([_document(sentences)])
    tried = []
    original = matching.has_placeholder
    monkeypatch.setattr(matching, "has_placeholder", lambda text: tried.append(text) or original(text))
    with remembering():
        outcome = _check({"all": ["quiet"], "value": "duration"}).run(docs)
        assert outcome.status == "fail" and outcome.near_miss[0].text == "Releases are cut every six months."
        assert len(tried) == 6
        del tried[:]
        short = _check({"all": ["removal"]}).run(DocumentSet([_document(_sentences(10))]))
    assert short.status == "pass" and tried == ["Maintainer 1 may be removed by a vote of the others.",
                                                "Reviewer 5 reads proposals, and nobody expels member 5."]


def test_a_filled_template_value_is_quoted_from_the_first_sentence_without_reading_the_rest(monkeypatch):
    """`absent` quotes the first sentence holding a filled value: the 500 sentences after it are not read."""
    from govlint.rules.kinds.absent import AbsentCheck

    docs = DocumentSet([_document(["Maintainers inactive for a year step down."] + _sentences(500))])
    check = AbsentCheck({"placeholders": True, "filled": ["quiet"]}, _LANGUAGE)
    read = []
    original = AbsentCheck._holds
    monkeypatch.setattr(AbsentCheck, "_holds", lambda self, probes, text: read.append(text) or original(self, probes, text))
    with remembering():
        outcome = check.run(docs)
    assert outcome.status == "pass" and [e.text for e in outcome.evidence] == ["Maintainers inactive for a year step down."]
    assert read == ["Maintainers inactive for a year step down."]


def test_a_long_blocks_first_match_is_found_without_finding_every_match(monkeypatch):
    """A paragraph of 3,000 sentences holds 600 removals: a block check needs the first one no
    negation governs, and finds it without making the other 599."""
    from govlint.rules import probes

    made = []
    original = probes.ProbeMatch
    monkeypatch.setattr(probes, "ProbeMatch", lambda *a, **k: made.append(a) or original(*a, **k))
    docs = DocumentSet([_document(_sentences(3000))])
    with remembering():
        outcome = _check({"all": ["removal"], "scope": "block"}).run(docs)
    assert outcome.status == "pass" and outcome.message == "matched removal"
    assert outcome.evidence[0].text == "Maintainer 1 may be removed by a vote of the others."
    assert 0 < len(made) < 10


def test_a_long_texts_matches_come_one_at_a_time_in_the_order_of_every_match():
    """Every example sentence of the built-in pack's probes in one long text: each probe's matches
    given one at a time are its matches all at once, in text order."""
    from govlint.rules.lexicon import Scan
    from govlint.rules.loader import builtin_languages

    language = builtin_languages()["cncf"]
    text = " ".join(example for probe in language.probes.values() for example in (*probe.passes, *probe.fails))
    scanned = language.lexicon.scan(text)
    assert len(scanned.tokens) > 2_000
    for probe in language.probes.values():
        one_by_one = list(probe.matches(Scan(text, scanned.tokens, scanned.hits)))
        every = probe.find_all(Scan(text, scanned.tokens, scanned.hits))
        assert one_by_one == every == sorted(every, key=lambda m: (m.start, m.end)), probe.name


def test_checks_reading_the_same_units_in_two_lists_look_up_their_words_once(monkeypatch):
    """One governance document: a check reading every document and one reading governance documents
    read the same 3,000 sentence units, and which vocabularies each unit holds is gathered once."""
    docs = DocumentSet([_document(_sentences(3000))])
    scanned = []
    original = Lexicon.scan
    monkeypatch.setattr(Lexicon, "scan", lambda self, text, *a: scanned.append(text) or original(self, text, *a))
    with remembering():
        first = _check({"all": ["removal", "quiet"]}).run(docs)
        count = len(scanned)
        second = _check({"all": ["removal", "quiet"], "documents": ["governance"]}).run(docs)
    assert first.near_miss == second.near_miss and first.near_miss
    assert count >= 3000 and len(scanned) - count < 100


def test_leader_coverage_searches_only_sentences_that_may_name_a_body(monkeypatch):
    """Of 2,000 release notes none can name a leadership body, so no body's pattern searches them;
    the bodies found are those a search of every sentence finds, in a non-ASCII sentence too."""
    from govlint.rules.builtin import leader_coverage
    from govlint.rules.loader import builtin_languages

    searched = []

    class Counting:
        def __init__(self, pattern):
            self.pattern = pattern

        def search(self, text):
            searched.append(text)
            return self.pattern.search(text)

        def __getattr__(self, name):
            return getattr(self.pattern, name)

    for name, pattern in list(leader_coverage.BODIES.items()):
        monkeypatch.setitem(leader_coverage.BODIES, name, Counting(pattern))
    sentences = [f"Release {n} is cut by the release team on a Tuesday." for n in range(2000)]
    sentences += ["The Steering Committee’s members serve two years.", "The steering committee meets monthly.",
                  "Maintainers review changes.", "Each maintainer may be removed by a vote of the TSC."]
    with remembering():
        finding = leader_coverage.check(DocumentSet([_document(sentences)]), language=builtin_languages()["cncf"])
    assert finding.message.startswith("bodies defined: Steering Committee, Maintainers;")
    assert not any(text.startswith("Release") for text in searched)


def test_a_long_documents_scans_keep_no_empty_list_per_probe():
    """Of 3,000 sentences 2,400 hold no removal: what each of their scans remembers of the probe is
    one shared empty value, not a list of its own (a long document's scans kept tens of thousands for
    the garbage collector to walk through), and find_all still gives a list."""
    removal = _LANGUAGE.probe("removal")
    with remembering():
        scans = [_LANGUAGE.lexicon.scan(text) for text in _sentences(3000)]
        found = [removal.find_all(scan) for scan in scans]
        assert sum(1 for f in found if f) == 600 and all(isinstance(f, list) for f in found)
        remembered = [scan.found[removal] for scan in scans if not scan.found[removal]]
    assert len(remembered) == 2400 and not any(isinstance(f, list) for f in remembered)


def test_a_body_without_listed_words_is_searched_in_every_sentence(monkeypatch):
    """The words that let leader-coverage skip sentences are an aid: a body with none listed is
    still found (a KeyError here would stop the rule)."""
    import re as _re

    from govlint.rules.builtin import leader_coverage
    from govlint.rules.loader import builtin_languages

    monkeypatch.setitem(leader_coverage.BODIES, "Oversight Board", _re.compile(r"\boversight\s+board\b", _re.I))
    sentences = ["The Oversight Board meets monthly.", "The oversight board elects a chair.",
                 "Maintainers review changes.", "Maintainers decide by vote."]
    finding = leader_coverage.check(DocumentSet([_document(sentences)]), language=builtin_languages()["cncf"])
    assert "Oversight Board" in finding.message


def test_leader_coverage_reads_each_removal_once_for_every_body_and_only_where_one_may_stand(monkeypatch):
    """Two bodies, 2,000 release notes and no removal that names either: the removal language is
    tried once, for both bodies, and only on the sentences whose words allow a removal for cause
    (it was tried on every sentence, once per body); what the rule says is unchanged."""
    from govlint.rules import probes
    from govlint.rules.builtin import leader_coverage
    from govlint.rules.loader import builtin_languages

    tried = []
    original = probes.Probe.find_all

    def find_all(self, scan):
        if self.name == leader_coverage._REMOVAL:
            tried.append(scan.text)
        return original(self, scan)

    removal = "A member may be removed by a vote of the others for misconduct."
    sentences = [f"Release {n} is cut by the release team on a Tuesday." for n in range(2000)]
    sentences += ["The Steering Committee meets monthly.", "The steering committee elects a chair.",
                  "Maintainers review changes.", "Maintainers decide by vote.", removal]
    docs = DocumentSet([_document(sentences)])
    language = builtin_languages()["cncf"]
    with remembering():
        before = leader_coverage.check(docs, language=language)
    monkeypatch.setattr(probes.Probe, "find_all", find_all)
    with remembering():
        finding = leader_coverage.check(docs, language=language)
    assert finding == before
    assert finding.message == "bodies defined: Steering Committee, Maintainers; no removal path for: " \
                              "Steering Committee, Maintainers"
    assert tried == [removal]


def test_a_long_blocks_evidence_is_quoted_without_scoring_each_of_its_sentences():
    """Evidence from a block of 3,000 sentences quotes the one its match ends in, found by bisection
    among the block's sentences (scoring every sentence, for each piece of evidence of each block
    check, was a pass over the whole paragraph); a unit whose matches are all elsewhere (headings)
    still quotes its own first sentence."""
    from govlint.rules.probes import ProbeMatch

    class Unwalked(tuple):
        def __iter__(self):
            raise AssertionError("every sentence of the block was scored")

    docs = DocumentSet([_document(_sentences(3000))])
    block = matching.units(docs, "block", None)[0]
    part = block.parts[2001]
    match = ProbeMatch("removal", part.start + 3, part.end - 1, 0, 0)
    long_block = matching.Unit(block.doc, block.text, block.sentences, block.headings, block.line,
                               Unwalked(block.parts), block.section, block.pieces)
    assert probing._quoted_sentence(long_block, [match]) is part.sentence
    assert probing._quoted_sentence(block, [None]) is block.parts[0].sentence


class _CountingSentences(list):
    """A block's sentences that count how often one of them is read by position."""

    reads = 0

    def __getitem__(self, index):
        type(self).reads += 1
        return super().__getitem__(index)


def test_a_long_lists_items_find_their_lead_without_reading_back_through_the_items_before():
    """A list of 2,000 items under one lead: each item is read with the lead sentence (and, the lead
    referring back, the sentence before it), found in one pass over the section, not by reading
    back through every earlier item for each item (a 5,000-item list took 15 s, now 4 s)."""
    items = "".join(f"- Item {n} is a reason.\n" for n in range(2000))
    doc = parse("# G\n\nSometimes a maintainer must be removed. This can occur in the following "
                "situations:\n\n" + items, path="GOVERNANCE.md", kind="governance")
    for block in doc.blocks:
        block.sentences = _CountingSentences(block.sentences)
    _CountingSentences.reads = 0
    units = matching.units(DocumentSet([doc]), "sentence", None)
    assert _CountingSentences.reads < 50  # reading back through the items: about two million
    last = units[-1]
    assert last.text.startswith("Sometimes a maintainer must be removed. This can occur in the following situations:")
    assert last.text.endswith("Item 1999 is a reason.")


def test_an_item_is_read_with_the_nearest_lead_of_that_text():
    text = ("# G\n\nThe first list is this:\n\n- one\n\nThe owners may remove a maintainer. "
            "It happens in these cases:\n\n- two\n\nReviewers help. It happens in these cases:\n\n- three\n")
    doc = parse(text, path="GOVERNANCE.md", kind="governance")
    by_item = {u.sentences[0].text: u.text for u in matching.units(DocumentSet([doc]), "sentence", None)
               if u.sentences[0].block.kind == "item"}
    assert by_item["two"] == "The owners may remove a maintainer. It happens in these cases: two"
    assert by_item["three"] == "Reviewers help. It happens in these cases: three"
