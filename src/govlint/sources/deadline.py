"""HTTP connections whose every read, headers included, is bounded by the request's deadline.

A socket timeout bounds one read, not a response: a server that sends a byte just before each
timeout keeps a response going for ever. Here each read first sets the socket's timeout to the time
left before the deadline (never more than the read timeout), and a read at the deadline fails at
once. ``sources/http.py`` sets the deadline around each request it sends (``LIMIT``), mounts these
connections through its adapter, and turns a read that ran out of time into an error naming the
limit that was reached.
"""
from __future__ import annotations

import http.client
import io
import socket
import time
from contextvars import ContextVar
from dataclasses import dataclass

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool


@dataclass
class Limit:
    """The deadline (``time.monotonic()``) of the request in flight, and the longest wait for one read."""

    deadline: float
    read_timeout: float | None
    expired: bool = False  # set when a read failed because the deadline came first


# The request this thread (or context) is sending; None outside a request: reads are then unbounded
# by a deadline, as urllib3 has them.
LIMIT: ContextVar[Limit | None] = ContextVar("govlint_http_limit", default=None)


def time_left(limit: Limit) -> float:
    return limit.deadline - time.monotonic()


class _BoundedReads(io.RawIOBase):
    """The socket's reader, with the deadline checked and the socket timeout shortened before each read."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._raw = sock.makefile("rb", buffering=0)  # counted by the socket, as http.client's own file is

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # noqa: ANN001 - a writable buffer
        limit = LIMIT.get()
        if limit is not None:
            left = time_left(limit)
            if left <= 0:
                limit.expired = True
                raise TimeoutError("the deadline passed")
            bounded = limit.read_timeout is None or left < limit.read_timeout
            self._sock.settimeout(left if bounded else limit.read_timeout)
            try:
                return self._raw.readinto(buffer)
            except TimeoutError:
                limit.expired = limit.expired or bounded
                raise
        return self._raw.readinto(buffer)

    def close(self) -> None:
        self._raw.close()
        super().close()


class _SocketFiles:
    """What http.client.HTTPResponse asks of a socket: one file to read the response from."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def makefile(self, mode: str = "rb", *args, **kwargs) -> io.BufferedReader:  # noqa: ANN002, ANN003
        return io.BufferedReader(_BoundedReads(self._sock))


class _BoundedResponse(http.client.HTTPResponse):
    def __init__(self, sock: socket.socket, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(_SocketFiles(sock), *args, **kwargs)  # type: ignore[arg-type]


class _Connection(HTTPConnection):
    response_class = _BoundedResponse


class _TLSConnection(HTTPSConnection):
    response_class = _BoundedResponse


class _Pool(HTTPConnectionPool):
    ConnectionCls = _Connection


class _TLSPool(HTTPSConnectionPool):
    ConnectionCls = _TLSConnection


POOL_CLASSES = {"http": _Pool, "https": _TLSPool}
