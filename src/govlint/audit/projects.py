"""The projects an audit covers: a CLOMonitor-style YAML file or a plain list of targets.

CLOMonitor's ``data/cncf.yaml`` is a list of projects, each with ``name``, optional
``display_name``, ``maturity`` and ``repositories`` ([{``name``, ``url``, ``check_sets``}]); every
other key is ignored. A plain list holds one target per line (``github:owner/repo``, a GitHub URL or
a local path), optionally followed by a maturity; ``#`` starts a comment.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from govlint.errors import UsageError

# CLOMonitor's check set that holds its governance checks: the repositories an audit reads.
GOVERNANCE_CHECK_SET = "community"
# Rules whose evidence may sit in any repository of a project: a MAINTAINERS or OWNERS file lives
# beside the code, which CLOMonitor files under the "code" check set. The other repositories are
# read for these rules only, and only until they pass.
EVERY_REPOSITORY_RULES = ("maintainer-list",)
_MATURITY_ALIASES = {"incubation": "incubating", "graduate": "graduated"}
_SHARD_RE = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")
# CLOMonitor's list of every CNCF project is about 300 KB; a projects file 16 times that is not one.
MAX_PROJECTS_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Repository:
    name: str
    url: str  # as given: https://github.com/o/r, github:o/r or a local path
    check_sets: tuple[str, ...] = ()
    target: str = ""  # what is linted: the url, or a local path resolved against the projects file

    @property
    def lint_target(self) -> str:
        return self.target or self.url

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "url": self.url, "check_sets": list(self.check_sets)}


@dataclass(frozen=True)
class Project:
    name: str  # as given in the projects file: the key of everything the audit writes
    index: int  # position in the projects file, so every output keeps the file's order
    maturity: str | None
    repositories: tuple[Repository, ...]
    display_name: str | None = None
    levels: tuple[str, ...] = field(default=(), compare=False, repr=False)  # the packs' levels, lowest first

    @property
    def audited(self) -> tuple[Repository, ...]:
        """The repositories whose governance is read: those in CLOMonitor's ``community`` check
        set, or every repository when none is."""
        chosen = tuple(r for r in self.repositories if GOVERNANCE_CHECK_SET in r.check_sets)
        return chosen or self.repositories

    @property
    def other_repositories(self) -> tuple[Repository, ...]:
        """The repositories outside the governance check set: read for EVERY_REPOSITORY_RULES only."""
        chosen = self.audited
        return tuple(r for r in self.repositories if r not in chosen)

    @property
    def next_level(self) -> str | None:
        """The level above the project's maturity: the one it would move to next."""
        if self.maturity is None:
            return None
        index = self.levels.index(self.maturity)
        return self.levels[index + 1] if index + 1 < len(self.levels) else None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "display_name": self.display_name, "maturity": self.maturity,
                "repositories": [r.to_dict() for r in self.repositories]}


@dataclass(frozen=True)
class ProjectList:
    path: str
    projects: tuple[Project, ...]
    digest: str = field(default="")  # of the parsed list: resume and merge refuse a different one

    def names(self) -> list[str]:
        return [p.name for p in self.projects]


def load_projects(path: str | Path, *, levels: Sequence[str] | None = None) -> ProjectList:
    """Parse a projects file; every problem is a UsageError naming the file and the project.
    A maturity is one of ``levels`` (default: the built-in packs')."""
    path = Path(path)
    text = _read(path)
    if levels is None:
        from govlint.rules.registry import builtin_ladder

        levels = builtin_ladder().names
    if _looks_like_yaml(path, text):
        projects = _from_yaml(text, str(path), tuple(levels))
    else:
        projects = _from_lines(text, str(path), tuple(levels))
    if not projects:
        raise UsageError("the projects file lists no projects", path=str(path))
    seen: set[str] = set()
    for project in projects:
        if project.name in seen:
            raise UsageError(f"project {project.name!r} is listed twice", path=str(path))
        seen.add(project.name)
    canonical = json.dumps([p.to_dict() for p in projects], sort_keys=True, separators=(",", ":"))
    return ProjectList(str(path), tuple(projects), hashlib.sha256(canonical.encode()).hexdigest())


def _read(path: Path) -> str:
    """The projects file's text: a regular file of at most MAX_PROJECTS_BYTES, UTF-8."""
    try:
        if not path.is_file():
            raise UsageError("not a regular file; the projects file is a YAML file or a list"
                             if path.exists() else "no such projects file", path=str(path))
        with open(path, "rb") as handle:
            raw = handle.read(MAX_PROJECTS_BYTES + 1)
    except OSError as err:
        raise UsageError(f"cannot read the projects file ({err.strerror or err})", path=str(path)) from None
    if len(raw) > MAX_PROJECTS_BYTES:
        raise UsageError(f"larger than {MAX_PROJECTS_BYTES // (1024 * 1024)} MB; a projects file lists projects",
                         path=str(path))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise UsageError(f"cannot read the projects file (not UTF-8 text: {err.reason} at byte {err.start})",
                         path=str(path)) from None


def _looks_like_yaml(path: Path, text: str) -> bool:
    if path.suffix.lower() in (".yaml", ".yml"):
        return True
    first = next((line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")), "")
    return first.startswith("- ")


def _from_yaml(text: str, where: str, levels: tuple[str, ...]) -> list[Project]:
    from govlint.yamlio import load_yaml

    data = load_yaml(text, path=where, error=UsageError)
    if not isinstance(data, list):
        raise UsageError("a CLOMonitor projects file is a YAML list of projects", path=where)
    projects = []
    for number, item in enumerate(data, 1):
        if not isinstance(item, dict):
            raise UsageError(f"entry {number} is not a mapping", path=where)
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise UsageError(f"entry {number} has no name", path=where)
        name = name.strip()
        label = f"project {name!r}"
        display = item.get("display_name")
        if display is not None and not isinstance(display, str):
            raise UsageError(f"{label}: display_name must be a string", path=where)
        maturity = _maturity(item.get("maturity"), f"{label}: ", where, levels)
        repos_data = item.get("repositories")
        if not isinstance(repos_data, list) or not repos_data:
            raise UsageError(f"{label}: repositories must be a non-empty list", path=where)
        repos = []
        for repo in repos_data:
            if not isinstance(repo, dict) or not isinstance(repo.get("url"), str) or not repo["url"].strip():
                raise UsageError(f"{label}: every repository needs a url", path=where)
            check_sets = repo.get("check_sets") or []
            if not isinstance(check_sets, list) or not all(isinstance(c, str) for c in check_sets):
                raise UsageError(f"{label}: check_sets must be a list of names", path=where)
            url = repo["url"].strip()
            repos.append(Repository(str(repo.get("name") or url.rstrip("/").rsplit("/", 1)[-1]), url,
                                    tuple(check_sets), _target(url, where)))
        projects.append(Project(name, len(projects), maturity, tuple(repos), display.strip() if display else None,
                                levels))
    return projects


def _from_lines(text: str, where: str, levels: tuple[str, ...]) -> list[Project]:
    projects = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        parts = line.split()
        if len(parts) > 2:
            raise UsageError(f"line {number}: expected a target and an optional maturity", path=where)
        target = parts[0]
        maturity = _maturity(parts[1], f"line {number}: ", where, levels) if len(parts) == 2 else None
        projects.append(Project(target, len(projects), maturity, (Repository(target, target, (), _target(target, where)),),
                                levels=levels))
    return projects


def _target(url: str, where: str) -> str:
    """A URL or github: target as is; a local path relative to the projects file's folder."""
    if ":" in url.split("/", 1)[0] or "://" in url:
        return url
    path = Path(url).expanduser()
    return str(path if path.is_absolute() else Path(where).parent / path)


def _maturity(value: Any, prefix: str, where: str, levels: tuple[str, ...]) -> str | None:
    if value is None:
        return None
    level = str(value).strip().lower()
    level = level if level in levels else _MATURITY_ALIASES.get(level, level)
    if level not in levels:
        raise UsageError(f"{prefix}maturity {value!r} is not one of {', '.join(levels)}", path=where)
    return level


# --------------------------------------------------------------------------------------------------
# Shards

def parse_shard(spec: str) -> tuple[int, int]:
    """``"2/4"`` -> (2, 4): the second of four shards (1-based, as a CI matrix counts)."""
    match = _SHARD_RE.fullmatch(spec or "")
    if not match:
        raise UsageError(f"--shard {spec!r}: expected I/N, for example 1/4")
    index, count = int(match.group(1)), int(match.group(2))
    if count < 1 or not 1 <= index <= count:
        raise UsageError(f"--shard {spec!r}: I must be between 1 and N")
    return index, count


def shard(projects: Sequence[Project], index: int, count: int) -> list[Project]:
    """A deterministic 1/N of the projects: every N-th in file order, starting at the I-th, so
    shards are as even as they can be and together cover every project once."""
    return [p for p in projects if p.index % count == index - 1]
