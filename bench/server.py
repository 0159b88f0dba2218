"""A loopback static host for a built site that counts the bytes it sends.

Like a real static host it sends the right MIME types and the headers of the build's
`_headers` file. It sends files as they are (no compression) unless `use_gzip(True)`,
which then compresses text, scripts and WebAssembly as common hosts do.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from collections import Counter
from pathlib import Path
from collections.abc import Callable
from typing import BinaryIO

MIME_TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
              ".json": "application/json", ".svg": "image/svg+xml", ".css": "text/css"}
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt"}


def host_headers(site_dir: Path) -> list[tuple[str, str]]:
    """The header lines of `site/_headers` (Netlify/Cloudflare format), or none without one."""
    path = site_dir / "_headers"
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(name.strip(), value.strip()) for name, sep, value in
            (line.partition(":") for line in lines if line[:1].isspace()) if sep]


class _CountingWriter(io.RawIOBase):
    """Wraps the socket writer; adds every byte written to the server's tally for the path."""

    def __init__(self, raw: BinaryIO, add: Callable[[int], None]) -> None:
        super().__init__()
        self.raw, self.add = raw, add

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.add(len(data))
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()

    def close(self) -> None:
        super().close()
        self.raw.close()


class _Handler(http.server.SimpleHTTPRequestHandler):
    server: "SiteServer"
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def setup(self) -> None:
        super().setup()
        counter = _CountingWriter(self.wfile, functools.partial(self.server.count, self))
        self.wfile = counter  # type: ignore[assignment]

    def end_headers(self) -> None:
        for name, value in self.server.extra_headers:
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.server.compress and accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = self.server.compressed(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature from the base class
        pass


class SiteServer(http.server.ThreadingHTTPServer):
    """Serves `site_dir` on 127.0.0.1 (a free port) in a background thread; counts bytes per path."""

    def __init__(self, site_dir: Path) -> None:
        super().__init__(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site_dir)))
        self.site_dir = site_dir
        self.url = f"http://127.0.0.1:{self.server_port}/"
        self.compress = False
        self.extra_headers: list[tuple[str, str]] = []
        self.sent: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._gzip_lock = threading.Lock()
        self._gzipped: dict[Path, bytes] = {}
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def use_gzip(self, on: bool) -> None:
        """Switch compression on or off; switching on compresses the site's files up front."""
        if on:
            for path in self.site_dir.rglob("*"):
                if path.suffix in COMPRESSIBLE and path.is_file():
                    self.compressed(path)
        self.compress = on

    def reload_headers(self) -> None:
        """Read `_headers` again (after a build into site_dir)."""
        self.extra_headers = host_headers(self.site_dir)

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
