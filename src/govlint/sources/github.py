"""A repository on GitHub (or any server with the same REST API) as a document source.

Four endpoints, nothing else, so GitHub Enterprise and compatible servers work:

* ``GET /repos/{o}/{r}``                          the default branch (and whether the repository exists)
* ``GET /repos/{o}/{r}/commits/{ref}``            the commit sha a ref points to, so links stay valid
* ``GET /repos/{o}/{r}/git/trees/{sha}?recursive=1``  every path, in one request
* ``GET /repos/{o}/{r}/contents/{path}?ref={sha}``    one file (JSON, base64 ``content``)

This module imports no HTTP library: ``parse_github_target`` is called for every target, local ones
included, and start-up time matters. ``govlint.sources.http`` is imported when a source is opened.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urljoin, urlsplit

from govlint.errors import SourceError, UsageError
from govlint.sources.base import MAX_DOCUMENT_BYTES, External, Located, UnreadableFile, join_relative, split_href
from govlint.sources.local import _MAX_DEPTH, _SKIP_DIRS

if TYPE_CHECKING:
    from govlint.sources.http import HttpClient

__all__ = ["GitHubTarget", "GitHubSource", "ExternalSource", "parse_github_target", "open_github_source"]

GITHUB_WEB = "https://github.com"
_GITHUB_HOSTS = frozenset({"github.com", "www.github.com"})
_RAW_HOST = "raw.githubusercontent.com"
# How many repositories one run may touch (the target, its organisation's .github, linked ones).
MAX_REPOSITORIES = 10

_OWNER_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")
_REPO_RE = re.compile(r"[A-Za-z0-9_.-]{1,100}")
_SHA_RE = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_BAD_PATH_CHARS = re.compile(r"[\x00-\x1f\x7f\\]")
_BAD_REF_CHARS = re.compile(r"[\x00-\x20\x7f~^:?*\[\\]")
_INDEX_NAMES = ("README.md", "readme.md", "index.md")
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_SHA_ACCEPT = "application/vnd.github.sha"
_RAW_ACCEPT = "application/vnd.github.raw"


# --------------------------------------------------------------------------------------------------
# Targets

@dataclass(frozen=True)
class GitHubTarget:
    """owner/repo, an optional ref (branch, tag or sha) and an optional folder inside the repository."""

    owner: str
    repo: str
    ref: str | None = None
    subpath: str = ""
    # From a /tree/<ref>/<path> URL: a ref may itself contain slashes, so where the ref ends and the
    # folder starts is settled against the server: the shortest ref that exists wins.
    ref_is_ambiguous: bool = False

    @property
    def full_name(self) -> str:
        return f"{self.owner}/{self.repo}"

    @property
    def label(self) -> str:
        """``github:owner/repo[@ref][:sub/path]``, which parse_github_target reads back."""
        text = f"github:{self.owner}/{self.repo}"
        if self.ref:
            text += f"@{self.ref}"
        if self.subpath:
            text += f":{self.subpath}"
        return text

    def __str__(self) -> str:
        return self.label


def parse_github_target(spec: str, *, web_hosts: frozenset[str] | set[str] = _GITHUB_HOSTS) -> GitHubTarget | None:
    """The GitHub repository a target names, or None when it is not a GitHub target (a local path).

    Accepts ``github:owner/repo``, ``github:owner/repo@ref``, ``github:owner/repo@ref:sub/path``,
    ``https://github.com/owner/repo`` (``.git`` suffix and trailing slash allowed) and
    ``https://github.com/owner/repo/tree/<ref>/<sub/path>``. A target that is clearly meant for
    GitHub but malformed raises UsageError, rather than being mistaken for a local path.
    """
    text = spec.strip()
    if text[:7].lower() == "github:":
        return _parse_short(text[7:], spec)
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
    except ValueError:  # "http://[::1": not a URL, so not GitHub's
        return None
    if parts.scheme.lower() not in ("http", "https") or host not in web_hosts:
        return None
    segments = [unquote(s) for s in parts.path.split("/") if s]
    if len(segments) < 2:
        raise UsageError(f"{spec}: expected a repository URL such as https://github.com/owner/repo")
    owner, repo = segments[0], _strip_git(segments[1])
    _check_names(owner, repo, spec)
    rest = segments[2:]
    if not rest:
        return GitHubTarget(owner, repo)
    if rest[0] == "tree" and len(rest) >= 2:
        ref, sub = rest[1], "/".join(rest[2:])
        _check_ref(ref, spec)
        subpath = _clean_subpath(sub, spec)
        return GitHubTarget(owner, repo, ref, subpath, ref_is_ambiguous=bool(subpath))
    raise UsageError(f"{spec}: not a repository or folder URL (expected .../owner/repo or "
                     ".../owner/repo/tree/<ref>/<folder>)")


def _parse_short(body: str, spec: str) -> GitHubTarget:
    body, _, sub = body.partition(":")  # ':' is in neither names nor refs, so it starts the folder
    name, has_ref, ref = body.partition("@")
    segments = [s for s in name.split("/") if s]
    if len(segments) != 2:
        raise UsageError(f"{spec}: expected github:owner/repo, github:owner/repo@ref or "
                         "github:owner/repo@ref:folder")
    owner, repo = segments[0], _strip_git(segments[1])
    _check_names(owner, repo, spec)
    if has_ref:
        _check_ref(ref, spec)
    return GitHubTarget(owner, repo, ref or None, _clean_subpath(sub, spec))


def _strip_git(repo: str) -> str:
    return repo[:-4] if repo.lower().endswith(".git") and len(repo) > 4 else repo


def _check_names(owner: str, repo: str, spec: str) -> None:
    if not _OWNER_RE.fullmatch(owner) or not _REPO_RE.fullmatch(repo) or repo in (".", ".."):
        raise UsageError(f"{spec}: not a valid GitHub owner/repository name")


def _valid_ref(ref: str) -> bool:
    return bool(ref) and len(ref) <= 255 and not _BAD_REF_CHARS.search(ref) and ".." not in ref \
        and "@{" not in ref and "//" not in ref and not ref.startswith(("/", ".", "-")) \
        and not ref.endswith(("/", ".", ".lock"))


def _check_ref(ref: str, spec: str) -> None:
    if not _valid_ref(ref):
        raise UsageError(f"{spec}: not a valid branch, tag or commit name")


def _clean_subpath(sub: str, spec: str) -> str:
    sub = sub.strip("/")
    if not sub:
        return ""
    clean = _clean_path(sub)
    if clean is None:
        raise UsageError(f"{spec}: not a valid folder inside the repository")
    return clean


def _clean_path(path: Any) -> str | None:
    """A repository path that is safe to use: relative, no '..' or '.', no empty parts, no control
    characters or backslashes. None for anything else."""
    if not isinstance(path, str) or not path or len(path) > 4096:
        return None
    if path.startswith("/") or _BAD_PATH_CHARS.search(path):
        return None
    if any(part in ("", ".", "..") for part in path.split("/")):
        return None
    return path


def _listed(rel: str) -> bool:
    """Whether a local checkout's walk (sources/local.py) would list this path: the same folders are
    skipped, so a remote check reads the same files as a local one."""
    folders = rel.split("/")[:-1]
    if len(folders) > _MAX_DEPTH:
        return False
    return all(d not in _SKIP_DIRS and (not d.startswith(".") or d == ".github") for d in folders)


def _join(base: str, rel: str) -> str:
    return f"{base}/{rel}" if base and rel else (base or rel)


def _web_url_for(api_url: str) -> str:
    """The web address repositories of this API live at: github.com for api.github.com,
    https://host for a GitHub Enterprise .../api/v3, and github.com for anything else."""
    parts = urlsplit(api_url)
    if parts.path.rstrip("/").endswith("/api/v3"):
        return f"{parts.scheme}://{parts.netloc}"
    return GITHUB_WEB


@dataclass(frozen=True)
class _WebLink:
    owner: str
    repo: str
    kind: str  # "blob", "tree", "raw", "root" or "page"
    ref: str | None
    path: str
    # A ref may itself contain slashes (blob/release/1.0/GOVERNANCE.md): the other ways to split
    # the segments after blob/, tree/ or a raw link's repository, longer refs last.
    longer_refs: tuple[tuple[str, str], ...] = ()

    def splits(self) -> list[tuple[str | None, str]]:
        """Each (ref, path) the link may mean; the shortest ref first, as GitHub settles them."""
        return [(self.ref, self.path), *self.longer_refs]


def _parse_web_link(url: str, web_hosts: frozenset[str]) -> _WebLink | None:
    """A link into a repository on the web host (or raw.githubusercontent.com), or None."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme.lower() not in ("http", "https"):
        return None
    segments = [unquote(s) for s in parts.path.split("/") if s]
    after: list[str] = []  # the segments from the ref on
    if host == _RAW_HOST and "github.com" in web_hosts:
        if len(segments) < 4:
            return None
        owner, repo, after = segments[0], segments[1], segments[2:]
        kind = "raw"
    elif host in web_hosts:
        if len(segments) < 2:
            return None
        owner, repo = segments[0], _strip_git(segments[1])
        if len(segments) == 2:
            kind = "root"
        elif segments[2] in ("blob", "tree") and len(segments) >= 4:
            kind, after = segments[2], segments[3:]
        else:
            kind = "page"
    else:
        return None
    if not _OWNER_RE.fullmatch(owner) or not _REPO_RE.fullmatch(repo) or repo in (".", ".."):
        return None
    if not after:
        return _WebLink(owner, repo, kind, None, "")
    splits = []
    for cut in range(1, len(after) + 1):
        ref, rest = "/".join(after[:cut]), "/".join(after[cut:])
        if not _valid_ref(ref) or (cut > 1 and not rest and kind != "tree"):
            continue  # a file link needs a path after its ref
        if rest:
            rest = _clean_path(rest.rstrip("/")) or ""
            if not rest:
                continue
        splits.append((ref, rest))
    if not splits or splits[0][0] != after[0]:
        return None  # the first segment is not a ref name
    (ref, rest), *longer = splits
    return _WebLink(owner, repo, kind, ref, rest, tuple(longer))


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _git_blob_sha(data: bytes, algorithm: str) -> str:
    digest = hashlib.new(algorithm)
    digest.update(b"blob %d\0" % len(data))
    digest.update(data)
    return digest.hexdigest()


# --------------------------------------------------------------------------------------------------
# The per-run registry: each repository is resolved once, however many links point at it

class _Registry:
    def __init__(self, client: HttpClient, *, follow_external: bool, web_url: str,
                 max_repositories: int = MAX_REPOSITORIES) -> None:
        self.client = client
        self.follow_external = follow_external
        self.web_url = web_url
        web_host = (urlsplit(web_url).hostname or "").lower()
        self.web_hosts = frozenset(_GITHUB_HOSTS | {web_host}) if web_url == GITHUB_WEB else frozenset({web_host})
        self.max_repositories = max_repositories
        self.sources: list[GitHubSource] = []
        self.externals: dict[str, ExternalSource] = {}
        self.warnings: list[str] = []

    def add(self, source: GitHubSource) -> None:
        self.sources.append(source)

    def canonical(self, source: GitHubSource) -> GitHubSource:
        """An earlier source already pinned to the same repository, folder and commit, else ``source``:
        a branch named in a link and the default branch are often the same commit."""
        for other in self.sources:
            if other is not source and other._commit == source._commit and \
                    other._is(source.target.owner, source.target.repo, source.subpath):
                return other
        return source

    def find(self, owner: str, repo: str, ref: str | None, subpath: str = "") -> GitHubSource | None:
        for source in self.sources:
            if source._is(owner, repo, subpath) and source._answers_to(ref):
                return source
        return None

    def get(self, owner: str, repo: str, ref: str | None, subpath: str = "") -> GitHubSource | None:
        """The source for that repository and ref, created on first use; None past the limit."""
        found = self.find(owner, repo, ref, subpath)
        if found is not None:
            return found
        repos = {(s.target.owner.lower(), s.target.repo.lower()) for s in self.sources}
        if (owner.lower(), repo.lower()) not in repos and len(repos) >= self.max_repositories:
            message = (f"github:{owner}/{repo}: not fetched; a check reads at most "
                       f"{self.max_repositories} repositories")
            if message not in self.warnings:
                self.warnings.append(message)
            return None
        return GitHubSource(GitHubTarget(owner, repo, ref, subpath), self.client, _registry=self)

    def external(self, url: str) -> ExternalSource:
        if url not in self.externals:
            self.externals[url] = ExternalSource(url, self.client)
        return self.externals[url]


# --------------------------------------------------------------------------------------------------
# The source

@dataclass(frozen=True)
class _Blob:
    sha: str
    size: int | None


class GitHubSource:
    """The files of one repository at one commit (optionally one folder of it), read through the API.

    Nothing is fetched until needed; ``resolve()`` pins the commit eagerly (open_github_source calls it
    so a missing repository is reported before anything else). Paths are relative to ``subpath``.
    """

    def __init__(self, target: GitHubTarget, client: HttpClient, *, follow_external: bool = False,
                 web_url: str | None = None, max_repositories: int = MAX_REPOSITORIES,
                 _registry: _Registry | None = None) -> None:
        self.target = target
        self.client = client
        if _registry is None:
            _registry = _Registry(client, follow_external=follow_external,
                                  web_url=(web_url or _web_url_for(client.api_url)).rstrip("/"),
                                  max_repositories=max_repositories)
        self._registry = _registry
        self._registry.add(self)
        self._ref = target.ref  # the ref asked for, then the one resolved
        self._subpath = target.subpath
        self._default_branch: str | None = None
        self._repo_checked = False
        self._commit: str | None = None
        self._blobs: dict[str, _Blob] | None = None
        self._files: list[str] | None = None
        self._fallbacks: list[GitHubSource] | None = None
        self._probed: dict[str, bytes] = {}  # bodies fetched for their heads, kept for the read that follows

    # How many files' heads discovery's heading test reads here: each one costs a request.
    probe_files = 8

    def __repr__(self) -> str:
        return f"GitHubSource({self.label!r}, commit={self._commit[:12] if self._commit else None!r})"

    # -- identity ----------------------------------------------------------------------------------

    @property
    def label(self) -> str:
        text = f"github:{self.target.owner}/{self.target.repo}"
        if self.target.ref:
            text += f"@{self._ref}"
        if self._subpath:
            text += f":{self._subpath}"
        return text

    @property
    def _repo_label(self) -> str:
        return f"github:{self.target.owner}/{self.target.repo}"

    @property
    def subpath(self) -> str:
        return self._subpath

    @property
    def ref(self) -> str:
        """The branch, tag or sha checked (the default branch when none was given)."""
        self.resolve()
        assert self._ref is not None
        return self._ref

    @property
    def default_branch(self) -> str | None:
        return self._default_branch

    @property
    def commit(self) -> str:
        """The commit sha every read is pinned to."""
        self.resolve()
        assert self._commit is not None
        return self._commit

    @property
    def follow_external(self) -> bool:
        return self._registry.follow_external

    @property
    def web_url(self) -> str:
        return self._registry.web_url

    @property
    def warnings(self) -> list[str]:
        """Things the report should mention: a truncated listing, unsafe paths, an unusable cache."""
        return [*self.client.warnings, *self._registry.warnings]

    def _is(self, owner: str, repo: str, subpath: str) -> bool:
        return (self.target.owner.lower() == owner.lower() and self.target.repo.lower() == repo.lower()
                and self._subpath == subpath)

    def _answers_to(self, ref: str | None) -> bool:
        if ref is None:
            return self.target.ref is None or (self._default_branch is not None and self._ref == self._default_branch)
        return ref in (self.target.ref, self._ref, self._commit) or (
            self.target.ref is None and ref == self._default_branch)

    def close(self) -> None:
        self.client.close()

    # -- resolution --------------------------------------------------------------------------------

    def _api(self, tail: str = "") -> str:
        return f"repos/{self.target.owner}/{self.target.repo}{tail}"

    def _not_found(self, status: int) -> SourceError:
        from govlint.sources.http import RemoteNotFound

        return RemoteNotFound(f"{self._repo_label}: repository not found or private (HTTP {status})", status=status)

    def _check_repository(self) -> None:
        """GET /repos/{o}/{r}: raises 'not found or private'; learns the default branch."""
        from govlint.sources.http import RemoteNotFound

        if self._repo_checked:
            return
        try:
            data = self.client.get_json(self._api(), context=self._repo_label,
                                        check=lambda d: isinstance(d, dict) and isinstance(d.get("default_branch"), str))
        except RemoteNotFound as err:
            raise self._not_found(err.status) from None
        branch = data["default_branch"]
        if not _valid_ref(branch):
            raise SourceError(f"{self._repo_label}: the API gave an invalid default branch name")
        self._default_branch = branch
        self._repo_checked = True

    def _commit_for(self, ref: str) -> str:
        """GET /repos/{o}/{r}/commits/{ref}, asking for the bare sha (a commit's JSON lists its files)."""
        response = self.client.get_api(self._api(f"/commits/{quote(ref, safe='/')}"), accept=_SHA_ACCEPT,
                                       context=self._repo_label)
        body = response.content.strip()
        sha: Any = None
        if body.startswith(b"{"):  # a server that ignores the sha media type sends the JSON
            import json

            try:
                data = json.loads(body)
                sha = data.get("sha") if isinstance(data, dict) else None
            except (ValueError, RecursionError):
                sha = None
        else:
            try:
                sha = body.decode("ascii").lower()
            except UnicodeDecodeError:
                sha = None
        if not isinstance(sha, str) or not _SHA_RE.fullmatch(sha):
            self.client.evict(response)
            raise SourceError(f"{self._repo_label}: {self.client.api_host} sent a malformed answer for "
                              f"the commit of {ref!r}")
        return sha

    def last_commit(self, author: str) -> str | None:
        """The date (ISO 8601) of the newest commit by ``author`` (a GitHub login) on the default
        branch, or None: ``GET /repos/{o}/{r}/commits?author={login}&per_page=1``, cached like every
        other response (govlint review --activity)."""
        data = self.client.get_json(self._api("/commits"), params={"author": author, "per_page": "1"},
                                    context=self._repo_label, check=lambda d: isinstance(d, list))
        if not data or not isinstance(data[0], dict):
            return None
        commit = data[0].get("commit") if isinstance(data[0].get("commit"), dict) else {}
        for who in ("author", "committer"):
            date = (commit.get(who) or {}).get("date") if isinstance(commit.get(who), dict) else None
            if isinstance(date, str) and _ISO_DATE.match(date):
                return date[:10]
        return None

    def resolve(self) -> None:
        """Pin the commit: the default branch's head, or the ref's. Raises SourceError (RemoteNotFound
        for a repository or ref that does not exist)."""
        from govlint.sources.http import RemoteNotFound

        if self._commit is not None:
            return
        if self.target.ref is None:
            self._check_repository()
            ref = self._default_branch
            assert ref is not None
            try:
                self._commit = self._commit_for(ref)
            except RemoteNotFound as err:
                raise RemoteNotFound(f"{self._repo_label}: the default branch {ref!r} has no commit "
                                     f"(HTTP {err.status}); is the repository empty?", status=err.status) from None
            self._ref = ref
            return
        candidates = [(self.target.ref, self.target.subpath)]
        if self.target.ref_is_ambiguous:
            parts = self.target.subpath.split("/")
            candidates += [("/".join([self.target.ref, *parts[:i]]), "/".join(parts[i:]))
                           for i in range(1, len(parts) + 1)]
        last: RemoteNotFound | None = None
        for ref, subpath in candidates:
            if not _valid_ref(ref):
                continue
            try:
                self._commit = self._commit_for(ref)
            except RemoteNotFound as err:
                last = err
                continue
            self._ref, self._subpath = ref, subpath
            return
        self._check_repository()  # a missing repository explains the 404 better than a missing ref
        status = last.status if last else 404
        raise RemoteNotFound(f"{self._repo_label}: no branch, tag or commit named {self.target.ref!r} "
                             f"(HTTP {status})", status=status)

    # -- listing -----------------------------------------------------------------------------------

    def _tree(self) -> dict[str, _Blob]:
        """Every regular file of the commit, from one recursive tree request; unsafe paths dropped."""
        if self._blobs is not None:
            return self._blobs
        commit = self.commit
        data = self.client.get_json(self._api(f"/git/trees/{commit}"), params={"recursive": "1"},
                                    context=self.label,
                                    check=lambda d: isinstance(d, dict) and isinstance(d.get("tree"), list))
        blobs: dict[str, _Blob] = {}
        unsafe = 0
        for entry in data["tree"]:
            if not isinstance(entry, dict) or entry.get("type") != "blob":
                continue  # folders ("tree") and submodules ("commit")
            if str(entry.get("mode", "")) == "120000":
                continue  # a symlink's content is its target path, not a document
            path = _clean_path(entry.get("path"))
            if path is None:
                unsafe += 1
                continue
            sha = entry.get("sha")
            size = entry.get("size")
            blobs[path] = _Blob(sha if isinstance(sha, str) and _SHA_RE.fullmatch(sha) else "",
                                size if isinstance(size, int) and size >= 0 else None)
        if unsafe:
            self._registry.warnings.append(f"{self.label}: ignored {unsafe} unsafe path"
                                           f"{'s' if unsafe > 1 else ''} in the repository listing")
        if data.get("truncated"):
            self._registry.warnings.append(f"{self.label}: the repository is too large for one listing; "
                                           "some files were not seen")
        self._blobs = blobs
        return blobs

    def list_files(self) -> list[str]:
        if self._files is None:
            blobs = self._tree()
            prefix = f"{self._subpath}/" if self._subpath else ""
            files = sorted(p[len(prefix):] for p in blobs if p.startswith(prefix) and _listed(p[len(prefix):]))
            if self._subpath and not any(p.startswith(prefix) for p in blobs):
                raise SourceError(f"{self.label}: no folder {self._subpath!r} at commit {self.commit[:12]}")
            self._files = files
        return self._files

    def exists(self, path: str) -> bool:
        clean = _clean_path(path)
        return clean is not None and _join(self._subpath, clean) in self._tree()

    # -- reading -----------------------------------------------------------------------------------

    def read_head(self, path: str, limit: int) -> bytes:
        """The file's first ``limit`` bytes. The contents endpoint sends the whole file, so it is kept:
        when discovery then reads the document, no second request is made."""
        body = self.read_bytes(path)
        self._probed[path] = body
        return body[:limit]

    def read_bytes(self, path: str) -> bytes:
        from govlint.sources.http import RemoteNotFound

        if path in self._probed:
            return self._probed.pop(path)
        clean = _clean_path(path)
        if clean is None:
            raise UnreadableFile("not a valid path inside the repository")
        full = _join(self._subpath, clean)
        try:
            commit = self.commit
        except RemoteNotFound as err:
            raise UnreadableFile(str(err)) from None
        if self._blobs is not None:
            blob = self._blobs.get(full)
            if blob is None:
                raise UnreadableFile(f"no such file in {self._repo_label} at commit {commit[:12]}")
            if blob.size is not None and blob.size > MAX_DOCUMENT_BYTES:
                raise UnreadableFile(_too_large(blob.size))
        api_path = self._api(f"/contents/{quote(full, safe='/')}")
        try:
            data, response = self.client.fetch_json(api_path, params={"ref": commit}, context=self.label)
        except RemoteNotFound:
            raise UnreadableFile(f"no such file in {self._repo_label} at commit {commit[:12]}") from None
        if isinstance(data, list):
            raise UnreadableFile("a folder, not a file")
        if not isinstance(data, dict) or not isinstance(data.get("type"), str):
            raise SourceError(f"{self.label}: {self.client.api_host} sent an unexpected answer for {full}")
        if data["type"] != "file":
            raise UnreadableFile(f"a {data['type']}, not a file")
        size = data.get("size")
        if isinstance(size, int) and size > MAX_DOCUMENT_BYTES:
            raise UnreadableFile(_too_large(size))
        content, encoding = data.get("content"), data.get("encoding")
        if encoding == "base64" and isinstance(content, str):
            try:
                body = base64.b64decode(content.encode("ascii"), validate=False)
            except (binascii.Error, UnicodeEncodeError, ValueError):
                body = None
        elif not content and isinstance(size, int) and size > 0:
            # Over 1 MB GitHub sends no content in the JSON; the same endpoint serves the raw bytes.
            response = self.client.get_api(api_path, params={"ref": commit}, accept=_RAW_ACCEPT, context=self.label)
            body = response.content
        elif not content and size in (0, None):
            body = b""
        else:
            body = None
        expected = data.get("sha")
        if body is not None and isinstance(expected, str) and _SHA_RE.fullmatch(expected):
            if _git_blob_sha(body, "sha1" if len(expected) == 40 else "sha256") != expected:
                body = None
        if body is None or (isinstance(size, int) and len(body) != size):
            self.client.evict(response)
            raise SourceError(f"{self.label}: {self.client.api_host} sent a malformed or corrupt body for {full}")
        return body

    # -- links -------------------------------------------------------------------------------------

    def url_for(self, path: str, line: int | None = None) -> str | None:
        """``https://github.com/owner/repo/blob/<sha>/<path>#L<line>``; Markdown files get ``?plain=1``
        with a line, since GitHub only highlights lines of a rendered document in its source view."""
        try:
            commit = self.commit
        except SourceError:
            return None
        full = _join(self._subpath, path)
        url = f"{self.web_url}/{self.target.owner}/{self.target.repo}/blob/{commit}/{quote(full, safe='/')}"
        if line:
            if full.lower().endswith(_MARKDOWN_SUFFIXES):
                url += "?plain=1"
            url += f"#L{int(line)}"
        return url

    def _locate(self, full: str) -> Located | None:
        """A file (or a folder's index) of this repository, by its path from the repository root."""
        blobs = self._tree()
        found = full if full in blobs else next(
            (f"{full}/{name}" for name in _INDEX_NAMES if f"{full}/{name}" in blobs), None)
        if found is None:
            return None
        prefix = f"{self._subpath}/" if self._subpath else ""
        if found.startswith(prefix):
            return Located(self, found[len(prefix):])
        root = self._repo_root()
        return Located(root, found) if root is not None else None

    def _repo_root(self) -> GitHubSource | None:
        """This repository at this commit, without the folder restriction (for links out of it)."""
        if not self._subpath:
            return self
        root = self._registry.find(self.target.owner, self.target.repo, self._commit or self._ref, "")
        if root is None:
            root = GitHubSource(GitHubTarget(self.target.owner, self.target.repo, self._commit or self._ref),
                                self.client, _registry=self._registry)
            if self._commit:
                root._commit, root._ref, root._blobs = self._commit, self._commit, self._blobs
        return root

    def resolve_link(self, from_path: str, href: str) -> Located | External | None:
        scheme, target = split_href(href)
        if scheme in ("http", "https"):
            return self._resolve_absolute(href.strip())
        if scheme or not target:
            return None  # mailto:, anchors within the page
        full = join_relative(_join(self._subpath, from_path), target)
        if full is None:
            return None
        return self._locate(full)

    def _resolve_absolute(self, url: str) -> Located | External | None:
        link = _parse_web_link(url, self._registry.web_hosts)
        if link is None:
            return self._external(url)
        if link.kind in ("root", "page") or (link.kind != "tree" and not link.path):
            return External(url)  # issues, pull requests, a repository's front page: not documents
        if link.owner.lower() == self.target.owner.lower() and link.repo.lower() == self.target.repo.lower():
            # This repository, whatever ref the link names: read the commit being checked, at the
            # first reading of the link whose path it has.
            root = self._repo_root()
            if root is None:
                return None
            return next((found for _, path in link.splits() if (found := root._locate(path)) is not None), None)
        same_org = link.owner.lower() == self.target.owner.lower()
        if not same_org and not self.follow_external:
            return External(url)
        ref, path = link.ref, link.path
        if link.longer_refs:
            ref, path = self._existing_split(link)
        other = self._registry.get(link.owner, link.repo, ref)
        if other is None:
            return External(url)
        if link.kind == "tree":
            return self._locate_in(other, path, url)
        return Located(other, path)

    def _existing_split(self, link: _WebLink) -> tuple[str | None, str]:
        """The link's (ref, path) with the shortest ref the other repository has; the first reading
        when it has none of them, or cannot be asked (reading it then reports why, as for any link)."""
        from govlint.sources.http import RemoteNotFound

        for ref, path in link.splits():
            other = self._registry.get(link.owner, link.repo, ref)
            if other is None:
                break
            try:
                other.resolve()
            except RemoteNotFound:
                continue
            except SourceError:
                break  # the server is failing: no more requests for this link
            return ref, path
        return link.ref, link.path

    @staticmethod
    def _locate_in(other: GitHubSource, folder: str, url: str) -> Located | External:
        """A folder link into another repository: its index file, which needs that repository's listing."""
        from govlint.sources.http import RemoteNotFound

        try:
            found = other._locate(folder) if folder else other._locate_root_index()
        except RemoteNotFound:
            return External(url)
        return found if found is not None else External(url)

    def _locate_root_index(self) -> Located | None:
        blobs = self._tree()
        name = next((n for n in _INDEX_NAMES if n in blobs), None)
        return Located(self, name) if name else None

    def _external(self, url: str) -> Located | External:
        if self.follow_external and urlsplit(url).scheme.lower() in self.client.settings.external_schemes:
            source = self._registry.external(url)
            return Located(source, source.path)
        return External(url)

    # -- fallback ----------------------------------------------------------------------------------

    def fallback_sources(self) -> list[GitHubSource]:
        """The organisation's ``.github`` repository, where GitHub looks for default community files;
        empty when there is none (or this is it)."""
        from govlint.sources.http import RemoteNotFound

        if self._fallbacks is None:
            self._fallbacks = []
            if self.target.repo.lower() != ".github":
                source = self._registry.get(self.target.owner, ".github", None)
                if source is not None:
                    try:
                        source.resolve()
                    except RemoteNotFound:
                        pass
                    else:
                        self._fallbacks = [self._registry.canonical(source)]
        return list(self._fallbacks)


def _too_large(size: int) -> str:
    return (f"{size // (1024 * 1024)} MB is larger than the {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB "
            "limit for a document")


# --------------------------------------------------------------------------------------------------
# A followed link outside GitHub (only with follow_external)

_TEXT_TYPES = ("text/markdown", "text/x-markdown", "text/plain")
_TEXT_SUFFIXES = (*_MARKDOWN_SUFFIXES, ".txt")


class ExternalSource:
    """One document behind a plain HTTPS link: fetched without the token, size-capped, Markdown or
    plain text only. Any failure makes the document unreadable, never the whole check.

    ``label`` is the site (``https://example.org``) and the one path is the URL's path
    (``docs/policy.md``), so ``f"{label}/{path}"`` reads as the link itself.
    """

    def __init__(self, url: str, client: HttpClient) -> None:
        parts = urlsplit(url)
        self.url = url
        self.label = f"{parts.scheme.lower()}://{parts.netloc}"
        self.path = unquote(parts.path).strip("/") or "index"
        self.client = client
        self._body: bytes | None = None

    def __repr__(self) -> str:
        return f"ExternalSource({self.url!r})"

    def list_files(self) -> list[str]:
        return [self.path]

    def read_bytes(self, path: str) -> bytes:
        if path != self.path:
            raise UnreadableFile("not this link's document")
        if self._body is None:
            try:
                body, content_type = self.client.fetch_external(self.url)
            except SourceError as err:
                raise UnreadableFile(str(err)) from None
            media = content_type.split(";")[0].strip().lower()
            by_name = urlsplit(self.url).path.lower().endswith(_TEXT_SUFFIXES)
            if media not in _TEXT_TYPES and not (by_name and media in ("", "application/octet-stream")):
                raise UnreadableFile(f"{media or 'an untyped body'} is not a Markdown or plain-text document")
            if len(body) > MAX_DOCUMENT_BYTES:
                raise UnreadableFile(_too_large(len(body)))
            self._body = body
        return self._body

    def url_for(self, path: str, line: int | None = None) -> str | None:
        return self.url

    def resolve_link(self, from_path: str, href: str) -> Located | External | None:
        scheme, target = split_href(href)
        if scheme in ("http", "https"):
            return External(href.strip())
        if scheme or not target:
            return None
        absolute = urljoin(self.url, href.strip())
        return External(absolute) if urlsplit(absolute).scheme in ("http", "https") else None


# --------------------------------------------------------------------------------------------------
# The factory govlint.api uses

def open_github_source(target: GitHubTarget | str, *, api_url: str | None = None, token_env: str | None = None,
                       cache_dir: str | os.PathLike[str] | None = None, no_cache: bool = False,
                       follow_external: bool = False, timeout: float | None = None) -> GitHubSource:
    """A resolved GitHubSource: the commit is pinned before this returns, so a missing repository,
    a bad ref, a rate limit or an unreachable API is a SourceError (exit code 2) up front.
    ``timeout`` bounds everything the check of this target asks of the network, in seconds."""
    from govlint.sources.http import HttpClient, HttpSettings, resolve_token

    if isinstance(target, str):
        parsed = parse_github_target(target)
        if parsed is None:
            raise UsageError(f"{target}: not a GitHub target (expected github:owner/repo or a github.com URL)")
        target = parsed
    token = resolve_token(token_env)
    settings = HttpSettings(target_timeout=timeout) if timeout is not None else None
    client = HttpClient(api_url=api_url, token=token, cache_dir=cache_dir, no_cache=no_cache, settings=settings)
    if token_env and token is None:
        client.warnings.append(f"${token_env} is not set; continuing without a token")
    source = GitHubSource(target, client, follow_external=follow_external)
    try:
        source.resolve()
    except BaseException:
        client.close()
        raise
    return source
