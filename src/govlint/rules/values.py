"""Values a rule can extract from a sentence: a vote threshold, a period of time."""
from __future__ import annotations

import re

_NUMBER = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty[- ]four"
           r"|a|an|a few|several)")
_FRACTION = (r"(?:\d+\s*/\s*\d+|\d{1,3}(?:\.\d+)?\s*(?:%|percent)"
             r"|(?:one|two|three|four)[- ](?:thirds?|quarters?|fourths?|fifths?|halves|half))")
_BASE = (r"(?:\s+(?:of|from)\s+(?:the\s+|all\s+(?:the\s+)?|its\s+|their\s+)?"
         r"(?:(?:current|remaining|active|voting|fixed|present|other|sitting|eligible|existing|non-conflicted|"
         r"unconflicted|core|project|committee|council|steering|technical|tsc|maintainer)\s+){0,3}"
         r"[\w-]*(?:members?(?:hip)?|maintainers?|committee|council|votes?(?:\s+cast)?|owners|"
         r"reviewers|approvers|sc|tsc|board|team|seats|leads?|participants|voters))?")

THRESHOLD = re.compile(
    r"\b(?:" + _FRACTION + r"|(?:simple|absolute|qualified|super|two[- ]thirds)\s*[- ]?majority|supermajority|"
    r"majority|unanimous(?:ly)?|unanimity|more than half|at least half|"
    + _NUMBER + r"\s+(?:out\s+)?of\s+(?:the\s+)?" + _NUMBER + r"\b|quorum|"
    r"(?:at least|minimum of)\s+" + _NUMBER + r"\s+(?:votes?|approvals?|\+1s?|binding votes?|members?|maintainers?))"
    + _BASE, re.I)

DURATION = re.compile(
    r"\b(?:" + _NUMBER + r"|\d+\s*(?:-|to)\s*\d+)\s+(?:consecutive\s+|full\s+|calendar\s+)?"
    r"(?:months?|weeks?|days?|years?|quarters?|release(?:s| cycles?)|cycles?|elections?|meetings?)\b"
    r"|\b(?:a|one|half a|a full)\s+year\b|\bannual(?:ly)?\b|\bquarterly\b", re.I)

VALUES: dict[str, re.Pattern[str]] = {"threshold": THRESHOLD, "duration": DURATION}
