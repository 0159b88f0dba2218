"""The bench's pure pieces: the slow-network host, the bare pages, the weight and offline
bookkeeping (no Chromium here; the measuring itself runs with `make bench`)."""

from __future__ import annotations

import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from bench import browser, offline, weight
from bench.throttle import SLOW_4G, BenchServer, Network, pace


def test_the_link_is_shared_and_never_banks_idle_time() -> None:
    assert pace(free_at=0.0, now=10.0, size=200, rate=100) == (12.0, 2.0)  # idle link: starts now
    assert pace(free_at=12.0, now=10.5, size=100, rate=100) == (13.0, 2.5)  # busy: waits its turn
    assert SLOW_4G.describe() == "150 ms, 1.6 Mbps down"


def _fetch(url: str) -> tuple[bytes, float]:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=10) as response:
        body = response.read()
    return body, time.perf_counter() - start


def test_the_bench_server_slows_responses_only_while_asked_and_still_counts_them(tmp_path: Path) -> None:
    (tmp_path / "blob.bin").write_bytes(b"x" * 40_000)
    with BenchServer(tmp_path) as server:
        body, _ = _fetch(server.url + "blob.bin")
        assert len(body) == 40_000
        with server.slowed(Network(latency_ms=100, download=200_000)):  # 0.1 s + 0.2 s of transfer
            _, slow = _fetch(server.url + "blob.bin")
        assert slow >= 0.28  # a lower bound: a loaded machine only adds to it
        assert server.network is None
        # Back to full speed: faster than the slowed fetch (an upper bound in seconds would fail on
        # a loaded machine, as a timed test does).
        _, after = _fetch(server.url + "blob.bin")
        assert after < slow
        assert server.take_counts()["/blob.bin"] > 2 * 40_000


def _site(tmp_path: Path, stdlibs: tuple[str, ...] = ("stdlib-0123456789ab.zip",)) -> Path:
    site = tmp_path / "site"
    runtime = site / "assets" / "pyodide" / "314.0.7"
    runtime.mkdir(parents=True)
    (runtime / "pyodide.mjs").write_text("")
    for name in stdlibs:
        (runtime / name).write_bytes(b"PK")
    bundle = site / "assets" / "quiz" / "abcdef012345"
    bundle.mkdir(parents=True)
    (bundle / "pyodide-lock.json").write_text("{}")
    return site


def test_the_bare_pages_load_the_stock_stdlib_copied_beside_them_or_the_sites(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stock = tmp_path / "python_stdlib.zip"
    stock.write_bytes(b"stock")
    monkeypatch.setattr(browser, "STOCK_STDLIB", stock)
    site = _site(tmp_path)
    browser.write_bare_pages(site)
    stock_worker = (site / "bench-blank" / "stock" / "worker.mjs").read_text()
    site_worker = (site / "bench-blank" / "site" / "worker.mjs").read_text()
    assert 'new URL("./python_stdlib.zip", location.href)' in stock_worker
    assert (site / "bench-blank" / "stock" / "python_stdlib.zip").read_bytes() == b"stock"
    assert 'new URL("/assets/pyodide/314.0.7/stdlib-0123456789ab.zip", location.href)' in site_worker
    for worker in (stock_worker, site_worker):
        assert 'from "/assets/pyodide/314.0.7/pyodide.mjs"' in worker
        assert "/assets/quiz/abcdef012345/pyodide-lock.json" in worker
        assert "{" + "stdlib}" not in worker and "stdLibURL" in worker
    assert browser.stdlib_files(site) == {
        "stock": site / "bench-blank" / "stock" / "python_stdlib.zip",
        "site": site / "assets" / "pyodide" / "314.0.7" / "stdlib-0123456789ab.zip"}


@pytest.mark.parametrize("stdlibs", [(), ("stdlib-aaaaaaaaaaaa.zip", "stdlib-bbbbbbbbbbbb.zip")])
def test_the_bare_pages_need_exactly_one_site_stdlib(tmp_path: Path, stdlibs: tuple[str, ...]) -> None:
    with pytest.raises(FileNotFoundError, match="expected one stdlib-"):
        browser.site_stdlib(_site(tmp_path, stdlibs))


def test_variants_take_turns_going_first() -> None:
    assert [browser.alternate(("stock", "site"), run) for run in range(3)] == [
        ("stock", "site"), ("site", "stock"), ("stock", "site")]


def test_pyodide_bytes_are_the_runtime_its_stdlibs_the_lockfile_and_the_wheel() -> None:
    for path in ("/assets/pyodide/314.0.7/pyodide.asm.wasm", "/assets/pyodide/314.0.7/stdlib-0123456789ab.zip",
                 "/assets/quiz/abc/pyodide-lock.json", "/assets/quiz/abc/quizzes-1.0.0-py3-none-any.whl",
                 "/bench-blank/stock/python_stdlib.zip"):
        assert weight.is_pyodide(path), path
    for path in ("/assets/quiz/abc/widget.js", "/service-worker.js", "/why-trust-matters/"):
        assert not weight.is_pyodide(path), path


def test_pages_without_a_quiz_leave_out_the_quiz_pages_and_the_benchs_own(tmp_path: Path) -> None:
    for path, html in {"": "<p>home</p>", "quiz/": '<div data-quiz="x"></div>', "plain/": "<p>text</p>",
                       "bench-blank/stock/": "<p>bare</p>", "bench-blank/site/": "<p>bare</p>"}.items():
        (tmp_path / path).mkdir(parents=True, exist_ok=True)
        (tmp_path / path / "index.html").write_text(html)
    assert weight.pages_without_quiz(tmp_path) == ["", "plain/"]


def test_uncompressed_and_zip_gzipped_totals_swap_only_the_bodies(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>" + "words " * 2_000 + "</p>")
    (tmp_path / "lib.zip").write_bytes(b"\0" * 10_000)
    with BenchServer(tmp_path) as server:
        html, archive = tmp_path / "page.html", tmp_path / "lib.zip"
        sent = Counter({"/page.html": 100 + len(server.compressed(html)), "/lib.zip": 100 + 10_000})
        assert weight.uncompressed_total(server, sent) == 200 + html.stat().st_size + 10_000
        assert weight.with_zip_gzipped(server, sent) == 200 + len(server.compressed(html)) + len(
            server.compressed(archive))


def test_one_failed_offline_run_fails_the_figure_and_keeps_the_others_samples() -> None:
    runs = [offline.OfflineRun(1200.0, True), offline.OfflineRun(1400.0, False, update_check=True)]
    figure = offline.offline_figure("trust-signs", "signs-of-rebuilding/", runs,
                                    ["the page did not open from the cache offline: net::ERR_INTERNET_DISCONNECTED"])
    assert figure.samples == [1200.0, 1400.0] and figure.met is False
    assert figure.failure == ("1 of 3 runs: the page did not open from the cache offline: "
                              "net::ERR_INTERNET_DISCONNECTED")
    assert "in 1 of 2 runs" in figure.note and "in 1 of 2 runs the browser's update check" in figure.note
    assert offline.offline_figure("trust-signs", "signs-of-rebuilding/", runs, []).failure is None


def test_an_unreachable_host_answers_nothing_and_notes_what_was_asked(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>hello</p>")
    with BenchServer(tmp_path) as server:
        with server.unreachable() as refused, pytest.raises((ConnectionError, OSError)):
            _fetch(server.url + "page.html?x=1")
        assert refused == ["/page.html"] and server.refused is None
        assert _fetch(server.url + "page.html")[0] == b"<p>hello</p>"


def test_a_cached_load_that_downloaded_the_runtime_again_fails_its_figure() -> None:
    revalidated = [browser.Bare(900.0, 700.0, sent=7_000), browser.Bare(950.0, 720.0, sent=6_500)]
    assert browser._downloaded_again(revalidated) is None
    failure = browser._downloaded_again([*revalidated, browser.Bare(2000.0, 1500.0, sent=3_808_000)])
    assert failure is not None and "3,808 kB" in failure
