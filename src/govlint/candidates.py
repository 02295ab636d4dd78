"""Which files of a listing may be governance documents: by name and place, and, within a budget,
by the title and top-level headings of their first lines.

Pure functions of paths and text: discover.py lists and reads, this module decides. The same
decisions serve a checkout and a remote tree listing, and benchmarks/discovery.py runs them on
stored listings of real repositories.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Collection, Iterable, Sequence

from govlint.patterns import LazyPattern, lazy

DOCUMENT_SUFFIXES = (".md", ".markdown", ".mdown", ".mdx", ".rst", ".txt", ".adoc", ".asciidoc", "")
# Files whose title discovery may read; files without a suffix (MAINTAINERS, OWNERS) go by name.
PROBE_SUFFIXES = (".md", ".markdown", ".mdown", ".mdx", ".rst", ".txt", ".adoc", ".asciidoc")
# Folders whose Markdown, reStructuredText and AsciiDoc files are governance documents whatever
# their names (a plain .txt there may be a voter roll or a key).
_BLANKET_SUFFIXES = (".md", ".markdown", ".mdx", ".rst", ".adoc")

# The heading test's budget for a checkout: how many files' heads are read, and how much of each.
PROBE_FILES = 32
HEAD_BYTES = 4096

# File-name stems (lower case, separators folded to "_") and the kind of document they name.
_KIND_BY_STEM: tuple[tuple[str, str], ...] = (
    ("governance", "governance"), ("project_governance", "governance"), ("decision_making", "governance"),
    ("contributor_ladder", "ladder"), ("contributor_roles", "ladder"), ("community_roles", "ladder"),
    ("community_membership", "ladder"), ("membership", "ladder"), ("roles", "ladder"),
    ("charter", "charter"), ("steering", "steering"), ("election", "elections"),
    ("maintainers", "maintainers"), ("owners", "maintainers"), ("owner", "maintainers"), ("committers", "maintainers"),
    ("code_of_conduct", "code-of-conduct"), ("conduct", "code-of-conduct"), ("coc", "code-of-conduct"),
    ("contributing", "contributing"), ("security", "security"),
)
# Names the stems above miss, read as words of the folded stem ("hosted_project_governance",
# "l3af_committee_members", "become_a_committer"); the first rule that matches names the kind.
_KIND_BY_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("code", "of", "conduct"), "code-of-conduct"), (("codeofconduct",), "code-of-conduct"),
    (("code", "of", "conflict"), "code-of-conduct"),
    (("charter",), "charter"), (("charters",), "charter"), (("constitution",), "charter"),
    (("governance",), "governance"), (("decision", "making"), "governance"),
    (("working", "group"), "governance"), (("working", "groups"), "governance"),
    (("steering",), "steering"), (("oversight",), "steering"), (("committee",), "steering"),
    (("council",), "steering"), (("tsc",), "steering"),
    (("election",), "elections"), (("elections",), "elections"),
    (("ladder",), "ladder"), (("roles",), "ladder"), (("role",), "ladder"), (("membership",), "ladder"),
    (("responsibilities",), "ladder"), (("become", "a"), "ladder"), (("becoming", "a"), "ladder"),
    (("maintainers",), "maintainers"), (("committers",), "maintainers"), (("members",), "maintainers"),
    (("reviewers",), "maintainers"), (("owners",), "maintainers"), (("emeritus",), "maintainers"),
    (("alumni",), "maintainers"), (("contributors",), "maintainers"),
)
_KIND_BY_NAME = {"community": "community", "team": "maintainers", "teams": "maintainers", "sig": "governance",
                 "sigs": "governance", "oversight": "steering"}
# Exact stems that are about something else: prow aliases, review routing, security contacts.
_NOT_GOVERNANCE_STEMS = frozenset({"owners_aliases", "codeowners", "security_contacts", "security_advisors",
                                   "readme", "index", "_index"})
# Words that make a file something else than governance, whatever else its name says.
_NOT_GOVERNANCE_WORDS = frozenset({
    "template", "templates", "example", "examples", "sample", "meeting", "meetings", "minutes", "agenda",
    "notes", "annual", "faq", "changelog", "history", "roadmap", "license", "licence", "trademark", "trademarks",
    "antitrust", "walkthrough", "release", "releases", "releasing", "proposal", "proposals"})
# Maintainer lists kept as data (cert-manager's maintainers.csv): read at the root or in a top folder.
_MAINTAINER_DATA = frozenset({"maintainers", "committers", "owners"})
_DATA_SUFFIXES = (".csv",)
# Contributing guides and security policies are read only under these names.
_CONTRIBUTING_STEMS = frozenset({"contributing", "contributing_guide", "contributing_guidelines", "contribute"})
_SECURITY_STEMS = frozenset({"security", "security_policy"})

# Folders that hold governance at any depth, and top-level folders where governance files live.
_BLANKET_DIRS = frozenset({"governance", "steering", "charter", "charters", "tsc", "toc", "council", "oversight",
                           "roles", "conduct", "code-of-conduct"})
_TOP_DIRS = frozenset({"docs", "doc", ".github", "community", "governance", "project", "documentation",
                       "steering", "contributing", "contributors"})
# Folders that start a documentation site: a code of conduct or a maintainer list below them is the
# project's, however deep (Documentation/process/, doc/source/dev/conduct/, content/).
_DOC_ROOTS = frozenset({"docs", "doc", "documentation", "content", "website", "site", "pages", "handbook", "wiki"})
# Folders of one body each (sig-network/, wg-policy/, committee-steering/): charters, governance,
# elections and membership rules live there.
_BODY_DIR = lazy(r"^(?:(?:sig|wg|ug|tag|committee|council|team|working-group|workgroup|subproject)[-_].+"
                 r"|sigs|sig|wgs|wg|committees|working-groups|workgroups|teams|team|people|members"
                 r"|maintainers|elections)$")
# Kinds whose files in a big monorepo appear in every folder: only trusted near the root.
_ROOT_ONLY_KINDS = frozenset({"maintainers", "contributing", "security", "code-of-conduct", "community"})
_SKIP_DIRS = frozenset({
    "test", "tests", "testdata", "fixtures", "examples", "example", "vendor", "third_party", "node_modules",
    "site-packages", "changelog", "changelogs", "benchmarks", "benchmark",
    # retired bodies, generated sites, dated records and proposals: never the project's governance
    "archive", "archived", "archives", ".archive", "_static", "_sources", "_build", "_site", "_includes",
    "_layouts", "_plugins", "_data", "_sass", "_posts", "_drafts", "public", "i18n", "l10n", "locale", "locales",
    "translations", "template", "templates", "blog", "blogs", "posts", "news", "meetings", "meeting-notes",
    "meeting-notes-archive", "minutes", "notes", "proposals", "rfcs", "rfc", "keps", "hips", "enhancements",
    "design-proposals", "designs", "adr", "adrs", "release-notes", "releases", "votes", "transparency-reports",
    "annual-reports"})
_DATED = re.compile(r"(?:^|[-_ .])(?:19|20)\d\d(?:$|[-_ .])")
_TRANSLATION = re.compile(r"_(?:zh|cn|ja|ko|fr|de|es|pt|ru|it|tr|zh_cn|zh_tw|pt_br|es_es|ja_jp)$")
_MAX_DEPTH = 6
# Path words that make an unnamed file worth reading the head of, and rank it among others.
_HINT = re.compile(r"govern|charter|conduct|maintain|committer|member|role|ladder|steer|council|committee|elect|"
                   r"vot(?:e|ing)|tsc|oversight|organi[sz]ation|team|people|communit|project|process|polic|leader|"
                   r"owner|contributor|decision|constitution|responsib|procedure|secur|internals|about", re.I)
_README = re.compile(r"^readme(\.(md|markdown|rst|txt|adoc))?$", re.I)


@lru_cache(maxsize=4096)
def _fold(stem: str) -> str:
    return re.sub(r"[-_ .]+", "_", stem.lower()).strip("_")


def _stem_and_suffix(name: str) -> tuple[str, str]:
    stem, dot, suffix = name.rpartition(".")
    return (stem, f".{suffix.lower()}") if dot and stem else (name, "")


def classify(path: str) -> str | None:
    """The kind of document a path names, or None when the name says nothing about governance.

    Used for files given on the command line and reached by links: the kinds rules read them by.
    """
    name = path.rsplit("/", 1)[-1]
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    if f".{suffix.lower()}" in _DATA_SUFFIXES and _fold(stem) in _MAINTAINER_DATA:
        return "maintainers"
    if f".{suffix.lower()}" not in DOCUMENT_SUFFIXES and suffix:
        return None
    folded = re.sub(r"[-_ .]+", "_", stem.lower()).strip("_")
    for prefix, kind in _KIND_BY_STEM:
        if folded == prefix or folded.startswith(prefix + "_") or (folded.startswith(prefix) and len(prefix) > 5):
            return kind
    if folded.endswith("_charter") or folded.endswith("_governance"):
        return "charter" if folded.endswith("charter") else "governance"
    return None


def name_kind(path: str) -> str | None:
    """The kind of document a file found by listing names: :func:`classify` first, so every file it
    named keeps its kind, then the words of the name; None for names that are about something else."""
    return _name_kind(path.rsplit("/", 1)[-1])


@lru_cache(maxsize=8192)  # a monorepo repeats README.md, OWNERS and CHANGELOG.md in every folder
def _name_kind(name: str) -> str | None:
    stem, suffix = _stem_and_suffix(name)
    if suffix not in DOCUMENT_SUFFIXES:
        return None
    folded = _fold(stem)
    words = folded.split("_")
    if folded in _NOT_GOVERNANCE_STEMS or _NOT_GOVERNANCE_WORDS.intersection(words) or _TRANSLATION.search(folded):
        return None
    kind = classify(name)
    if kind == "contributing" and folded not in _CONTRIBUTING_STEMS:
        return None
    if kind == "security" and folded not in _SECURITY_STEMS:
        return None
    if kind is not None:
        return kind
    if folded in _KIND_BY_NAME:
        return _KIND_BY_NAME[folded]
    for rule, rule_kind in _KIND_BY_WORDS:
        width = len(rule)
        if any(tuple(words[i:i + width]) == rule for i in range(len(words) - width + 1)):
            return rule_kind
    if len(words) > 1 and words[-1] == "maintainer":  # "project-maintainer": a role's description
        return "ladder"
    return None


@lru_cache(maxsize=4096)
def _skipped_folder(folder: str) -> bool:
    return folder in _SKIP_DIRS or "template" in folder or _DATED.search(folder) is not None


def _skipped(folders: Sequence[str], stem: str) -> bool:
    """Folders and names that never hold the project's governance: see _SKIP_DIRS; dated records
    (elections/2023/, 2024-02-07.md); templates (ISSUE_TEMPLATE/, sig-TEMPLATE/, charter-template.md)."""
    return (any(_skipped_folder(f) for f in folders) or _DATED.search(stem) is not None
            or "template" in stem.lower())


def candidate_kind(path: str) -> str | None:
    """The kind of a file found by listing a source, when its name and place make it a candidate."""
    parts = path.split("/")
    stem, suffix = _stem_and_suffix(parts[-1])
    if suffix in _DATA_SUFFIXES and _fold(stem) in _MAINTAINER_DATA:
        folders = [p.lower() for p in parts[:-1]]
        return "maintainers" if not folders or (len(folders) == 1 and folders[0] in _TOP_DIRS) else None
    if suffix not in DOCUMENT_SUFFIXES or len(parts) > _MAX_DEPTH:
        return None
    folders = [p.lower() for p in parts[:-1]]
    if _skipped(folders, stem):
        return None
    kind = name_kind(path)
    blanket = any(f in _BLANKET_DIRS for f in folders)
    folded = _fold(stem)
    if kind is None:
        # A README or index in a governance folder may be the governance or a table of contents:
        # its title decides (probe_candidates).
        if blanket and suffix in _BLANKET_SUFFIXES and not _README.match(parts[-1]) \
                and folded not in _NOT_GOVERNANCE_STEMS and not _NOT_GOVERNANCE_WORDS.intersection(folded.split("_")):
            return _blanket_kind(folders)
        return None
    if not folders or blanket:
        return kind
    if parts[-1] == "OWNERS":
        return None  # a prow OWNERS file below the root routes reviews of its folder (.github/OWNERS, pkg/OWNERS)
    doc_root = folders[0] in _DOC_ROOTS
    if kind in _ROOT_ONLY_KINDS:
        if kind == "community" and folders != [".github"]:
            return None  # COMMUNITY.md beside the README; docs/community.md is a "join us" page
        if len(folders) == 1 and folders[0] in _TOP_DIRS:
            return kind
        if kind in ("code-of-conduct", "security") and doc_root:
            return kind
        if kind == "maintainers" and (doc_root or len(folders) == 1) and not (doc_root and "contributors" in folded):
            return kind  # contributors/maintainers.md, docs/internals/committers.txt; not docs/new-contributors.md
        return None
    if kind in ("governance", "charter", "steering") and suffix != ".txt":
        return kind  # <project>/GOVERNANCE.md, sig-network/charter.md, toc/TSC.md; not data/x-governance.txt
    if folders[0] in _TOP_DIRS or doc_root or any(_BODY_DIR.match(f) for f in folders):
        return kind
    return None


def _blanket_kind(folders: Sequence[str]) -> str:
    for folder in reversed(folders):
        if folder == "roles":
            return "ladder"
        if folder in ("conduct", "code-of-conduct"):
            return "code-of-conduct"
        if folder in _BLANKET_DIRS:
            return "governance"
    return "governance"


def probe_candidates(files: Iterable[str], *, limit: int = PROBE_FILES,
                     candidates: Collection[str] | None = None) -> list[str]:
    """The files whose head discovery reads, best first: text documents that neither name nor place
    made candidates, at the root, in a documentation or governance folder, or in a folder of one
    body (sig-*/, committee-*/), ranked by the governance words in their path, shallowest first.
    ``candidates``: the files :func:`candidate_kind` already took, when the caller has them."""
    ranked: list[tuple[int, int, str]] = []
    for path in files:
        parts = path.split("/")
        stem, suffix = _stem_and_suffix(parts[-1])
        if suffix not in PROBE_SUFFIXES or len(parts) > 4:
            continue
        folders = [p.lower() for p in parts[:-1]]
        if _skipped(folders, stem):
            continue
        taken = path in candidates if candidates is not None else candidate_kind(path) is not None
        if taken:
            continue
        body = any(_BODY_DIR.match(f) for f in folders)
        blanket = any(f in _BLANKET_DIRS for f in folders)
        if _README.match(parts[-1]):
            if blanket:  # governance/README.md: the governance, or its index
                ranked.append((-6, len(folders), path))
            continue
        folded = _fold(stem)
        if folded in _NOT_GOVERNANCE_STEMS or _NOT_GOVERNANCE_WORDS.intersection(folded.split("_")) \
                or _TRANSLATION.search(folded):
            continue
        top = bool(folders) and (folders[0] in _TOP_DIRS or folders[0] in _DOC_ROOTS)
        folder_hints = sum(1 for f in folders if _HINT.search(f))
        if folders and not (body or folder_hints or (top and _HINT.search(stem))):
            continue
        score = 4 * bool(_HINT.search(stem)) + 2 * folder_hints + 2 * body + (3 if not folders else 0)
        ranked.append((-score, len(folders), path))
    ranked.sort()
    return [path for _score, _depth, path in ranked[:limit]]


# What a title or a top-level heading must say for each kind, in the order kinds are tried.
_TITLE_KINDS: tuple[tuple[str, LazyPattern], ...] = tuple((kind, lazy(pattern)) for kind, pattern in (
    ("governance", r"\bgovern(?:ance|ing)\b|\bdecision[- ]making\b|\borgani[sz]ation of\b|\bbylaws\b"),
    ("charter", r"\bcharter\b|\bconstitution\b"),
    ("steering", r"\bsteering (?:committee|council|group)\b|\boversight (?:committee|board)\b"
                 r"|\btechnical (?:advisory|oversight|steering) (?:council|committee|board)\b|\btsc\b|\bcore team\b"),
    ("elections", r"\belections?\b"),
    ("ladder", r"\bladder\b|\broles\b|\bmembership\b|\bresponsibilities\b"
               r"|\bbecoming an? (?:maintainer|committer|reviewer|approver|member)\b"),
    ("maintainers", r"\bmaintainers\b|\bcommitters\b|\b(?:team|project|core) members\b|\bemeritus\b|\bteam leads\b"),
    ("code-of-conduct", r"\bcode of conduct\b|\bcontributor covenant\b"),
    ("security", r"\bsecurity (?:policy|policies|bugs|issues|vulnerabilit)"),
    ("contributing", r"^contributing\b|\bcontributing (?:guide|guidelines)\b|\bhow to contribute\b"),
))
_NOT_A_TITLE = re.compile(r"\btemplate\b|\bminutes\b|\bmeeting\b|\bagenda\b|\bproposal\b|\bannual report\b")
# Kinds only a title names: many a page has a "Code of Conduct", "Security" or "Contributing" section
# that points elsewhere.
_TITLE_ONLY_KINDS = frozenset({"code-of-conduct", "security", "contributing"})


def _normal(text: str | None) -> str:
    text = " ".join((text or "").lower().replace("’", "'").split())
    return "" if _NOT_A_TITLE.search(text) else text


def kind_from_titles(title: str | None, headings: Sequence[str], *, title_only: bool = False) -> str | None:
    """The kind a document's title (front matter, or its first top-level heading) and its
    top-level headings say it is; None when they say nothing about governance."""
    title = _normal(title)
    sections = [] if title_only else [t for t in map(_normal, headings) if t]
    for kind, pattern in _TITLE_KINDS:
        if (title and pattern.search(title)) or (kind not in _TITLE_ONLY_KINDS
                                                  and any(pattern.search(t) for t in sections)):
            return kind
    return None


def likely_candidates(files: Iterable[str], *, limit: int = 3) -> list[str]:
    """Files whose paths look most like governance, for the advice when nothing was found."""
    ranked: list[tuple[int, int, str]] = []
    for path in files:
        parts = path.split("/")
        stem, suffix = _stem_and_suffix(parts[-1])
        if suffix not in PROBE_SUFFIXES or _skipped([p.lower() for p in parts[:-1]], stem):
            continue
        hits = len(_HINT.findall(path))
        if hits:
            ranked.append((-hits, len(parts), path))
    ranked.sort()
    return [path for _hits, _depth, path in ranked[:limit]]
