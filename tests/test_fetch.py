"""Add by URL: http(s) only, no loopback/private/link-local targets (redirects re-checked), a
time limit and a size limit, clear failures naming the URL.

Servers here listen on 127.0.0.1 only and are reached with ``allow_private=True`` (or with the
address check patched to allow exactly 127.0.0.1); refused targets are refused before any
connection is made.
"""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest

from nearshore_qa import fetch
from nearshore_qa.fetch import FetchError, add_url, address_allowed, check_url, fetch_url
from nearshore_qa.records import IngestResult

PAGE = (
    b"<html><head><title>Border trade page</title><meta property='og:site_name' content='Test Wire'>"
    b"</head><body><article><h1>Border trade</h1><p>Trade reached US$70.04 billion in August 2022.</p>"
    b"</article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    routes: dict = {}

    def log_message(self, *args):
        pass

    def do_GET(self):
        route = self.routes.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        route(self)


def _send(body: bytes, ctype: str = "text/html; charset=utf-8", length: bool = True):
    def respond(h):
        h.send_response(200)
        h.send_header("Content-Type", ctype)
        if length:
            h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        try:
            h.wfile.write(body)
        except OSError:
            pass  # the client gave up (timeout and size-limit tests)

    return respond


def _redirect(target: str):
    def respond(h):
        h.send_response(302)
        h.send_header("Location", target.format(port=h.server.server_port))
        h.send_header("Content-Length", "0")
        h.end_headers()

    return respond


def _slow(h):
    time.sleep(2.0)
    _send(b"late")(h)


def _trickle_body(h):
    """Headers at once, then a byte every 0.1 s: each read is quick, the whole is not."""
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.send_header("Content-Length", "100")
    h.end_headers()
    _drip(h, b"x" * 100)


def _trickle_headers(h):
    _drip(h, b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Padding: " + b"y" * 100)


def _drip(h, data: bytes):
    try:
        for i in range(len(data)):
            h.wfile.write(data[i : i + 1])
            h.wfile.flush()
            time.sleep(0.1)
    except OSError:
        pass  # the client gave up


@pytest.fixture(scope="module")
def server():
    Handler.routes = {
        "/page": _send(PAGE),
        "/notes.md": _send(b"# Notes\n\nTrucks carried 72.51% of the trade in 2024.\n", "text/plain"),
        "/big": _send(b"x" * 5000, "text/plain"),
        "/big-unsized": _send(b"x" * 5000, "text/plain", length=False),
        "/slow": _slow,
        "/trickle-body": _trickle_body,
        "/trickle-headers": _trickle_headers,
        "/image": _send(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "image/png"),
        "/to-page": _redirect("http://127.0.0.1:{port}/page"),
        "/to-other-loopback": _redirect("http://127.0.0.2:{port}/page"),
        "/to-metadata": _redirect("http://169.254.169.254/latest/meta-data/"),
        "/to-file": _redirect("file:///etc/passwd"),
        "/empty": _send(b"   ", "text/plain"),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8501/",
        "http://app.localhost/",
        "http://[::1]/",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://172.16.5.4/",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://[fe80::1]/",
    ],
)
def test_non_public_targets_are_refused_before_connecting(url, monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", lambda *a: pytest.fail("connected"))
    with pytest.raises(FetchError) as err:
        fetch_url(url)
    assert url in str(err.value) and "refusing" in err.value.reason


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/x", "javascript:alert(1)", "example.org/page", "http:///nohost"]
)
def test_only_http_and_https_with_a_host(url):
    with pytest.raises(FetchError) as err:
        fetch_url(url)
    assert err.value.url == url


def test_names_resolving_to_private_addresses_are_refused(monkeypatch):
    def fake_getaddrinfo(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port))]

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", lambda *a: pytest.fail("connected"))
    with pytest.raises(FetchError) as err:
        fetch_url("https://intranet.example.test/report.pdf")
    assert "resolves to 10.0.0.7" in err.value.reason


def test_address_allowed():
    assert address_allowed("8.8.8.8") and address_allowed("2606:4700:4700::1111")
    for ip in ("127.0.0.1", "10.0.0.1", "192.168.1.1", "169.254.1.1", "::1", "fe80::1", "::ffff:10.0.0.1", "224.0.0.1"):
        assert not address_allowed(ip), ip
    assert address_allowed("127.0.0.1", allow_private=True) and address_allowed("10.0.0.1", allow_private=True)
    assert not address_allowed("0.0.0.0", allow_private=True) and not address_allowed("not-an-ip")
    assert check_url("https://www.bts.gov/x").hostname == "www.bts.gov"


def test_fetches_a_page_when_private_addresses_are_allowed(server):
    got = fetch_url(server + "/page", allow_private=True)
    assert got.fmt == "html" and got.data == PAGE and got.name == "page.html"
    md = fetch_url(server + "/notes.md", allow_private=True)
    assert md.fmt == "md" and md.name == "notes.md"


def test_redirects_are_followed_and_rechecked(server, monkeypatch):
    got = fetch_url(server + "/to-page", allow_private=True)
    assert got.final_url.endswith("/page") and got.fmt == "html"
    # Allow exactly the test server's address: a redirect elsewhere must be refused.
    monkeypatch.setattr(fetch, "address_allowed", lambda ip, allow_private=False: ip == "127.0.0.1")
    assert fetch_url(server + "/to-page").fmt == "html"
    for path, why in (("/to-other-loopback", "127.0.0.2"), ("/to-metadata", "169.254.169.254"), ("/to-file", "file")):
        with pytest.raises(FetchError) as err:
            fetch_url(server + path)
        assert "redirected to" in err.value.reason and why in err.value.reason


def test_size_limit_with_and_without_content_length(server):
    for path in ("/big", "/big-unsized"):
        with pytest.raises(FetchError) as err:
            fetch_url(server + path, allow_private=True, max_bytes=1000)
        assert "limit" in err.value.reason
    assert len(fetch_url(server + "/big", allow_private=True, max_bytes=5000).data) == 5000


def test_timeout(server):
    start = time.monotonic()
    with pytest.raises(FetchError) as err:
        fetch_url(server + "/slow", allow_private=True, timeout=0.5)
    assert "timed out" in err.value.reason and time.monotonic() - start < 1.9


@pytest.mark.parametrize("path", ["/trickle-body", "/trickle-headers"])
def test_a_trickling_server_cannot_outlast_the_time_limit(server, path):
    start = time.monotonic()
    with pytest.raises(FetchError) as err:
        fetch_url(server + path, allow_private=True, timeout=0.8)
    assert "timed out after 0.8 s" in err.value.reason and time.monotonic() - start < 3


def test_http_errors_and_unsupported_content(server):
    with pytest.raises(FetchError) as err:
        fetch_url(server + "/missing", allow_private=True)
    assert "HTTP 404" in err.value.reason
    with pytest.raises(FetchError) as err:
        fetch_url(server + "/image", allow_private=True)
    assert "unsupported content type image/png" in err.value.reason


def test_offline_failure_names_the_url():
    url = "https://nearshore-qa.invalid/articles/border-trade"
    with pytest.raises(FetchError) as err:
        fetch_url(url)
    assert str(err.value).startswith(f"cannot fetch {url}: ") and "resolve" in err.value.reason


class FakeLibrary:
    def __init__(self, allow_private: bool):
        self.settings = SimpleNamespace(allow_private_urls=allow_private, max_file_bytes=10**6)
        self.docs = []

    def add_loaded(self, docs, progress=None):
        self.docs += docs
        return [IngestResult(d.meta.doc_id, "added", doc_id=d.meta.doc_id, chunks=1) for d in docs]


def test_add_url_ingests_with_the_url_as_identity(server):
    lib = FakeLibrary(allow_private=True)
    result = add_url(lib, server + "/page")
    assert result.status == "added" and result.doc_id == server + "/page"
    meta = lib.docs[0].meta
    assert meta.title == "Border trade page" and meta.source == "Test Wire" and meta.url == server + "/page"
    assert "US$70.04 billion" in lib.docs[0].text


def test_add_url_reports_failures_without_raising(server):
    lib = FakeLibrary(allow_private=False)
    refused = add_url(lib, server + "/page")
    assert refused.status == "failed" and "refusing 127.0.0.1" in refused.reason and server in refused.reason
    offline = add_url(lib, "https://nearshore-qa.invalid/x")
    assert offline.status == "failed" and "https://nearshore-qa.invalid/x" in offline.reason
    empty = add_url(FakeLibrary(allow_private=True), server + "/empty")
    assert empty.status == "failed" and empty.reason == "empty file"
    assert add_url(lib, "  ").status == "failed" and not lib.docs
