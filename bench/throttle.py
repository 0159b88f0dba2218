"""The bench's host: devkit's SiteServer, which can also play a slow network, or none, at the server.

Why at the server: DevTools network throttling (`Network.emulateNetworkConditions` on the
page's CDP session) does not reach requests a service worker makes. Measured on this
Chromium: a module worker fetching 1 MB under "slow 4G" took 5.2 s on an uncontrolled page
and 27 ms on a page whose service worker passes the fetch on (the same setting sent to the
service worker's own DevTools target changed nothing). With the site's service worker, the
quiz runtime is fetched by the service worker, so only a throttle at the host slows every
request alike.

The profile is DevTools' own: `latency` ms before every response starts, and one link of
`download` bytes per second shared by every connection (as DevTools shares it between a
page's requests). Uploads are not slowed: the site's requests are a few hundred bytes.

No network: Playwright's offline switch covers pages, their workers and service workers, but
not the browser's own update check of a registered service worker's script, which still
reached the server in the offline runs. `unreachable()` makes the host hang up on every
request without a response, as a network that is down would fail it, and notes its path.
"""

from __future__ import annotations

import functools
import io
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from devkit.serve import SiteServer, _Handler


@dataclass(frozen=True)
class Network:
    """A slow network: latency before each response (ms) and the download rate (bytes/s)."""

    latency_ms: float
    download: float  # bytes per second, shared by all connections

    def describe(self) -> str:
        return f"{self.latency_ms:g} ms, {self.download * 8 / 1e6:g} Mbps down"


# DevTools' "slow 4G"-like profile as the bench used it before (its 750 kbps up left out).
SLOW_4G = Network(latency_ms=150, download=1_600_000 / 8)


def pace(free_at: float, now: float, size: int, rate: float) -> tuple[float, float]:
    """One chunk on a shared link: (when the link is next free, how long to wait before the
    chunk counts as arrived). The link never banks idle time."""
    done = max(now, free_at) + size / rate
    return done, done - now


class _SlowHandler(_Handler):
    server: BenchServer

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        if self.server.refused is not None:
            self.server.refused.append(self.path.split("?")[0])
            self.close_connection = True  # no response at all: the browser sees a network error
            return None
        network = self.server.network
        if network is not None:
            time.sleep(network.latency_ms / 1000)
        return super().send_head()


class BenchServer(SiteServer):
    """A SiteServer whose responses can be slowed by `with server.slowed(SLOW_4G):`."""

    def __init__(self, site_dir: Path) -> None:
        super().__init__(site_dir)
        # The serving thread has started, but nothing has connected yet.
        self.RequestHandlerClass = functools.partial(_SlowHandler, directory=str(site_dir))
        self.network: Network | None = None
        self.refused: list[str] | None = None  # while unreachable: the paths asked for
        self._link = threading.Lock()
        self._free_at = 0.0

    def count(self, handler: _Handler, size: int) -> None:
        """Count the bytes (SiteServer), then hold the write until the link has carried them."""
        super().count(handler, size)
        network = self.network
        if network is None or size <= 0:
            return
        with self._link:
            self._free_at, wait = pace(self._free_at, time.monotonic(), size, network.download)
        time.sleep(wait)

    @contextmanager
    def slowed(self, network: Network) -> Iterator[None]:
        self.network, self._free_at = network, 0.0
        try:
            yield
        finally:
            self.network = None

    @contextmanager
    def unreachable(self) -> Iterator[list[str]]:
        """No response to anything for the duration; yields the list of paths asked for meanwhile."""
        refused: list[str] = []
        self.refused = refused
        try:
            yield refused
        finally:
            self.refused = None

    @contextmanager
    def gzipped(self) -> Iterator[None]:
        """Compression on, as hosts serve the site, for the duration."""
        self.use_gzip(True)
        try:
            yield
        finally:
            self.use_gzip(False)
