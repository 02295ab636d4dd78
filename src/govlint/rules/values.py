"""Values a rule can extract from a sentence: a vote threshold, a period of time.

Thresholds come in digits, fractions, percentages and words ("2/3", "66%+", "two-thirds",
"three quarters of the fixed membership", "a simple majority", "six of the seven members",
"4:1 in favour", "unanimity minus the member concerned", "the consensus of the remaining
members", "if all others agree"); periods likewise ("six months", "a six-month period", ">6 months", "one year").
"""
from __future__ import annotations

import re


_COUNT_WORD = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
               r"sixteen|eighteen|twenty|twenty[- ]four|thirty|sixty|ninety|a\s+few|several")
_NUMBER = rf"(?:\d+|{_COUNT_WORD}|a|an)"
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_FRACTION = (r"(?:\d+\s*/\s*\d+(?:rds?|ths?)?|\d{1,3}(?:\.\d+)?\s*(?:%|percent|per\s+cent)\+?"
             r"|(?:one|two|three|four|five)[- ](?:thirds?|quarters?|fourths?|fifths?)|(?:one|a)[- ]half|half)")
# The base a threshold is counted against: "of all current maintainers", "of the votes cast".
_BASE_WORDS = (r"(?:members?(?:hip)?|maintainers?|maintainership|committers?|committee|council|votes?(?:\s+cast)?|"
               r"owners|reviewers|approvers|SC|TSC|KSC|PMC|board|team|seats|leads?|participants|voters|"
               r"those\s+(?:eligible|voting|present)|deciders|directors|core\s+team|eligible\s+voters|group)")
_BASE = (r"(?:\s+(?:of|from|among|by)\s+(?:the\s+|all\s+(?:of\s+)?(?:the\s+)?|its\s+|their\s+)?"
         r"(?:(?:current|remaining|active|voting|fixed|present|other|sitting|eligible|existing|non-conflicted|"
         r"unconflicted|total|binding|core|project|committee|council|steering|technical|tsc|maintainer|"
         r"\w+'s)\s+){0,3}" + _BASE_WORDS + r")")

# "The majority of cases", "the vast majority of decisions": most of the things counted, not a
# share of voters.
_MOST_OF = (r"(?!\s+of\s+(?:the\s+|our\s+|all\s+)?(?:cases|decisions|issues|situations|changes|pull\s+requests|"
            r"prs|patches|code|work|time|contributions|discussions|matters|questions|commits|projects|"
            r"disagreements|conflicts|instances)\b)")

THRESHOLD = re.compile(
    r"\b(?:(?:simple|absolute|qualified|strict|super|two[- ]thirds|three[- ]quarters|\d+\s*/\s*\d+|"
    r"\d+%)\s*[- ]?majority|" + _FRACTION + r"|super[- ]?majority|majority" + _MOST_OF + r"|unanimous(?:ly|\s+consent)?|unanimity(?:\s+minus\s+\w+)?|"
    # Unanimity of the others, in words: "if all others from the core team agree", "with the
    # consent of every other maintainer".
    r"(?:all|every)\s+(?:of\s+)?(?:the\s+)?others?\b(?:\s+[\w-]+){0,4}?\s+(?:agree|consent|approve|concur)\w*|"
    r"(?:agreement|consent|approval)\s+of\s+(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?other\s+[\w-]+|"
    # ... and the approval of a body that leaves the person out: "with the approval of the current
    # Maintainers (absent the maintainer being removed)".
    r"(?:agreement|consent|approval)\s+of\s+(?:all\s+)?(?:the\s+)?(?:current|other|remaining|existing)\s+[\w-]+"
    r"\s*[(,]?\s*(?:absent|excluding|except|not\s+counting|other\s+than)\s+the\s+[\w-]+(?:\s+(?:being\s+removed|concerned|in\s+question))?|"
    r"more\s+than\s+half|at\s+least\s+half|half\s+or\s+more|all\s+but\s+(?:one|two)|"
    # A plurality: "the option that receives the greatest support", "the most votes".
    r"plurality|(?:the\s+)?(?:most|greatest|highest|largest)\s+(?:number\s+of\s+)?(?:votes|support)\b|"
    + _COUNT + r"\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?(?:\w+\s+){0,2}?" + _COUNT + r"\b|"
    r"\d+\s*:\s*\d+\s+(?:vote|in\s+favou?r)|quorum|"
    r"(?:at\s+least|minimum\s+of|a\s+minimum\s+of|no\s+fewer\s+than)\s+" + _NUMBER +
    r"\s+(?:[\w-]+,?\s+){0,3}?(?:votes?|approvals?|\+1s?|binding\s+votes?|members?|maintainers?|committers?|LGTMs?)|"
    # "3 or more owners other than the proposer must agree": a count of the members who decide.
    r"\b(?:[2-9]|\d\d+|two|three|four|five|six|seven|eight|nine|ten)\s+or\s+more\s+(?:other\s+)?" + _BASE_WORDS + r"\b|"
    # "consensus" counts only against a stated base: "the consensus of the remaining members".
    r"consensus(?:\s+vote)?(?=" + _BASE + r"))(?:\s+(?:vote|ballot)s?\b(?=" + _BASE + r"))?" + _BASE + r"?", re.I)


def _counted(count: str, units: str) -> str:
    """A count (a number word, a range, "3+") and its unit, "consecutive" or "full" between them."""
    return (r"(?:\b|(?<=[>≥~]))(?:" + count + r"|\d+\s*(?:-|to)\s*\d+|\d+\+?)[\s-]+(?:or\s+more\s+)?"
            r"(?:consecutive\s+|full\s+|calendar\s+|straight\s+)?(?:" + units + r")\b")


DURATION = re.compile(
    _counted(_NUMBER, r"months?|weeks?|days?|years?|quarters?|release(?:s| cycles?)|cycles?") + "|"
    # Meetings and elections are counted, not spanned: "absent from a meeting" measures nothing.
    + _counted(rf"\d+|{_COUNT_WORD}", r"elections?|meetings?") +
    r"|\b(?:a|one|half\s+a|a\s+full)\s+(?:calendar\s+)?year\b|\bannual(?:ly)?\b|\bquarterly\b|\bper\s+(?:calendar\s+)?year\b"
    r"|\b(?:past|last|previous|prior)\s+(?:calendar\s+)?(?:year|quarter|release(?:\s+cycle)?)\b",
    re.I)

VALUES: dict[str, re.Pattern[str]] = {"threshold": THRESHOLD, "duration": DURATION}


def compile_pack_value(pattern: str, *, guard: bool) -> re.Pattern[str]:
    """A value pattern a rule pack defines (case-insensitive). A user pack's (``guard``) runs under
    a deadline inside its rules (regex_safety.bounded); compiling it reports a syntax error."""
    return re.compile(pattern, re.I)
