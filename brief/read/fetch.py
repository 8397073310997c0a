"""Fetching a web page for `brief add`: a timeout, a size limit, a content-type check and a
bounded number of redirects, each failure one clear BriefError."""

from __future__ import annotations

import urllib.error
import urllib.request

from brief import __version__
from brief.errors import BriefError

MAX_BYTES = 10_000_000
MAX_REDIRECTS = 5
PAGE_TYPES = ("text/html", "application/xhtml+xml")


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2


def fetch(url: str, timeout: float = 20.0) -> tuple[bytes, str]:
    """Return the page at `url` and the address it was finally served from.

    Raises BriefError naming the address for a bad status, a timeout, too many redirects,
    a response that is not a web page, or one over 10 MB.
    """
    opener = urllib.request.build_opener(_Redirects)
    request = urllib.request.Request(url, headers={"User-Agent": f"brief/{__version__}",
                                                   "Accept": "text/html,*/*;q=0.5"})
    try:
        with opener.open(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if kind not in PAGE_TYPES:
                raise BriefError(f"this is not a web page but {kind}", url,
                                 hint="save the file and add it by its path")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_BYTES:
                raise _too_big(url)
            data = response.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise _too_big(url)
            return data, response.geturl()
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise BriefError("too many redirects", url, hint="open it in a browser") from None
        raise BriefError(f"the server answered {exc.code} {exc.reason}", url,
                         hint="check the address") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise _timeout(url, timeout) from None
        raise BriefError(f"cannot reach the page: {reason}", url) from None
    except TimeoutError:
        raise _timeout(url, timeout) from None


def _too_big(url: str) -> BriefError:
    return BriefError(f"the page is over {MAX_BYTES // 1_000_000} MB", url,
                      hint="save the article's text and add the file")


def _timeout(url: str, timeout: float) -> BriefError:
    return BriefError(f"no answer within {timeout:g} s", url, hint="try again later")
