"""urllib handlers whose connections share one deadline: the timeout bounds the whole fetch
(connect, TLS handshake, request, headers, body and every redirect), not each socket read,
so a server that drips a byte a second cannot hold `brief add` for long."""

from __future__ import annotations

import http.client
import io
import socket
import time
import urllib.request


class Deadline:
    """A moment `seconds` from now; `remaining()` raises TimeoutError once it has passed."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        left = self._end - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no complete answer within {self.seconds:g} s")
        return left


class _Reader(io.RawIOBase):
    """The response's socket reader, with the socket's timeout set to the time left before
    each read: a trickle of bytes ends at the deadline, not one timeout after the last."""

    def __init__(self, raw: io.RawIOBase, sock: socket.socket, deadline: Deadline) -> None:
        self._raw, self._sock, self._deadline = raw, sock, deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        self._sock.settimeout(self._deadline.remaining())
        return self._raw.readinto(buffer)

    def close(self) -> None:
        self._raw.close()  # releases the socket, as the plain reader would
        super().close()


class _Response(http.client.HTTPResponse):
    def __init__(self, sock, *args, deadline: Deadline, **kwargs) -> None:
        super().__init__(sock, *args, **kwargs)
        self.fp = io.BufferedReader(_Reader(self.fp.detach(), sock, deadline))


class _Bounded:
    """Mixed into http.client's connections: connect and read by the shared deadline."""

    def __init__(self, *args, deadline: Deadline, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = deadline
        # http.client's hook for opening the socket (also the CONNECT tunnel's response)
        self._create_connection = self._connect_by_deadline

    def _connect_by_deadline(self, address, timeout, source_address=None):
        sock = socket.create_connection(address, self._deadline.remaining(), source_address)
        sock.settimeout(self._deadline.remaining())  # what is left for a TLS handshake
        return sock

    def response_class(self, sock, *args, **kwargs):
        return _Response(sock, *args, deadline=self._deadline, **kwargs)


class _HTTPConnection(_Bounded, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_Bounded, http.client.HTTPSConnection):
    pass


class HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def http_open(self, req):
        return self.do_open(_HTTPConnection, req, deadline=self._deadline)


class HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def https_open(self, req):
        return self.do_open(_HTTPSConnection, req, deadline=self._deadline,
                            context=self._context)
