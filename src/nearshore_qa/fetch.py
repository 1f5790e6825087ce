"""Fetch a web page or file for "add by URL", safely.

Only http(s). Every address the host name resolves to must be public (no loopback, private,
link-local, shared, reserved or multicast address) unless ``allow_private``; the check runs on
the address actually connected to, so DNS tricks and redirects get it too, and each redirect
target is checked again before it is followed. No proxy is used (a proxy would hide the
target's address). Reads stop at ``max_bytes`` and after ``timeout`` seconds in all: at the
deadline a watchdog shuts the connection down, so a server trickling its headers or body a byte
at a time cannot hold a fetch open.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, replace
from datetime import date
from pathlib import PurePosixPath

from .errors import IngestError, NearshoreQAError
from .ingest import SUPPORTED, load_bytes
from .kinds import IngestStatus
from .records import IngestResult

TIMEOUT_S = 10.0
MAX_REDIRECTS = 5
USER_AGENT = "nearshore-qa/0.1 (+add by URL)"

CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/markdown": "md",
    "text/x-markdown": "md",
    "text/plain": "txt",
    "text/csv": "csv",
    "application/csv": "csv",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
}
_SUFFIX = {"html": ".html", "md": ".md", "txt": ".txt", "csv": ".csv", "pdf": ".pdf", "docx": ".docx", "xlsx": ".xlsx"}


class FetchError(NearshoreQAError):
    """A URL could not be fetched; the message names the URL and says why."""

    def __init__(self, url: str, reason: str):
        self.url = url
        self.reason = reason
        super().__init__(f"cannot fetch {url}: {reason}")


class _Refused(OSError):
    """Raised inside the connection so urllib wraps it; unwrapped into a FetchError."""


@dataclass(frozen=True)
class Fetched:
    url: str  # as given
    final_url: str  # after redirects
    data: bytes
    content_type: str
    name: str  # a file name for the loader, with the format's suffix
    fmt: str


def address_allowed(ip: str, allow_private: bool = False) -> bool:
    try:
        addr = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    if addr.is_unspecified or addr.is_multicast:
        return False
    return True if allow_private else addr.is_global


def check_url(url: str, allow_private: bool = False) -> urllib.parse.SplitResult:
    """Refuse what can be refused without connecting: other schemes, no host, a literal
    non-public address, ``localhost``."""
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(url, f"only http and https URLs can be added (got {parts.scheme or 'no scheme'!r})")
    host = parts.hostname
    if not host:
        raise FetchError(url, "the URL has no host name")
    try:
        _ = parts.port  # urllib checks the port only when it is read
    except ValueError:
        raise FetchError(url, "the URL has an invalid port") from None
    if not allow_private:
        if host.lower() == "localhost" or host.lower().endswith(".localhost"):
            raise FetchError(url, f"refusing {host}: a loopback address")
        try:
            ipaddress.ip_address(host.split("%", 1)[0])
            literal = True
        except ValueError:
            literal = False
        if literal and not address_allowed(host, False):
            raise FetchError(url, f"refusing {host}: a loopback, private or link-local address")
    return parts


class _Watchdog:
    """The total time limit: when it passes, every socket of the fetch is shut down, which ends
    any read blocked on it (a per-read socket timeout alone lets a slow trickle go on forever)."""

    def __init__(self, timeout: float):
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(timeout, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shutdown(sock)

    def _fire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shutdown(sock)

    @staticmethod
    def _shutdown(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def cancel(self) -> None:
        self._timer.cancel()


def _guarded_connect(allow_private: bool, watchdog: _Watchdog | None = None):
    def create_connection(address, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None, **_):
        host, port = address
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise _Refused(f"cannot resolve host {host} (offline, or no such host: {exc.strerror})") from None
        for *_, sockaddr in infos:
            if not address_allowed(sockaddr[0], allow_private):
                raise _Refused(
                    f"refusing {host}: it resolves to {sockaddr[0]}, a loopback, private or link-local address"
                )
        error: OSError | None = None
        for family, type_, proto, _, sockaddr in infos:
            sock = socket.socket(family, type_, proto)
            try:
                if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:
                    sock.settimeout(timeout)
                if source_address:
                    sock.bind(source_address)
                if watchdog is not None:
                    watchdog.watch(sock)
                sock.connect(sockaddr)
                return sock
            except OSError as exc:
                error = exc
                sock.close()
        raise error or OSError(f"cannot connect to {host}")

    return create_connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, allow_private: bool, watchdog: _Watchdog | None = None):
        super().__init__()
        self.allow_private = allow_private
        self.watchdog = watchdog

    def http_open(self, req):
        connect = _guarded_connect(self.allow_private, self.watchdog)

        def factory(host, **kwargs):
            conn = http.client.HTTPConnection(host, **kwargs)
            conn._create_connection = connect
            return conn

        return self.do_open(factory, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, allow_private: bool, watchdog: _Watchdog | None = None):
        super().__init__(context=ssl.create_default_context())
        self.allow_private = allow_private
        self.watchdog = watchdog

    def https_open(self, req):
        connect = _guarded_connect(self.allow_private, self.watchdog)

        def factory(host, **kwargs):
            conn = http.client.HTTPSConnection(host, **kwargs)
            conn._create_connection = connect
            return conn

        return self.do_open(factory, req, context=self._context)


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def __init__(self, allow_private: bool):
        self.allow_private = allow_private

    def http_error_302(self, req, fp, code, msg, headers):
        target = headers.get("location") or headers.get("uri")
        if target:
            newurl = urllib.parse.urljoin(req.full_url, target)
            try:
                check_url(newurl, self.allow_private)
            except FetchError as exc:
                fp.close()
                raise FetchError(req.full_url, f"redirected to {newurl}, which is refused: {exc.reason}") from None
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener(allow_private: bool, watchdog: _Watchdog | None = None) -> urllib.request.OpenerDirector:
    # Built from scratch: no ProxyHandler, FileHandler, FTPHandler or DataHandler.
    opener = urllib.request.OpenerDirector()
    for handler in (
        _HTTPHandler(allow_private, watchdog),
        _HTTPSHandler(allow_private, watchdog),
        _Redirects(allow_private),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        urllib.request.UnknownHandler(),
    ):
        opener.add_handler(handler)
    return opener


def _format_for(content_type: str, path: str, data: bytes) -> str | None:
    mime = content_type.split(";", 1)[0].strip().lower()
    suffix = PurePosixPath(path).suffix.lower()
    by_suffix = SUPPORTED.get(suffix)
    if mime in ("text/plain", "application/octet-stream", "") and by_suffix:
        return by_suffix  # a .md or .csv served as plain text or bytes
    if mime in CONTENT_TYPES:
        return CONTENT_TYPES[mime]
    if by_suffix:
        return by_suffix
    head = data[:512].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if mime.startswith("text/"):
        return "txt"
    return None


def _file_name(url: str, fmt: str) -> str:
    parts = urllib.parse.urlsplit(url)
    stem = PurePosixPath(urllib.parse.unquote(parts.path)).name or (parts.hostname or "page")
    suffix = _SUFFIX[fmt]
    if SUPPORTED.get(PurePosixPath(stem).suffix.lower()) == fmt:
        return stem
    return (PurePosixPath(stem).stem if PurePosixPath(stem).suffix else stem) + suffix


def fetch_url(
    url: str, *, allow_private: bool = False, timeout: float = TIMEOUT_S, max_bytes: int = 50 * 1024 * 1024
) -> Fetched:
    """The bytes at ``url``; raises ``FetchError`` (naming the URL and the reason) otherwise."""
    url = (url or "").strip()
    if not url:
        raise FetchError("(no URL)", "the URL is empty")
    check_url(url, allow_private)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    deadline = time.monotonic() + timeout
    watchdog = _Watchdog(timeout)
    try:
        with _opener(allow_private, watchdog).open(request, timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(url, f"the file is {int(length) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB")
            parts: list[bytes] = []
            total = 0
            while True:
                if time.monotonic() > deadline:
                    raise FetchError(url, f"timed out after {timeout:g} s")
                block = resp.read(65536)
                if not block:
                    break
                total += len(block)
                if total > max_bytes:
                    raise FetchError(url, f"the file is larger than the limit of {max_bytes / 1e6:.0f} MB")
                parts.append(block)
            final_url = resp.geturl()
            content_type = resp.headers.get("Content-Type", "")
        if watchdog.expired:  # the watchdog cut the body short
            raise FetchError(url, f"timed out after {timeout:g} s")
    except FetchError:
        raise
    except Exception as exc:
        if watchdog.expired:
            raise FetchError(url, f"timed out after {timeout:g} s") from None
        raise _translate(url, exc, timeout) from None
    finally:
        watchdog.cancel()
    data = b"".join(parts)
    fmt = _format_for(content_type, urllib.parse.urlsplit(final_url).path, data)
    if fmt is None:
        raise FetchError(url, f"unsupported content type {content_type.split(';')[0] or '(none)'}")
    return Fetched(
        url=url, final_url=final_url, data=data, content_type=content_type, name=_file_name(final_url, fmt), fmt=fmt
    )


def _translate(url: str, exc: Exception, timeout: float) -> FetchError:
    """A urllib/socket failure as a FetchError with a one-line reason."""
    if isinstance(exc, urllib.error.HTTPError):
        return FetchError(url, f"the server answered HTTP {exc.code} {exc.reason}")
    if isinstance(exc, urllib.error.URLError):
        reason = exc.reason
        if isinstance(reason, _Refused):
            return FetchError(url, str(reason))
        if isinstance(reason, socket.timeout) or "timed out" in str(reason):
            return FetchError(url, f"timed out after {timeout:g} s")
        if isinstance(reason, ssl.SSLError):
            return FetchError(url, f"TLS error ({reason.reason or reason})")
        if isinstance(reason, ConnectionRefusedError):
            return FetchError(url, "connection refused")
        return FetchError(url, f"network error ({getattr(reason, 'strerror', None) or reason})")
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return FetchError(url, f"timed out after {timeout:g} s")
    if isinstance(exc, (http.client.HTTPException, OSError)):
        return FetchError(url, f"network error ({type(exc).__name__}: {exc})")
    return FetchError(url, f"unexpected {type(exc).__name__}: {exc}")


def add_url(library, url: str, progress=None, *, timeout: float = TIMEOUT_S) -> IngestResult:
    """Fetch ``url`` and ingest it as a document whose id is the URL; failures come back as a
    ``failed`` result with the reason (never raised)."""
    url = (url or "").strip()
    settings = library.settings
    try:
        fetched = fetch_url(
            url, allow_private=settings.allow_private_urls, timeout=timeout, max_bytes=settings.max_file_bytes
        )
    except FetchError as exc:
        return IngestResult(url or "(no URL)", IngestStatus.FAILED, doc_id=url, reason=str(exc))
    try:
        doc = load_bytes(fetched.data, name=url, original_name=fetched.name, fmt=fetched.fmt, url=fetched.final_url)
    except IngestError as exc:
        return IngestResult(url, IngestStatus.FAILED, doc_id=url, reason=exc.reason)
    doc = replace(doc, meta=replace(doc.meta, added_on=date.today().isoformat()))
    return library.add_loaded([doc], progress)[0]
