"""A loopback static host for a built site, as the tests and the bench need one.

Like a real static host it sends the right MIME types and the headers of the build's
`_headers` file (read again whenever it changes, so the server may start before the build).
It sends files as they are unless `use_gzip(True)`, which then compresses text, scripts and
WebAssembly as common hosts do. It counts the bytes it writes per path, headers included,
for the bench's weight figures. With a `prefix` it plays a host that publishes the site in a
folder (`/guide/`): the files are served under it, and every other address is a 404.
"""

from __future__ import annotations

import datetime
import email.utils
import functools
import gzip
import http.server
import io
import shutil
import socket
import sys
import threading
from collections import Counter
from collections.abc import Callable
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Self

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

MIME_TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
              ".json": "application/json", ".svg": "image/svg+xml", ".css": "text/css"}
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt"}
Headers = list[tuple[str, str]]


def read_headers_file(site_dir: Path) -> Headers:
    """The headers `site/_headers` (Netlify/Cloudflare format) gives every path; none without one.

    The build writes one `/*` block; a block for other paths would need matching that this
    host does not do, so it is refused rather than silently left out.
    """
    path = site_dir / "_headers"
    if not path.is_file():
        return []
    headers: Headers = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if not line[:1].isspace():
            if line.strip() != "/*":
                raise ValueError(f"{path}: only a `/*` block is served here, not {line.strip()!r}")
            continue
        name, colon, value = line.partition(":")
        if colon:
            headers.append((name.strip(), value.strip()))
    return headers


class _CountingWriter(io.BufferedIOBase):
    """Wraps the socket writer; adds every byte written to the server's tally for the path."""

    def __init__(self, raw: io.BufferedIOBase, add: Callable[[int], None]) -> None:
        super().__init__()
        self.raw, self.add = raw, add

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer) -> int:
        self.add(memoryview(data).nbytes)
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()

    def close(self) -> None:
        super().close()
        self.raw.close()


def not_modified_since(header: str | None, modified: int) -> bool:
    """Whether an `If-Modified-Since` value covers a file last modified at `modified` (epoch s)."""
    if not header:
        return False
    try:
        since = email.utils.parsedate_to_datetime(header)
    except (TypeError, IndexError, OverflowError, ValueError):
        return False
    if since.tzinfo is None:
        since = since.replace(tzinfo=datetime.UTC)
    return modified <= since.timestamp()


class _Handler(http.server.SimpleHTTPRequestHandler):
    server: SiteServer
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile, functools.partial(self.server.count, self))

    def end_headers(self) -> None:
        for name, value in self.server.headers():
            self.send_header(name, value)
        super().end_headers()

    def translate_path(self, path: str) -> str:
        """The file for an address under the server's prefix (the prefix stands for site_dir)."""
        return super().translate_path("/" + path.removeprefix(self.server.prefix))

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        if not self.path.startswith(self.server.prefix):
            self.send_error(HTTPStatus.NOT_FOUND, "outside the folder the site is published in")
            return None
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.server.compress and accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        # With the validator every host sends, and 304 for a copy still good, as the plain
        # files get: a browser can then keep the runtime in its HTTP cache.
        modified = int(path.stat().st_mtime)
        if not_modified_since(self.headers.get("If-Modified-Since"), modified):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.end_headers()
            return None
        body = self.server.compressed(path)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(modified))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class SiteServer(http.server.ThreadingHTTPServer):
    """Serves `site_dir` on 127.0.0.1 (a free port) from a background thread until `close()`.

    `prefix` is the folder of the address the site is published in (`/guide/`), `/` for the
    host's root. `rewrite_headers` changes the `_headers` lines before they are sent, to play a
    host that drops or alters some of them.
    """

    def __init__(self, site_dir: Path, *, prefix: str = "/",
                 rewrite_headers: Callable[[Headers], Headers] | None = None) -> None:
        if not (prefix.startswith("/") and prefix.endswith("/")):
            raise ValueError(f"prefix must start and end with '/', not {prefix!r}")
        super().__init__(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site_dir)))
        self.site_dir = site_dir
        self.prefix = prefix
        self.url = f"http://127.0.0.1:{self.server_port}{prefix}"
        self.compress = False
        self.sent: Counter[str] = Counter()
        self._rewrite = rewrite_headers or (lambda headers: headers)
        self._headers: tuple[float, Headers] | None = None  # (mtime of _headers, its lines)
        self._lock = threading.Lock()
        self._gzip_lock = threading.Lock()  # apart: compressing the runtime must not stall counting
        self._gzipped: dict[Path, bytes] = {}
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def publish(self, site: Path) -> None:
        """Serve `site` from now on, as a deploy replaces the files of a host."""
        shutil.rmtree(self.site_dir)
        # Written now, as a deploy writes them: with the build's own times kept, a file could
        # seem no newer than the copy a browser holds, and get a 304.
        shutil.copytree(site, self.site_dir, copy_function=shutil.copy)
        with self._gzip_lock:
            self._gzipped.clear()

    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        """A browser that hangs up mid-response (a closed tab) is no error of the site's."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def headers(self) -> Headers:
        """The `_headers` lines for every response, read again when the file changes."""
        path = self.site_dir / "_headers"
        mtime = path.stat().st_mtime if path.is_file() else 0.0
        with self._lock:
            if self._headers is None or self._headers[0] != mtime:
                self._headers = (mtime, read_headers_file(self.site_dir))
            return self._rewrite(self._headers[1])

    def use_gzip(self, on: bool) -> None:
        """Switch compression on or off; switching on compresses the site's files up front."""
        if on:
            for path in self.site_dir.rglob("*"):
                if path.suffix in COMPRESSIBLE and path.is_file():
                    self.compressed(path)
        self.compress = on

    def count(self, handler: _Handler, size: int) -> None:
        with self._lock:
            self.sent[getattr(handler, "path", "?").split("?")[0]] += size

    def take_counts(self) -> Counter[str]:
        """Bytes sent per path (headers included) since the last call."""
        with self._lock:
            sent, self.sent = self.sent, Counter()
        return sent

    def compressed(self, path: Path) -> bytes:
        """The gzip body of a file, compressed once (level 6, as hosts commonly use)."""
        with self._gzip_lock:
            if path not in self._gzipped:
                self._gzipped[path] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            return self._gzipped[path]

    def close(self) -> None:
        self.shutdown()
        self.server_close()
