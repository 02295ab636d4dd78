"""--activity for a git checkout: each listed maintainer's newest commit, read from ``git log``.

A checkout knows authors' names and addresses, not GitHub logins, so a maintainer is matched to a
commit by what the maintainer list says about them: the GitHub noreply address of their handle
(``handle@users.noreply.github.com``, ``id+handle@...``), an address the list gives for them, an
author name equal to their listed name or to their handle (case-insensitive), and an address seen
under that name. Every observation says which of these matched, or that none did.

Only the ``git`` command is used (no library): its absence is a note, never an error.
"""
from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

NO_MATCH = "no commit found under a matching name or address"
_NOREPLY = re.compile(r"^(?:\d+\+)?([a-z0-9](?:[a-z0-9-]*))@users\.noreply\.github\.com$")
_SEP = "\x1f"


class HistoryUnavailable(Exception):
    """The history cannot be read (no git on PATH, git failed); the message is one line."""


@dataclass(frozen=True)
class Person:
    """A listed maintainer, as a commit can be matched to them."""

    handle: str  # GitHub login, lower case
    name: str = ""
    emails: tuple[str, ...] = ()  # lower case


@dataclass(frozen=True)
class Identity:
    """One author name and address in a history, and the date of its newest commit (UTC)."""

    name: str
    email: str
    last: str  # ISO date


@dataclass(frozen=True)
class Observed:
    """A maintainer's newest commit found, and how it was matched to them."""

    handle: str
    last_commit: str | None  # ISO date, None when no commit matched
    matched_by: str


# A checkout's own .git/config can name programs that `git log` would run: a signature checker
# (`log.showSignature` with `gpg.program`), a pager, a file-system monitor. Reading who committed
# when needs none of them, so they are switched off on the command line, which outranks any config.
_SAFE = ("--no-pager", "-c", "log.showSignature=false", "-c", "core.fsmonitor=false", "-c", "core.pager=cat")


def _git(args: Sequence[str]) -> subprocess.Popen[str]:
    try:
        return subprocess.Popen(["git", *_SAFE, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL, text=True, encoding="utf-8", errors="replace")
    except OSError as err:  # FileNotFoundError: no git on PATH
        raise HistoryUnavailable("git could not be run (is it installed and on PATH?)") from err


def work_tree(folder: Path) -> Path | None:
    """The top level of the git work tree holding ``folder``, or None when it is in none."""
    proc = _git(["-C", str(folder), "rev-parse", "--show-toplevel"])
    out, _err = proc.communicate()
    return Path(out.strip()) if proc.returncode == 0 and out.strip() else None


def head(repository: Path, revision: str = "HEAD") -> tuple[str | None, bool]:
    """(the commit ``revision`` names, or None in a repository without commits; whether the
    repository is a shallow clone, whose history stops at its depth)."""
    proc = _git(["-C", str(repository), "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"])
    out, _err = proc.communicate()
    commit = out.strip() if proc.returncode == 0 and out.strip() else None
    proc = _git(["-C", str(repository), "rev-parse", "--is-shallow-repository"])
    out, _err = proc.communicate()
    return commit, out.strip() == "true"


def identities(repository: Path, revision: str = "HEAD") -> list[Identity]:
    """Every author name and address of the commits reachable from ``revision`` (.mailmap applied),
    with the date of each one's newest commit. Streamed: one line per commit is never all held."""
    proc = _git(["-C", str(repository), "log", "--no-color", f"--format=%aN{_SEP}%aE{_SEP}%at", revision, "--"])
    newest: dict[tuple[str, str], tuple[int, str, str]] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        parts = line.rstrip("\n").split(_SEP)
        if len(parts) != 3 or not parts[2].strip().lstrip("-").isdigit():
            continue
        name, email, stamp = parts[0].strip(), parts[1].strip(), int(parts[2])
        key = (name.casefold(), email.lower())
        if key not in newest or stamp > newest[key][0]:
            newest[key] = (stamp, name, email)
    _out, err = proc.communicate()
    if proc.returncode != 0:
        problem = (err.strip().splitlines() or [f"git log exited with {proc.returncode}"])[-1]
        raise HistoryUnavailable(f"git log failed: {problem}")
    return [Identity(name=name, email=email,
                     last=dt.datetime.fromtimestamp(stamp, tz=dt.timezone.utc).date().isoformat())
            for stamp, name, email in newest.values()]


def _how(person: Person, who: Identity) -> str | None:
    """How ``who`` is ``person``, in words, or None."""
    email = who.email.lower()
    noreply = _NOREPLY.match(email)
    if noreply and noreply.group(1) == person.handle:
        return f"GitHub noreply address {who.email}"
    if email in person.emails:
        return f"listed address {who.email}"
    name = who.name.casefold()
    if person.name and name == person.name.casefold() and name != person.handle:
        return f"author name “{who.name}” ({who.email})"
    if name == person.handle:
        return f"author name equal to the handle ({who.email})"
    return None


def match(people: Sequence[Person], found: Iterable[Identity]) -> list[Observed]:
    """Each person's newest commit among ``found``, and how it was matched (``NO_MATCH`` when none)."""
    known = list(found)
    out = []
    for person in people:
        hits = [(who, how) for who in known if (how := _how(person, who))]
        # An address seen under the person's listed name or handle is theirs under any name.
        named = {who.email.lower(): who.name for who, how in hits if how.startswith("author name")}
        matched = {(who.name, who.email) for who, _how_ in hits}
        hits += [(who, f"address {who.email}, also used under the name “{named[who.email.lower()]}”")
                 for who in known if who.email.lower() in named and (who.name, who.email) not in matched]
        if not hits:
            out.append(Observed(handle=person.handle, last_commit=None, matched_by=NO_MATCH))
            continue
        who, how = max(hits, key=lambda hit: hit[0].last)
        out.append(Observed(handle=person.handle, last_commit=who.last, matched_by=how))
    return out
