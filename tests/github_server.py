"""A GitHub REST API look-alike on 127.0.0.1, serving repositories from fixture folders.

Used by the tests (through the ``github_server`` fixture) and by ``benchmarks/remote.py``. It answers
the four endpoints govlint uses, from real files under ``<root>/<owner>/<repo>/``:

* ``GET /repos/{o}/{r}``                              ``{"default_branch": "main", ...}``
* ``GET /repos/{o}/{r}/commits/{ref}``                JSON, or the bare sha for ``Accept: application/vnd.github.sha``
* ``GET /repos/{o}/{r}/git/trees/{sha}?recursive=1``  every folder and file, with git blob shas and sizes
* ``GET /repos/{o}/{r}/contents/{path}?ref={ref}``    base64 JSON (raw bytes for ``Accept: application/vnd.github.raw``)
* ``GET /repos/{o}/{r}/commits?author={login}``        the commits of ``commit_log[(owner, repo)]`` by that author, newest first

Every 200 carries an ETag, and a matching If-None-Match gets a 304 with no body; rate-limit headers
count down per client kind (with or without a token). Each request is recorded (status, whether it
carried Authorization and If-None-Match). Faults can be injected for the next N matching requests:
5xx, slow answers, a 403 rate limit with a reset time, a malformed JSON body, a redirect.
Anything else is a 404, recorded as ``unexpected``.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

FIXTURES = Path(__file__).parent / "fixtures" / "github"
DEFAULT_BRANCH = "main"


@dataclass
class Record:
    method: str
    path: str
    query: str
    status: int
    endpoint: str  # "repo", "commits", "trees", "contents", "static" or "unexpected"
    authorization: str | None
    conditional: bool
    accept: str


@dataclass
class Fault:
    kind: str  # "status", "slow", "rate_limit", "malformed", "redirect"
    times: int
    match: str | None = None
    status: int = 500
    seconds: float = 0.0
    reset_in: float = 3600.0
    retry_after: str | None = None
    location: str = ""
    hits: int = 0

    def applies(self, path: str) -> bool:
        return self.times > 0 and (self.match is None or self.match in path)


@dataclass
class _Repo:
    owner: str
    name: str
    folder: Path


@dataclass
class _Snapshot:
    commit: str
    tree_sha: str
    files: dict[str, bytes]
    dirs: list[str]


def git_blob_sha(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


class GitHubFixtureServer:
    """Start with ``with GitHubFixtureServer(root) as server: ...``; ``server.url`` is the API base URL."""

    def __init__(self, root: Path | str = FIXTURES, *, latency: float = 0.0, host: str = "127.0.0.1",
                 inline_limit: int = 1024 * 1024) -> None:
        self.root = Path(root)
        self.latency = latency
        self.inline_limit = inline_limit  # larger files get no "content" in the JSON, as on GitHub
        self.records: list[Record] = []
        self.faults: list[Fault] = []
        self.refs: dict[tuple[str, str], set[str]] = {}  # extra branch/tag names, all at the one commit
        self.extra_tree_entries: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.static: dict[str, tuple[bytes, str]] = {}  # path -> (body, content type), any host's pages
        # (owner, repo) -> [{"author": login, "date": "2025-01-31T12:00:00Z"}, ...]: the commits list endpoint
        self.commit_log: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.started = time.time()
        self._lock = threading.Lock()
        self._used = {"token": 0, "anonymous": 0}
        self._snapshots: dict[str, tuple[Any, _Snapshot]] = {}
        handler = type("Handler", (_Handler,), {"fixture": self})
        self._httpd = ThreadingHTTPServer((host, 0), handler)
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> GitHubFixtureServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01},
                                        name="github-fixture-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread:
            self._thread.join(timeout=2)

    def __enter__(self) -> GitHubFixtureServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- faults ------------------------------------------------------------------------------------

    def fail(self, times: int = 1, *, status: int = 500, match: str | None = None,
             retry_after: str | None = None) -> Fault:
        return self._add(Fault("status", times, match, status=status, retry_after=retry_after))

    def slow(self, seconds: float, times: int = 1, *, match: str | None = None) -> Fault:
        return self._add(Fault("slow", times, match, seconds=seconds))

    def rate_limit(self, reset_in: float, times: int = 1, *, match: str | None = None) -> Fault:
        """A primary rate limit: 403, X-RateLimit-Remaining: 0, X-RateLimit-Reset = now + reset_in."""
        return self._add(Fault("rate_limit", times, match, status=403, reset_in=reset_in))

    def malformed(self, times: int = 1, *, match: str | None = None) -> Fault:
        return self._add(Fault("malformed", times, match))

    def redirect(self, location: str, times: int = 1, *, match: str | None = None) -> Fault:
        return self._add(Fault("redirect", times, match, status=302, location=location))

    def _add(self, fault: Fault) -> Fault:
        with self._lock:
            self.faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._lock:
            self.faults.clear()

    def add_ref(self, owner: str, repo: str, name: str) -> None:
        self.refs.setdefault((owner.lower(), repo.lower()), set()).add(name)

    # -- counters ----------------------------------------------------------------------------------

    def reset_counts(self) -> None:
        with self._lock:
            self.records.clear()

    def count(self, *, endpoint: str | None = None, status: int | None = None, match: str | None = None) -> int:
        with self._lock:
            return sum(1 for r in self.records if (endpoint is None or r.endpoint == endpoint)
                       and (status is None or r.status == status) and (match is None or match in r.path))

    @property
    def full(self) -> int:
        """Requests answered 200 with a body."""
        return self.count(status=200)

    @property
    def not_modified(self) -> int:
        return self.count(status=304)

    @property
    def total(self) -> int:
        return len(self.records)

    @property
    def with_authorization(self) -> list[Record]:
        with self._lock:
            return [r for r in self.records if r.authorization]

    @property
    def unexpected(self) -> list[Record]:
        with self._lock:
            return [r for r in self.records if r.endpoint == "unexpected"]

    def _record(self, record: Record) -> None:
        with self._lock:
            self.records.append(record)

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.applies(path):
                    fault.times -= 1
                    fault.hits += 1
                    return fault
        return None

    # -- the repositories --------------------------------------------------------------------------

    def _repo(self, owner: str, name: str) -> _Repo | None:
        for owner_dir in (d for d in self.root.iterdir() if d.is_dir()) if self.root.is_dir() else ():
            if owner_dir.name.lower() != owner.lower():
                continue
            for repo_dir in (d for d in owner_dir.iterdir() if d.is_dir()):
                if repo_dir.name.lower() == name.lower():
                    return _Repo(owner_dir.name, repo_dir.name, repo_dir)
        return None

    def snapshot(self, owner: str, name: str) -> _Snapshot:
        """The repository's one commit, computed from the files on disk now (recomputed only when a
        file's size or modification time changed)."""
        repo = self._repo(owner, name)
        assert repo is not None, f"no fixture repository {owner}/{name}"
        stamp = []
        for dirpath, dirnames, filenames in os.walk(repo.folder):
            dirnames.sort()
            for filename in sorted(filenames):
                info = os.stat(os.path.join(dirpath, filename))
                stamp.append((dirpath, filename, info.st_size, info.st_mtime_ns))
        key = (str(repo.folder), tuple(stamp))
        with self._lock:
            cached = self._snapshots.get(str(repo.folder))
        if cached is not None and cached[0] == key:
            return cached[1]
        files: dict[str, bytes] = {}
        dirs: set[str] = set()
        for path in sorted(repo.folder.rglob("*")):
            rel = path.relative_to(repo.folder).as_posix()
            if path.is_dir():
                dirs.add(rel)
            elif path.is_file():
                files[rel] = path.read_bytes()
        digest = hashlib.sha1()
        for rel, data in files.items():
            digest.update(rel.encode() + b"\0" + git_blob_sha(data).encode())
        commit = digest.hexdigest()
        snap = _Snapshot(commit, hashlib.sha1(b"tree" + commit.encode()).hexdigest(), files, sorted(dirs))
        with self._lock:
            self._snapshots[str(repo.folder)] = (key, snap)
        return snap

    def commit_of(self, owner: str, name: str) -> str:
        return self.snapshot(owner, name).commit

    def _ref_ok(self, repo: _Repo, ref: str, snap: _Snapshot) -> bool:
        return ref in (DEFAULT_BRANCH, "HEAD", snap.commit, f"heads/{DEFAULT_BRANCH}") or \
            ref in self.refs.get((repo.owner.lower(), repo.name.lower()), set())


def _json(data: Any) -> bytes:
    return json.dumps(data, indent=1, sort_keys=True).encode()


class _Handler(BaseHTTPRequestHandler):
    fixture: GitHubFixtureServer
    protocol_version = "HTTP/1.1"
    server_version = "GitHubFixture/1.0"
    disable_nagle_algorithm = True  # headers and body go out at once: no 40 ms delayed-ACK stall

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence the default log
        pass

    def do_GET(self) -> None:  # noqa: N802
        fixture = self.fixture
        if fixture.latency:
            time.sleep(fixture.latency)
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        query = parse_qs(parts.query)
        self._auth = self.headers.get("Authorization")
        accept = self.headers.get("Accept", "")
        fault = fixture._take_fault(parts.path)
        if fault and fault.kind == "slow":
            time.sleep(fault.seconds)
            fault = None
        endpoint, status, body, ctype = self._route(path, query, accept)
        extra: dict[str, str] = {}
        if fault is not None:
            if fault.kind == "status":
                status, body, ctype = fault.status, _json({"message": "Server Error"}), "application/json"
                if fault.retry_after:
                    extra["Retry-After"] = fault.retry_after
            elif fault.kind == "rate_limit":
                status, ctype = 403, "application/json"
                body = _json({"message": "API rate limit exceeded for 127.0.0.1. (But here's the good news: "
                                         "Authenticated requests get a higher rate limit.)"})
                extra.update({"X-RateLimit-Remaining": "0",
                              "X-RateLimit-Reset": str(int(time.time() + fault.reset_in))})
            elif fault.kind == "malformed":
                status, body, ctype = 200, b'{"sha": "abc", "tree": [', "application/json"
            elif fault.kind == "redirect":
                status, body, ctype = fault.status, b"", "text/plain"
                extra["Location"] = fault.location
        self._send(endpoint, status, body, ctype, extra, parts, accept)

    # -- routing -----------------------------------------------------------------------------------

    def _route(self, path: str, query: dict[str, list[str]], accept: str) -> tuple[str, int, bytes, str]:
        fixture = self.fixture
        if path in fixture.static:
            body, ctype = fixture.static[path]
            return "static", 200, body, ctype
        segments = path.strip("/").split("/")
        if len(segments) < 3 or segments[0] != "repos":
            return "unexpected", 404, _json({"message": "Not Found"}), "application/json"
        owner, name, rest = segments[1], segments[2], segments[3:]
        endpoint = {(): "repo"}.get(tuple(rest)) or {"commits": "commits", "git": "trees",
                                                      "contents": "contents"}.get(rest[0] if rest else "", "unexpected")
        if endpoint == "trees" and (len(rest) < 3 or rest[1] != "trees"):
            endpoint = "unexpected"
        repo = fixture._repo(owner, name)
        if repo is None or endpoint == "unexpected":
            return endpoint, 404, _json({"message": "Not Found"}), "application/json"
        snap = fixture.snapshot(repo.owner, repo.name)
        if endpoint == "repo":
            return endpoint, 200, _json({"name": repo.name, "full_name": f"{repo.owner}/{repo.name}",
                                         "owner": {"login": repo.owner}, "private": False,
                                         "default_branch": DEFAULT_BRANCH}), "application/json"
        if endpoint == "commits" and len(rest) == 1:  # the list, filtered by ?author=
            author = (query.get("author") or [""])[0].lower()
            log = fixture.commit_log.get((repo.owner.lower(), repo.name.lower()), [])
            found = sorted((c for c in log if c["author"].lower() == author), key=lambda c: c["date"], reverse=True)
            limit = int((query.get("per_page") or ["30"])[0])
            return endpoint, 200, _json([{"sha": hashlib.sha1(f"{c['author']}{c['date']}".encode()).hexdigest(),
                                          "commit": {"author": {"name": c["author"], "date": c["date"]},
                                                     "committer": {"name": c["author"], "date": c["date"]}},
                                          "author": {"login": c["author"]}} for c in found[:limit]]), "application/json"
        if endpoint == "commits":
            ref = "/".join(rest[1:])
            if not fixture._ref_ok(repo, ref, snap):
                return endpoint, 422, _json({"message": f"No commit found for SHA: {ref}"}), "application/json"
            if "application/vnd.github.sha" in accept:
                return endpoint, 200, snap.commit.encode(), "application/vnd.github.sha; charset=utf-8"
            return endpoint, 200, _json({"sha": snap.commit, "commit": {"message": "fixture", "tree": {
                "sha": snap.tree_sha}}, "files": [{"filename": p} for p in snap.files]}), "application/json"
        if endpoint == "trees":
            sha = "/".join(rest[2:])
            if sha not in (snap.commit, snap.tree_sha):
                return endpoint, 404, _json({"message": "Not Found"}), "application/json"
            entries: list[dict[str, Any]] = [{"path": d, "mode": "040000", "type": "tree",
                                              "sha": hashlib.sha1(d.encode()).hexdigest()} for d in snap.dirs]
            entries += [{"path": p, "mode": "100644", "type": "blob", "sha": git_blob_sha(data), "size": len(data)}
                        for p, data in snap.files.items()]
            entries += fixture.extra_tree_entries.get((repo.owner.lower(), repo.name.lower()), [])
            entries.sort(key=lambda e: str(e.get("path")))
            return endpoint, 200, _json({"sha": snap.tree_sha, "tree": entries, "truncated": False}), "application/json"
        # contents
        ref = (query.get("ref") or [DEFAULT_BRANCH])[0]
        if not fixture._ref_ok(repo, ref, snap):
            return endpoint, 404, _json({"message": f"No commit found for the ref {ref}"}), "application/json"
        file_path = "/".join(rest[1:])
        if file_path in snap.files:
            data = snap.files[file_path]
            if "application/vnd.github.raw" in accept:
                return endpoint, 200, data, "application/vnd.github.raw"
            encoded = base64.b64encode(data).decode()
            content = "\n".join(encoded[i:i + 60] for i in range(0, len(encoded), 60)) + "\n"
            inline = len(data) <= fixture.inline_limit
            return endpoint, 200, _json({"type": "file", "encoding": "base64" if inline else "none",
                                         "content": content if inline else "", "size": len(data),
                                         "name": file_path.rsplit("/", 1)[-1], "path": file_path,
                                         "sha": git_blob_sha(data)}), "application/json"
        if file_path in snap.dirs or file_path == "":
            prefix = f"{file_path}/" if file_path else ""
            children = sorted({p[len(prefix):].split("/")[0] for p in [*snap.files, *snap.dirs]
                               if p.startswith(prefix)})
            return endpoint, 200, _json([{"name": c, "path": prefix + c,
                                          "type": "file" if prefix + c in snap.files else "dir"}
                                         for c in children]), "application/json"
        return endpoint, 404, _json({"message": "Not Found"}), "application/json"

    # -- answering ---------------------------------------------------------------------------------

    def _send(self, endpoint: str, status: int, body: bytes, ctype: str, extra: dict[str, str], parts: Any,
              accept: str) -> None:
        fixture = self.fixture
        kind = "token" if self._auth else "anonymous"
        limit = 5000 if self._auth else 60
        headers = {"Content-Type": ctype, "Vary": "Accept, Authorization, Accept-Encoding",
                   "Cache-Control": "private, max-age=60, s-maxage=60"}
        etag = None
        if status == 200:
            etag = '"' + hashlib.sha256(accept.encode() + b"\n" + body).hexdigest()[:40] + '"'
            headers["ETag"] = etag
            candidates = [t.strip() for t in (self.headers.get("If-None-Match") or "").split(",")]
            if etag in candidates or "W/" + etag in candidates:
                status, body = 304, b""
        if endpoint != "static" and status != 304:
            with fixture._lock:
                fixture._used[kind] += 1
                used = fixture._used[kind]
            headers.update({"X-RateLimit-Limit": str(limit), "X-RateLimit-Remaining": str(max(0, limit - used)),
                            "X-RateLimit-Reset": str(int(fixture.started + 3600)),
                            "X-RateLimit-Resource": "core"})
        headers.update(extra)
        fixture._record(Record("GET", parts.path, parts.query, status, endpoint, self._auth,
                               bool(self.headers.get("If-None-Match")), accept))
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304 and body:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)


def repository_url(server: GitHubFixtureServer, owner: str, repo: str, tail: str = "") -> str:
    return f"{server.url}/repos/{quote(owner)}/{quote(repo)}{tail}"
