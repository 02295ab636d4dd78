"""HTTP for remote sources: a cached session, retries, rate limits and a token kept to one host.

Imported only when a remote target is used: ``requests`` and ``requests_cache`` cost start-up time
that a local check should not pay. Everything that can go wrong becomes a one-line
:class:`govlint.errors.SourceError`, and the token never appears in one.
"""
from __future__ import annotations

import email.utils
import ipaddress
import json
import logging
import os
import re
import socket
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from requests.auth import AuthBase

from govlint.errors import SourceError, UsageError
from govlint.sources.base import MAX_DOCUMENT_BYTES

log = logging.getLogger(__name__)

DEFAULT_API_URL = "https://api.github.com"
API_URL_ENV = "GOVLINT_GITHUB_API_URL"
CACHE_DIR_ENV = "GOVLINT_CACHE_DIR"
TOKEN_ENV_VARS = ("GITHUB_TOKEN", "GH_TOKEN")
CACHE_FILE = "github-http.sqlite"
CACHE_DAYS = 30  # how long a sha-addressed answer is used without asking, and an unused entry is kept

JSON_ACCEPT = "application/vnd.github+json"
USER_AGENT = "govlint (governance linter)"

_REDIRECTS = (301, 302, 303, 307, 308)
_RETRY_STATUSES = (500, 502, 503, 504)
_MAX_RATE_LIMIT_WAITS = 3  # a server that keeps asking to wait is not going to answer

# Responses addressed by a full commit sha never change: they are served from the cache without a
# request (for CACHE_DAYS, then revalidated). Everything else (the repository, a branch's head) is
# revalidated with If-None-Match on every use.
_IMMUTABLE_URLS = (
    re.compile(r"/git/trees/(?:[0-9a-f]{40}|[0-9a-f]{64})(?:\?|$)"),
    re.compile(r"/commits/(?:[0-9a-f]{40}|[0-9a-f]{64})(?:\?|$)"),
    re.compile(r"/contents/[^?]*\?(?:[^#]*&)?ref=(?:[0-9a-f]{40}|[0-9a-f]{64})(?:&|#|$)"),
)


@dataclass(frozen=True)
class HttpSettings:
    """Limits for every request. Tests shrink the timeouts and backoffs."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # between two bytes
    total_timeout: float = 120.0  # for one whole response: connecting, headers and body
    target_timeout: float = 300.0  # for everything one target asks: all requests, retries and waits (--timeout)
    retries: int = 3  # extra attempts after a 5xx, a timeout or a dropped connection
    backoff: float = 0.5  # first pause; doubles each attempt
    max_backoff: float = 8.0
    max_wait: float = 60.0  # the longest pause for a rate limit reset or a Retry-After
    max_response_bytes: int = 32 * 1024 * 1024  # API responses (a big recursive tree is ~10 MB)
    max_external_bytes: int = MAX_DOCUMENT_BYTES  # a followed link outside GitHub
    max_redirects: int = 5
    external_schemes: tuple[str, ...] = ("https",)
    allow_private_hosts: bool = False  # followed links may not point into the local network


@dataclass
class RequestStats:
    """What went over the wire, counted below the cache (so a cache hit counts nowhere)."""

    requests: int = 0  # sent to a server
    full: int = 0  # answered 200 with a body
    not_modified: int = 0  # answered 304
    other: int = 0  # any other status
    bytes: int = 0  # body bytes received, after decompression
    calls: int = 0  # responses asked of the client, cached or not

    @property
    def cache_hits(self) -> int:
        return self.calls - self.requests

    def as_dict(self) -> dict[str, int]:
        return {"requests": self.requests, "full": self.full, "not_modified": self.not_modified,
                "other": self.other, "bytes": self.bytes, "cache_hits": max(0, self.cache_hits)}


# The digest of the credentials a response was fetched with, kept with it in the HTTP cache.
FETCHED_WITH = "X-Govlint-Fetched-With"


def credentials_digest(authorization: str | None) -> str:
    """What the cache keeps of an Authorization header: a digest ("none" without one), never the token."""
    if not authorization:
        return "none"
    import hashlib

    return hashlib.sha256(authorization.encode()).hexdigest()[:32]


class RemoteNotFound(SourceError):
    """HTTP 404, 410 or 422: a repository, ref or file that does not exist (or is private)."""

    def __init__(self, message: str, *, status: int) -> None:
        self.status = status
        super().__init__(message)


class ResponseTooLarge(requests.RequestException):
    """A body over the size cap; the download is abandoned."""


class TimeLimitReached(requests.exceptions.Timeout):
    """A response ran past its deadline: its own (``total_timeout``) or its target's (``target_timeout``)."""

    def __init__(self, scope: str) -> None:
        self.scope = scope  # "response" or "target"
        super().__init__(f"the {scope}'s time limit was reached")


# --------------------------------------------------------------------------------------------------
# Configuration

def resolve_api_url(api_url: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The API base URL: the argument, else $GOVLINT_GITHUB_API_URL, else https://api.github.com."""
    env = os.environ if environ is None else environ
    url = (api_url or env.get(API_URL_ENV) or DEFAULT_API_URL).strip().rstrip("/")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number from 0 to 65535
    except ValueError as err:  # "http://[::1": an unclosed IPv6 address
        raise UsageError(f"{url}: the GitHub API URL is not a valid URL ({err})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SourceError(f"{url}: the GitHub API URL must be an http(s) URL")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise SourceError("the GitHub API URL must not contain credentials, a query or a fragment")
    return url


def resolve_token(token_env: str | None = None, environ: Mapping[str, str] | None = None) -> str | None:
    """The token from $token_env when named (and then only from there), else $GITHUB_TOKEN or $GH_TOKEN."""
    env = os.environ if environ is None else environ
    if token_env:
        from govlint.secrets import NOT_A_NAME, is_variable_name

        if not is_variable_name(token_env):  # never repeated: it may be the token itself
            raise UsageError(NOT_A_NAME)
    names = (token_env,) if token_env else TOKEN_ENV_VARS
    for name in names:
        value = (env.get(name) or "").strip()
        if value:
            if any(c.isspace() or ord(c) < 0x21 or ord(c) == 0x7F for c in value):
                raise SourceError(f"${name} does not look like a token (it contains spaces or control characters)")
            return value
    return None


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """$GOVLINT_CACHE_DIR, else the platform's user cache folder for govlint, plus "http"."""
    env = os.environ if environ is None else environ
    if env.get(CACHE_DIR_ENV):
        return Path(env[CACHE_DIR_ENV]).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("govlint", appauthor=False)) / "http"


def origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of a URL: the unit the token is confined to."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or (443 if scheme == "https" else 80)


# --------------------------------------------------------------------------------------------------
# The session

class _CappedAdapter(HTTPAdapter):
    """Reads every body itself: a size cap before the whole body is in memory, a deadline for the
    whole response checked on every read (sources/deadline.py), a default timeout, and request
    counting below the cache."""

    def __init__(self, settings: HttpSettings, stats: RequestStats) -> None:
        super().__init__(pool_connections=4, pool_maxsize=4)
        self.settings = settings
        self.stats = stats
        self.cap = settings.max_response_bytes

    def init_poolmanager(self, *args, **kwargs):  # noqa: ANN002, ANN003, D102
        from govlint.sources.deadline import POOL_CLASSES

        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(POOL_CLASSES)

    def proxy_manager_for(self, proxy, **proxy_kwargs):  # noqa: ANN001, ANN003, D102
        from govlint.sources.deadline import POOL_CLASSES

        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = dict(POOL_CLASSES)
        return manager

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):  # noqa: D102
        from govlint.sources.deadline import LIMIT, Limit, time_left

        if timeout is None:
            timeout = (self.settings.connect_timeout, self.settings.read_timeout)
        connect_timeout, read_timeout = timeout if isinstance(timeout, tuple) else (timeout, timeout)
        cap = int(request.headers.pop("X-Govlint-Max-Bytes", 0) or self.cap)
        own = time.monotonic() + self.settings.total_timeout
        target = float(request.headers.pop("X-Govlint-Deadline", 0) or own)
        limit = Limit(deadline=min(own, target), read_timeout=read_timeout)
        scope = "target" if target < own else "response"
        left = time_left(limit)
        if left <= 0:
            raise TimeLimitReached(scope)
        bounded_connect = connect_timeout is None or left < connect_timeout
        timeout = (left if bounded_connect else connect_timeout, read_timeout)
        token = LIMIT.set(limit)
        try:
            try:
                response = super().send(request, stream=True, timeout=timeout, verify=verify, cert=cert,
                                        proxies=proxies)
            except requests.exceptions.ConnectTimeout:
                if bounded_connect:
                    raise TimeLimitReached(scope) from None
                raise
            self.stats.requests += 1
            try:
                self._read_body(response, cap)
            except BaseException:
                response.close()
                raise
        except requests.exceptions.Timeout:
            if limit.expired:
                raise TimeLimitReached(scope) from None
            raise
        finally:
            LIMIT.reset(token)
        if response.status_code == 200:
            self.stats.full += 1
        elif response.status_code == 304:
            self.stats.not_modified += 1
        else:
            self.stats.other += 1
        self.stats.bytes += len(response._content)
        _drop_vary_authorization(response)
        response.headers[FETCHED_WITH] = credentials_digest(request.headers.get("Authorization"))
        return response

    def _read_body(self, response: requests.Response, cap: int) -> None:
        from urllib3.exceptions import DecodeError, ProtocolError, ReadTimeoutError

        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > cap:
            raise ResponseTooLarge(f"{int(length)} bytes")
        body = bytearray()
        try:
            # Every read of the socket checks the deadline (sources/deadline.py), however slowly it drips.
            for chunk in response.raw.stream(64 * 1024, decode_content=True):
                body += chunk
                if len(body) > cap:
                    raise ResponseTooLarge(f"more than {cap} bytes")
        except ReadTimeoutError as err:
            raise requests.exceptions.ReadTimeout("read timed out") from err
        except ProtocolError as err:
            raise requests.exceptions.ChunkedEncodingError("connection broken") from err
        except DecodeError as err:
            raise requests.exceptions.ContentDecodingError("undecodable body") from err
        response._content = bytes(body)
        response._content_consumed = True
        response.raw.release_conn()


def _drop_vary_authorization(response: requests.Response) -> None:
    """GitHub says ``Vary: Authorization``; the cache key deliberately ignores the token (it is
    never stored), so keeping it in Vary would make every authenticated request a cache miss.
    Credentials are told apart by FETCHED_WITH instead: HttpClient revalidates an answer fetched
    with other credentials before using it."""
    vary = response.headers.get("Vary")
    if vary:
        kept = [v.strip() for v in vary.split(",") if v.strip() and v.strip().lower() != "authorization"]
        if kept:
            response.headers["Vary"] = ", ".join(kept)
        else:
            del response.headers["Vary"]


def make_session(*, cache_dir: str | os.PathLike[str] | None = None, no_cache: bool = False,
                 settings: HttpSettings | None = None, stats: RequestStats | None = None,
                 warnings: list[str] | None = None) -> requests.Session:
    """A requests session, cached on disk unless ``no_cache``.

    Cached responses carry their ETag; responses for mutable URLs are revalidated on every use
    (If-None-Match -> 304, no body), responses addressed by a commit sha are used without a request.
    Entries unused for CACHE_DAYS are dropped when a session opens.
    Entries are plain JSON (never pickle), and one that is not a well-formed 200 response is a miss,
    then rewritten. Each entry records a digest of the credentials it was fetched with (the token
    itself is redacted), and HttpClient revalidates an entry fetched with other credentials.
    A cache folder that cannot be used falls back to no cache, with a warning.
    """
    settings = settings or HttpSettings()
    stats = stats if stats is not None else RequestStats()
    session: requests.Session | None = None
    if not no_cache:
        folder = Path(cache_dir).expanduser() if cache_dir else default_cache_dir()
        try:
            session = _cached_session(folder)
        except (OSError, sqlite3.Error) as err:
            reason = getattr(err, "strerror", None) or str(err)
            if warnings is not None:
                warnings.append(f"cannot use the HTTP cache in {folder} ({reason}); continuing without a cache")
    if session is None:
        session = requests.Session()
    adapter = _CappedAdapter(settings, stats)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.headers["User-Agent"] = USER_AGENT
    session.max_redirects = settings.max_redirects
    return session


def _cached_session(folder: Path) -> requests.Session:
    import requests_cache
    from requests_cache.policy.settings import DEFAULT_IGNORED_PARAMS

    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not os.access(folder, os.W_OK):
        raise PermissionError(13, "not writable")
    database = folder / CACHE_FILE
    if database.is_symlink() or (database.exists() and not database.is_file()):
        database.unlink()  # SQLite would write where a link points, or block opening a FIFO
    try:
        backend = requests_cache.SQLiteCache(str(database), busy_timeout=5000, serializer=_JsonEntries())
    except sqlite3.DatabaseError as err:
        if isinstance(err, sqlite3.OperationalError):
            raise  # locked or read-only: someone else's to sort out
        discard_database(database)  # not a database at all: start again rather than fail every run
        backend = requests_cache.SQLiteCache(str(database), busy_timeout=5000, serializer=_JsonEntries())
    _prune(backend)
    ignored = tuple(DEFAULT_IGNORED_PARAMS) + ("authorization",)
    return requests_cache.CachedSession(
        backend=backend,
        expire_after=requests_cache.EXPIRE_IMMEDIATELY,  # stored, then revalidated on each use
        urls_expire_after={pattern: CACHE_DAYS * 86400 for pattern in _IMMUTABLE_URLS},
        allowable_codes=(200,),
        allowable_methods=("GET",),
        cache_control=False,  # GitHub's max-age=60 would skip revalidation of a moving branch
        ignored_parameters=ignored,
        match_headers=False,
        stale_if_error=False,
    )


class _JsonEntries:
    """How the HTTP cache stores a response: plain JSON, never pickle (reading a pickle runs code, and
    the cache folder may come from elsewhere). Anything stored that is not a well-formed 200 response
    reads as None, which requests-cache treats as a miss (quietly: an exception would be logged to
    stderr); the fresh response then replaces it."""

    def __init__(self) -> None:
        from requests_cache.serializers.preconf import json_preconf_stage

        self._stage = json_preconf_stage

    def __str__(self) -> str:
        return "govlint-json"

    def dumps(self, response: Any) -> str:
        return json.dumps(self._stage.dumps(response))

    def loads(self, text: Any) -> Any:
        from requests_cache.models import CachedRequest, CachedResponse

        try:
            data = json.loads(text)
            response = self._stage.loads(data) if isinstance(data, dict) else None
            usable = isinstance(response, CachedResponse) and type(response.status_code) is int \
                and response.status_code == 200 and isinstance(response._content, bytes) \
                and isinstance(response.url, str) and isinstance(response.request, CachedRequest) \
                and response.request.url == response.url \
                and all(isinstance(k, str) and isinstance(v, str) for k, v in response.headers.items()) \
                and (response.expires is None or isinstance(response.expires < _utc_now(), bool))
        except Exception:  # noqa: BLE001 - cattrs' validation errors, RecursionError, a broken encoding...
            usable = False
        return response if usable else None


def _utc_now() -> Any:
    """Now, as requests-cache compares expiry times with (timezone-aware)."""
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc)


def discard_database(database: str | os.PathLike[str]) -> None:
    """Remove a damaged cache database and its journals, so that the next run starts a fresh one."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            os.unlink(f"{database}{suffix}")
        except OSError:
            pass


def _prune(backend: Any) -> None:
    """Drop entries nobody has used for CACHE_DAYS (one indexed DELETE), so the cache cannot grow for
    ever. Sha-addressed entries stay fresh for CACHE_DAYS and everything else is stamped at each use,
    so an entry this old has not been touched for at least that long."""
    cutoff = int(time.time()) - CACHE_DAYS * 86400
    try:
        with backend.responses.connection(commit=True) as con:
            con.execute(f"DELETE FROM {backend.responses.table_name} WHERE expires <= ?", (cutoff,))
    except Exception:  # noqa: BLE001 - pruning is housekeeping; a cache that cannot prune still works
        log.debug("could not prune the HTTP cache", exc_info=True)


# --------------------------------------------------------------------------------------------------
# The client

class _Secret:
    """A token that does not print."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "<token>"

    __str__ = __repr__


class _BearerAuth(AuthBase):
    def __init__(self, token: _Secret) -> None:
        self._token = token

    def __call__(self, request):
        request.headers["Authorization"] = f"Bearer {self._token.reveal()}"
        return request

    def __repr__(self) -> str:
        return "_BearerAuth(<token>)"


class _NoAuth(AuthBase):
    """Explicitly nothing: stops requests from adding ~/.netrc credentials."""

    def __call__(self, request):
        request.headers.pop("Authorization", None)
        return request


_NO_AUTH = _NoAuth()


class HttpClient:
    """GETs with retries, rate limits and redirects; the token goes to the API origin only."""

    def __init__(self, *, api_url: str | None = None, token: str | None = None,
                 cache_dir: str | os.PathLike[str] | None = None, no_cache: bool = False,
                 settings: HttpSettings | None = None, session: requests.Session | None = None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.time) -> None:
        self.api_url = resolve_api_url(api_url)
        self._api_origin = origin(self.api_url)
        self._token = _Secret(token) if token else None
        self.settings = settings or HttpSettings()
        self.stats = RequestStats()
        self.warnings: list[str] = []
        self.session = session or make_session(cache_dir=cache_dir, no_cache=no_cache, settings=self.settings,
                                               stats=self.stats, warnings=self.warnings)
        self._sleep = sleep
        self._clock = clock
        # Everything this client asks for (one target's check) must be done by then.
        self._deadline = time.monotonic() + self.settings.target_timeout
        self.rate_limit: dict[str, str] = {}

    def __repr__(self) -> str:
        return f"HttpClient({self.api_url!r}, token={'set' if self._token else 'none'})"

    @property
    def has_token(self) -> bool:
        return self._token is not None

    @property
    def api_host(self) -> str:
        return urlsplit(self.api_url).netloc

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing ---------------------------------------------------------------------------------

    def _redact(self, text: str) -> str:
        if self._token:
            text = text.replace(self._token.reveal(), "<token>")
        return text

    def _error(self, message: str, cls: type[SourceError] = SourceError, **kw: Any) -> SourceError:
        return cls(self._redact(message), **kw)

    def _send(self, url: str, params: Mapping[str, str] | None, headers: dict[str, str]) -> requests.Response:
        with_token = self._token is not None and origin(url) == self._api_origin
        auth = _BearerAuth(self._token) if with_token else _NO_AUTH
        kwargs: dict[str, Any] = dict(params=params, headers=headers, auth=auth, allow_redirects=False,
                                      timeout=(self.settings.connect_timeout, self.settings.read_timeout))
        self.stats.calls += 1
        try:
            response = self.session.get(url, **kwargs)
            if getattr(response, "from_cache", False):
                asked = requests.models.PreparedRequest()
                asked.prepare_url(url, params)
                mine = credentials_digest(f"Bearer {self._token.reveal()}" if with_token and self._token else None)
                if response.url != asked.url:  # another request's answer, under this one's key
                    response = self.session.get(url, **kwargs, force_refresh=True)
                elif response.headers.get(FETCHED_WITH) != mine:
                    # Fetched with other credentials (a private repository's, by a run with its token):
                    # used only once the server confirms these may see it (304, not 404).
                    response = self.session.get(url, **kwargs, refresh=True)
            return response
        except sqlite3.Error as err:
            # A locked or broken cache must not stop the check: carry on without it, and a broken
            # one is removed, so the next run starts a fresh one.
            settings = getattr(self.session, "settings", None)
            if settings is None:
                raise
            settings.disabled = True
            if not isinstance(err, sqlite3.OperationalError):
                discard_database(self.session.cache.db_path)
            self.warnings.append(f"the HTTP cache failed ({err}); continuing without it")
            return self.session.get(url, **kwargs)

    def _backoff(self, attempt: int) -> float:
        return min(self.settings.backoff * (2 ** attempt), self.settings.max_backoff)

    def _out_of_time(self, prefix: str, host: str) -> SourceError:
        return self._error(f"{prefix}gave up on {host} at the time limit of {self.settings.target_timeout:g} s "
                           "for one target (see --timeout)")

    def _wait(self, seconds: float, prefix: str, host: str) -> None:
        """Sleep before trying again, unless that would pass the target's deadline."""
        if time.monotonic() + seconds >= self._deadline:
            raise self._out_of_time(prefix, host)
        self._sleep(seconds)

    def get(self, url: str, *, params: Mapping[str, str] | None = None, accept: str = JSON_ACCEPT,
            context: str = "", max_bytes: int | None = None,
            guard: Callable[[str], None] | None = None) -> requests.Response:
        """The final response for a GET (any status), after retries, waits and redirects.

        ``guard`` vets every URL before it is requested, redirects included (it raises to refuse).
        Raises SourceError for network failures after the retries, a rate limit that resets too late,
        a body over the cap, or too many redirects.
        """
        prefix = f"{context}: " if context else ""
        host = urlsplit(url).netloc
        attempt = waits = hops = 0
        if guard is not None:
            guard(url)
        while True:
            headers = {"Accept": accept}
            if origin(url) == self._api_origin:
                headers["X-GitHub-Api-Version"] = "2022-11-28"
            if max_bytes:
                headers["X-Govlint-Max-Bytes"] = str(max_bytes)
            if time.monotonic() >= self._deadline:
                raise self._out_of_time(prefix, host)
            headers["X-Govlint-Deadline"] = repr(self._deadline)  # for the adapter, which bounds every read by it
            try:
                response = self._send(url, params, headers)
            except ResponseTooLarge:
                cap = max_bytes or self.settings.max_response_bytes
                raise self._error(f"{prefix}the response from {host} is larger than the "
                                  f"{_size(cap)} limit") from None
            except TimeLimitReached as err:
                if err.scope == "target":
                    raise self._out_of_time(prefix, host) from None
                if attempt < self.settings.retries:
                    self._wait(self._backoff(attempt), prefix, host)
                    attempt += 1
                    continue
                raise self._error(f"{prefix}the response from {host} took longer than "
                                  f"{self.settings.total_timeout:g} s "
                                  f"(after {attempt + 1} attempt{'s' if attempt else ''})") from None
            except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError) as err:
                if attempt < self.settings.retries:
                    self._wait(self._backoff(attempt), prefix, host)
                    attempt += 1
                    continue
                raise self._error(f"{prefix}{_describe_network_error(err, host, self.settings)} "
                                  f"(after {attempt + 1} attempt{'s' if attempt else ''})") from None
            except requests.RequestException as err:
                raise self._error(f"{prefix}request to {host} failed: {type(err).__name__}") from None

            status = response.status_code
            self._note_rate_limit(response)
            if status in _REDIRECTS and response.headers.get("Location"):
                hops += 1
                if hops > self.settings.max_redirects:
                    raise self._error(f"{prefix}too many redirects from {host}")
                url = urljoin(response.url, response.headers["Location"])
                params = None  # the Location carries its own query
                host = urlsplit(url).netloc
                if urlsplit(url).scheme not in ("http", "https"):
                    raise self._error(f"{prefix}{host} redirected to a non-HTTP URL")
                if guard is not None:
                    guard(url)
                continue
            if status in (403, 429):
                wait = self._rate_limit_wait(response, prefix)
                if wait is not None:
                    if waits >= _MAX_RATE_LIMIT_WAITS:
                        raise self._error(f"{prefix}still rate limited by {host} after waiting {waits} times; "
                                          "try again later")
                    log.info("rate limited by %s; waiting %.0f s", host, wait)
                    self._wait(wait, prefix, host)
                    waits += 1
                    continue
            if status in _RETRY_STATUSES and attempt < self.settings.retries:
                retry_after = _retry_after(response.headers.get("Retry-After"), self._clock())
                delay = self._backoff(attempt)
                if retry_after is not None and retry_after <= self.settings.max_wait:
                    delay = max(delay, retry_after)
                self._wait(delay, prefix, host)
                attempt += 1
                continue
            if status in _RETRY_STATUSES:
                raise self._error(f"{prefix}{host} answered HTTP {status} "
                                  f"(after {attempt + 1} attempt{'s' if attempt else ''}); try again later")
            return response

    def _note_rate_limit(self, response: requests.Response) -> None:
        for name in ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"):
            if name in response.headers:
                self.rate_limit[name] = response.headers[name]

    def _rate_limit_wait(self, response: requests.Response, prefix: str) -> float | None:
        """Seconds to wait before retrying a 403/429, None when it is not a rate limit; raises when
        the wait would be longer than ``max_wait``."""
        now = self._clock()
        headers = response.headers
        retry_after = _retry_after(headers.get("Retry-After"), now)
        if origin(response.url) != self._api_origin:
            # Another host's 403 is not GitHub's rate limit: only an explicit, short Retry-After is honoured.
            return retry_after if retry_after is not None and retry_after <= self.settings.max_wait else None
        remaining = headers.get("X-RateLimit-Remaining", "").strip()
        reset = _int(headers.get("X-RateLimit-Reset"))
        message = _api_message(response).lower()
        if retry_after is not None:
            wait = retry_after
            kind = "asked to slow down (secondary rate limit)"
        elif remaining == "0" and reset is not None:
            wait = max(0.0, reset - now) + 1.0
            kind = "rate limit exceeded"
        elif response.status_code == 429 or "rate limit" in message:
            wait = 60.0  # GitHub's advice for a secondary limit without Retry-After
            kind = "asked to slow down (secondary rate limit)"
        else:
            return None
        if wait <= self.settings.max_wait:
            return wait
        limit = headers.get("X-RateLimit-Limit")
        limit_text = f" (limit {limit} requests per hour)" if limit and limit.isdigit() else ""
        when = time.strftime("%H:%M:%S UTC", time.gmtime(now + wait))
        advice = ("the limit applies to the token in use" if self._token else
                  f"set {' or '.join(TOKEN_ENV_VARS)} to a GitHub token to raise the limit")
        raise self._error(f"{prefix}GitHub API {kind}{limit_text}; retry after {when} "
                          f"(in {_duration(wait)}); {advice}")

    # -- JSON and documents ------------------------------------------------------------------------

    def api(self, path: str) -> str:
        return f"{self.api_url}/{path.lstrip('/')}"

    def get_api(self, path: str, *, params: Mapping[str, str] | None = None, accept: str = JSON_ACCEPT,
                context: str = "") -> requests.Response:
        """A 200 response from the API, or an error: RemoteNotFound for 404/410/422, SourceError else."""
        response = self.get(self.api(path), params=params, accept=accept, context=context)
        status = response.status_code
        if status == 200:
            return response
        prefix = f"{context}: " if context else ""
        detail = _api_message(response)
        detail = f": {detail}" if detail else ""
        if status in (404, 410, 422):
            raise self._error(f"{prefix}not found (HTTP {status}){detail}", RemoteNotFound, status=status)
        if status == 401:
            raise self._error(f"{prefix}the GitHub token was rejected (HTTP 401); check "
                              f"{' or '.join(TOKEN_ENV_VARS)} or --token-env")
        if status == 403:
            raise self._error(f"{prefix}access denied by {self.api_host} (HTTP 403){detail}")
        if status == 304:
            raise self._error(f"{prefix}{self.api_host} answered 304 to a request govlint has no copy of")
        raise self._error(f"{prefix}unexpected answer from {self.api_host} (HTTP {status}){detail}")

    def get_json(self, path: str, *, params: Mapping[str, str] | None = None, accept: str = JSON_ACCEPT,
                 context: str = "", check: Callable[[Any], bool] | None = None) -> Any:
        """The parsed JSON of a 200 API response; a body that is not JSON (or fails ``check``) is
        dropped from the cache and raised as SourceError."""
        return self.fetch_json(path, params=params, accept=accept, context=context, check=check)[0]

    def fetch_json(self, path: str, *, params: Mapping[str, str] | None = None, accept: str = JSON_ACCEPT,
                   context: str = "", check: Callable[[Any], bool] | None = None) -> tuple[Any, requests.Response]:
        """get_json, with the response (to evict it if its content later proves unusable)."""
        response = self.get_api(path, params=params, accept=accept, context=context)
        what = "malformed JSON"
        try:
            data = json.loads(response.content)
        except ValueError:
            data = _INVALID
        except RecursionError:
            data, what = _INVALID, "JSON nested too deeply"
        if data is _INVALID or (check is not None and not check(data)):
            self.evict(response)
            prefix = f"{context}: " if context else ""
            what = what if data is _INVALID else "an unexpected JSON document"
            raise self._error(f"{prefix}{self.api_host} sent {what} for {urlsplit(response.url).path}")
        return data, response

    def evict(self, response: requests.Response) -> None:
        """Forget a cached response that turned out to be unusable."""
        key = getattr(response, "cache_key", None)
        cache = getattr(self.session, "cache", None)
        if key and cache is not None:
            try:
                cache.delete(key)
            except Exception:  # noqa: BLE001 - a cache that cannot delete is not worth failing for
                log.debug("could not evict a cached response", exc_info=True)

    def fetch_external(self, url: str, *, context: str = "") -> tuple[bytes, str]:
        """(body, content type) of a followed link outside the API: no token, size-capped, public hosts."""
        prefix = f"{context}: " if context else ""

        def guard(target: str) -> None:
            parts = urlsplit(target)
            if parts.scheme.lower() not in self.settings.external_schemes:
                raise self._error(f"{prefix}{target}: only {', '.join(self.settings.external_schemes)} "
                                  "links are followed")
            if parts.username or parts.password:
                raise self._error(f"{prefix}links with credentials are not followed")
            if not self.settings.allow_private_hosts:
                _check_public_host(parts.hostname or "", prefix, self)

        response = self.get(url, accept="text/markdown, text/plain;q=0.9, */*;q=0.1", context=context,
                            max_bytes=self.settings.max_external_bytes, guard=guard)
        if response.status_code != 200:
            raise self._error(f"{prefix}{url}: HTTP {response.status_code}",
                              RemoteNotFound if response.status_code in (404, 410) else SourceError,
                              **({"status": response.status_code} if response.status_code in (404, 410) else {}))
        return response.content, response.headers.get("Content-Type", "")


_INVALID = object()


def _check_public_host(host: str, prefix: str, client: HttpClient) -> None:
    """Refuse hosts that are, or resolve to, loopback, private or link-local addresses."""
    if not host or host == "localhost" or host.endswith(".localhost"):
        raise client._error(f"{prefix}{host or 'a link without a host'}: links to local hosts are not followed")
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except OSError:
        raise client._error(f"{prefix}{host}: the host name does not resolve") from None
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not ip.is_global:
            raise client._error(f"{prefix}{host}: links to private or local addresses are not followed")


def _api_message(response: requests.Response) -> str:
    """The ``message`` of a GitHub error body, on one short line."""
    try:
        data = json.loads(response.content or b"{}")
    except (ValueError, RecursionError):
        return ""
    message = data.get("message") if isinstance(data, dict) else None
    if not isinstance(message, str):
        return ""
    message = " ".join(message.split())
    return message[:200]


def _retry_after(value: str | None, now: float) -> float | None:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - now)


def _int(value: str | None) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _describe_network_error(err: Exception, host: str, settings: HttpSettings) -> str:
    if isinstance(err, requests.exceptions.ConnectTimeout):
        return f"could not connect to {host} within {settings.connect_timeout:g} s"
    if isinstance(err, requests.exceptions.ReadTimeout):
        return f"{host} did not answer within {settings.read_timeout:g} s"
    if isinstance(err, requests.exceptions.SSLError):
        return f"TLS error talking to {host}"
    if isinstance(err, requests.exceptions.ChunkedEncodingError):
        return f"the connection to {host} broke off mid-response"
    if isinstance(err, requests.exceptions.ProxyError):
        return f"the proxy refused the connection to {host}"
    text = str(err).lower()
    if "name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
        return f"cannot resolve {host}"
    if "refused" in text:
        return f"connection to {host} refused"
    return f"cannot reach {host}"


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 120:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 120:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min"
