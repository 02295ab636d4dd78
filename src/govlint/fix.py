"""govlint fix: the missing sections for failing rules, as a unified diff; ``write()`` applies it.

A fix only ever adds: a section appended to an existing Markdown document, or a new document
(CONTRIBUTOR_LADDER.md, MAINTAINERS.md, ...). Each section is built from the failing rules'
``example`` text, with the project's own names put in place of the examples' where the
documents give them (its name, its leadership body). The plan is checked by linting the
checkout with the changes applied, so it says which rules the fix satisfies and which it does not.
"""
from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from govlint.config import Config
from govlint.errors import GovlintError, InputError
from govlint.files import write_into
from govlint.report import FAIL, PARTIAL, PASS, Report
from govlint.rules.model import RuleMeta
from govlint.sources.local import LocalSource

# Rules an appended section cannot satisfy: they ask for existing text to change.
NEEDS_AN_EDIT = {"template-residue": "replace the placeholders in the existing text; govlint fix only adds text"}

_GOVERNANCE, _LADDER, _MAINTAINERS, _CONDUCT = "governance", "ladder", "maintainers", "code-of-conduct"
# Where a new document of each kind is created, and its title.
_NEW_FILE = {_GOVERNANCE: ("GOVERNANCE.md", "Governance"), _LADDER: ("CONTRIBUTOR_LADDER.md", "Contributor Ladder"),
             _MAINTAINERS: ("MAINTAINERS.md", "Maintainers"), _CONDUCT: ("CODE_OF_CONDUCT.md", "Code of Conduct")}
_KINDS = {_GOVERNANCE: ("governance", "charter", "steering"), _LADDER: ("ladder",), _MAINTAINERS: ("maintainers",),
          _CONDUCT: ("code-of-conduct",)}
CNCF_CODE_OF_CONDUCT = "https://github.com/cncf/foundation/blob/main/code-of-conduct.md"


@dataclass(frozen=True)
class Recipe:
    """A section that answers some rules: its heading, the document it goes to, and the rules in order."""

    heading: str
    destination: str
    rules: tuple[str, ...]


RECIPES: tuple[Recipe, ...] = (
    Recipe("About this document", _GOVERNANCE, ("governance-doc",)),
    Recipe("Leadership", _GOVERNANCE, ("leadership-defined",)),
    Recipe("Decision making", _GOVERNANCE, ("decision-making",)),
    Recipe("Code of Conduct", _GOVERNANCE, ("code-of-conduct",)),
    Recipe("Vendor neutrality", _GOVERNANCE, ("vendor-neutrality",)),
    Recipe("Roles", _LADDER, ("roles-defined",)),
    Recipe("Inactivity", _LADDER, ("inactivity-policy",)),
    Recipe("Involuntary removal and vote of no confidence", _GOVERNANCE,
           ("restorative-step", "removal-process", "vote-of-no-confidence", "removal-procedure", "removal-threshold",
            "recusal", "leader-coverage")),
    Recipe("Conflict resolution and escalation", _GOVERNANCE, ("conflict-resolution", "escalation-path")),
    Recipe("Technical Leadership Principles", _GOVERNANCE, ("leadership-principles",)),
    Recipe("Reporting Code of Conduct violations", _CONDUCT, ("coc-reporting",)),
    Recipe("Maintainers", _MAINTAINERS, ("maintainer-list",)),
)


@dataclass(frozen=True)
class Names:
    """The project's own names, where its documents give them."""

    project: str | None = None
    body: str | None = None  # its leadership body, e.g. "Steering Committee"
    conduct_email: str | None = None
    maintainers: tuple[str, ...] = ()  # names listed in a maintainers file that is not Markdown


@dataclass(frozen=True)
class FileChange:
    path: str  # relative to the checkout, POSIX
    before: str | None  # None for a new file; newlines as "\n" whatever the file uses
    after: str  # before plus what is added, newlines as "\n"
    rules: tuple[str, ...]  # codes of the rules it addresses
    original: bytes | None = None  # the file's bytes as planned: kept as they are, the addition follows
    encoding: str = "utf-8"  # how the addition is encoded (the file's, without a byte-order mark)
    newline: str = "\n"  # the file's line ending, used for the addition

    @property
    def added(self) -> str:
        return self.after if self.before is None else self.after[len(self.before):]

    def data(self) -> bytes:
        """The file's new bytes: its old bytes untouched, the addition in its encoding and line endings."""
        return (self.original or b"") + self.added.replace("\n", self.newline).encode(self.encoding)

    def diff(self) -> str:
        shown_before = "" if self.original is None else read_document(self.original, self.path).as_is
        old = _lines(shown_before) if self.before is not None else []
        new = _lines(shown_before + self.added.replace("\n", self.newline))
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
class FixPlan:
    root: Path
    changes: tuple[FileChange, ...]
    before: Report
    after: Report | None  # the checkout linted with the changes applied
    unfixable: tuple[tuple[str, str], ...] = ()  # (rule code, why)

    def diff(self) -> str:
        return "".join(change.diff() for change in self.changes)

    @property
    def addressed(self) -> tuple[str, ...]:
        return tuple(code for change in self.changes for code in change.rules)

    @property
    def fixed(self) -> tuple[str, ...]:
        """Rules the changes address that pass once they are applied."""
        return tuple(c for c in self.addressed if self.after and (r := self.after.result(c)) and r.status == PASS)

    @property
    def not_fixed(self) -> tuple[str, ...]:
        """Rules the changes address that still do not pass: the example text does not satisfy them."""
        return tuple(c for c in self.addressed if c not in self.fixed)

    @property
    def broken(self) -> tuple[str, ...]:
        """Rules that passed before and do not once the changes are applied."""
        if self.after is None:
            return ()
        return tuple(r.code for r in self.before.results
                     if r.status == PASS and (a := self.after.result(r.code)) and a.status != PASS)

    def write(self) -> list[str]:
        """Apply every change or none; returns the paths written.

        Every file is checked before the first is written (unchanged since the plan, writable,
        inside the checkout); when a write still fails, the files already written get their old
        bytes back and the files already created are removed.
        """
        for change in self.changes:
            _check_writable(self.root, change)
        done: list[FileChange] = []
        try:
            for change in self.changes:
                write_into(self.root / change.path, change.data())
                done.append(change)
        except GovlintError:
            for change in reversed(done):
                _undo(self.root, change)
            raise
        return [change.path for change in self.changes]


def _check_writable(root: Path, change: FileChange) -> None:
    target = root / change.path
    if change.before is None:
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
        if change.before is None:
            target.unlink()
        else:
            write_into(target, change.original or b"")
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
    builder = _Builder(root, before, metas, project_names(root, before))
    changes = builder.build()
    after = lint(_Patched(root, {c.path: c.after for c in changes}, label=label), **common) if changes else None
    return FixPlan(root=root, changes=changes, before=before, after=after, unfixable=tuple(builder.unfixable))


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
        if doc.kind == "maintainers" and not doc.path.lower().endswith((".md", ".markdown")) and doc.path in texts:
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


# --- text from the examples ---------------------------------------------------------------------

_PLACEHOLDER_ROW = re.compile(r"jane\s+doe|@janedoe|example\s+corp", re.I)
_EXAMPLE_EMAIL = re.compile(r"[\w.+-]+@example\.(?:io|com|org|net)\b", re.I)
_LEFTOVER = re.compile(r"@example\.|\bexample\.(?:io|com|org|net)\b", re.I)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def localise(text: str, names: Names, *, body: str | None = None) -> str:
    """An example's text with the project's names in place of the example's, and placeholders dropped."""
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
            chunk = "\n".join(_wrap(" ".join(s for s in _SENTENCE_BREAK.split(chunk) if not _LEFTOVER.search(s))))
        if chunk:
            out.append(chunk)
    return "\n\n".join(out)


def for_body(text: str, body: str) -> str:
    """The example's "Steering Committee" replaced by another body; "Maintainers" reads as people."""
    if body == "Maintainers":
        for old, new in (("A Steering Committee member", "A maintainer"), ("Steering Committee members", "maintainers"),
                         ("Steering Committee member", "maintainer"), ("the committee's fixed size", "all maintainers"),
                         ("the Steering Committee", "the maintainers"), ("Steering Committee", "maintainers")):
            text = text.replace(old, new)
        return text
    return re.sub(r"\bSteering Committee\b", body, text)


def _wrap(text: str, width: int = 96) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False) if text else []


def _example_body(meta: RuleMeta) -> str:
    """The example without its own headings: the recipe gives the section its heading."""
    lines = [line for line in meta.example.splitlines() if not line.lstrip().startswith("#")]
    return "\n".join(lines).strip()


# --- building the changes -----------------------------------------------------------------------


@dataclass
class _Document:
    path: str
    before: DocumentText | None
    original: bytes | None = None
    sections: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    title: str = ""


class _Builder:
    def __init__(self, root: Path, report: Report, metas: dict[str, RuleMeta], names: Names) -> None:
        self.root, self.report, self.metas, self.names = root, report, metas, names
        self.documents: dict[str, _Document] = {}
        self.unfixable: list[tuple[str, str]] = []

    def build(self) -> tuple[FileChange, ...]:
        failing = [r for r in self.report.results if r.status in (FAIL, PARTIAL)]
        by_name = {r.name: r for r in failing}
        if "code-of-conduct" in by_name and not self._existing(_CONDUCT):
            self._document(_CONDUCT).sections.append(self._conduct_file_text())
        placed: set[str] = set()
        for recipe in RECIPES:
            wanted = [by_name[n] for n in recipe.rules if n in by_name]
            if wanted:
                self._add(recipe.heading, recipe.destination, wanted)
                placed.update(r.name for r in wanted)
        for result in failing:  # rules from other packs and plugins: their example under their title
            if result.name not in placed:
                self._add(result.title, _GOVERNANCE, [result])
        return tuple(self._change(doc) for doc in self.documents.values() if doc.sections)

    def _add(self, heading: str, destination: str, results) -> None:
        texts, codes = [], []
        for result in results:
            meta = self.metas.get(result.code)
            if result.name in NEEDS_AN_EDIT:
                self.unfixable.append((result.code, NEEDS_AN_EDIT[result.name]))
                continue
            if destination == _MAINTAINERS and result.evidence and self._existing(_MAINTAINERS):
                # The project lists its maintainers already (the list is partial): a second table
                # would list them twice. What they lack is for the maintainers to fill in.
                self.unfixable.append((result.code, "complete the entries of the listed maintainers; govlint fix "
                                                    "does not invent handles or affiliations"))
                continue
            if meta is None or not meta.example.strip():
                self.unfixable.append((result.code, "the rule has no example text to add"))
                continue
            text = self._text_for(result, meta)
            if text:
                texts.append(text)
                codes.append(result.code)
        if not texts:
            return
        if destination in (_LADDER, _CONDUCT) and not self._existing(destination) and destination not in self._planned():
            # A ladder or conduct file is created for the rules that need one; the others join GOVERNANCE.md.
            if not (destination == _LADDER and "roles-defined" in [r.name for r in results]):
                destination = _GOVERNANCE
        if destination == _MAINTAINERS:
            texts = [self._maintainers_table(texts)]
        doc = self._document(destination)
        if destination == _GOVERNANCE and heading == "About this document" and doc.before is None:
            doc.sections.insert(0, "\n\n".join(texts))  # the new document's introduction
        elif doc.before is None and heading == doc.title:
            doc.sections.append("\n\n".join(texts))
        else:
            doc.sections.append(f"## {heading}\n\n" + "\n\n".join(texts))
        doc.rules += codes

    def _text_for(self, result, meta: RuleMeta) -> str:
        body = _example_body(meta)
        if result.name == "leader-coverage":
            uncovered = _uncovered_bodies(result.message)
            if uncovered:
                return "\n\n".join(localise(body, self.names, body=name) for name in uncovered)
        return localise(body, self.names)

    def _maintainers_table(self, texts: list[str]) -> str:
        rows = "\n".join(texts).splitlines()
        header = [r for r in rows if r.lstrip().startswith("|")]
        if len(header) < 2:
            return "\n".join(rows)
        columns = header[0].count("|") - 1
        people = [f"| {name} |" + " |" * (columns - 1) for name in self.names.maintainers]
        note = ("<!-- Added by govlint fix: one row per current maintainer, with their GitHub handle or email, "
                "affiliation (employer, or independent) and area of responsibility. -->")
        return "\n".join([note, "", *header[:2], *people])

    def _conduct_file_text(self) -> str:
        project = self.names.project or "This project"
        return (f"{project} follows the [CNCF Code of Conduct]({CNCF_CODE_OF_CONDUCT}).")

    def _planned(self) -> set[str]:
        return {kind for kind, (path, _) in _NEW_FILE.items() if path in self.documents}

    def _existing(self, destination: str) -> str | None:
        """The checkout's Markdown document of that kind, when it has one."""
        for kind in _KINDS[destination]:
            for doc in self.report.documents:
                if doc.kind == kind and doc.path.lower().endswith((".md", ".markdown")) \
                        and (self.root / doc.path).is_file():
                    return doc.path
        return None

    def _document(self, destination: str) -> _Document:
        path = self._existing(destination)
        if path is None:
            path, title = _NEW_FILE[destination]
            if (self.root / path).exists():  # there, but not read as that kind (e.g. not Markdown)
                raise InputError(f"cannot add to it: it is not a Markdown {destination} document govlint read",
                                 path=path)
            before, original = None, None
        elif path in self.documents:
            return self.documents[path]
        else:
            title = ""
            try:
                original = (self.root / path).read_bytes()
            except OSError as err:
                raise InputError(err.strerror or str(err), path=path) from None
            before = read_document(original, path)
        if path not in self.documents:
            self.documents[path] = _Document(path=path, before=before, original=original, title=title)
        return self.documents[path]

    def _change(self, doc: _Document) -> FileChange:
        added = "\n\n".join(doc.sections) + "\n"
        if doc.before is None:
            return FileChange(path=doc.path, before=None, after=f"# {doc.title}\n\n{added}", rules=tuple(doc.rules))
        before = doc.before.text
        separator = "" if before.endswith("\n\n") else "\n" if before.endswith("\n") else "\n\n"
        return FileChange(path=doc.path, before=before, after=before + (separator if before else "") + added,
                          rules=tuple(doc.rules), original=doc.original, encoding=doc.before.encoding,
                          newline=doc.before.newline)


def _uncovered_bodies(message: str) -> list[str]:
    match = re.search(r"no removal path for: (.+?)(?:$| ·)", message)
    return [part.strip() for part in match.group(1).split(",")] if match else []


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




def summary(plan: FixPlan) -> str:
    """What the plan does, in a few lines for the terminal."""
    lines = []
    if not plan.changes:
        lines.append("govlint fix: nothing to add" + ("" if plan.unfixable else "; every rule passes"))
    for change in plan.changes:
        verb = "create" if change.before is None else "append to"
        lines.append(f"{verb} {change.path}: {', '.join(change.rules)}")
    if plan.changes:
        lines.append(f"passes once applied: {', '.join(plan.fixed) or 'none'}")
    if plan.not_fixed:
        lines.append(f"still not passing once applied: {', '.join(plan.not_fixed)} (edit the added text)")
    if plan.broken:
        lines.append(f"passing now, not once applied: {', '.join(plan.broken)}")
    for code, why in plan.unfixable:
        lines.append(f"not fixed: {code}: {why}")
    return "\n".join(lines) + "\n"
