"""Fetching a web page for `brief add`: one deadline for the whole fetch, a size limit, a
content-type check and a bounded number of redirects, each failure one clear BriefError."""

from __future__ import annotations

import http.client
import math
import ssl
import urllib.error
import urllib.parse
import urllib.request

from brief import __version__
from brief.errors import BriefError
from brief.read.deadline import Deadline, HTTPHandler, HTTPSHandler

MAX_BYTES = 10_000_000
MAX_REDIRECTS = 5
PAGE_TYPES = ("text/html", "application/xhtml+xml")
SCHEMES = ("http", "https")


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def http_error_302(self, req, fp, code, msg, headers):
        where = headers.get("Location") or headers.get("URI")
        if where:  # urllib would refuse file: and the like, but as a bare "302 Found"
            target = urllib.parse.urljoin(req.full_url, where)
            if urllib.parse.urlsplit(target).scheme.lower() not in SCHEMES:
                fp.close()
                raise BriefError(f"the server redirects to {target!r}, not a web address",
                                 req.full_url, hint="open it in a browser")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

def fetch(url: str, timeout: float = 20.0) -> tuple[bytes, str]:
    """Return the page at `url` and the address it was finally served from.

    The whole fetch (connecting, every redirect, headers and body) ends within `timeout`
    seconds. Raises BriefError naming the address for an invalid address, a bad status, a
    timeout, too many redirects, a server that does not answer in HTTP or drops the
    connection, a response that is not a web page, or one over 10 MB.
    """
    if not (isinstance(timeout, int | float) and math.isfinite(timeout) and timeout > 0):
        raise BriefError(f"the timeout must be a number of seconds above 0, not {timeout!r}",
                         url)
    _check_address(url)
    deadline = Deadline(timeout)
    opener = urllib.request.build_opener(_Redirects, HTTPHandler(deadline),
                                         HTTPSHandler(deadline))
    try:
        request = urllib.request.Request(url, headers={"User-Agent": f"brief/{__version__}",
                                                       "Accept": "text/html,*/*;q=0.5"})
        with opener.open(request, timeout=deadline.remaining()) as response:
            return _page(response, url), response.geturl()
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code in (301, 302, 303, 307, 308) and not exc.headers.get("Location"):
            raise BriefError(f"the server answered {exc.code} {exc.reason} without saying "
                             "where to", url, hint="open it in a browser") from None
        if exc.code in (301, 302, 303, 307, 308):
            raise BriefError("too many redirects", url, hint="open it in a browser") from None
        raise BriefError(f"the server answered {exc.code} {exc.reason}", url,
                         hint="check the address") from None
    except urllib.error.URLError as exc:
        raise _failure(url, exc.reason, deadline) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise _failure(url, exc, deadline) from None


def _check_address(url: str) -> None:
    """Refuse, before any connection, an address urllib would choke on or misuse."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port that is not 0-65535)
    except ValueError as exc:
        raise BriefError(f"not a valid address: {exc}", url,
                         hint="check the address") from None
    if parts.scheme.lower() not in SCHEMES:
        raise BriefError("only http and https addresses can be fetched", url,
                         hint="give an http(s) address, or save the file and add it by its path")
    if not parts.hostname:
        raise BriefError("not a valid address: no host", url, hint="check the address")


def _page(response, url: str) -> bytes:
    kind = response.headers.get_content_type()
    if kind not in PAGE_TYPES:
        raise BriefError(f"this is not a web page but {kind}", url,
                         hint="save the file and add it by its path")
    length = response.headers.get("Content-Length", "").strip()
    declared = int(length) if length.isdigit() else None
    if declared is not None and declared > MAX_BYTES:
        raise _too_big(url)
    data = response.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _too_big(url)
    if declared is not None and len(data) < declared:  # read(n) stops short at a closed socket
        raise http.client.IncompleteRead(data, declared - len(data))
    return data


def _failure(url: str, cause: object, deadline: Deadline) -> BriefError:
    """One clear message for whatever urllib, http.client, ssl or socket raised."""
    timed_out = isinstance(cause, OSError) and "timed out" in str(cause)
    if isinstance(cause, TimeoutError) or timed_out:
        return BriefError(f"no complete answer within {deadline.seconds:g} s", url,
                          hint="try again later, or give a longer --timeout")
    if isinstance(cause, http.client.RemoteDisconnected):
        return BriefError("the server closed the connection without answering", url,
                          hint="try again later, or check the address and port")
    if isinstance(cause, http.client.IncompleteRead):
        got, more = len(cause.partial), cause.expected
        of = f"after {got} of {got + more} bytes" if more else "before the page ended"
        return BriefError(f"the server closed the connection {of}", url,
                          hint="try again later")
    if isinstance(cause, http.client.BadStatusLine):
        return BriefError("the server does not answer in HTTP", url,
                          hint="check the address and port")
    if isinstance(cause, http.client.LineTooLong):
        return BriefError("the server's answer has a line over 64 KB", url,
                          hint="the server is misbehaving; save the page from a browser")
    if isinstance(cause, ssl.SSLCertVerificationError):
        return BriefError(f"the site's certificate is not trusted: {cause.verify_message}", url,
                          hint="check the address, or save the page from a browser")
    if isinstance(cause, http.client.InvalidURL | ValueError):  # incl. UnicodeError (IDNA)
        return BriefError(f"not a valid address: {cause}", url, hint="check the address")
    if isinstance(cause, http.client.HTTPException):  # e.g. "got more than 100 headers"
        return BriefError(f"the server's answer is not valid HTTP: {cause}", url,
                          hint="the server is misbehaving; save the page from a browser")
    if isinstance(cause, ssl.SSLError):  # e.g. WRONG_VERSION_NUMBER: no TLS on that port
        why = (cause.reason or str(cause)).replace("_", " ").lower()
        return BriefError(f"the secure connection failed: {why}", url,
                          hint="check the address; if the site has no https, try http://")
    return BriefError(f"cannot reach the page: {cause}", url,
                      hint="check the address and your connection")


def _too_big(url: str) -> BriefError:
    return BriefError(f"the page is over {MAX_BYTES // 1_000_000} MB", url,
                      hint="save the article's text and add the file")
