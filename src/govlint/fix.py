"""govlint fix: what to add for the failing rules, as a unified diff; ``write()`` applies it.

Two kinds of fix, as ruff has them. A safe fix changes no policy: it links the project's code of
conduct, or puts the project's name where the project left a PROJECTNAME placeholder; ``--write``
applies it. A proposal creates policy (who may remove a maintainer, by what vote): it is shown for
review with the maintainers and written only with ``--write --unsafe``. Proposals are written from
templates (fix_text.py) in the project's own terms, into the section that already covers the topic
or a new one before the end matter (fix_place.py); decisions stay placeholders, and the engine
keeps a rule partial until they are filled in. The plan is checked by linting the checkout with
the changes applied.
"""
from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from govlint.config import Config
from govlint.errors import GovlintError, InputError
from govlint.files import write_into
from govlint.report import FAIL, PARTIAL, PASS, Report
from govlint.rules.model import RuleMeta
from govlint.sources.local import LocalSource

if TYPE_CHECKING:
    from govlint.document import Document
    from govlint.fix_place import Place

SAFE, UNSAFE = "safe", "unsafe"

# Which kind of fix each rule has (ruff's fix availability): safe fixes change no policy and --write
# applies them; the others are proposals, written only with --write --unsafe. A rule not listed
# here (another pack's, a plugin's) gets its example text as a proposal.
FIX_KIND: dict[str, str] = {
    "code-of-conduct": SAFE,  # a link to the project's code of conduct (creating one is a proposal)
    "template-residue": SAFE,  # the project's name where it left PROJECTNAME; the rest it must decide
    "governance-doc": UNSAFE, "maintainer-list": UNSAFE, "roles-defined": UNSAFE, "leadership-defined": UNSAFE,
    "decision-making": UNSAFE, "vendor-neutrality": UNSAFE, "removal-process": UNSAFE, "inactivity-policy": UNSAFE,
    "vote-of-no-confidence": UNSAFE, "removal-threshold": UNSAFE, "restorative-step": UNSAFE,
    "removal-procedure": UNSAFE, "recusal": UNSAFE, "leader-coverage": UNSAFE, "conflict-resolution": UNSAFE,
    "escalation-path": UNSAFE, "coc-reporting": UNSAFE, "leadership-principles": UNSAFE,
}

REVIEW_HEADER = (
    "# govlint fix: policy proposals. Review them with your maintainers before applying them:\n"
    "# they create policy, so --write leaves them out and --write --unsafe writes them. Each `<...>`\n"
    "# is a decision to take; the rule it serves stays partial until it is filled in.\n")

_GOVERNANCE, _LADDER, _MAINTAINERS, _CONDUCT = "governance", "ladder", "maintainers", "code-of-conduct"
# Where a new document of each kind is created, and its title.
_NEW_FILE = {_GOVERNANCE: ("GOVERNANCE.md", "Governance"), _LADDER: ("CONTRIBUTOR_LADDER.md", "Contributor Ladder"),
             _MAINTAINERS: ("MAINTAINERS.md", "Maintainers"), _CONDUCT: ("CODE_OF_CONDUCT.md", "Code of Conduct")}
_KINDS = {_GOVERNANCE: ("governance", "charter", "steering"), _LADDER: ("ladder",), _MAINTAINERS: ("maintainers",),
          _CONDUCT: ("code-of-conduct",)}
_MARKDOWN = (".md", ".markdown", ".mdown", ".mkd")


@dataclass(frozen=True)
class Recipe:
    """A section that answers some rules: its heading, the document it goes to, the topic of an
    existing section it joins instead (fix_place.TOPICS), and the rules in order."""

    heading: str
    destination: str
    rules: tuple[str, ...]
    topic: str | None = None


RECIPES: tuple[Recipe, ...] = (
    Recipe("About this document", _GOVERNANCE, ("governance-doc",), "title"),
    Recipe("Leadership", _GOVERNANCE, ("leadership-defined",), "leadership"),
    Recipe("Decision making", _GOVERNANCE, ("decision-making",), "decisions"),
    Recipe("Code of Conduct", _GOVERNANCE, ("code-of-conduct",), "conduct"),
    Recipe("Vendor neutrality", _GOVERNANCE, ("vendor-neutrality",), "neutrality"),
    Recipe("Roles", _LADDER, ("roles-defined",), "roles"),
    Recipe("Inactivity", _LADDER, ("inactivity-policy",), "inactivity"),
    Recipe("Involuntary removal and vote of no confidence", _GOVERNANCE,
           ("removal-process", "restorative-step", "vote-of-no-confidence", "removal-procedure", "removal-threshold",
            "recusal", "leader-coverage"), "removal"),
    Recipe("Conflict resolution and escalation", _GOVERNANCE, ("conflict-resolution", "escalation-path"), "conflict"),
    Recipe("Technical Leadership Principles", _GOVERNANCE, ("leadership-principles",), "principles"),
    Recipe("Reporting Code of Conduct violations", _CONDUCT, ("coc-reporting",), "reporting"),
    Recipe("Maintainers", _MAINTAINERS, ("maintainer-list",), "maintainers"),
)


def fix_kind(rule_name: str) -> str:
    return FIX_KIND.get(rule_name, UNSAFE)


@dataclass(frozen=True)
class Names:
    """The project's own names, where its documents give them."""

    project: str | None = None
    body: str | None = None  # its leadership body, e.g. "Steering Committee"
    conduct_email: str | None = None
    maintainers: tuple[str, ...] = ()  # names listed in a maintainers file that is not Markdown


# --- changes to files ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Edit:
    """Text put at (line, column) of a document, replacing up to ``end`` on that line (an insertion
    when ``end == column``); newlines as "\n". ``order`` keeps edits at one place in plan order."""

    line: int  # 0-based
    column: int
    end: int
    text: str
    order: int = 0


def apply_edits(text: str, edits: Sequence[Edit], newline: str = "\n") -> str:
    """The text with the edits made, each written with ``newline``; the text's own line endings kept."""
    parts = re.split(r"(\r\n|\r|\n)", text)
    contents, breaks = parts[0::2], parts[1::2]
    for edit in sorted(edits, key=lambda e: (e.line, e.column, e.order), reverse=True):
        line = contents[edit.line]
        contents[edit.line] = line[:edit.column] + edit.text.replace("\n", newline) + line[edit.end:]
    return "".join(c + b for c, b in zip_longest(contents, breaks, fillvalue=""))


@dataclass(frozen=True)
class FileChange:
    path: str  # relative to the checkout, POSIX
    before: str | None  # None for a new file; newlines as "\n" whatever the file uses
    after: str  # the text once changed, newlines as "\n"
    rules: tuple[str, ...]  # codes of the rules it addresses
    original: bytes | None = None  # the file's bytes on disk as planned (None: a new file)
    encoding: str = "utf-8"  # the file's encoding (a byte-order mark is kept as it is)
    newline: str = "\n"  # the file's line ending, used for what is added
    shown_before: str = ""  # ``before`` with the file's own line endings, for the diff
    written: str = ""  # ``after`` with the file's own line endings: what is written

    def data(self) -> bytes:
        """The file's new bytes: its byte-order mark and untouched text as they were."""
        bom = b""
        if self.original is not None:
            bom = next((mark for mark, _enc in _BOMS if self.original.startswith(mark)), b"")
        return bom + (self.written or self.after).encode(self.encoding)

    def diff(self) -> str:
        old = _lines(self.shown_before) if self.before is not None else []
        new = _lines(self.written or self.after)
        lines = difflib.unified_diff(old, new, fromfile="/dev/null" if self.before is None else f"a/{self.path}",
                                     tofile=f"b/{self.path}")
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _lines(text: str) -> list[str]:
    """Lines split at "\n" only, as diff and git see them (a CR-only file is one line)."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


@dataclass(frozen=True)
class DocumentText:
    """A document's text as fix reads it: newlines made "\n", and how to write more of it."""

    text: str
    as_is: str  # decoded, line endings as in the file
    encoding: str
    newline: str


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def read_document(raw: bytes, path: str) -> DocumentText:
    """Decode UTF-8 or UTF-16 (by its byte-order mark); anything else is an InputError naming the file."""
    encoding, start = next(((enc, len(bom)) for bom, enc in _BOMS if raw.startswith(bom)), ("utf-8", 0))
    try:
        as_is = raw[start:].decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"not {'UTF-16' if encoding.startswith('utf-16') else 'UTF-8'} text; govlint fix "
                         "leaves it alone", path=path) from None
    newline = "\r\n" if "\r\n" in as_is else "\r" if "\r" in as_is else "\n"
    return DocumentText(text=as_is.replace("\r\n", "\n").replace("\r", "\n"), as_is=as_is, encoding=encoding,
                        newline=newline)


@dataclass(frozen=True)
class ToFill:
    """A placeholder a proposal leaves for the maintainers, where it is once written."""

    rule: str
    placeholder: str
    path: str
    line: int


@dataclass(frozen=True)
class FixPlan:
    root: Path
    changes: tuple[FileChange, ...]  # the safe fixes: what --write writes
    before: Report
    after: Report | None  # the checkout linted with the safe fixes applied
    unfixable: tuple[tuple[str, str], ...] = ()  # (rule code, why)
    proposals: tuple[FileChange, ...] = ()  # the policy proposals, on top of the safe fixes
    combined: tuple[FileChange, ...] = ()  # both, from the checkout as it is: what --write --unsafe writes
    after_all: Report | None = None  # the checkout linted with both applied
    to_fill: tuple[ToFill, ...] = ()  # the placeholders the proposals leave, once written

    def diff(self, *, proposals: bool = True) -> str:
        """The safe fixes as a unified diff, then the proposals under a header asking for a review."""
        out = "".join(change.diff() for change in self.changes)
        if proposals and self.proposals:
            out += REVIEW_HEADER + "".join(change.diff() for change in self.proposals)
        return out

    @property
    def addressed(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(code for change in (*self.changes, *self.proposals) for code in change.rules))

    @property
    def safe(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(code for change in self.changes for code in change.rules))

    @property
    def proposed(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(code for change in self.proposals for code in change.rules))

    @property
    def fixed(self) -> tuple[str, ...]:
        """Rules the changes address that pass once they are all applied."""
        final = self.after_all or self.after
        return tuple(c for c in self.addressed if final and (r := final.result(c)) and r.status == PASS)

    @property
    def awaiting(self) -> dict[str, tuple[ToFill, ...]]:
        """Rules the proposals address that stay partial until their placeholders are filled in."""
        out: dict[str, tuple[ToFill, ...]] = {}
        for item in self.to_fill:
            out[item.rule] = (*out.get(item.rule, ()), item)
        return {code: items for code, items in out.items() if code not in self.fixed}

    @property
    def not_fixed(self) -> tuple[str, ...]:
        """Rules the changes address that do not pass once applied, for another reason than a
        placeholder to fill in: the added text does not satisfy them."""
        explained = {code for code, _why in self.unfixable}
        return tuple(c for c in self.addressed if c not in self.fixed and c not in self.awaiting and c not in explained)

    @property
    def broken(self) -> tuple[str, ...]:
        """Rules that passed before and do not once the changes are applied."""
        final = self.after_all or self.after
        if final is None:
            return ()
        return tuple(r.code for r in self.before.results
                     if r.status == PASS and (a := final.result(r.code)) and a.status != PASS)

    def write(self, *, unsafe: bool = False) -> list[str]:
        """Apply the safe fixes (and the proposals with ``unsafe``), every file or none; returns the
        paths written.

        Every file is checked before the first is written (unchanged since the plan, writable,
        inside the checkout); when a write still fails, the files already written get their old
        bytes back and the files already created are removed.
        """
        changes = self.combined if unsafe else self.changes
        for change in changes:
            _check_writable(self.root, change)
        done: list[FileChange] = []
        try:
            for change in changes:
                write_into(self.root / change.path, change.data())
                done.append(change)
        except GovlintError:
            for change in reversed(done):
                _undo(self.root, change)
            raise
        return [change.path for change in changes]


def _check_writable(root: Path, change: FileChange) -> None:
    target = root / change.path
    if change.original is None:
        if os.path.lexists(target):
            raise GovlintError("created since the fix was planned; run govlint fix again", path=change.path)
        return
    try:
        real = target.resolve(strict=True)
        info = real.stat()
        current = real.read_bytes()
    except (OSError, RuntimeError):
        raise GovlintError("changed since the fix was planned; run govlint fix again", path=change.path) from None
    if current != change.original:
        raise GovlintError("changed since the fix was planned; run govlint fix again", path=change.path)
    top = root.resolve()
    if top not in real.parents:
        raise GovlintError("now leads outside the checkout; run govlint fix again", path=change.path)
    # Root may write anywhere: a file nobody may write is read-only on purpose.
    if not info.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise GovlintError("is read-only; govlint fix does not change it (make it writable, or apply the diff "
                           "by hand)", path=change.path)


def _undo(root: Path, change: FileChange) -> None:
    """Best effort: the file as it was before this write."""
    target = root / change.path
    try:
        if change.original is None:
            target.unlink()
        else:
            write_into(target, change.original)
    except (OSError, GovlintError):
        pass


def plan_fixes(path: str | os.PathLike[str] = ".", *, config: Config | None = None, level: str | None = None,
               profile: str | None = None, select_rules: Sequence[str] = (), ignore_rules: Sequence[str] = (),
               rule_packs: Sequence[str] = ()) -> FixPlan:
    """What to add to a checkout so its failing rules pass, checked by linting the result."""
    from govlint.api import lint
    from govlint.rules.registry import load_rules

    root = Path(path)
    if not root.is_dir():
        raise InputError("govlint fix works on a checkout (a directory)" if root.exists()
                         else "no such file or directory", path=str(path))
    extra = [*(config.rule_packs if config else ()), *rule_packs]
    rules = load_rules(extra_packs=extra)
    metas = {r.meta.code: r.meta for r in rules}
    common = dict(config=config, level=level, profile=profile, select_rules=select_rules,
                  ignore_rules=ignore_rules, rules=rules)
    label = str(path)
    before = lint(LocalSource(root, label=label), **common)
    builder = _Builder(root, before, metas)
    safe, proposals, combined = builder.build()
    after = lint(_Patched(root, {c.path: c.after for c in safe}, label=label), **common) if safe else None
    after_all = lint(_Patched(root, {c.path: c.after for c in combined}, label=label), **common) \
        if proposals else after
    return FixPlan(root=root, changes=safe, before=before, after=after, unfixable=tuple(builder.unfixable),
                   proposals=proposals, combined=combined, after_all=after_all, to_fill=_to_fill(combined))


def _to_fill(changes: Sequence[FileChange]) -> tuple[ToFill, ...]:
    """The placeholders the proposals leave, read back from the changed documents as the engine reads them."""
    from govlint.discover import parse_document
    from govlint.engine import unfilled_proposals
    from govlint.rules.model import DocumentSet

    docs = [parse_document(c.after, path=c.path, kind="governance", origin="discovered") for c in changes
            if c.path.lower().endswith(_MARKDOWN)]
    found = unfilled_proposals(DocumentSet(docs))
    return tuple(ToFill(rule=u.rule, placeholder=u.placeholder, path=u.path, line=u.line)
                 for items in found.values() for u in items)


# --- the project's names ------------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NOT_THE_PROJECTS = re.compile(r"cncf\.io$|example\.(?:com|org|net|io)$|noreply|^example@", re.I)
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)
_PERSON = re.compile(r"^\s*[-*]?\s*([A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3})\s*(?:[<(@].*)?$")


def project_names(root: Path, report: Report) -> Names:
    """The project's name, leadership body, conduct address and listed maintainers, from its files."""
    from govlint.rules.builtin.leader_coverage import BODIES

    texts = {d.path: _read(root / d.path) for d in report.documents}
    texts = {p: t for p, t in texts.items() if t is not None}
    everything = "\n".join(texts.values())
    counts = {name: len(pattern.findall(everything)) for name, pattern in BODIES.items() if name != "Maintainers"}
    body = max((n for n, c in counts.items() if c >= 2), key=lambda n: counts[n], default=None)
    email = None
    for text in texts.values():
        for line in text.splitlines():
            if re.search(r"conduct|report|incident", line, re.I):
                email = next((m for m in _EMAIL.findall(line) if not _NOT_THE_PROJECTS.search(m)), None)
                if email:
                    break
        if email:
            break
    maintainers: list[str] = []
    for doc in report.documents:
        if doc.kind == "maintainers" and not doc.path.lower().endswith(_MARKDOWN) and doc.path in texts:
            maintainers += [m.group(1) for line in texts[doc.path].splitlines() if (m := _PERSON.match(line))]
    return Names(project=_project_name(root, texts), body=body, conduct_email=email,
                 maintainers=tuple(dict.fromkeys(maintainers)))


def _project_name(root: Path, texts: dict[str, str]) -> str | None:
    for name in ("README.md", "readme.md", "README.markdown"):
        text = _read(root / name)
        if text and (match := _H1.search(text)):
            title = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", match.group(1)).strip()
            if 0 < len(title) <= 40 and "governance" not in title.lower():
                return title
    for path, text in texts.items():
        match = _H1.search(text)
        if match and re.search(r"\bgovernance\b", match.group(1), re.I):
            title = re.sub(r"\s*\bgovernance\b\s*", " ", match.group(1), flags=re.I).strip(" :-")
            if 0 < len(title) <= 40 and title.lower() not in ("project", "the project"):
                return title
    return None


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


# --- text from another pack's examples ----------------------------------------------------------

_PLACEHOLDER_ROW = re.compile(r"jane\s+doe|@janedoe|example\s+corp", re.I)
_EXAMPLE_EMAIL = re.compile(r"[\w.+-]+@example\.(?:io|com|org|net)\b", re.I)
_LEFTOVER = re.compile(r"@example\.|\bexample\.(?:io|com|org|net)\b", re.I)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def localise(text: str, names: Names, *, body: str | None = None) -> str:
    """An example's text with the project's names in place of the example's, and placeholders dropped."""
    from govlint.fix_text import wrap

    body = body or names.body
    out = []
    for paragraph in text.split("\n\n"):
        lines = [line for line in paragraph.splitlines() if line.strip() and not _PLACEHOLDER_ROW.search(line)]
        if not lines:
            continue
        table = lines[0].lstrip().startswith("|")
        chunk = "\n".join(lines) if table else " ".join(line.strip() for line in lines)
        if names.project:
            chunk = re.sub(r"\bthe Example project\b", f"the {names.project} project", chunk)
            chunk = re.sub(r"\bExample project\b", f"{names.project} project", chunk)
        if body and body != "Steering Committee":
            chunk = for_body(chunk, body)
        if names.conduct_email:
            chunk = _EXAMPLE_EMAIL.sub(names.conduct_email, chunk)
        if not table:
            chunk = wrap(" ".join(s for s in _SENTENCE_BREAK.split(chunk) if not _LEFTOVER.search(s)))
        if chunk:
            out.append(chunk)
    return "\n\n".join(out)


def for_body(text: str, body: str) -> str:
    """The example's "Steering Committee" replaced by another body; "Maintainers" reads as people."""
    if body.lower() in ("maintainers", "committers"):
        person = body.lower()[:-1]
        for old, new in (("A Steering Committee member", f"A {person}"), ("Steering Committee members", f"{person}s"),
                         ("Steering Committee member", person), ("the committee's fixed size", f"all {person}s"),
                         ("the Steering Committee", f"the {person}s"), ("Steering Committee", f"{person}s")):
            text = text.replace(old, new)
        return text
    return re.sub(r"\bSteering Committee\b", body, text)


def _example_body(meta: RuleMeta) -> str:
    """The example without its own headings: the recipe gives the section its heading."""
    lines = [line for line in meta.example.splitlines() if not line.lstrip().startswith("#")]
    return "\n".join(lines).strip()


# --- building the changes -----------------------------------------------------------------------


@dataclass
class _Proposal:
    """Text for some rules, bound for one document: into a section, a new section, or a new file."""

    destination: str  # a path in the checkout
    heading: str
    text: str
    rules: tuple[str, ...]
    kind: str  # SAFE or UNSAFE
    place: Place | None = None  # where it goes in an existing document; None in a new one
    edits: tuple[Edit, ...] = ()  # replacements in place (a placeholder the project left)


@dataclass
class _Target:
    path: str
    before: DocumentText | None
    original: bytes | None = None
    title: str = ""
    parsed: Document | None = None  # an existing Markdown file, parsed from what is written to
    proposals: list[_Proposal] = field(default_factory=list)


class _Builder:
    def __init__(self, root: Path, report: Report, metas: dict[str, RuleMeta]) -> None:
        from govlint.engine import unfilled_proposals
        from govlint.fix_text import find_terms

        self.root, self.report, self.metas = root, report, metas
        self.docs = _parsed(root, report)
        self.names = project_names(root, report)
        conduct = next((d.path for d in report.documents if d.kind == _CONDUCT), None)
        self.terms = find_terms(self.docs, project=self.names.project, conduct_email=self.names.conduct_email,
                                conduct_document=conduct)
        self.pending = unfilled_proposals(self.docs)
        self.targets: dict[str, _Target] = {}
        self.unfixable: list[tuple[str, str]] = []
        self.order = 0

    # -- what to propose

    def build(self) -> tuple[tuple[FileChange, ...], tuple[FileChange, ...], tuple[FileChange, ...]]:
        failing = [r for r in self.report.results if r.status in (FAIL, PARTIAL)]
        failing = [r for r in failing if not self._awaiting(r)]
        by_name = {r.name: r for r in failing}
        placed: set[str] = set()
        if "template-residue" in by_name:
            self._residue(by_name["template-residue"])
            placed.add("template-residue")
        special = {"code-of-conduct": self._conduct, "maintainer-list": self._maintainers}
        for recipe in RECIPES:
            wanted = [by_name[n] for n in recipe.rules if n in by_name and n not in placed]
            if len(wanted) == 1 and wanted[0].name in special:
                special[wanted[0].name](wanted[0])
            elif wanted:
                self._recipe(recipe, wanted)
            placed.update(r.name for r in wanted)
        for result in failing:  # rules from other packs and plugins: their example under their title
            if result.name not in placed:
                self._recipe(Recipe(result.title, _GOVERNANCE, (result.name,)), [result])
        return self._changes()

    def _awaiting(self, result) -> bool:
        """A rule whose earlier proposal still waits for its placeholders: nothing more to add."""
        left = [u for key, items in self.pending.items() if key in (result.code, result.name) for u in items]
        if left:
            names = ", ".join(dict.fromkeys(f"`{u.placeholder}`" for u in left))
            self.unfixable.append((result.code, f"fill in {names} in {left[0].path}:{left[0].line}, the proposal "
                                                f"govlint fix added"))
        return bool(left)

    def _recipe(self, recipe: Recipe, results) -> None:
        from govlint.fix_text import template, uncovered_bodies

        names = [r.name for r in results]
        parts: list[tuple[str, str]] = []  # (rule code, its text)
        served_by: dict[str, str] = {}  # a rule whose text is another rule's sentence -> that rule
        for result in results:
            if result.name == "leader-coverage" and "vote-of-no-confidence" in names:
                # The vote of no confidence names a member of every body as the one it removes.
                served_by[result.code] = next(r.code for r in results if r.name == "vote-of-no-confidence")
                continue
            uncovered = uncovered_bodies(result.message, self.terms) if result.name == "leader-coverage" else ()
            text = template(result.name, self.terms, uncovered=uncovered)
            if text is None:
                meta = self.metas.get(result.code)
                if meta is None or not meta.example.strip():
                    self.unfixable.append((result.code, "the rule has no example text to add"))
                    continue
                text = localise(_example_body(meta), self.names, body=self._body_for_examples())
            if text:
                parts.append((result.code, text))
        if not parts:
            return
        codes = tuple(r.code for r in results if r.code in dict(parts) or r.code in served_by)
        # A missing ladder is created for the roles, a missing code of conduct only to adopt one
        # (code-of-conduct); other rules join the governance document.
        create = recipe.destination not in (_LADDER, _CONDUCT) or "roles-defined" in names
        self._propose(recipe.destination, recipe, _with_marker(parts, served_by=served_by), codes,
                      fix_kind(results[0].name), create=create)

    def _body_for_examples(self) -> str:
        return "Maintainers" if self.terms.led_by_people else self.terms.lead

    def _conduct(self, result) -> None:
        """A link to the project's code of conduct (safe); without one, adopting one is a proposal."""
        from dataclasses import replace

        from govlint.fix_text import CNCF_CODE_OF_CONDUCT, conduct_link

        recipe = next(r for r in RECIPES if "code-of-conduct" in r.rules)
        if self.terms.conduct_document:
            path = self._existing(_GOVERNANCE) or self._markdown_readme()
            link = conduct_link(self.terms, from_path=path or _NEW_FILE[_GOVERNANCE][0])
            self._propose(path or _GOVERNANCE, recipe, link, (result.code,), SAFE if path else UNSAFE)
            return
        created = _NEW_FILE[_CONDUCT][0]
        project = self.terms.project or "This project"
        self._propose(_CONDUCT, Recipe("Code of Conduct", _CONDUCT, ()),
                      f"{project} follows the [CNCF Code of Conduct]({CNCF_CODE_OF_CONDUCT}).", (), UNSAFE)
        from_path = self._existing(_GOVERNANCE) or _NEW_FILE[_GOVERNANCE][0]
        link = conduct_link(replace(self.terms, conduct_document=created), from_path=from_path)
        self._propose(_GOVERNANCE, recipe, link, (result.code,), UNSAFE)

    def _markdown_readme(self) -> str | None:
        return next((d.path for d in self.report.documents if d.kind == "readme"
                     and d.path.lower().endswith(_MARKDOWN) and "/" not in d.path), None)

    def _residue(self, result) -> None:
        """The project's name where the project left a placeholder for it (safe); the other
        placeholders are decisions only the maintainers can take. Template instructions in HTML
        comments ("Replace [TODO: PROJECTNAME] with ...") are left as they are."""
        from govlint.rules.matching import PLACEHOLDER

        project = self.terms.project
        filled, others = 0, False
        for doc in self.docs if project else ():
            target = self._target_for(doc.path) if doc.path.lower().endswith(_MARKDOWN) else None
            if target is None or target.before is None:
                continue
            text = target.before.text
            comments = [m.span() for m in re.finditer(r"<!--.*?(?:-->|$)", text, re.S)]
            edits = []
            for match in _NAME_PLACEHOLDER.finditer(text):
                if any(start <= match.start() < end for start, end in comments):
                    continue
                line = text.count("\n", 0, match.start())
                column = match.start() - (text.rfind("\n", 0, match.start()) + 1)
                self.order += 1
                edits.append(Edit(line=line, column=column, end=column + len(match.group(0)), text=project,
                                  order=self.order))
            others = others or bool(PLACEHOLDER.search(_NAME_PLACEHOLDER.sub(project, text)))
            if edits:
                filled += len(edits)
                target.proposals.append(_Proposal(destination=doc.path, heading="", text="", rules=(result.code,),
                                                  kind=SAFE, edits=tuple(edits)))
        if not filled:
            self.unfixable.append((result.code, "replace the placeholders in the existing text with the project's "
                                                "decisions; govlint fix fills in only the project's name"))
        elif others:
            self.unfixable.append((result.code, "the other placeholders are decisions for your maintainers; govlint "
                                                "fix fills in only the project's name"))

    def _maintainers(self, result) -> None:
        """A maintainers table, never added to a file that already lists people."""
        from govlint.fix_place import lists_people
        from govlint.fix_text import maintainer_table

        existing = self._existing(_MAINTAINERS)
        listing = next((doc for doc in self.docs if doc.path == existing and lists_people(doc)), None)
        if listing is not None:
            missing = result.message.split("missing: ", 1)[1] if "missing: " in result.message else "what is missing"
            self.unfixable.append((result.code, f"{listing.path} lists people already: add {missing} to each entry "
                                                f"there (govlint fix adds no second list)"))
            return
        recipe = next(r for r in RECIPES if "maintainer-list" in r.rules)
        table = maintainer_table(self.names.maintainers)
        self._propose(_MAINTAINERS, recipe, _with_marker([(result.code, table)]), (result.code,),
                      fix_kind(result.name))

    # -- where it goes

    def _propose(self, destination: str, recipe: Recipe, text: str, rules: tuple[str, ...], kind: str, *,
                 create: bool = True) -> None:
        """Into the section that covers the recipe's topic, else a new section in the destination
        document, else a new document (or, when ``create`` is false, the governance document)."""
        from govlint.fix_place import into_section, new_section

        found = self._matching(recipe, destination)
        if found is not None:
            target, section = found
            place = into_section(target.parsed, target.before.text.split("\n"), section)
        else:
            if not create and destination in _NEW_FILE and not self._existing(destination) \
                    and _NEW_FILE[destination][0] not in self.targets:
                destination = _GOVERNANCE
            target = self._target(destination)
            place = new_section(target.parsed, target.before.text.split("\n")) if target.before is not None else None
        target.proposals.append(_Proposal(destination=target.path, heading=recipe.heading, text=text, rules=rules,
                                          kind=kind, place=place))

    def _matching(self, recipe: Recipe, destination: str):
        """(target, section) of the existing section that covers the recipe's topic: in the
        destination document first, then (for governance text) in the project's other governance
        documents and its ladder."""
        from govlint.fix_place import matching_section, title_section

        if recipe.topic is None:
            return None
        own = destination if "/" in destination or destination.lower().endswith(_MARKDOWN) \
            else self._existing(destination)
        paths = [own] if own else []
        if recipe.topic != "title" and destination != _MAINTAINERS:
            paths += [d.path for d in self.docs if d.path != own and d.path.lower().endswith(_MARKDOWN)
                      and d.kind in (*_KINDS[_GOVERNANCE], "ladder", *_KINDS.get(destination, ()))]
        for path in paths:
            target = self._target_for(path)
            if target is None or target.before is None:
                continue
            section = title_section(target.parsed) if recipe.topic == "title" \
                else matching_section(target.parsed, recipe.topic)
            if section is not None:
                return target, section
        return None

    def _existing(self, destination: str) -> str | None:
        """The checkout's Markdown document of that kind, when it has one."""
        for kind in _KINDS[destination]:
            for doc in self.report.documents:
                if doc.kind == kind and doc.path.lower().endswith(_MARKDOWN) and (self.root / doc.path).is_file():
                    return doc.path
        return None

    def _target(self, destination: str) -> _Target:
        """The document a proposal goes to: a path as given, the existing document of a kind, or a new one."""
        if "/" in destination or destination.lower().endswith(_MARKDOWN):
            found = self._target_for(destination)
            if found is None:
                raise InputError("cannot add to it: it is not a Markdown document govlint read", path=destination)
            return found
        path = self._existing(destination)
        if path is not None:
            found = self._target_for(path)
            if found is not None:
                return found
        path, title = _NEW_FILE[destination]
        if path not in self.targets:
            if (self.root / path).exists():  # there, but not read as that kind (e.g. not Markdown)
                raise InputError(f"cannot add to it: it is not a Markdown {destination} document govlint read",
                                 path=path)
            self.targets[path] = _Target(path=path, before=None, title=title)
        return self.targets[path]

    def _target_for(self, path: str) -> _Target | None:
        """An existing Markdown document, read once."""
        if path in self.targets:
            return self.targets[path]
        doc = next((d for d in self.docs if d.path == path), None)
        if doc is None or not (self.root / path).is_file():
            return None
        try:
            original = (self.root / path).read_bytes()
        except OSError as err:
            raise InputError(err.strerror or str(err), path=path) from None
        before = read_document(original, path)
        from govlint.discover import parse_document

        # Line for line the text that is written to (front matter blanked, not read as a heading).
        parsed = parse_document(before.text, path=path, kind=doc.kind, origin=doc.origin)
        self.targets[path] = _Target(path=path, before=before, original=original, parsed=parsed)
        return self.targets[path]

    # -- the changes

    def _changes(self) -> tuple[tuple[FileChange, ...], tuple[FileChange, ...], tuple[FileChange, ...]]:
        safe, proposals, combined = [], [], []
        for target in self.targets.values():
            if not target.proposals:
                continue
            if target.before is None:
                change = self._new_file(target)
                proposals.append(change)
                combined.append(change)
                continue
            edits = {SAFE: [], UNSAFE: []}
            rules = {SAFE: [], UNSAFE: []}
            for proposal in target.proposals:
                edits[proposal.kind] += self._edits(proposal)
                rules[proposal.kind] += proposal.rules
            if edits[SAFE]:
                safe.append(self._change(target, (), edits[SAFE], rules[SAFE]))
            if edits[UNSAFE]:
                proposals.append(self._change(target, edits[SAFE], edits[UNSAFE], rules[UNSAFE]))
            combined.append(self._change(target, (), edits[SAFE] + edits[UNSAFE], rules[SAFE] + rules[UNSAFE]))
        return tuple(safe), tuple(proposals), tuple(combined)

    def _edits(self, proposal: _Proposal) -> list[Edit]:
        if proposal.edits:
            return list(proposal.edits)
        place = proposal.place
        self.order += 1
        # At one place, text that joins the section there comes before the new sections that follow it.
        order = self.order + (0 if place.section is not None else _NEW_SECTIONS_LAST)
        text = proposal.text if place.section is not None else \
            f"{'#' * place.level} {proposal.heading}\n\n{proposal.text}"
        # After the end of a line of text; at the very start of an empty document, before what follows.
        text = "\n\n" + text if (place.line, place.column) != (0, 0) else text + "\n\n"
        return [Edit(line=place.line, column=place.column, end=place.column, text=text, order=order)]

    def _change(self, target: _Target, done: Sequence[Edit], new: Sequence[Edit], rules) -> FileChange:
        before = target.before
        return FileChange(path=target.path, before=apply_edits(before.text, done), after=apply_edits(before.text,
                          [*done, *new]), rules=tuple(dict.fromkeys(rules)), original=target.original,
                          encoding=before.encoding, newline=before.newline,
                          shown_before=apply_edits(before.as_is, done, before.newline),
                          written=apply_edits(before.as_is, [*done, *new], before.newline))

    def _new_file(self, target: _Target) -> FileChange:
        parts = []
        for proposal in target.proposals:
            if proposal.heading in (target.title, "About this document"):
                parts.insert(0, proposal.text) if proposal.heading == "About this document" else parts.append(
                    proposal.text)
            else:
                parts.append(f"## {proposal.heading}\n\n{proposal.text}")
        text = f"# {target.title}\n\n" + "\n\n".join(parts) + "\n"
        rules = tuple(dict.fromkeys(code for p in target.proposals for code in p.rules))
        return FileChange(path=target.path, before=None, after=text, rules=rules, written=text)


_NEW_SECTIONS_LAST = 1 << 20


def _with_marker(parts: Sequence[tuple[str, str]], *, served_by: dict[str, str] | None = None) -> str:
    """A proposal's paragraphs under the comment the engine reads: the placeholders each rule needs
    filled in (a rule served by another's sentence shares that rule's), and what to do with them."""
    from govlint.fix_text import placeholders, wrap

    body = "\n\n".join(text if text.lstrip().startswith("|") else wrap(text) for _code, text in parts)
    own = {code: placeholders(text) for code, text in parts}
    groups: dict[tuple[str, ...], list[str]] = {}
    for code in [*own, *(served_by or {})]:
        found = own.get(code) or own.get((served_by or {}).get(code, ""), ())
        if found:
            groups.setdefault(found, []).append(code)
    if not groups:
        return body
    items = "\n".join(f"     {', '.join(codes)}: {', '.join(f'`{p}`' for p in found)}"
                      for found, codes in groups.items())
    return (f"<!-- govlint fix: a proposal to review with your maintainers. Fill in\n{items}\n"
            f"     then delete this comment. -->\n{body}")


# Where a project left a placeholder for its own name (cncf/project-template's "[TODO: PROJECTNAME]").
_NAME_PLACEHOLDER = re.compile(
    r"\[\s*TODO:?\s*(?:PROJECT[_ ]?NAME|Project(?:\s+name)?)\s*\]|\[\s*(?:PROJECT[_ ]?NAME|Project(?:\s+Name)?)\s*\]|"
    r"<\s*project[-_ ]?name\s*>|\{\{\s*project(?:[_ ]?name)?\s*\}\}|\bPROJECT[_ ]?NAME\b", re.I)


def _parsed(root: Path, report: Report):
    """The report's documents, parsed as the check parsed them (for the terms and the sections)."""
    from govlint.discover import UnreadableFile, decode, parse_document
    from govlint.rules.model import DocumentSet

    docs = []
    for info in report.documents:
        try:
            text = decode((root / info.path).read_bytes())
        except (OSError, UnreadableFile):
            continue
        docs.append(parse_document(text, path=info.path, kind=info.kind, origin=info.origin))
    return DocumentSet(docs)


class _Patched(LocalSource):
    """The checkout as it would be with the changes applied, for linting the plan."""

    def __init__(self, root: Path, changes: dict[str, str], *, label: str) -> None:
        super().__init__(root, label=label)
        self._changes = changes

    def list_files(self) -> list[str]:
        return sorted(set(super().list_files()) | set(self._changes))

    def _inside(self, rel: str) -> bool:
        return rel in self._changes or super()._inside(rel)

    def read_bytes(self, path: str) -> bytes:
        if path in self._changes:
            return self._changes[path].encode("utf-8")
        return super().read_bytes(path)


def summary(plan: FixPlan, *, written: str | None = None) -> str:
    """What the plan does, in a few lines for the terminal. ``written``: "safe" or "all" after --write."""
    lines = []
    if not plan.changes and not plan.proposals:
        lines.append("govlint fix: nothing to add" + ("" if plan.unfixable else "; every rule passes"))
    if plan.changes:
        lines.append("safe fixes" + (" (written):" if written else " (--write applies them):"))
        for change in plan.changes:
            lines.append(f"  {_verb(change)} {change.path}: {', '.join(change.rules)}")
    if plan.proposals:
        state = {"all": " (written; review them with your maintainers):",
                 "safe": " (not written; review them with your maintainers; --write --unsafe writes them):"}
        lines.append("policy proposals" + state.get(written or "", " (review them with your maintainers; "
                                                                     "--write --unsafe writes them):"))
        for change in plan.proposals:
            lines.append(f"  {_verb(change)} {change.path}: {', '.join(change.rules)}")
    if plan.changes or plan.proposals:
        lines.append(f"passes once applied: {', '.join(plan.fixed) or 'none'}")
    if plan.awaiting:
        lines.append("partial until your maintainers fill in the placeholders:")
        groups: dict[tuple[str, str], list[str]] = {}
        for code, items in plan.awaiting.items():
            names = ", ".join(dict.fromkeys(f"`{i.placeholder}`" for i in items))
            groups.setdefault((names, f"{items[0].path}:{items[0].line}"), []).append(code)
        lines += [f"  {', '.join(codes)}: {names} ({where})" for (names, where), codes in groups.items()]
    if plan.not_fixed:
        lines.append(f"still not passing once applied: {', '.join(plan.not_fixed)} (edit the added text)")
    if plan.broken:
        lines.append(f"passing now, not once applied: {', '.join(plan.broken)}")
    for code, why in plan.unfixable:
        lines.append(f"not fixed: {code}: {why}")
    return "\n".join(lines) + "\n"


def _verb(change: FileChange) -> str:
    if change.before is None:
        return "create"
    return "add to"
